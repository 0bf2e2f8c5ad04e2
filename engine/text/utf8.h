#ifndef LEDE_ENGINE_TEXT_UTF8_H_
#define LEDE_ENGINE_TEXT_UTF8_H_

#include <cstdint>
#include <string_view>

#include "absl/status/status.h"

namespace lede {

// ValidateUtf8()
//
// Returns OK when `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF). Otherwise returns INVALID_ARGUMENT whose
// message names the byte offset of the first bad sequence, e.g.
// "content is not valid UTF-8: invalid byte 0xC0 at byte offset 17".
absl::Status ValidateUtf8(std::string_view text);

// FirstInvalidUtf8Offset()
//
// Byte offset of the first ill-formed sequence, or -1 when `text` is valid.
int64_t FirstInvalidUtf8Offset(std::string_view text);

// DecodeUtf8()
//
// Decodes the code point starting at `text[i]`. REQUIRES: `text` is valid
// UTF-8 and `i` is on a code point boundary, `i < text.size()`. Stores the
// sequence length in `*len`.
inline char32_t DecodeUtf8(std::string_view text, size_t i, int* len) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + i;
  if (s[0] < 0x80) {
    *len = 1;
    return s[0];
  }
  if (s[0] < 0xE0) {
    *len = 2;
    return ((s[0] & 0x1F) << 6) | (s[1] & 0x3F);
  }
  if (s[0] < 0xF0) {
    *len = 3;
    return ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  }
  *len = 4;
  return ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) |
         (s[3] & 0x3F);
}

// DecodeUtf8Before()
//
// Decodes the code point that ends at byte `i` (exclusive). REQUIRES: valid
// UTF-8, `0 < i <= text.size()`, `i` on a boundary.
char32_t DecodeUtf8Before(std::string_view text, size_t i, int* len);

// IsUtf8Boundary()
//
// True when byte offset `i` starts a code point (or is the end of `text`).
inline bool IsUtf8Boundary(std::string_view text, size_t i) {
  return i >= text.size() ||
         (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
}

}  // namespace lede

#endif  // LEDE_ENGINE_TEXT_UTF8_H_
