#ifndef LEDE_TOOLS_NER_CONLL_H_
#define LEDE_TOOLS_NER_CONLL_H_

// CoNLL-style BIO files as raw documents: the trainer and evaluator rebuild
// each document's text the way the service would see it (tokens joined by
// spaces, one sentence per line) and keep the gold entities as character
// spans of that text.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"

namespace lede {
namespace ner {

struct GoldEntity {
  ByteSpan span;
  int type = 0;  // index into kTypeNames (PER, ORG, LOC, MISC)
};

struct ConllDocument {
  std::string text;
  std::vector<GoldEntity> entities;  // in text order
  int tokens = 0;
};

// ReadConll()
//
// Reads `token<TAB>tag` lines (BIO over PER/ORG/LOC/MISC; an I- without a B-
// opens an entity), blank lines between sentences, `-DOCSTART-` between
// documents. Files without -DOCSTART- lines become one document per
// `sentences_per_doc` sentences.
absl::StatusOr<std::vector<ConllDocument>> ReadConll(const std::string& path,
                                                     int sentences_per_doc = 0);

// EntityScore
//
// Exact span-and-type match counts, per type and overall (conlleval
// semantics: micro-averaged precision, recall and F1).
struct EntityScore {
  std::array<int64_t, 4> gold{}, predicted{}, correct{};

  void Add(const std::vector<GoldEntity>& gold_entities,
           const std::vector<GoldEntity>& predicted_entities);
  double Precision(int type) const;  // type -1: overall
  double Recall(int type) const;
  double F1(int type) const;
  std::string Table() const;
};

// SharedDataPath()
//
// $LEDE_SHARED_DIR/data/<relative>, or ../shared/data/<relative> beside the
// working directory when the variable is unset.
std::string SharedDataPath(const std::string& relative);

}  // namespace ner
}  // namespace lede

#endif  // LEDE_TOOLS_NER_CONLL_H_
