#include "engine/entities/gazetteer.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "engine/model/model_file.h"

namespace lede {
namespace ner {

uint64_t AppendGazetteerKey(uint64_t key, std::string_view more) {
  for (unsigned char c : more) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    key ^= c;
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
  keys_[key] |= uint32_t{1} << list;
}

void Gazetteer::Match(std::string_view text, const std::vector<Token>& tokens,
                      int32_t first, int32_t count,
                      std::vector<uint8_t>* out) const {
  const int lists = list_count();
  out->assign(static_cast<size_t>(count) * lists, kNone);
  if (lists == 0 || keys_.empty()) return;
  // end_of[list] = one past the last token of the match being marked, so a
  // shorter phrase inside a longer one does not restart the longer one.
  int32_t covered[kMaxLists];
  for (int l = 0; l < lists; ++l) covered[l] = 0;
  for (int32_t i = 0; i < count; ++i) {
    uint64_t key = kEmptyGazetteerKey;
    int32_t bytes = 0;
    // longest[list] = length in tokens of the longest phrase starting at i.
    int32_t longest[kMaxLists] = {0};
    for (int32_t k = 0; k < kMaxPhraseTokens && i + k < count; ++k) {
      const ByteSpan sp = tokens[first + i + k].span;
      bytes += sp.size();
      if (bytes > kMaxPhraseBytes) break;
      key = AppendGazetteerKey(key, sp.Of(text));
      uint32_t mask = Lookup(key);
      while (mask != 0) {
        const int l = __builtin_ctz(mask);
        mask &= mask - 1;
        longest[l] = k + 1;
      }
    }
    for (int l = 0; l < lists; ++l) {
      const int32_t len = longest[l];
      if (len == 0 || i + len <= covered[l]) continue;
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
      covered[l] = i + len;
    }
  }
}

std::string Gazetteer::Serialize() const {
  ByteWriter w;
  w.VarU(names_.size());
  for (const auto& n : names_) w.Str(n);
  w.VarU(keys_.size());
  // Sorted, so the same lists always give the same bytes.
  std::vector<std::pair<uint64_t, uint32_t>> entries(keys_.begin(),
                                                     keys_.end());
  std::sort(entries.begin(), entries.end());
  for (const auto& [k, m] : entries) {
    w.U64(k);
    w.U32(m);
  }
  return std::move(w.data());
}

absl::StatusOr<Gazetteer> Gazetteer::Parse(std::string_view bytes) {
  ByteReader r(bytes);
  Gazetteer g;
  const uint64_t lists = r.VarU();
  if (!r.ok() || lists > kMaxLists) {
    return absl::DataLossError("gazetteer: bad list count");
  }
  for (uint64_t i = 0; i < lists; ++i) g.names_.emplace_back(r.Str());
  const uint64_t n = r.VarU();
  if (!r.ok() || n > r.remaining() / 12) {
    return absl::DataLossError("gazetteer: bad entry count");
  }
  g.keys_.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    const uint64_t k = r.U64();
    const uint32_t m = r.U32();
    g.keys_[k] = m;
  }
  if (!r.ok() || !r.done()) {
    return absl::DataLossError("gazetteer: truncated or trailing bytes");
  }
  return g;
}

}  // namespace ner
}  // namespace lede
