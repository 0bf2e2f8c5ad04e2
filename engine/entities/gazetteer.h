#ifndef LEDE_ENGINE_ENTITIES_GAZETTEER_H_
#define LEDE_ENGINE_ENTITIES_GAZETTEER_H_

// Gazetteer: phrase lists (countries, cities, given names, ...) matched
// against token sequences, for the named-entity tagger's features.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "engine/analysis.h"

namespace lede {
namespace ner {

// GazetteerKey()
//
// The key of a phrase: a 64-bit hash of its characters, ASCII-lowercased,
// with whitespace removed. Keys do not depend on where a tokenizer puts token
// boundaries, so "Guinea-Bissau" matches whether or not the hyphen is a token
// of its own. `AppendGazetteerKey()` extends a key by more characters, so a
// matcher can grow a phrase one token at a time.
uint64_t GazetteerKey(std::string_view phrase);
uint64_t AppendGazetteerKey(uint64_t key, std::string_view more);
inline constexpr uint64_t kEmptyGazetteerKey = 1469598103934665603ULL;

// Gazetteer
//
// Up to 32 named lists of phrases. `Match()` marks, for every token and list,
// whether the token begins, continues or is a whole phrase of the list (the
// longest phrase wins where phrases overlap). Phrases span at most
// `kMaxPhraseTokens` tokens and `kMaxPhraseBytes` bytes, so matching is linear
// in the number of tokens.
//
// Immutable after construction; safe to share across threads.
class Gazetteer {
 public:
  static constexpr int kMaxLists = 32;
  static constexpr int kMaxPhraseTokens = 8;
  static constexpr int kMaxPhraseBytes = 64;

  // How a token relates to the phrases of one list.
  enum Position : uint8_t { kNone = 0, kBegin = 1, kInside = 2, kUnit = 3 };

  Gazetteer() = default;

  // Adds `phrase` to list `list` (< kMaxLists), creating it as needed;
  // `list_name` names a new list.
  void Add(int list, std::string_view list_name, std::string_view phrase);

  int list_count() const { return static_cast<int>(names_.size()); }
  const std::string& list_name(int list) const { return names_[list]; }
  size_t size() const { return keys_.empty() ? table_size_ : keys_.size(); }

  // Bit mask of the lists holding exactly `key`; 0 when none.
  uint32_t Lookup(uint64_t key) const;

  // For tokens [first, first + count) of `seg`: out[(t - first) *
  // list_count() + list] = Position. `out` is resized.
  void Match(std::string_view text, const std::vector<Token>& tokens,
             int32_t first, int32_t count, std::vector<uint8_t>* out) const;

  // Binary form for a model file section, and back. The form is an
  // open-addressing hash table, so loading is a copy, not a rebuild.
  std::string Serialize() const;
  static absl::StatusOr<Gazetteer> Parse(std::string_view bytes);

 private:
  std::vector<std::string> names_;
  // While lists are being added.
  absl::flat_hash_map<uint64_t, uint32_t> keys_;
  // After Parse(): linear probing over a power-of-two table; key 0 marks an
  // empty slot.
  std::vector<uint64_t> slot_keys_;
  std::vector<uint32_t> slot_masks_;
  size_t table_size_ = 0;
};

}  // namespace ner
}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_GAZETTEER_H_
