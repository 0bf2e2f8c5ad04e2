#ifndef LEDE_ENGINE_ENTITIES_GAZETTEER_H_
#define LEDE_ENGINE_ENTITIES_GAZETTEER_H_

// Gazetteer: phrase lists (countries, cities, given names, ...) matched
// against token sequences, for the named-entity tagger's features.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
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
// Up to 31 named lists of phrases. `Match()` marks, for every token and list,
// whether the token begins, continues or is a whole phrase of the list (the
// longest phrase wins where phrases overlap). Phrases span at most
// `kMaxPhraseTokens` tokens and `kMaxPhraseBytes` bytes, so matching is linear
// in the number of tokens.
//
// A table built by `Add()` also holds *prefix marks*: the key of every part
// of a phrase that ends where a token may end (at white space, beside a
// character other than an ASCII letter or digit, before a "n't" clitic)
// carries `kPrefixMark`. `Match()` stops growing a phrase as soon as the
// tokens so far are neither a phrase nor a marked prefix, so most tokens
// cost one or two lookups instead of up to `kMaxPhraseTokens`. Phrases still
// match however a tokenizer splits them at those places ("Guinea-Bissau" as
// one token or three), but no longer across a break the phrase does not
// have: "take over" does not match the one-word phrase "takeover", which a
// table without marks (older model files; matched without stopping early)
// did. On CoNLL-2003 dev that changed one mention of the model trained
// before the marks existed.
//
// Immutable after construction; safe to share across threads.
class Gazetteer {
 public:
  static constexpr int kMaxLists = 31;
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
  uint32_t Lookup(uint64_t key) const { return LookupRaw(key) & ~kPrefixMark; }
  // Whether `key` is a proper prefix of some phrase, as `Match()` sees it
  // (always true for a table without prefix marks).
  bool MayExtend(uint64_t key) const {
    return !prefix_marks_ || (LookupRaw(key) & kPrefixMark) != 0;
  }
  bool has_prefix_marks() const { return prefix_marks_; }

  // For tokens [first, first + count) of `seg`: out[(t - first) *
  // list_count() + list] = Position. `out` is resized. When `lists_of` is
  // not null it gets, per token, the bit mask of the lists whose Position is
  // not kNone, so a caller can skip the others.
  void Match(std::string_view text, const std::vector<Token>& tokens,
             int32_t first, int32_t count, std::vector<uint8_t>* out,
             std::vector<uint32_t>* lists_of = nullptr) const;

  // Binary form for a model file section, and back. The form is an
  // open-addressing hash table, so loading is a copy, not a rebuild.
  // The form ends with a flags field saying whether the table holds prefix
  // marks; older forms end with the table.
  std::string Serialize() const;
  static absl::StatusOr<Gazetteer> Parse(std::string_view bytes);

  // Every phrase key with its lists' bit mask (prefix marks left out), in
  // key order: what two tables must share to match alike.
  std::vector<std::pair<uint64_t, uint32_t>> Entries() const;

 private:
  // The mask bit of a prefix mark; above every list's bit.
  static constexpr uint32_t kPrefixMark = uint32_t{1} << kMaxLists;

  // Lists and prefix mark of `key`.
  uint32_t LookupRaw(uint64_t key) const;
  // Every stored key with its mask, prefix marks included, in key order.
  std::vector<std::pair<uint64_t, uint32_t>> RawEntries() const;

  std::vector<std::string> names_;
  // Whether the table holds prefix marks for every phrase in it: true for a
  // table built by Add() from empty, or parsed from a form that says so.
  bool prefix_marks_ = true;
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
