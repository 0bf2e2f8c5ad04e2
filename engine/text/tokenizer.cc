#include "engine/text/tokenizer.h"

#include <unicode/uchar.h>

#include <cstring>

#include "engine/text/abbreviations.h"
#include "engine/text/char_class.h"

namespace lede {
namespace {

using text_internal::CodePointAt;
using text_internal::IsAsciiAlnum;
using text_internal::IsAsciiAlpha;
using text_internal::IsAsciiDigit;
using text_internal::IsExtendCodePoint;
using text_internal::IsPictographic;
using text_internal::IsPunctuationOrSymbol;
using text_internal::IsWordAt;
using text_internal::IsWordCodePoint;
using text_internal::SpaceLengthAt;

inline unsigned char At(std::string_view t, int32_t i) {
  return static_cast<unsigned char>(t[i]);
}

// Skips code points that extend the grapheme before them.
int32_t SkipExtends(std::string_view t, int32_t i, int32_t end) {
  while (i < end && At(t, i) >= 0x80) {
    int len;
    const char32_t cp = CodePointAt(t, i, &len);
    if (!IsExtendCodePoint(cp)) break;
    i += len;
  }
  return i;
}

bool WordAt(std::string_view t, int32_t i, int32_t end) {
  return i < end && IsWordAt(t, i);
}

// End of a clitic ('s 'm 'd 'll 're 've) whose apostrophe of length `alen`
// is at `i`, or -1.
int32_t CliticEnd(std::string_view t, int32_t i, int alen, int32_t end) {
  const int32_t p = i + alen;
  int32_t q = p;
  while (q < end && q - p < 3 && IsAsciiAlpha(At(t, q))) ++q;
  if (q == p || WordAt(t, q, end)) return -1;
  char w[2] = {0, 0};
  const int32_t n = q - p;
  if (n > 2) return -1;
  for (int32_t k = 0; k < n; ++k) w[k] = static_cast<char>(At(t, p + k) | 0x20);
  const bool ok =
      n == 1 ? (w[0] == 's' || w[0] == 'm' || w[0] == 'd')
             : ((w[0] == 'l' && w[1] == 'l') || (w[0] == 'r' && w[1] == 'e') ||
                (w[0] == 'v' && w[1] == 'e'));
  return ok ? q : -1;
}

bool StartsWithNoCase(std::string_view t, int32_t i, int32_t end,
                      const char* prefix) {
  const int32_t n = static_cast<int32_t>(std::strlen(prefix));
  if (end - i < n) return false;
  for (int32_t k = 0; k < n; ++k) {
    unsigned char c = At(t, i + k);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c | 0x20);
    if (c != static_cast<unsigned char>(prefix[k])) return false;
  }
  return true;
}

int32_t ScanToSpace(std::string_view t, int32_t i, int32_t end) {
  while (i < end && SpaceLengthAt(t, i) == 0) {
    int len = 1;
    if (At(t, i) >= 0x80) CodePointAt(t, i, &len);
    i += len;
  }
  return i;
}

// Drops trailing sentence punctuation, quotes and brackets from a URL.
int32_t TrimUrlEnd(std::string_view t, int32_t b, int32_t e) {
  while (e > b + 1) {
    const unsigned char c = At(t, e - 1);
    if (c < 0x80) {
      if (std::strchr(".,;:!?'\")]}>", c) == nullptr || c == 0) break;
      --e;
      continue;
    }
    // ” ’ » and other non-ASCII punctuation at the end.
    int32_t s = e - 1;
    while (s > b && (At(t, s) & 0xC0) == 0x80) --s;
    int len;
    const char32_t cp = CodePointAt(t, s, &len);
    if (!IsPunctuationOrSymbol(cp)) break;
    e = s;
  }
  return e;
}

bool IsTopLevelDomain(std::string_view label) {
  static constexpr std::string_view kTlds[] = {
      "com", "net",  "org", "edu", "gov", "mil",  "int", "io", "co", "uk",
      "de",  "fr",   "ru",  "cn",  "jp",  "info", "biz", "tv", "ai", "app",
      "dev", "news", "eu",  "ca",  "au",  "nz",   "ly",  "gl", "kr", "ua"};
  for (std::string_view tld : kTlds) {
    if (label == tld) return true;
  }
  return false;
}

// A URL, e-mail address or bare domain starting at `i`; returns its end or
// -1. Scans only characters that cannot precede another attempt, so the
// total work over a text stays linear.
int32_t ScanSpecial(std::string_view t, int32_t i, int32_t end) {
  const unsigned char c0 = At(t, i) | 0x20;
  if ((c0 == 'h' || c0 == 'f' || c0 == 'w') &&
      (StartsWithNoCase(t, i, end, "http://") ||
       StartsWithNoCase(t, i, end, "https://") ||
       StartsWithNoCase(t, i, end, "ftp://") ||
       (StartsWithNoCase(t, i, end, "www.") && i + 4 < end &&
        IsAsciiAlnum(At(t, i + 4))))) {
    return TrimUrlEnd(t, i, ScanToSpace(t, i, end));
  }
  // Local part or domain: [A-Za-z0-9._%+-].
  auto local = [](unsigned char c) {
    return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
           c == '-';
  };
  int32_t j = i;
  while (j < end && local(At(t, j))) ++j;
  int32_t dom = i;  // start of the domain part
  int32_t k = j;
  if (j < end && At(t, j) == '@') {
    dom = j + 1;
    k = dom;
    while (k < end &&
           (IsAsciiAlnum(At(t, k)) || At(t, k) == '.' || At(t, k) == '-')) {
      ++k;
    }
  } else {
    // A bare domain has no '_', '%' or '+'.
    for (int32_t p = i; p < j; ++p) {
      const unsigned char c = At(t, p);
      if (c == '_' || c == '%' || c == '+') return -1;
    }
  }
  while (k > dom && (At(t, k - 1) == '.' || At(t, k - 1) == '-')) --k;
  if (k <= dom) return -1;
  // Labels must be non-empty; the last one is a lowercase TLD (e-mail: any
  // two or more letters).
  int32_t last_dot = -1;
  for (int32_t p = dom; p < k; ++p) {
    if (At(t, p) == '.') {
      if (p == dom || At(t, p - 1) == '.') return -1;
      last_dot = p;
    }
  }
  if (last_dot < 0) return -1;
  std::string_view tld = t.substr(last_dot + 1, k - last_dot - 1);
  if (dom > i) {  // e-mail
    if (tld.size() < 2) return -1;
    for (char c : tld) {
      if (!IsAsciiAlpha(static_cast<unsigned char>(c))) return -1;
    }
    return WordAt(t, k, end) ? -1 : k;
  }
  if (!IsTopLevelDomain(tld) || WordAt(t, k, end)) return -1;
  if (k < end && At(t, k) == '/')
    return TrimUrlEnd(t, i, ScanToSpace(t, k, end));
  return k;
}

// Dotted abbreviation of one- or two-letter groups ("U.S.", "e.g.",
// "Ph.D."), at least two groups, ending in a period. Returns the end or -1.
int32_t ScanDottedAbbreviation(std::string_view t, int32_t i, int32_t end) {
  int32_t j = i;
  int groups = 0;
  while (groups < 12) {
    int32_t k = j;
    while (k < end && k - j < 3 && IsAsciiAlpha(At(t, k))) ++k;
    const int32_t n = k - j;
    if (n == 0 || n > 2 || k >= end || At(t, k) != '.') break;
    ++groups;
    j = k + 1;
  }
  if (groups < 2) return -1;
  if (j < end && (At(t, j) == '.' || IsWordAt(t, j))) return -1;
  return j;
}

// Words and numbers. Sets `*kind`.
int32_t ScanWord(std::string_view t, int32_t i, int32_t end, TokenKind* kind) {
  int32_t j = i;
  bool has_alpha = false;
  while (j < end) {
    const unsigned char c = At(t, j);
    if (c < 0x80) {
      if (IsAsciiAlnum(c)) {
        has_alpha |= IsAsciiAlpha(c);
        ++j;
        continue;
      }
      if (c == '.' || c == ',' || c == ':' || c == '/') {
        if (j > i && IsAsciiDigit(At(t, j - 1)) && j + 1 < end &&
            IsAsciiDigit(At(t, j + 1))) {
          if (c == ',') {
            const bool three = j + 3 < end && IsAsciiDigit(At(t, j + 2)) &&
                               IsAsciiDigit(At(t, j + 3)) &&
                               (j + 4 >= end || !IsAsciiDigit(At(t, j + 4)));
            if (!three) break;
          }
          ++j;
          continue;
        }
        break;
      }
      if (c == '&') {  // AT&T, S&P
        auto upper = [](unsigned char u) { return u >= 'A' && u <= 'Z'; };
        if (j > i && upper(At(t, j - 1)) && j + 1 < end &&
            upper(At(t, j + 1))) {
          ++j;
          continue;
        }
        break;
      }
      if (c == '-') {
        if (j > i && WordAt(t, j + 1, end)) {
          ++j;
          continue;
        }
        break;
      }
      if (c != '\'') break;
    }
    int len = 1;
    char32_t cp = c;
    if (c >= 0x80) cp = CodePointAt(t, j, &len);
    if (cp == '\'' || cp == 0x2019) {
      const int32_t next = j + len;
      if (!WordAt(t, next, end)) break;
      // n't
      if ((At(t, next) | 0x20) == 't' && !WordAt(t, next + 1, end) &&
          (At(t, j - 1) | 0x20) == 'n') {
        if (j - 1 > i) {
          j = j - 1;
        } else {
          j = next + 1;
        }
        break;
      }
      if (CliticEnd(t, j, len, end) >= 0) break;
      j = next;
      continue;
    }
    if (cp == 0x2010 || cp == 0x2011) {  // hyphen, non-breaking hyphen
      if (WordAt(t, j + len, end)) {
        j += len;
        continue;
      }
      break;
    }
    if (IsWordCodePoint(cp)) {
      has_alpha = true;
      j += len;
      continue;
    }
    if (IsExtendCodePoint(cp)) {
      j += len;
      continue;
    }
    break;
  }
  *kind = has_alpha ? TokenKind::kWord : TokenKind::kNumber;
  return j;
}

// Whether the period at `dot`, right after the word `t[b, dot)`, belongs to
// the word: single letters (initials) and known abbreviations.
bool AttachesPeriod(std::string_view t, int32_t b, int32_t dot, int32_t end) {
  if (dot + 1 < end && At(t, dot + 1) == '.') return false;  // ellipsis
  int len;
  const char32_t cp = CodePointAt(t, b, &len);
  if (b + len == dot) {
    return cp < 0x80 ? IsAsciiAlpha(static_cast<unsigned char>(cp))
                     : u_isalpha(static_cast<UChar32>(cp));
  }
  for (int32_t k = b; k < dot; ++k) {
    if (!IsAsciiAlpha(At(t, k))) return false;
  }
  switch (LookupAbbreviation(t.substr(b, dot - b))) {
    case AbbreviationClass::kTitle:
    case AbbreviationClass::kNoBreak:
    case AbbreviationClass::kAmbiguous:
      return true;
    case AbbreviationClass::kNumberPrefix: {
      int32_t p = dot + 1;
      while (p < end && p < dot + 3 && (At(t, p) == ' ' || At(t, p) == '\t')) {
        ++p;
      }
      return p < end && IsAsciiDigit(At(t, p));
    }
    case AbbreviationClass::kNone:
      return false;
  }
  return false;
}

bool OpenerBefore(std::string_view t, int32_t i) {
  if (i <= 0) return true;
  const unsigned char c = At(t, i - 1);
  if (c < 0x80) return c != 0 && std::strchr("([{<\"'", c) != nullptr;
  // “ U+201C and ‘ U+2018.
  return i >= 3 && At(t, i - 3) == 0xE2 && At(t, i - 2) == 0x80 &&
         (c == 0x9C || c == 0x98);
}

// One token starting at `i` (not whitespace). Returns its end; sets `*kind`.
int32_t ScanToken(std::string_view t, int32_t i, int32_t end, bool space_before,
                  TokenKind* kind) {
  const unsigned char c = At(t, i);
  *kind = TokenKind::kPunctuation;
  if (c < 0x80) {
    if (IsAsciiAlnum(c)) {
      if (IsAsciiAlpha(c)) {
        const int32_t e = ScanDottedAbbreviation(t, i, end);
        if (e > i) {
          *kind = TokenKind::kWord;
          // "U.S.-led" stays one hyphenated word.
          if (e + 1 < end && At(t, e) == '-' && IsWordAt(t, e + 1)) {
            TokenKind ignored;
            return ScanWord(t, e + 1, end, &ignored);
          }
          return e;
        }
      }
      const int32_t e = ScanWord(t, i, end, kind);
      if (e < end && (space_before || OpenerBefore(t, i))) {
        const unsigned char d = At(t, e);
        if (d == '.' || d == '@' || d == ':' || d == '_' || d == '%' ||
            d == '+' || d == '-') {
          const int32_t s = ScanSpecial(t, i, end);
          if (s > e) {
            *kind = TokenKind::kWord;
            return s;
          }
        }
      }
      if (e < end && At(t, e) == '.' && *kind == TokenKind::kWord &&
          AttachesPeriod(t, i, e, end)) {
        return e + 1;
      }
      return e;
    }
    switch (c) {
      case '.': {
        int32_t j = i + 1;
        while (j < end && At(t, j) == '.') ++j;
        if (j > i + 1) return j;
        // ".50" after a space, "$" or "(", but not "(type 2).10".
        if (j < end && IsAsciiDigit(At(t, j)) &&
            (space_before || (At(t, i - 1) != 0 &&
                              std::strchr("$(-+", At(t, i - 1)) != nullptr))) {
          const int32_t e = ScanWord(t, j, end, kind);
          return e;
        }
        return j;
      }
      case '-': {
        int32_t j = i + 1;
        while (j < end && At(t, j) == '-') ++j;
        return j;
      }
      case '\'': {
        if (!space_before) {
          const int32_t e = CliticEnd(t, i, 1, end);
          if (e > 0) {
            *kind = TokenKind::kWord;
            return e;
          }
        }
        return i + 1;
      }
      default:
        return i + 1;
    }
  }
  int len;
  const char32_t cp = CodePointAt(t, i, &len);
  if (cp == 0x2019 && !space_before) {
    const int32_t e = CliticEnd(t, i, len, end);
    if (e > 0) {
      *kind = TokenKind::kWord;
      return e;
    }
  }
  if (IsWordCodePoint(cp)) {
    const int32_t e = ScanWord(t, i, end, kind);
    if (e < end && At(t, e) == '.' && *kind == TokenKind::kWord &&
        AttachesPeriod(t, i, e, end)) {
      return e + 1;
    }
    return e;
  }
  if (IsPictographic(cp)) {
    *kind = TokenKind::kOther;
    int32_t j = i + len;
    const bool regional = cp >= 0x1F1E6 && cp <= 0x1F1FF;
    if (regional && j < end) {
      int len2;
      const char32_t cp2 = CodePointAt(t, j, &len2);
      if (cp2 >= 0x1F1E6 && cp2 <= 0x1F1FF) j += len2;
    }
    while (true) {
      j = SkipExtends(t, j, end);
      // After a zero-width joiner (E2 80 8D), the next pictograph joins in.
      if (j < end && j - 3 >= i && At(t, j - 3) == 0xE2 &&
          At(t, j - 2) == 0x80 && At(t, j - 1) == 0x8D) {
        int len2;
        const char32_t cp2 = CodePointAt(t, j, &len2);
        if (IsPictographic(cp2)) {
          j += len2;
          continue;
        }
      }
      break;
    }
    return j;
  }
  if (!IsPunctuationOrSymbol(cp)) *kind = TokenKind::kOther;
  return i + len;
}

}  // namespace

void Tokenize(std::string_view text, int32_t begin, int32_t end,
              std::vector<Token>* tokens) {
  int32_t i = begin;
  bool space = true;
  while (i < end) {
    const int sl = SpaceLengthAt(text, i);
    if (sl > 0) {
      i += sl;
      space = true;
      continue;
    }
    Token tok;
    int32_t e = ScanToken(text, i, end, space, &tok.kind);
    if (e <= i) {  // never stall, never split a code point
      int len = 1;
      if (static_cast<unsigned char>(text[i]) >= 0x80) {
        text_internal::CodePointAt(text, i, &len);
      }
      e = i + len;
    }
    e = SkipExtends(text, e, end);
    tok.span = {i, e};
    tok.space_before = space;
    tokens->push_back(tok);
    space = false;
    i = e;
  }
}

}  // namespace lede
