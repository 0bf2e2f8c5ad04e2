#ifndef LEDE_ENGINE_ENTITIES_TAGGER_H_
#define LEDE_ENGINE_ENTITIES_TAGGER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"

namespace lede {

// TaggedMention
//
// A proper-name mention found by the statistical tagger. The tagger is
// trained on CoNLL-style labels, so `type` is kPerson, kOrganization,
// kLocation or kOther (CoNLL's MISC); the resolver refines kOther into
// NATIONALITY, EVENT, WORK_OF_ART, PRODUCT where it can.
struct TaggedMention {
  ByteSpan span;  // starts and ends on token boundaries
  EntityType type = EntityType::kOther;
  float confidence = 1.0f;  // in [0, 1]
};

// Tagger
//
// The trained named-entity sequence tagger. Loaded from a model file
// (models/ner.bin); immutable afterwards and safe to share across threads.
class Tagger {
 public:
  // Loads and self-checks the model; clear errors for a missing, corrupt or
  // wrong-version file.
  static absl::StatusOr<std::unique_ptr<Tagger>> Load(const std::string& path);
  virtual ~Tagger() = default;

  // Mentions in document order, non-overlapping, each inside one sentence.
  virtual std::vector<TaggedMention> Tag(std::string_view text,
                                         const Segmentation& seg) const = 0;

  // "ner v1 (conll2003 train, 2026-11-27)" or similar.
  virtual std::string ModelId() const = 0;
};

}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_TAGGER_H_
