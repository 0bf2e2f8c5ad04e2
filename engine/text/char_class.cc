#include "engine/text/char_class.h"

#include <unicode/uchar.h>

namespace lede {
namespace text_internal {

bool IsSpaceCodePoint(char32_t cp) {
  if (cp < 0x80) return IsAsciiSpace(static_cast<unsigned char>(cp));
  if (cp == 0x200B || cp == 0xFEFF) return true;
  return u_isUWhiteSpace(static_cast<UChar32>(cp));
}

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) return IsAsciiAlnum(static_cast<unsigned char>(cp));
  const UChar32 c = static_cast<UChar32>(cp);
  if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) return true;
  switch (u_charType(c)) {
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return true;
    default:
      return false;
  }
}

bool IsExtendCodePoint(char32_t cp) {
  if (cp < 0x300) return false;
  const int gcb = u_getIntPropertyValue(static_cast<UChar32>(cp),
                                        UCHAR_GRAPHEME_CLUSTER_BREAK);
  return gcb == U_GCB_EXTEND || gcb == U_GCB_SPACING_MARK || gcb == U_GCB_ZWJ;
}

bool IsPictographic(char32_t cp) {
  if (cp < 0xA9) return false;
  if (cp >= 0x1F1E6 && cp <= 0x1F1FF) return true;  // regional indicators
  return u_hasBinaryProperty(static_cast<UChar32>(cp),
                             UCHAR_EXTENDED_PICTOGRAPHIC);
}

bool IsPunctuationOrSymbol(char32_t cp) {
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_CURRENCY_SYMBOL:
    case U_MATH_SYMBOL:
    case U_MODIFIER_SYMBOL:
      return true;
    default:
      return false;
  }
}

bool IsUpperCodePoint(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const UChar32 c = static_cast<UChar32>(cp);
  return u_isupper(c) || u_istitle(c);
}

bool IsLowerCodePoint(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}

}  // namespace text_internal
}  // namespace lede
