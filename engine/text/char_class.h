#ifndef LEDE_ENGINE_TEXT_CHAR_CLASS_H_
#define LEDE_ENGINE_TEXT_CHAR_CLASS_H_

// Character classes used by the tokenizer and the segmenter. ASCII is decided
// by table; everything else asks ICU for Unicode properties. All functions
// take a byte offset on a code point boundary of valid UTF-8.

#include <cstdint>
#include <string_view>

#include "engine/text/utf8.h"

namespace lede {
namespace text_internal {

inline bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
inline bool IsAsciiAlpha(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
inline bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(unsigned char c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c);
}

// IsSpaceCodePoint()
//
// Unicode White_Space plus the zero-width space and the byte order mark,
// which separate tokens but are never part of one.
bool IsSpaceCodePoint(char32_t cp);

// IsWordCodePoint()
//
// Letters (Alphabetic), digits and other numbers, and combining marks.
bool IsWordCodePoint(char32_t cp);

// IsExtendCodePoint()
//
// Code points that continue the grapheme before them (Grapheme_Cluster_Break
// Extend, SpacingMark or ZWJ): combining marks, variation selectors, emoji
// modifiers.
bool IsExtendCodePoint(char32_t cp);

// IsPictographic()
//
// Extended_Pictographic or a regional indicator: the start of an emoji.
bool IsPictographic(char32_t cp);

// IsPunctuationOrSymbol()
//
// General category P* (punctuation), Sc, Sm or Sk. Other symbols (So),
// controls and unassigned code points are not.
bool IsPunctuationOrSymbol(char32_t cp);

bool IsUpperCodePoint(char32_t cp);  // Uppercase or titlecase letter
bool IsLowerCodePoint(char32_t cp);  // Lowercase letter

// SpaceLengthAt()
//
// Byte length of the whitespace code point at `i`, or 0 if it is not one.
inline int SpaceLengthAt(std::string_view t, size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return IsAsciiSpace(c) ? 1 : 0;
  int len;
  const char32_t cp = DecodeUtf8(t, i, &len);
  return IsSpaceCodePoint(cp) ? len : 0;
}

// LineBreakLengthAt()
//
// Byte length of the line break at `i` (\n, \r\n, \r, \v, \f, U+0085,
// U+2028, U+2029), or 0.
inline int LineBreakLengthAt(std::string_view t, size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == '\n' || c == '\v' || c == '\f') return 1;
  if (c == '\r') return (i + 1 < t.size() && t[i + 1] == '\n') ? 2 : 1;
  if (c == 0xC2 && i + 1 < t.size() &&
      static_cast<unsigned char>(t[i + 1]) == 0x85) {
    return 2;
  }
  if (c == 0xE2 && i + 2 < t.size() &&
      static_cast<unsigned char>(t[i + 1]) == 0x80) {
    const unsigned char d = static_cast<unsigned char>(t[i + 2]);
    if (d == 0xA8 || d == 0xA9) return 3;
  }
  return 0;
}

// CodePointAt()
//
// The code point at `i` (which must be `< t.size()`), its length in `*len`.
inline char32_t CodePointAt(std::string_view t, size_t i, int* len) {
  return DecodeUtf8(t, i, len);
}

// IsWordAt()
//
// True when the code point at `i` (`i < t.size()`) is a word code point.
inline bool IsWordAt(std::string_view t, size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return IsAsciiAlnum(c);
  int len;
  return IsWordCodePoint(DecodeUtf8(t, i, &len));
}

}  // namespace text_internal
}  // namespace lede

#endif  // LEDE_ENGINE_TEXT_CHAR_CLASS_H_
