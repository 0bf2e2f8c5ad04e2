#include "engine/quotes/quote_marks.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace lede {
namespace {

// Decodes the code point starting at `i`; sets `*len` to its byte length.
// Invalid bytes decode as themselves with length 1.
char32_t DecodeAt(std::string_view s, size_t i, int* len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) -> int {
    return k < s.size() ? (static_cast<unsigned char>(s[k]) & 0x3F) : 0;
  };
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  if ((c >> 5) == 0x6 && i + 1 < s.size()) {
    *len = 2;
    return ((c & 0x1F) << 6) | cont(i + 1);
  }
  if ((c >> 4) == 0xE && i + 2 < s.size()) {
    *len = 3;
    return ((c & 0x0F) << 12) | (cont(i + 1) << 6) | cont(i + 2);
  }
  if ((c >> 3) == 0x1E && i + 3 < s.size()) {
    *len = 4;
    return ((c & 0x07) << 18) | (cont(i + 1) << 12) | (cont(i + 2) << 6) |
           cont(i + 3);
  }
  *len = 1;
  return c;
}

// The code point that ends just before `i` (0 at the start of `s`).
char32_t DecodeBefore(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t b = i - 1;
  int steps = 0;
  while (b > 0 && steps < 3 &&
         (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) {
    --b;
    ++steps;
  }
  int len = 0;
  return DecodeAt(s, b, &len);
}

enum class Side : uint8_t {
  kSpace,       // whitespace or the edge of the paragraph
  kOpenPunct,   // ( [ { dashes, slashes and opening marks
  kClosePunct,  // . , ; : ! ? ) ] } … and closing marks
  kWord,        // letters, digits and everything else
};

bool IsSpace(char32_t c) {
  return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
         c == 0xA0 || c == 0x2009 || c == 0x200A || c == 0x202F ||
         c == 0x3000 || (c >= 0x2000 && c <= 0x2008);
}

Side Classify(char32_t c) {
  if (IsSpace(c)) return Side::kSpace;
  switch (c) {
    case '(':
    case '[':
    case '{':
    case '-':
    case '/':
    case 0x2013:
    case 0x2014:
    case 0x201C:
    case 0x2018:
    case 0x00AB:
    case 0x201E:
    case 0x2039:
      return Side::kOpenPunct;
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case ')':
    case ']':
    case '}':
    case 0x2026:
    case 0x201D:
    case 0x2019:
    case 0x00BB:
    case 0x203A:
    case '"':
    case '\'':
    case '*':
      return Side::kClosePunct;
    default:
      return Side::kWord;
  }
}

bool IsAsciiLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsLower(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF);
}

struct Mark {
  int32_t begin = 0;
  int32_t end = 0;
  bool dbl = false;
  bool can_open = false;
  bool can_close = false;
  bool weak_close = false;  // single closer that may be a plural possessive
};

// Whether the single mark at [b, e) opens an elision rather than a quote:
// ’90s, ’n’, ’em, ’til, ’cause, ’bout, ’tis, ’twas.
bool IsLeadingElision(std::string_view text, int32_t e) {
  std::string_view rest = text.substr(e, 8);
  size_t digits = 0;
  while (digits < rest.size() &&
         IsDigit(static_cast<unsigned char>(rest[digits])))
    ++digits;
  if (digits > 0) return true;  // '90s, '08
  auto word_is = [&](std::string_view w) {
    if (rest.size() < w.size()) return false;
    for (size_t i = 0; i < w.size(); ++i) {
      char c = rest[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != w[i]) return false;
    }
    if (rest.size() == w.size()) return true;
    const unsigned char n = static_cast<unsigned char>(rest[w.size()]);
    return !IsAsciiLetter(n);
  };
  if (word_is("n")) return true;  // rock 'n' roll
  for (std::string_view w : {"em", "til", "cause", "bout", "tis", "twas",
                             "round", "nuff", "cos", "s"}) {
    if (word_is(w)) return true;
  }
  return false;
}

// Whether a quotation mark can start with the byte `c`: " ' or the lead
// byte of a curly quote, guillemet or angle quote.
bool MayStartMark(unsigned char c) {
  return c == '"' || c == '\'' || c == 0xE2 || c == 0xC2;
}

// The first position in [i, e) of `text` whose byte may start a mark, or
// `e`. The scan visits every byte of the text and few bytes qualify, so it
// tests eight at a time: a byte of `x` equals `c` exactly when that byte of
// `x ^ (c * kOnes)` is zero, and has_zero_byte tells whether any byte is.
int32_t NextMayStartMark(std::string_view text, int32_t i, int32_t e) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  constexpr uint64_t kHighs = 0x8080808080808080;
  auto has_zero_byte = [](uint64_t v) { return ((v - kOnes) & ~v & kHighs); };
  while (e - i >= 8) {
    uint64_t x;
    std::memcpy(&x, text.data() + i, sizeof(x));
    if (has_zero_byte(x ^ (kOnes * '"')) | has_zero_byte(x ^ (kOnes * '\'')) |
        has_zero_byte(x ^ (kOnes * 0xC2)) | has_zero_byte(x ^ (kOnes * 0xE2))) {
      break;
    }
    i += 8;
  }
  while (i < e && !MayStartMark(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

// Classifies the mark starting at `i`, or returns false when `text[i]` does
// not start a quotation mark. Sets `*m` (including its byte range).
bool ReadMark(std::string_view text, int32_t i, int32_t para_begin,
              int32_t para_end, Mark* m) {
  if (!MayStartMark(static_cast<unsigned char>(text[i]))) return false;
  int len = 0;
  char32_t cp = DecodeAt(text, i, &len);
  enum {
    kNone,
    kStraightDouble,
    kOpenDouble,
    kCloseDouble,
    kStraightSingle,
    kOpenSingle,
    kCloseSingle
  } kind = kNone;
  if (cp == '"') {
    kind = kStraightDouble;
  } else if (cp == '\'') {
    if (i + 1 < para_end && text[i + 1] == '\'') {
      kind = kStraightDouble;  // NYT-style ''
      len = 2;
    } else {
      kind = kStraightSingle;
    }
  } else if (cp == 0x201C || cp == 0x201E || cp == 0x00AB) {
    kind = kOpenDouble;
  } else if (cp == 0x201D || cp == 0x00BB) {
    kind = kCloseDouble;
  } else if (cp == 0x2018 || cp == 0x2039) {
    kind = kOpenSingle;
  } else if (cp == 0x2019 || cp == 0x203A) {
    kind = kCloseSingle;
  }
  if (kind == kNone) return false;
  const int32_t e = i + len;
  const char32_t before = i > para_begin ? DecodeBefore(text, i) : 0;
  int nlen = 0;
  const char32_t after = e < para_end ? DecodeAt(text, e, &nlen) : 0;
  const Side pb = Classify(before);
  const Side na = Classify(after);
  // Left-flanking: could open. Right-flanking: could close.
  const bool left =
      na != Side::kSpace && (pb == Side::kSpace || pb == Side::kOpenPunct);
  const bool right =
      pb != Side::kSpace &&
      (na == Side::kSpace || na == Side::kClosePunct || na == Side::kOpenPunct);
  m->begin = i;
  m->end = e;
  switch (kind) {
    case kStraightDouble:
      m->dbl = true;
      m->can_open = left || !right;
      m->can_close = right || !left;
      return true;
    case kOpenDouble:
      m->dbl = true;
      m->can_open = true;
      m->can_close = right && !left;
      return true;
    case kCloseDouble:
      m->dbl = true;
      m->can_close = true;
      m->can_open = left && !right;
      return true;
    case kStraightSingle:
    case kOpenSingle:
    case kCloseSingle: {
      // Between letters or digits it is an apostrophe (Putin’s, don't).
      if (pb == Side::kWord && na == Side::kWord) return false;
      m->dbl = false;
      m->can_open = left && !IsLeadingElision(text, e);
      m->can_close = right && !left;
      if (m->can_close && (before == 's' || before == 'S') &&
          na == Side::kSpace) {
        // "the States’ role": a plural possessive unless nothing better
        // closes the quote.
        int k = 0;
        size_t j = e;
        while (j < static_cast<size_t>(para_end) && text[j] == ' ') ++j;
        if (j < static_cast<size_t>(para_end) &&
            IsLower(DecodeAt(text, j, &k))) {
          m->weak_close = true;
        }
      }
      return m->can_open || m->can_close;
    }
    default:
      return false;
  }
}

bool IsWhite(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Trims whitespace (ASCII and no-break space) from both ends of [b, e).
ByteSpan Trim(std::string_view text, int32_t b, int32_t e) {
  while (b < e) {
    if (IsWhite(text[b])) {
      ++b;
    } else if (b + 1 < e && static_cast<unsigned char>(text[b]) == 0xC2 &&
               static_cast<unsigned char>(text[b + 1]) == 0xA0) {
      b += 2;
    } else {
      break;
    }
  }
  while (e > b) {
    if (IsWhite(text[e - 1])) {
      --e;
    } else if (e - 2 >= b && static_cast<unsigned char>(text[e - 2]) == 0xC2 &&
               static_cast<unsigned char>(text[e - 1]) == 0xA0) {
      e -= 2;
    } else {
      break;
    }
  }
  return {b, e};
}

}  // namespace

std::vector<QuotedRun> FindQuotedRuns(std::string_view text,
                                      const Segmentation& seg) {
  std::vector<QuotedRun> runs;
  std::vector<Paragraph> whole;
  const std::vector<Paragraph>* paras = &seg.paragraphs;
  if (paras->empty() && !text.empty()) {
    Paragraph p;
    p.span = {0, static_cast<int32_t>(text.size())};
    whole.push_back(p);
    paras = &whole;
  }
  const int32_t np = static_cast<int32_t>(paras->size());

  // A double run carried over from an earlier paragraph.
  bool carried = false;
  Mark d_open;
  int32_t d_first_para = 0;

  for (int32_t pi = 0; pi < np; ++pi) {
    const ByteSpan ps = (*paras)[pi].span;
    bool d_pending = carried;
    bool skip_first_mark = carried;
    carried = false;
    bool s_pending = false;
    Mark s_open;
    bool has_weak = false;
    Mark s_weak;
    // Runs inside the pending single run start at this index of `runs`.
    size_t s_first_run = 0;

    auto emit = [&](const Mark& open, int32_t first_para, int32_t content_end,
                    ByteSpan close, bool single) {
      ByteSpan c = Trim(text, open.end, content_end);
      if (c.empty()) return;
      QuotedRun r;
      r.content = c;
      r.open = {open.begin, open.end};
      r.close = close;
      r.first_paragraph = first_para;
      r.last_paragraph = pi;
      r.single = single;
      runs.push_back(r);
    };

    for (int32_t i = ps.begin; i < ps.end; ++i) {
      i = NextMayStartMark(text, i, ps.end);
      if (i == ps.end) break;
      Mark m;
      if (!ReadMark(text, i, ps.begin, ps.end, &m)) continue;
      i = m.end - 1;
      if (m.dbl) {
        if (skip_first_mark) {
          // The mark that reopens a quote continued from the last paragraph.
          skip_first_mark = false;
          continue;
        }
        if (!d_pending) {
          if (m.can_open) {
            d_pending = true;
            d_open = m;
            d_first_para = pi;
          }
        } else if (m.can_close) {
          emit(d_open, d_first_para, m.begin, {m.begin, m.end}, false);
          d_pending = false;
        } else {
          // A second opener before any closer: the first was unbalanced.
          d_open = m;
          d_first_para = pi;
        }
        continue;
      }
      skip_first_mark = false;
      if (d_pending) continue;  // single marks inside a double run
      if (!s_pending) {
        if (m.can_open) {
          s_pending = true;
          s_open = m;
          has_weak = false;
          s_first_run = runs.size();
        }
      } else if (m.can_close && !m.weak_close) {
        while (runs.size() > s_first_run) runs.pop_back();
        emit(s_open, pi, m.begin, {m.begin, m.end}, true);
        s_pending = false;
      } else if (m.can_close && !has_weak) {
        has_weak = true;
        s_weak = m;
      }
    }
    if (s_pending && has_weak && !d_pending) {
      while (runs.size() > s_first_run) runs.pop_back();
      emit(s_open, pi, s_weak.begin, {s_weak.begin, s_weak.end}, true);
    }
    if (d_pending) {
      // Continued when the next paragraph opens with a double mark.
      bool next_opens = false;
      if (pi + 1 < np) {
        const ByteSpan ns = (*paras)[pi + 1].span;
        Mark m;
        if (ns.begin < ns.end &&
            ReadMark(text, ns.begin, ns.begin, ns.end, &m) && m.dbl &&
            m.can_open) {
          next_opens = true;
        }
      }
      if (next_opens) {
        carried = true;
      } else {
        emit(d_open, d_first_para, ps.end, {}, false);
      }
    }
  }
  return runs;
}

}  // namespace lede
