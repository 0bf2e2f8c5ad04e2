#include "engine/text/utf8.h"

#include "absl/strings/str_format.h"

namespace lede {

int64_t FirstInvalidUtf8Offset(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Fast path over ASCII, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlong forms
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // no overlong forms
      if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
      return static_cast<int64_t>(i);  // continuation byte, C0, C1, F5..FF
    }
    if (i + len > n) return static_cast<int64_t>(i);
    if (s[i + 1] < lo || s[i + 1] > hi) return static_cast<int64_t>(i);
    for (size_t k = 2; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return static_cast<int64_t>(i);
    }
    i += len;
  }
  return -1;
}

absl::Status ValidateUtf8(std::string_view text) {
  const int64_t bad = FirstInvalidUtf8Offset(text);
  if (bad < 0) return absl::OkStatus();
  const unsigned char c = static_cast<unsigned char>(text[bad]);
  const bool truncated = [&] {
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    return len != 0 && static_cast<size_t>(bad) + len > text.size();
  }();
  return absl::InvalidArgumentError(absl::StrFormat(
      "content is not valid UTF-8: %s byte 0x%02X at byte offset %d; send "
      "text encoded as UTF-8",
      truncated ? "truncated sequence starting with" : "invalid", c, bad));
}

char32_t DecodeUtf8Before(std::string_view text, size_t i, int* len) {
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) --j;
  return DecodeUtf8(text, j, len);
}

}  // namespace lede
