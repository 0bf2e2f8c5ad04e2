#include "engine/entities/gazetteer.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "engine/entities/ner_model.h"
#include "engine/model/model_file.h"

namespace lede {
namespace ner {

namespace {

// Keys are FNV hashes; remix them for the table index. Key 0 is reserved
// for empty slots, so a (vanishingly unlikely) key 0 is stored as 1.
inline uint64_t SlotKey(uint64_t key) { return key == 0 ? 1 : key; }
inline size_t SlotOf(uint64_t key, size_t mask) {
  uint64_t x = key ^ (key >> 29);
  x *= 0xbf58476d1ce4e5b9ULL;
  return static_cast<size_t>(x ^ (x >> 32)) & mask;
}

// The white space keys leave out. (Not IsAsciiSpace(): keys in model files
// were computed with these four.)
constexpr bool IsKeySpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Whether a tokenizer may end a token between `phrase[i - 1]` and
// `phrase[i]` (both not white space): beside any byte other than an ASCII
// letter or digit (punctuation, symbols, every byte of a non-ASCII
// character), and before the "n" of a "n't" clitic ("don't" → "do" "n't").
// Over-inclusive on purpose: an extra mark costs a table entry, a missing one
// would lose a match.
bool MayEndTokenBefore(std::string_view phrase, size_t i) {
  const auto c = [&](size_t k) -> unsigned char {
    return k < phrase.size() ? static_cast<unsigned char>(phrase[k]) : 0;
  };
  if (!absl::ascii_isalnum(c(i - 1)) || !absl::ascii_isalnum(c(i))) return true;
  return (c(i) == 'n' || c(i) == 'N') &&
         (c(i + 1) == '\'' ||
          (c(i + 1) == 0xE2 && c(i + 2) == 0x80 && c(i + 3) == 0x99));
}

// Flags after the table in the serialized form.
constexpr uint64_t kFormPrefixMarks = 1;

}  // namespace

namespace {

// What AppendGazetteerKey() hashes for each byte: its ASCII lowercase, or -1
// for white space, which it skips. Looked up rather than tested per byte:
// the tagger's gazetteer matching hashes every token at least once.
constexpr std::array<int16_t, 256> kKeyByte = [] {
  std::array<int16_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = IsKeySpace(c) ? -1 : (c >= 'A' && c <= 'Z') ? c + 32 : c;
  }
  return t;
}();

}  // namespace

uint64_t AppendGazetteerKey(uint64_t key, std::string_view more) {
  for (unsigned char c : more) {
    const int b = kKeyByte[c];
    if (b < 0) continue;
    key ^= static_cast<uint64_t>(b);
    key *= 1099511628211ULL;
  }
  return key;
}

uint64_t GazetteerKey(std::string_view phrase) {
  return AppendGazetteerKey(kEmptyGazetteerKey, phrase);
}

void Gazetteer::Add(int list, std::string_view list_name,
                    std::string_view phrase) {
  if (list < 0 || list >= kMaxLists) return;
  if (list >= static_cast<int>(names_.size())) names_.resize(list + 1);
  if (names_[list].empty()) names_[list] = std::string(list_name);
  const uint64_t key = GazetteerKey(phrase);
  if (key == kEmptyGazetteerKey) return;
  keys_[SlotKey(key)] |= uint32_t{1} << list;
  // Prefix marks: the key of every proper prefix that ends where a token
  // may end. `so_far` is the key of phrase[0, i) without white space.
  uint64_t so_far = kEmptyGazetteerKey;
  bool space = false;
  for (size_t i = 0; i < phrase.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(phrase[i]);
    if (IsKeySpace(c)) {
      space = true;
      continue;
    }
    if (so_far != kEmptyGazetteerKey &&
        (space || MayEndTokenBefore(phrase, i))) {
      keys_[SlotKey(so_far)] |= kPrefixMark;
    }
    space = false;
    so_far = AppendGazetteerKey(so_far, phrase.substr(i, 1));
  }
}

void Gazetteer::Match(std::string_view text, const std::vector<Token>& tokens,
                      int32_t first, int32_t count, std::vector<uint8_t>* out,
                      std::vector<uint32_t>* lists_of) const {
  const int lists = list_count();
  out->assign(static_cast<size_t>(count) * lists, kNone);
  if (lists_of != nullptr) lists_of->assign(count, 0);
  if (lists == 0 || size() == 0) return;
  // end_of[list] = one past the last token of the match being marked, so a
  // shorter phrase inside a longer one does not restart the longer one.
  int32_t covered[kMaxLists];
  for (int l = 0; l < lists; ++l) covered[l] = 0;
  for (int32_t i = 0; i < count; ++i) {
    uint64_t key = kEmptyGazetteerKey;
    int32_t bytes = 0;
    // longest[list] = length in tokens of the longest phrase starting at i,
    // for the lists in `starting` (other entries are not set).
    int32_t longest[kMaxLists];
    uint32_t starting = 0;
    for (int32_t k = 0; k < kMaxPhraseTokens && i + k < count; ++k) {
      const ByteSpan sp = tokens[first + i + k].span;
      bytes += sp.size();
      if (bytes > kMaxPhraseBytes) break;
      key = AppendGazetteerKey(key, sp.Of(text));
      const uint32_t found = LookupRaw(key);
      uint32_t mask = found & ~kPrefixMark;
      starting |= mask;
      while (mask != 0) {
        const int l = __builtin_ctz(mask);
        mask &= mask - 1;
        longest[l] = k + 1;
      }
      // No phrase goes on from here.
      if (prefix_marks_ && !(found & kPrefixMark)) break;
    }
    // Only lists with a phrase starting here mark anything. (A damaged
    // table may name lists the gazetteer does not have: leave those out.)
    starting &= (uint32_t{1} << lists) - 1;
    for (; starting != 0; starting &= starting - 1) {
      const int l = __builtin_ctz(starting);
      const int32_t len = longest[l];
      if (i + len <= covered[l]) continue;
      if (i < covered[l]) continue;  // overlaps a match already marked
      uint8_t* row = out->data();
      if (len == 1) {
        row[static_cast<size_t>(i) * lists + l] = kUnit;
      } else {
        row[static_cast<size_t>(i) * lists + l] = kBegin;
        for (int32_t k = 1; k < len; ++k) {
          row[static_cast<size_t>(i + k) * lists + l] = kInside;
        }
      }
      if (lists_of != nullptr) {
        for (int32_t k = 0; k < len; ++k) (*lists_of)[i + k] |= 1u << l;
      }
      covered[l] = i + len;
    }
  }
}

uint32_t Gazetteer::LookupRaw(uint64_t key) const {
  uint32_t found = 0;
  if (!slot_keys_.empty()) {
    const uint64_t sk = SlotKey(key);
    const size_t mask = slot_keys_.size() - 1;
    for (size_t i = SlotOf(sk, mask);; i = (i + 1) & mask) {
      const uint64_t k = slot_keys_[i];
      if (k == sk) {
        found = slot_masks_[i];
        break;
      }
      if (k == 0) break;
    }
  }
  if (!keys_.empty()) {
    auto it = keys_.find(SlotKey(key));
    if (it != keys_.end()) found |= it->second;
  }
  return found;
}

std::vector<std::pair<uint64_t, uint32_t>> Gazetteer::RawEntries() const {
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  for (size_t i = 0; i < slot_keys_.size(); ++i) {
    if (slot_keys_[i] != 0) entries.push_back({slot_keys_[i], slot_masks_[i]});
  }
  for (const auto& [k, m] : keys_) entries.push_back({k, m});
  std::sort(entries.begin(), entries.end());
  return entries;
}

std::vector<std::pair<uint64_t, uint32_t>> Gazetteer::Entries() const {
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  for (const auto& [k, m] : RawEntries()) {
    if ((m & ~kPrefixMark) != 0) entries.push_back({k, m & ~kPrefixMark});
  }
  return entries;
}

std::string Gazetteer::Serialize() const {
  // Sorted, so the same lists always give the same bytes.
  const std::vector<std::pair<uint64_t, uint32_t>> entries = RawEntries();
  size_t capacity = 16;
  while (capacity < entries.size() * 2) capacity *= 2;
  std::vector<uint64_t> keys(capacity, 0);
  std::vector<uint32_t> masks(capacity, 0);
  for (const auto& [k, m] : entries) {
    size_t i = SlotOf(k, capacity - 1);
    while (keys[i] != 0 && keys[i] != k) i = (i + 1) & (capacity - 1);
    keys[i] = k;
    masks[i] |= m;
  }
  size_t used = 0;
  for (uint64_t k : keys) used += k != 0;
  ByteWriter w;
  w.VarU(names_.size());
  for (const auto& n : names_) w.Str(n);
  w.VarU(used);
  w.VarU(capacity);
  std::string& d = w.data();
  const size_t at = d.size();
  d.resize(at + capacity * 12);
  // Little-endian, as every ByteWriter field.
  for (size_t i = 0; i < capacity; ++i) {
    for (int b = 0; b < 8; ++b)
      d[at + i * 8 + b] = static_cast<char>(keys[i] >> (8 * b));
  }
  const size_t at2 = at + capacity * 8;
  for (size_t i = 0; i < capacity; ++i) {
    for (int b = 0; b < 4; ++b)
      d[at2 + i * 4 + b] = static_cast<char>(masks[i] >> (8 * b));
  }
  // Older forms end with the table; readers of those take no marks.
  if (prefix_marks_) w.VarU(kFormPrefixMarks);
  return std::move(w.data());
}

absl::StatusOr<Gazetteer> Gazetteer::Parse(std::string_view bytes) {
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
                "model files are little-endian; add byte swapping");
  ByteReader r(bytes);
  Gazetteer g;
  const uint64_t lists = r.VarU();
  if (!r.ok() || lists > kMaxLists) {
    return absl::DataLossError("gazetteer: bad list count");
  }
  for (uint64_t i = 0; i < lists; ++i) g.names_.emplace_back(r.Str());
  const uint64_t n = r.VarU();
  const uint64_t capacity = r.VarU();
  if (!r.ok() || capacity < 16 || (capacity & (capacity - 1)) != 0 ||
      n * 2 > capacity || capacity > r.remaining() / 12) {
    return absl::DataLossError("gazetteer: bad table size");
  }
  const std::string_view keys = r.Raw(capacity * 8);
  const std::string_view masks = r.Raw(capacity * 4);
  uint64_t flags = 0;
  if (r.ok() && !r.done()) flags = r.VarU();
  if (!r.ok() || !r.done() || (flags & ~kFormPrefixMarks) != 0) {
    return absl::DataLossError("gazetteer: truncated or trailing bytes");
  }
  g.prefix_marks_ = (flags & kFormPrefixMarks) != 0;
  g.slot_keys_ = ReadLittleEndianArray<uint64_t>(keys);
  g.slot_masks_ = ReadLittleEndianArray<uint32_t>(masks);
  size_t used = 0;
  for (uint64_t k : g.slot_keys_) used += k != 0;
  if (used != n) return absl::DataLossError("gazetteer: entry count mismatch");
  g.table_size_ = n;
  return g;
}

}  // namespace ner
}  // namespace lede
