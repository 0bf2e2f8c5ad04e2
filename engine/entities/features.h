#ifndef LEDE_ENGINE_ENTITIES_FEATURES_H_
#define LEDE_ENGINE_ENTITIES_FEATURES_H_

// Feature extraction for the named-entity tagger: every token of a document
// gets a list of 64-bit feature hashes (word, shape, affixes, context,
// capitalization in context, gazetteer matches, word clusters and
// document-level evidence). The model maps each hash to a row of its
// weight table (feature hashing), so no feature dictionary is stored.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "engine/analysis.h"
#include "engine/entities/gazetteer.h"

namespace lede {
namespace ner {

// Hash64() / MixHash()
//
// A 64-bit hash of bytes and a combiner of two hashes. Stable across builds
// and platforms: model files depend on them.
uint64_t Hash64(std::string_view s);
constexpr uint64_t MixHash(uint64_t a, uint64_t b) {
  uint64_t x = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// WordShape()
//
// The shape of `word`: uppercase letters become 'X', lowercase 'x', digits
// 'd', other ASCII characters stay, non-ASCII letters become 'u'. With
// `collapse`, runs of the same class shrink to one character ("Xx", "d-d");
// otherwise the shape keeps at most 12 characters.
std::string WordShape(std::string_view word, bool collapse);

// WordClusters
//
// Word (ASCII-lowercased) → cluster path: the bits of a binary cluster-tree
// path under a leading 1 bit (so "0110" is 0b10110). Empty when the model
// has none.
using WordClusters = absl::flat_hash_map<uint64_t, uint32_t>;

// WordShapeHashes()
//
// Hash64(WordShape(word, false)) and Hash64(WordShape(word, true)), in one
// pass over `word` without building either string (every distinct word form
// of a document needs both).
void WordShapeHashes(std::string_view word, uint64_t* shape,
                     uint64_t* short_shape);

// FormFeatures
//
// What the features of a token read from its characters alone: its
// lowercase-form hash, capitalization class, short shape and cluster, and
// the hashes of its form-only features in the order Extract() emits them. A
// word form recurs many times in an article, so Prepare() computes this once
// per distinct form. Internal to FeatureExtractor (public so callers can own
// the storage).
struct FormFeatures {
  std::string_view text;  // the form itself, pointing into the document
  uint64_t lower = 0;
  uint64_t short_shape = 0;
  uint32_t cluster = 0;
  uint8_t cap = 0;
  // Word, lowercase form, shape, short shape, then each prefix and suffix
  // of one to four bytes.
  uint8_t head_count = 0;
  uint8_t cluster_count = 0;
  uint64_t head[12];
  uint64_t length;
  uint64_t clusters[4];
  // The features that read this form from a neighbouring token, also per
  // form: MixHash(template, value) for the templates named (for the
  // two-part bigram and capitalization hashes, the first part).
  uint64_t lower_m1, lower_p1, lower_m2, lower_p2;  // of `lower`
  uint64_t shape_m1, shape_p1;                      // of `short_shape`
  uint64_t bigram_m1, bigram_p1;                    // of `lower`
  uint64_t lower_m1_cap, lower_p1_cap;              // of `lower`
  uint64_t cluster_m1, cluster_p1;                  // of `cluster`
};

// TokenInfo
//
// What the features of a token and of its neighbours read about it: its
// form and whether it starts its sentence. Internal to FeatureExtractor
// (public so callers can own the scratch space).
struct TokenInfo {
  const FormFeatures* form = nullptr;
  bool initial = false;
};

// SpanFeatures
//
// Feature hashes of a run of tokens: the run's `i`-th token has
// `hashes[begin[i] .. begin[i + 1])`. Reusing one SpanFeatures for many
// runs reuses its buffers, so extraction does not allocate once they have
// grown.
struct SpanFeatures {
  std::vector<uint32_t> begin;
  std::vector<uint64_t> hashes;
  // Per token: its lowercase-form hash and PredictionHistory flags.
  std::vector<uint64_t> lower;
  std::vector<uint8_t> history_flags;
  // Scratch space of FeatureExtractor::Extract().
  std::vector<TokenInfo> info;
  std::vector<FormFeatures> forms;
  std::vector<uint8_t> gazetteer;
  std::vector<uint32_t> gazetteer_lists;

  const uint64_t* of(int32_t t) const { return hashes.data() + begin[t]; }
  int count(int32_t t) const {
    return static_cast<int>(begin[t + 1] - begin[t]);
  }
};

// PredictionHistory
//
// The labels a tagger gave, earlier in the same document, to each
// capitalized word form ("extended prediction history"): a later "Clinton"
// or a headline's "RUSSIA" leans on how the document's earlier mentions were
// typed. Feature hashes share the extractor's hashing. One per document;
// memory grows with the distinct capitalized forms.
class PredictionHistory {
 public:
  // Flags for `history_flags`: the token is capitalized (the history is
  // kept and consulted only for these), sentence-initial, all caps.
  static constexpr uint8_t kCapitalized = 1;
  static constexpr uint8_t kInitial = 2;
  static constexpr uint8_t kAllCaps = 4;

  void Clear() { counts_.clear(); }
  // Appends the history features of a token to `out`.
  void AddFeatures(uint64_t lower, uint8_t flags,
                   std::vector<uint64_t>* out) const;
  // Records that a token got entity type `type` (0-3), or -1 for none.
  void Record(uint64_t lower, uint8_t flags, int type);

 private:
  absl::flat_hash_map<uint64_t, std::array<uint16_t, 5>> counts_;
};

// DocumentContext
//
// Document-level evidence gathered by `FeatureExtractor::Prepare()`: the kind
// of each sentence (normal, all caps, title case) and, per lowercase word
// form, how the document writes it elsewhere. Memory is one byte per sentence
// plus about 300 bytes per distinct word form, and up to 29 bytes per token.
struct DocumentContext {
  std::vector<uint8_t> line_kind;
  absl::flat_hash_map<uint64_t, uint8_t> forms;
  // Per token of the document: its lowercase-form hash, capitalization
  // class and index into `form_features`, computed once by Prepare() and
  // reused by Extract().
  std::vector<uint64_t> lower;
  std::vector<uint8_t> cap;
  std::vector<uint32_t> form;
  // One entry per distinct word form of the document.
  std::vector<FormFeatures> form_features;
  // Scratch space of Prepare(): an open-addressing table of indices into
  // `form_features` (-1: empty), placed by lowercase hash. (A general map
  // keyed by the form would hash its bytes again, which measured slower.)
  std::vector<int32_t> form_slots;
};

// FeatureExtractor
//
// Computes feature hashes of tokens. `Prepare()` reads the whole document
// once; `Extract()` then gives the features of any run of tokens inside one
// sentence (context features look up to two tokens beyond the run, within
// the sentence). Both are linear in the tokens they read, so a caller can cap
// memory by extracting long sentences in pieces.
//
// Holds pointers to the gazetteer and clusters (either may be null), which
// must outlive it. Immutable; safe to share across threads.
class FeatureExtractor {
 public:
  FeatureExtractor(const Gazetteer* gazetteer, const WordClusters* clusters)
      : gazetteer_(gazetteer), clusters_(clusters) {}

  void Prepare(std::string_view text, const Segmentation& seg,
               DocumentContext* context) const;

  // Features of tokens `[first, first + count)`, all in sentence `sentence`
  // of `seg`. REQUIRES: `context` was prepared from the same text and `seg`.
  void Extract(std::string_view text, const Segmentation& seg,
               const DocumentContext& context, int32_t sentence, int32_t first,
               int32_t count, SpanFeatures* out) const;

 private:
  const Gazetteer* gazetteer_;
  const WordClusters* clusters_;
};

}  // namespace ner
}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_FEATURES_H_
