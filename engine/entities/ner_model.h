#ifndef LEDE_ENGINE_ENTITIES_NER_MODEL_H_
#define LEDE_ENGINE_ENTITIES_NER_MODEL_H_

// The linear-chain model behind the named-entity tagger: the label scheme
// (BIO or BILOU over four CoNLL types), a hashed weight table, transition
// scores and constrained Viterbi decoding. Shared by the runtime tagger and
// the trainer (tools/ner).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"
#include "engine/entities/features.h"

namespace lede {
namespace ner {

// The four CoNLL types, in label order.
inline constexpr int kNumTypes = 4;
inline constexpr std::string_view kTypeNames[kNumTypes] = {"PER", "ORG", "LOC",
                                                           "MISC"};
// EntityTypeOf()
//
// PER → kPerson, ORG → kOrganization, LOC → kLocation, MISC → kOther.
EntityType EntityTypeOf(int type);

enum class TagScheme : uint8_t { kBio = 0, kBilou = 1 };

// LabelSet
//
// Label 0 is O; type `t`'s parts follow at 1 + t * parts(): B, I (BIO) or B,
// I, L, U (BILOU).
class LabelSet {
 public:
  explicit LabelSet(TagScheme scheme) : scheme_(scheme) {}

  TagScheme scheme() const { return scheme_; }
  int parts() const { return scheme_ == TagScheme::kBio ? 2 : 4; }
  int size() const { return 1 + kNumTypes * parts(); }
  int Label(int type, int part) const { return 1 + type * parts() + part; }
  // -1 for O.
  int TypeOf(int label) const {
    return label == 0 ? -1 : (label - 1) / parts();
  }
  int PartOf(int label) const {
    return label == 0 ? -1 : (label - 1) % parts();
  }
  std::string Name(int label) const;

  // Whether `cur` may follow `prev` (-1: sentence start) and whether `label`
  // may end a sequence.
  bool Allowed(int prev, int cur) const;
  bool CanEnd(int label) const;

  // Labels of `count` tokens carrying the given [first, last] token ranges
  // (relative to the run) of each type; ranges must not overlap.
  struct Chunk {
    int32_t first = 0;
    int32_t last = 0;  // inclusive
    int type = 0;
  };
  std::vector<uint8_t> Encode(int32_t count,
                              const std::vector<Chunk>& chunks) const;
  // The chunks of a label sequence (any sequence: an I or L without a B
  // starts a chunk; a type change ends one).
  std::vector<Chunk> Decode(const uint8_t* labels, int32_t count) const;

 private:
  TagScheme scheme_;
};

// Viterbi()
//
// Best label sequence for `count` tokens. `emissions[t * L + y]` scores label
// `y` at token `t`; `transitions[(p + 1) * L + y]` scores `y` after `p`
// (row 0: after the sentence start); `final_scores[y]` scores `y` as the last
// label. Only sequences the label set allows are considered. `out` gets
// `count` labels. Linear in `count`.
void Viterbi(const LabelSet& labels, const float* emissions, int32_t count,
             const float* transitions, const float* final_scores,
             std::vector<uint8_t>* out);

// TransitionTable
//
// The transition, start and final scores of Viterbi() with the label set's
// constraints folded in (a disallowed move scores -infinity), so decoding
// does not consult LabelSet::Allowed(). Built once per model (the runtime
// tagger builds it at load time); decoding with it gives exactly the labels
// of Viterbi() on the same scores.
struct TransitionTable {
  int num_labels = 0;
  std::vector<float> start;   // [y]: y first
  std::vector<float> trans;   // [p * L + y]: y after p
  std::vector<float> finish;  // [y]: y last

  static TransitionTable Build(const LabelSet& labels, const float* transitions,
                               const float* final_scores);
};

// Viterbi() with a prebuilt table. `back` is scratch space (reused across
// calls to avoid allocation); `out` gets `count` labels.
void Viterbi(const TransitionTable& table, const float* emissions,
             int32_t count, std::vector<uint8_t>* back,
             std::vector<uint8_t>* out);

namespace internal {

// Reads the `T` values of a little-endian byte array (for
// ReadLittleEndianArray(): a range constructor reads through it once).
template <typename T>
struct LittleEndianIterator {
  using iterator_category = std::random_access_iterator_tag;
  using value_type = T;
  using difference_type = std::ptrdiff_t;
  using pointer = const T*;
  using reference = T;

  const char* p;

  T operator*() const {
    static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
                  "model files are little-endian; add byte swapping");
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
  }
  LittleEndianIterator& operator++() {
    p += sizeof(T);
    return *this;
  }
  LittleEndianIterator operator++(int) {
    LittleEndianIterator old = *this;
    p += sizeof(T);
    return old;
  }
  difference_type operator-(const LittleEndianIterator& o) const {
    return (p - o.p) / static_cast<difference_type>(sizeof(T));
  }
  bool operator==(const LittleEndianIterator& o) const { return p == o.p; }
  bool operator!=(const LittleEndianIterator& o) const { return p != o.p; }
};

}  // namespace internal

// ReadLittleEndianArray()
//
// The `bytes.size() / sizeof(T)` little-endian values of `bytes` (which
// need not be aligned), built in one pass: no zero-filled buffer to copy
// into, so loading a large table touches its memory once.
template <typename T>
std::vector<T> ReadLittleEndianArray(std::string_view bytes) {
  using It = internal::LittleEndianIterator<T>;
  const size_t n = bytes.size() / sizeof(T);
  return std::vector<T>(It{bytes.data()}, It{bytes.data() + n * sizeof(T)});
}

// LinearModel
//
// The trained parameters in their runtime form: weights quantized to int16
// with one scale, `rows` (a power of two) rows of `labels` weights each; a
// feature hash picks row `hash & (rows - 1)`.
struct LinearModel {
  TagScheme scheme = TagScheme::kBio;
  int num_labels = 0;
  uint32_t row_bits = 0;
  float scale = 1.0f;
  std::vector<int16_t> weights;     // rows * num_labels
  std::vector<float> transitions;   // (num_labels + 1) * num_labels
  std::vector<float> final_scores;  // num_labels

  // Emission scores of a run of tokens, `out[t * num_labels + y]`, from
  // `features` plus, when not null, `extra` (same layout; `lower` unused).
  void Score(const SpanFeatures& features, const SpanFeatures* extra,
             int32_t count, std::vector<float>* out) const;

  std::string Serialize() const;
  static absl::StatusOr<LinearModel> Parse(std::string_view bytes);
};

}  // namespace ner
}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_NER_MODEL_H_
