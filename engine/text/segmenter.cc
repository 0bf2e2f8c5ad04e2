#include "engine/text/segmenter.h"

#include <cstdint>
#include <vector>

#include "engine/text/abbreviations.h"
#include "engine/text/char_class.h"
#include "engine/text/tokenizer.h"

namespace lede {
namespace {

using text_internal::CodePointAt;
using text_internal::IsAsciiDigit;
using text_internal::IsLowerCodePoint;
using text_internal::IsUpperCodePoint;
using text_internal::LineBreakLengthAt;
using text_internal::SpaceLengthAt;

// Per-token marks computed before the boundary walk.
enum : uint8_t {
  kMarkerPunct = 1,  // "." or ")" of a list marker, or an "a." marker
  kBreakBefore = 2,  // a list marker or bullet that starts a sentence
};

enum class Terminal {
  kNone,
  kPeriod,    // "."
  kFullStop,  // "．" "。" "｡"
  kExclaim,   // ! ? and their variants
  kEllipsis,  // "..." "…" "...."
  kAbbrev,    // a word token ending in its own period: "U.S." "Mr." "E."
};

enum class Quote { kNone, kOpen, kClose };

// Splits the tokens of one paragraph into sentences.
class SentenceSplitter {
 public:
  SentenceSplitter(std::string_view text, const std::vector<Token>& tokens,
                   int32_t t0, int32_t t1, std::vector<int32_t>* depth,
                   std::vector<uint8_t>* flags)
      : text_(text),
        tok_(tokens),
        t0_(t0),
        t1_(t1),
        depth_(*depth),
        flags_(*flags) {
    const size_t n = static_cast<size_t>(t1 - t0);
    depth_.assign(n + 1, 0);
    flags_.assign(n + 1, 0);
  }

  // Calls `emit(first, last)` for each sentence's token range, in order.
  template <typename Emit>
  void Run(Emit emit);

 private:
  std::string_view Tx(int32_t k) const { return tok_[k].span.Of(text_); }
  bool Space(int32_t k) const { return tok_[k].space_before; }
  int32_t& Depth(int32_t k) { return depth_[k - t0_]; }
  uint8_t& Flags(int32_t k) { return flags_[k - t0_]; }
  bool Is(int32_t k, std::string_view s) const {
    return k >= t0_ && k < t1_ && Tx(k) == s;
  }
  char32_t FirstCp(int32_t k) const {
    int len;
    return CodePointAt(text_, tok_[k].span.begin, &len);
  }
  bool IsWord(int32_t k) const { return tok_[k].kind == TokenKind::kWord; }
  bool Upper(int32_t k) const {
    return k < t1_ && IsWord(k) && IsUpperCodePoint(FirstCp(k));
  }
  bool Lower(int32_t k) const {
    if (k >= t1_ || !IsWord(k)) return false;
    const char32_t c = FirstCp(k);
    return IsLowerCodePoint(c) || c == '\'' || c == 0x2019;
  }
  // A lowercase word that still reads as a sentence start ("iPhone", "eBay").
  bool CamelCase(int32_t k) const {
    const std::string_view w = Tx(k);
    for (size_t i = 1; i < w.size(); ++i) {
      if (w[i] >= 'A' && w[i] <= 'Z') return true;
    }
    return false;
  }
  // An all-capitals word of two or more letters: "SEATTLE", "NEW".
  bool AllCapsWord(int32_t k) const {
    if (!IsWord(k)) return false;
    const std::string_view w = Tx(k);
    if (w.size() < 2) return false;
    for (char c : w) {
      if (c < 'A' || c > 'Z') return false;
    }
    return true;
  }
  bool Digit(int32_t k) const {
    if (k >= t1_) return false;
    const char32_t c = FirstCp(k);
    return c < 0x80 && IsAsciiDigit(static_cast<unsigned char>(c));
  }
  // Title case: an uppercase letter followed by a lowercase one ("Today").
  bool TitleCase(int32_t k) const {
    if (!Upper(k)) return false;
    int len;
    const int32_t b = tok_[k].span.begin;
    CodePointAt(text_, b, &len);
    if (b + len >= tok_[k].span.end) return false;
    int len2;
    return IsLowerCodePoint(CodePointAt(text_, b + len, &len2));
  }
  bool CommaLike(int32_t k) const {
    return Is(k, ",") || Is(k, ";") || Is(k, ":");
  }
  // "-", "--", "---", en or em dash.
  bool Dash(int32_t k) const {
    if (k < t0_ || k >= t1_ || tok_[k].kind != TokenKind::kPunctuation) {
      return false;
    }
    const char32_t c = FirstCp(k);
    return c == '-' || c == 0x2013 || c == 0x2014;
  }
  bool OpenBracket(int32_t k) const {
    return Is(k, "(") || Is(k, "[") || Is(k, "{");
  }
  bool CloseBracket(int32_t k) const {
    return Is(k, ")") || Is(k, "]") || Is(k, "}");
  }
  bool Bullet(int32_t k) const {
    if (k < t0_ || k >= t1_ || tok_[k].kind == TokenKind::kWord) return false;
    const char32_t c = FirstCp(k);
    return c == 0x2022 || c == 0x2043 || c == 0x25E6 || c == 0x25AA ||
           c == 0x2023 || c == 0x25CF || c == 0x25A0 || c == 0x25BA;
  }
  // Quote family: 1 double, 2 single, 0 none; and its direction.
  int QuoteFamily(int32_t k, Quote* dir) const;
  bool OpenQuote(int32_t k) const {
    Quote d;
    return k < t1_ && QuoteFamily(k, &d) != 0 && d == Quote::kOpen;
  }
  bool Closer(int32_t k) const {
    if (CloseBracket(k)) return true;
    Quote d;
    if (QuoteFamily(k, &d) == 0) return false;
    // Attached to the punctuation before it, a quote mark closes unless it
    // opens a word; a mistyped opening mark (decision.“ However) too.
    return d != Quote::kOpen || k + 1 >= t1_ || Space(k + 1);
  }
  Terminal TerminalAt(int32_t k) const;
  bool TerminalPunct(int32_t k) const {
    const Terminal t = TerminalAt(k);
    return t != Terminal::kNone && t != Terminal::kAbbrev;
  }

  void PairQuotes();
  void FindListMarkers();
  bool Decide(Terminal term, int32_t k, int32_t n, int32_t s) const;
  bool AbbrevBreak(int32_t k, int32_t n, int32_t s) const;
  bool StarterAt(int32_t n) const {
    if (Upper(n) && IsSentenceStarter(Tx(n))) return true;
    return OpenQuote(n) && n + 1 < t1_ && Upper(n + 1) &&
           IsSentenceStarter(Tx(n + 1));
  }

  std::string_view text_;
  const std::vector<Token>& tok_;
  const int32_t t0_, t1_;
  std::vector<int32_t>& depth_;
  std::vector<uint8_t>& flags_;
};

int SentenceSplitter::QuoteFamily(int32_t k, Quote* dir) const {
  *dir = Quote::kNone;
  if (k < t0_ || k >= t1_ || tok_[k].kind == TokenKind::kWord) return 0;
  const char32_t c = FirstCp(k);
  const bool attached_next = k + 1 < t1_ && !Space(k + 1);
  const bool open_ctx = Space(k) || k == t0_ || OpenBracket(k - 1) ||
                        (Dash(k - 1) && Space(k - 1));
  switch (c) {
    case 0x201C:  // “
    case 0x201E:  // „
    case 0x00AB:  // «
      *dir = Quote::kOpen;
      return 1;
    case 0x201D:  // ”
    case 0x00BB:  // »
      *dir = Quote::kClose;
      return 1;
    case '"':
      *dir = open_ctx ? Quote::kOpen : Quote::kClose;
      return 1;
    case 0x2018:  // ‘
    case 0x201A:  // ‚
    case '`':
      *dir = Quote::kOpen;
      return 2;
    case '\'':
    case 0x2019:  // ’
    case 0x203A:  // ›
      if (open_ctx && attached_next) {
        *dir = Quote::kOpen;
      } else if (!Space(k) && k != t0_ &&
                 (!attached_next || tok_[k + 1].kind != TokenKind::kWord)) {
        *dir = Quote::kClose;
      }
      return 2;
    default:
      return 0;
  }
}

Terminal SentenceSplitter::TerminalAt(int32_t k) const {
  const std::string_view s = Tx(k);
  if (tok_[k].kind == TokenKind::kWord) {
    return s.size() > 1 && s.back() == '.' ? Terminal::kAbbrev
                                           : Terminal::kNone;
  }
  if (tok_[k].kind != TokenKind::kPunctuation) return Terminal::kNone;
  if (s == ".") return Terminal::kPeriod;
  if (s.size() > 1 && s[0] == '.' && s[1] == '.') return Terminal::kEllipsis;
  if (s == "!" || s == "?") return Terminal::kExclaim;
  if (s.size() == 1) return Terminal::kNone;
  int len;
  switch (CodePointAt(text_, tok_[k].span.begin, &len)) {
    case 0x2026:  // …
      return Terminal::kEllipsis;
    case 0xFF0E:  // ．
    case 0x3002:  // 。
    case 0xFF61:  // ｡
      return Terminal::kFullStop;
    case 0xFF01:  // ！
    case 0xFF1F:  // ？
    case 0x203C:  // ‼
    case 0x2047:  // ⁇
    case 0x2048:  // ⁈
    case 0x2049:  // ⁉
      return Terminal::kExclaim;
    default:
      return Terminal::kNone;
  }
}

// Marks the tokens strictly inside quotations that open and close within the
// paragraph (depth > 0): an exclamation or question mark there does not end
// the sentence ('The people! Theft!' he cried). Periods inside quotations do
// end sentences, as in news style guides and GUM's gold segmentation. One
// pass with one pending opener per family.
void SentenceSplitter::PairQuotes() {
  int32_t pending[3] = {-1, -1, -1};
  for (int32_t k = t0_; k < t1_; ++k) {
    if (tok_[k].kind == TokenKind::kWord) continue;
    Quote dir;
    const int fam = QuoteFamily(k, &dir);
    if (fam == 0 || dir == Quote::kNone) continue;
    if (dir == Quote::kOpen) {
      pending[fam] = k;
    } else if (pending[fam] >= 0) {
      ++Depth(pending[fam] + 1);
      --Depth(k);
      pending[fam] = -1;
    }
  }
  int32_t d = 0;
  for (int32_t k = t0_; k < t1_; ++k) {
    d += Depth(k);
    Depth(k) = d;
  }
}

// List markers ("1.", "2.)", "3)", "(a)", "b.", "iv)") that form a sequence,
// or open the paragraph or follow a bullet, are not sentence ends; inside
// running text they start a new sentence. Bullets do too.
void SentenceSplitter::FindListMarkers() {
  struct Candidate {
    int32_t first, value_tok, last;
    int type;  // 0 digits, 1 lowercase letter, 2 uppercase letter, 3 roman
    int value;
    bool at_start;
  };
  // Few markers per paragraph; kept on the stack for short lists, and only the
  // last one of each type matters for the sequence check.
  Candidate last_of_type[4];
  bool has_last[4] = {false, false, false, false};
  bool last_confirmed[4] = {false, false, false, false};

  auto confirm = [this](const Candidate& c) {
    for (int32_t k = c.value_tok; k <= c.last; ++k) {
      if (!(k == c.value_tok && Tx(k).back() != '.')) Flags(k) |= kMarkerPunct;
    }
    if (c.first > t0_ && !Bullet(c.first - 1)) Flags(c.first) |= kBreakBefore;
  };

  for (int32_t k = t0_; k < t1_; ++k) {
    if (Bullet(k) && k > t0_ && Space(k)) Flags(k) |= kBreakBefore;
    const bool after_bullet = !Space(k) && k > t0_ && Bullet(k - 1);
    if (!(k == t0_ || Space(k) || after_bullet)) continue;
    if (tok_[k].kind == TokenKind::kWord && tok_[k].span.size() > 4) continue;
    int32_t v = k;
    bool paren = false;
    if (Is(k, "(") && k + 1 < t1_ && !Space(k + 1)) {
      v = k + 1;
      paren = true;
    }
    if (v >= t1_) break;
    const std::string_view w = Tx(v);
    int type = -1, value = 0;
    bool attached_dot = false;
    if (!w.empty() && w.size() <= 3 && tok_[v].kind == TokenKind::kNumber) {
      bool all = true;
      for (char c : w) all &= IsAsciiDigit(static_cast<unsigned char>(c));
      if (all) {
        type = 0;
        for (char c : w) value = value * 10 + (c - '0');
      }
    } else if (tok_[v].kind == TokenKind::kWord &&
               (w.size() == 1 || (w.size() == 2 && w[1] == '.'))) {
      const char c = w[0];
      if (c >= 'a' && c <= 'z') {
        type = 1;
        value = c - 'a' + 1;
      } else if (c >= 'A' && c <= 'Z') {
        type = 2;
        value = c - 'A' + 1;
      }
      attached_dot = w.size() == 2;
    } else if (tok_[v].kind == TokenKind::kWord && w.size() <= 4 &&
               (w[0] == 'i' || w[0] == 'v' || w[0] == 'x')) {
      static constexpr std::string_view kRoman[] = {
          "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii"};
      static constexpr int kRomanValue[] = {2, 3, 4, 6, 7, 8, 9, 11, 12};
      for (int r = 0; r < 9; ++r) {
        if (w == kRoman[r]) {
          type = 3;
          value = kRomanValue[r];
        }
      }
    }
    if (type < 0) continue;
    int32_t last = v;
    int32_t p = v + 1;
    bool has_paren_close = false;
    if (attached_dot) {
      if (Is(p, ")") && !Space(p)) {
        last = p;
        has_paren_close = true;
      }
    } else if (Is(p, ".") && !Space(p)) {
      last = p;
      if (Is(p + 1, ")") && !Space(p + 1)) {
        last = p + 1;
        has_paren_close = true;
      }
    } else if (Is(p, ")") && !Space(p)) {
      last = p;
      has_paren_close = true;
    } else {
      continue;
    }
    if (paren && !has_paren_close) continue;
    const int32_t n = last + 1;
    if (n >= t1_ || !Space(n) ||
        (tok_[n].kind != TokenKind::kWord &&
         tok_[n].kind != TokenKind::kNumber)) {
      continue;
    }
    // At the paragraph start, or after a bullet or a leading symbol.
    const bool at_start =
        k == t0_ ||
        (k > t0_ && (Bullet(k - 1) || (k - 1 == t0_ && !IsWord(t0_) &&
                                       tok_[t0_].kind != TokenKind::kNumber)));
    if (!at_start) {
      if (type == 0) {
        if (!Upper(n)) continue;
        // "No. 1.", "Section 2." are references, not markers.
        const std::string_view prev = Tx(k - 1);
        if (IsWord(k - 1) && prev.back() == '.') continue;
        if (LookupAbbreviation(prev) == AbbreviationClass::kNumberPrefix) {
          continue;
        }
        static constexpr std::string_view kCounted[] = {
            "number", "section", "chapter", "article", "page",  "volume",
            "step",   "phase",   "round",   "level",   "grade", "rank",
            "class",  "part",    "ranked",  "top",     "verse", "rule"};
        bool counted = false;
        for (std::string_view c : kCounted) counted |= prev == c;
        if (counted) continue;
      }
      if (type == 2 && !has_paren_close) continue;  // "Jonas E. Smith"
      if (type == 3 && !has_paren_close) continue;
    }
    Candidate c{k, v, last, type, value, at_start};
    bool ok = at_start;
    if (has_last[type] && last_of_type[type].value == value - 1) {
      ok = true;
      if (!last_confirmed[type]) confirm(last_of_type[type]);
    }
    if (ok) confirm(c);
    last_of_type[type] = c;
    has_last[type] = true;
    last_confirmed[type] = ok;
  }
}

// Prepositions that open a fronted time phrase.
bool FrontingPreposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "At",     "By",    "Before", "After", "Until",   "Till",
      "Around", "Since", "From",   "About", "Shortly", "Just"};
  for (std::string_view p : kWords) {
    if (w == p) return true;
  }
  return false;
}

bool SentenceSplitter::AbbrevBreak(int32_t k, int32_t n, int32_t s) const {
  const std::string_view w = Tx(k);
  const std::string_view stem = w.substr(0, w.size() - 1);
  if (stem.find('.') != std::string_view::npos) {  // dotted: U.S. a.m. e.g.
    if (stem.size() == 3 && (stem[1] == '.')) {
      const char a = static_cast<char>(stem[0] | 0x20);
      const char b = static_cast<char>(stem[2] | 0x20);
      if ((a == 'e' && b == 'g') || (a == 'i' && b == 'e')) return false;
      if ((a == 'a' || a == 'p') && b == 'm') {  // a.m. p.m.
        if (!Upper(n) || ContinuesTimeExpression(Tx(n))) return false;
        // A fronted time adverbial ("At 5 a.m. Mr. Smith left") is not a
        // sentence on its own.
        return !(k - s <= 3 && FrontingPreposition(Tx(s)));
      }
    }
    return StarterAt(n);
  }
  int len;
  const char32_t c = CodePointAt(text_, tok_[k].span.begin, &len);
  if (static_cast<size_t>(len) == stem.size()) {  // an initial
    if (IsUpperCodePoint(c) && k == s) return false;
    return StarterAt(n);
  }
  switch (LookupAbbreviation(stem)) {
    case AbbreviationClass::kTitle:
    case AbbreviationClass::kNoBreak:
    case AbbreviationClass::kNumberPrefix:
      return false;
    default:
      return StarterAt(n);
  }
}

// Whether a sentence ends after the terminal at `k` (its closers absorbed),
// given the next token `n` of the paragraph.
bool SentenceSplitter::Decide(Terminal term, int32_t k, int32_t n,
                              int32_t s) const {
  switch (term) {
    case Terminal::kPeriod:
      if (!Space(n)) {  // "world.Today", "1,000.That"
        if (!TitleCase(n) || k - 1 < t0_) return false;
        const int32_t p = k - 1;
        if (tok_[p].kind == TokenKind::kNumber) return true;
        return IsWord(p) && tok_[p].span.size() >= 2 && !Space(k);
      }
      if ((Lower(n) && !CamelCase(n)) || CommaLike(n)) return false;
      // "SEATTLE, Wash. — The ...": a dateline runs into its sentence.
      if (Dash(n) && k - s <= 6 && AllCapsWord(s)) return false;
      if (Dash(n) || OpenQuote(n) || OpenBracket(n)) return !Lower(n + 1);
      if (Digit(n)) {
        const int32_t p = k - 1;
        return p < t0_ || tok_[p].kind == TokenKind::kWord ||
               tok_[p].kind == TokenKind::kNumber || Closer(p);
      }
      return true;
    case Terminal::kFullStop:
      return !Lower(n);
    case Terminal::kExclaim:
      if (!Space(n) && IsWord(n)) return false;  // Y!J, !Xun
      if (Lower(n) || CommaLike(n) || Digit(n)) return false;
      if (Dash(n) || OpenQuote(n) || OpenBracket(n)) return !Lower(n + 1);
      return true;
    case Terminal::kEllipsis:
      if (Upper(n)) return true;
      return OpenQuote(n) && Upper(n + 1);
    case Terminal::kAbbrev:
      return AbbrevBreak(k, n, s);
    case Terminal::kNone:
      break;
  }
  return false;
}

template <typename Emit>
void SentenceSplitter::Run(Emit emit) {
  PairQuotes();
  FindListMarkers();
  int32_t s = t0_;
  int32_t k = t0_;
  while (k < t1_) {
    if ((Flags(k) & kBreakBefore) && k > s) {
      emit(s, k - 1);
      s = k;
    }
    Terminal term = TerminalAt(k);
    // A quotation broken off with a dash ("to--" At this moment) ends like
    // an ellipsis.
    if (term == Terminal::kNone && k + 1 < t1_ && !Space(k + 1) && Dash(k) &&
        !Is(k, "-") && !CloseBracket(k + 1) && Closer(k + 1)) {
      term = Terminal::kEllipsis;
    }
    if (term == Terminal::kNone || (Flags(k) & kMarkerPunct)) {
      ++k;
      continue;
    }
    // An ellipsis of spaced periods: ". . ." or ". . . .".
    if (term == Terminal::kPeriod) {
      int32_t r = k + 1;
      while (r < t1_ && Space(r) && Is(r, ".")) ++r;
      if (r - k >= 3) {
        if (!Space(k)) {
          // "compounds. . . . The": the period ends the sentence and the
          // ellipsis opens the next.
          if (r < t1_ && Upper(r) && Depth(k) == 0) {
            emit(s, k);
            s = k + 1;
          }
        } else if (r - k >= 4 && r < t1_ && Upper(r) && Depth(r - 1) == 0) {
          emit(s, r - 1);
          s = r;
        }
        k = r;
        continue;
      }
    }
    int32_t j = k;
    while (j + 1 < t1_ && !Space(j + 1) && TerminalPunct(j + 1)) ++j;
    while (j + 1 < t1_ && !Space(j + 1) && Closer(j + 1)) ++j;
    if (term == Terminal::kPeriod && k > t0_ &&
        (IsWord(k - 1) || Closer(k - 1))) {
      // Footnote marks: ".[7][8]", ".11 12".
      while (j + 3 < t1_ && !Space(j + 1) && Is(j + 1, "[") &&
             tok_[j + 2].kind == TokenKind::kNumber && Is(j + 3, "]")) {
        j += 3;
      }
      if (j + 1 < t1_ && !Space(j + 1) &&
          tok_[j + 1].kind == TokenKind::kNumber &&
          tok_[j + 1].span.size() <= 3) {
        ++j;
        while (j + 2 < t1_ && tok_[j + 1].kind == TokenKind::kNumber &&
               tok_[j + 1].span.size() <= 3 && Upper(j + 2) &&
               !(Flags(j + 1) & kBreakBefore)) {
          ++j;
        }
      }
    }
    const int32_t n = j + 1;
    if (n < t1_ && (Depth(j) == 0 || term != Terminal::kExclaim) &&
        Decide(term, k, n, s)) {
      emit(s, j);
      s = n;
    }
    k = n;
  }
  if (s < t1_) emit(s, t1_ - 1);
}

bool IsHorizontalSpaceByte(unsigned char c) { return c == ' ' || c == '\t'; }

}  // namespace

absl::StatusOr<std::unique_ptr<Segmenter>> Segmenter::Create(
    const SegmenterSpec& spec) {
  return std::unique_ptr<Segmenter>(new Segmenter(spec));
}

Segmentation Segmenter::Segment(std::string_view text) const {
  Segmentation seg;
  const int32_t n = static_cast<int32_t>(text.size());
  seg.tokens.reserve(text.size() / 5 + 1);
  seg.sentences.reserve(text.size() / 80 + 1);
  seg.paragraphs.reserve(text.size() / 200 + 1);
  std::vector<int32_t> depth;
  std::vector<uint8_t> flags;

  // Tokenizes [b, e) as one paragraph and splits it into sentences.
  auto add_paragraph = [&](int32_t b, int32_t e) {
    const int32_t t0 = static_cast<int32_t>(seg.tokens.size());
    Tokenize(text, b, e, &seg.tokens);
    const int32_t t1 = static_cast<int32_t>(seg.tokens.size());
    if (t1 == t0) return;
    Paragraph para;
    para.span = {seg.tokens[t0].span.begin, seg.tokens[t1 - 1].span.end};
    para.first_sentence = static_cast<int32_t>(seg.sentences.size());
    const int32_t pi = static_cast<int32_t>(seg.paragraphs.size());
    SentenceSplitter splitter(text, seg.tokens, t0, t1, &depth, &flags);
    splitter.Run([&](int32_t first, int32_t last) {
      SentenceInfo si;
      si.span = {seg.tokens[first].span.begin, seg.tokens[last].span.end};
      si.paragraph = pi;
      si.first_token = first;
      si.token_count = last - first + 1;
      seg.sentences.push_back(si);
    });
    para.sentence_count =
        static_cast<int32_t>(seg.sentences.size()) - para.first_sentence;
    seg.paragraphs.push_back(para);
  };

  // Finds the next line break at or after `i`: its start and length.
  auto next_break = [&](int32_t i, int* len) {
    for (; i < n; ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xC2 ||
          c == 0xE2) {
        const int l = LineBreakLengthAt(text, i);
        if (l > 0) {
          *len = l;
          return i;
        }
      }
    }
    *len = 0;
    return n;
  };

  int32_t para_begin = -1;
  int32_t i = 0;
  while (i < n) {
    int bl;
    const int32_t le = next_break(i, &bl);
    // Last non-space byte of the line, if any.
    int32_t last = le;
    while (last > i) {
      int32_t p = last - 1;
      while (p > i && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
      if (SpaceLengthAt(text, p) == 0) break;
      last = p;
    }
    const bool blank = last == i && (i == le || SpaceLengthAt(text, i) > 0);
    if (blank) {
      if (para_begin >= 0) add_paragraph(para_begin, i);
      para_begin = -1;
      i = le + bl;
      continue;
    }
    if (para_begin < 0) para_begin = i;
    bool join = false;
    const int32_t next = le + bl;
    if (bl > 0 && next < n) {
      int32_t q = next;
      while (q < n &&
             IsHorizontalSpaceByte(static_cast<unsigned char>(text[q]))) {
        ++q;
      }
      if (q < n && LineBreakLengthAt(text, q) == 0) {
        int len;
        const char32_t first = CodePointAt(text, q, &len);
        const unsigned char end_char =
            static_cast<unsigned char>(text[last - 1]);
        const bool terminal = end_char == '.' || end_char == '!' ||
                              end_char == '?' || end_char == ':';
        const bool trailing_space =
            IsHorizontalSpaceByte(static_cast<unsigned char>(text[le - 1]));
        const bool lower = IsLowerCodePoint(first);
        if (!terminal) {
          if (spec_.line_breaks == LineBreakMode::kWrapped) {
            join = lower || (trailing_space && first == '(');
          } else {
            join = trailing_space && (lower || first == '(');
          }
        }
      }
    }
    if (!join) {
      add_paragraph(para_begin, le);
      para_begin = -1;
    }
    i = next;
  }
  if (para_begin >= 0) add_paragraph(para_begin, n);
  return seg;
}

}  // namespace lede
