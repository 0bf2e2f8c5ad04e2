#include "engine/quotes/quote_finder.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "engine/quotes/quote_marks.h"
#include "engine/text/string_view.h"

namespace lede {

// Looked up with std::string_view, std::string and Lower alike.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return absl::Hash<absl::string_view>()(AsAbsl(s));
  }
};
struct WordEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const {
    return a == b;
  }
};
using WordSet = absl::flat_hash_set<std::string, WordHash, WordEq>;

struct QuoteFinder::Lexicon {
  WordSet cues;             // speech verbs, all tense forms
  WordSet skip_before_cue;  // adverbs and auxiliaries between subject and cue
  WordSet negations;
  WordSet pronouns;
  WordSet cap_stop;        // capitalized words that never start a name
  WordSet connectors;      // de, van, bin ... inside names
  WordSet titles;          // words stripped from the start of a name
  WordSet org_words;       // words that make a name an organization
  WordSet determiners;     // start a nominal speaker phrase
  WordSet indefinite;      // a, an, another ...
  WordSet np_stop;         // end a speaker phrase read forward
  WordSet bare_speakers;   // nouns that speak without a determiner
  WordSet person_nouns;    // titles that can refer back to a named person
  WordSet abbreviations;   // words that keep their final period
  WordSet function_words;  // lower-case words allowed inside titles
  WordSet noun_cues;       // cues that are also plural nouns ("claims")
  WordSet doc_nouns;       // things that speak: "the report", "the statement"
  WordSet speech_nouns;    // "claim", "remarks": owned by who said them
  WordSet male_names;      // common first names, for he/she resolution
  WordSet female_names;
};

namespace {

WordSet Set(std::initializer_list<const char*> words) {
  WordSet s;
  for (const char* w : words) s.insert(w);
  return s;
}

// ---------------------------------------------------------------------------
// Words of the text around a quote.

// Reads the bytes of a range with ASCII letters lower-cased. A string built
// from two of these copies and lower-cases its bytes in one plain loop:
// appending a byte at a time checks the capacity and rewrites the length
// and terminator for each byte. It offers only what std::string's range
// constructor uses: the length by subtraction, then a copy loop.
class LowerCaseReader {
 public:
  using iterator_category = std::random_access_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  explicit LowerCaseReader(const char* p) : p_(p) {}
  char operator*() const {
    return *p_ >= 'A' && *p_ <= 'Z' ? static_cast<char>(*p_ + ('a' - 'A'))
                                    : *p_;
  }
  LowerCaseReader& operator++() {
    ++p_;
    return *this;
  }
  difference_type operator-(const LowerCaseReader& o) const {
    return p_ - o.p_;
  }
  bool operator==(const LowerCaseReader& o) const { return p_ == o.p_; }
  bool operator!=(const LowerCaseReader& o) const { return p_ != o.p_; }

 private:
  const char* p_;
};

// A word's lower-cased text. Comparing it with a string literal checks the
// length first: std::string's == with a C string runs strlen and compare()
// out of line, and the speaker rules make thousands of such comparisons per
// article (7% of the pipeline's instructions before this type).
struct Lower : std::string {
  Lower() = default;
  Lower(std::string s) : std::string(std::move(s)) {}  // NOLINT: implicit
  // The bytes [b, e) with ASCII letters lower-cased.
  Lower(const char* b, const char* e)
      : std::string(LowerCaseReader(b), LowerCaseReader(e)) {}
  template <size_t N>
  bool operator==(const char (&literal)[N]) const {
    return std::string_view(*this) == std::string_view(literal, N - 1);
  }
  template <size_t N>
  bool operator!=(const char (&literal)[N]) const {
    return !(*this == literal);
  }
  const std::string& str() const { return *this; }
};

struct Word {
  Word() = default;
  // The token [b, e) of `t`, built in place in a vector by emplace_back.
  Word(std::string_view t, size_t b, size_t e)
      : span{static_cast<int32_t>(b), static_cast<int32_t>(e)},
        lower(t.data() + b, t.data() + e) {}

  ByteSpan span;
  Lower lower;         // lower-cased ASCII; other bytes unchanged
  bool punct = false;  // a punctuation or symbol character
  bool cap = false;    // starts with an upper-case letter
  bool all_caps = false;
  bool sentence_end = false;  // . ! ? (not an abbreviation's period)
};

bool IsAsciiAlnum(unsigned char c) { return absl::ascii_isalnum(c); }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// Bytes of multi-byte punctuation we care about: curly quotes, dashes,
// ellipsis, guillemets, no-break space.
int MultiBytePunct(std::string_view t, size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == 0xE2 && i + 2 < t.size() &&
      static_cast<unsigned char>(t[i + 1]) == 0x80) {
    const unsigned char d = static_cast<unsigned char>(t[i + 2]);
    if ((d >= 0x90 && d <= 0x9F) || d == 0xA6 || d == 0xB9 || d == 0xBA ||
        d == 0xAF || (d >= 0x80 && d <= 0x8B)) {
      return 3;
    }
  }
  if (c == 0xC2 && i + 1 < t.size()) {
    const unsigned char d = static_cast<unsigned char>(t[i + 1]);
    if (d == 0xAB || d == 0xBB || d == 0xA0) return 2;
  }
  return 0;
}

bool IsSpaceAt(std::string_view t, size_t i, int* len) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
    *len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < t.size() &&
      static_cast<unsigned char>(t[i + 1]) == 0xA0) {
    *len = 2;
    return true;
  }
  if (c == 0xE2 && i + 2 < t.size() &&
      static_cast<unsigned char>(t[i + 1]) == 0x80) {
    const unsigned char d = static_cast<unsigned char>(t[i + 2]);
    if ((d >= 0x80 && d <= 0x8A) || d == 0xAF) {
      *len = 3;
      return true;
    }
  }
  return false;
}

bool IsWordByte(std::string_view t, size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return IsAsciiAlnum(c);
  return MultiBytePunct(t, i) == 0;
}

// Where the contracted auxiliary of a pronoun starts in the word [i, j) of
// `t` ("he's" → 2, "they’re" → 4), or `i` when the word is no such
// contraction.
size_t ContractionSplit(std::string_view t, size_t i, size_t j) {
  static const char* const kPronouns[] = {"he", "she", "it",  "they", "we",
                                          "i",  "you", "who", "that", "there"};
  static const char* const kAux[] = {"s", "re", "ve", "d", "ll", "m"};
  size_t a = i;
  while (a < j && t[a] != '\'' && static_cast<unsigned char>(t[a]) != 0xE2) {
    ++a;
  }
  if (a == i || a >= j) return i;
  size_t rest = a + 1;
  if (t[a] != '\'') {
    if (a + 2 >= j || static_cast<unsigned char>(t[a + 1]) != 0x80 ||
        static_cast<unsigned char>(t[a + 2]) != 0x99) {
      return i;
    }
    rest = a + 3;
  }
  const std::string head = absl::AsciiStrToLower(AsAbsl(t.substr(i, a - i)));
  const std::string tail =
      absl::AsciiStrToLower(AsAbsl(t.substr(rest, j - rest)));
  bool pron = false, aux = false;
  for (const char* p : kPronouns) pron = pron || head == p;
  for (const char* x : kAux) aux = aux || tail == x;
  return pron && aux ? a : i;
}

// Splits [b, e) of `t` into words and punctuation.
std::vector<Word> Tokenize(std::string_view t, int32_t b, int32_t e,
                           const QuoteFinder::Lexicon& lex) {
  std::vector<Word> out;
  // About one word in five or six bytes of news text.
  out.reserve(static_cast<size_t>(e > b ? e - b : 0) / 5 + 1);
  size_t i = b;
  const size_t end = e;
  while (i < end) {
    int sl = 0;
    if (IsSpaceAt(t, i, &sl)) {
      i += sl;
      continue;
    }
    if (IsWordByte(t, i)) {
      size_t j = i;
      while (j < end) {
        // Most of a word's bytes are ASCII letters or digits: step over
        // them without the general test below.
        while (j < end && IsAsciiAlnum(static_cast<unsigned char>(t[j]))) ++j;
        if (j == end) break;
        if (IsWordByte(t, j)) {
          const unsigned char c = static_cast<unsigned char>(t[j]);
          j += c < 0x80 ? 1 : (c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2);
          continue;
        }
        // Inner apostrophe, hyphen, period, ampersand followed by a letter;
        // a slash between digits ("9/11", "24/7").
        size_t k = j;
        if (t[j] == '\'' || t[j] == '-' || t[j] == '.' || t[j] == '&') {
          k = j + 1;
        } else if (t[j] == '/' && j > i && j + 1 < end &&
                   absl::ascii_isdigit(static_cast<unsigned char>(t[j - 1])) &&
                   absl::ascii_isdigit(static_cast<unsigned char>(t[j + 1]))) {
          k = j + 1;
        } else if (j + 2 < end && static_cast<unsigned char>(t[j]) == 0xE2 &&
                   static_cast<unsigned char>(t[j + 1]) == 0x80 &&
                   static_cast<unsigned char>(t[j + 2]) == 0x99) {
          k = j + 3;  // ’
        }
        if (k > j && k < end && IsWordByte(t, k)) {
          j = k;
          continue;
        }
        break;
      }
      if (j > end) j = end;
      // One pass over the word's bytes for its letter cases and for the
      // first byte where ContractionSplit would look for an auxiliary, so
      // that only words with an inner apostrophe pay for that function.
      bool lower_seen = false;
      int letters = 0;
      size_t apostrophe = j;
      for (size_t k = i; k < j; ++k) {
        const unsigned char c = static_cast<unsigned char>(t[k]);
        if (absl::ascii_islower(c)) lower_seen = true;
        if (absl::ascii_isupper(c)) ++letters;
        if (apostrophe == j && (c == '\'' || c == 0xE2)) apostrophe = k;
      }
      // A pronoun with a contracted auxiliary ("He's", "they’re") is two
      // words, so the pronoun can be a subject.
      if (const size_t split =
              apostrophe > i && apostrophe < j ? ContractionSplit(t, i, j) : i;
          split > i) {
        Word& pron = out.emplace_back(t, i, split);
        pron.cap = absl::ascii_isupper(static_cast<unsigned char>(t[i]));
        Word& aux = out.emplace_back(t, split, j);
        if (static_cast<unsigned char>(t[split]) == 0xE2) {
          aux.lower = "'" + aux.lower.substr(3);  // ’ → '
        }
        i = j;
        continue;
      }
      Word& w = out.emplace_back(t, i, j);
      // Keep the period of an abbreviation or initial: Mr. U.S. F.
      if (j < end && t[j] == '.') {
        const bool initial =
            j - i == 1 && absl::ascii_isupper(static_cast<unsigned char>(t[i]));
        const bool dotted = w.lower.find('.') != std::string::npos;
        if (initial || dotted || lex.abbreviations.contains(w.lower)) {
          ++j;
          w.span.end = static_cast<int32_t>(j);
          w.lower.push_back('.');
        }
      }
      const unsigned char f = static_cast<unsigned char>(t[i]);
      w.cap = absl::ascii_isupper(f) ||
              (f == 0xC3 && i + 1 < end &&
               static_cast<unsigned char>(t[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(t[i + 1]) <= 0x9E);
      // The loop above stopped before a kept period, which is no letter.
      w.all_caps = !lower_seen && letters >= 2;
      i = j;
      continue;
    }
    // Punctuation: one character, or a run of dots / hyphens.
    size_t j = i;
    int mb = MultiBytePunct(t, i);
    if (mb > 0) {
      j = i + mb;
    } else {
      const unsigned char c = static_cast<unsigned char>(t[i]);
      j = i + 1;
      if (c == '.' || c == '-') {
        while (j < end && t[j] == static_cast<char>(c)) ++j;
      } else if (c >= 0x80) {
        while (j < end && (static_cast<unsigned char>(t[j]) & 0xC0) == 0x80)
          ++j;
      }
    }
    if (j > end) j = end;
    // Punctuation holds no A-Z: its text is its bytes.
    Word& w = out.emplace_back(t, i, j);
    w.punct = true;
    w.sentence_end = w.lower == "." || w.lower == "!" || w.lower == "?";
    if (w.sentence_end) {
      // Not before a lower-case word, a closing bracket or a comma.
      size_t k = j;
      while (k < end && t[k] == ' ') ++k;
      if (k < end && (absl::ascii_islower(static_cast<unsigned char>(t[k])) ||
                      t[k] == ')' || t[k] == ',')) {
        w.sentence_end = false;
      }
    }
    i = j;
  }
  return out;
}

// Whether `w` is a dash: — ― – or a run of hyphens.
bool IsDash(std::string_view w) {
  return w == "\xE2\x80\x94" || w == "\xE2\x80\x95" || w == "\xE2\x80\x93" ||
         w == "--" || w == "-";
}

// ---------------------------------------------------------------------------
// Speaker phrases.

enum class PhraseKind { kNone, kName, kPronoun, kNominal };

struct Phrase {
  PhraseKind kind = PhraseKind::kNone;
  ByteSpan span;  // the whole phrase ("U.S. spokesman John Kirby" → name)
  ByteSpan name_span;  // kName: without leading titles ("John Kirby")
  std::string head;    // lower-cased last word before any preposition
  bool indefinite = false;
  bool org = false;  // kName: looks like an organization
  int gender = 0;    // +1 male, -1 female, 0 unknown (from Mr./Mrs./he)
};

// A run of words, viewed in place (a sentence of a paragraph's words).
class WordSpan {
 public:
  WordSpan(const std::vector<Word>& w)  // NOLINT: implicit
      : data_(w.data()), size_(w.size()) {}
  WordSpan(const Word* data, size_t size) : data_(data), size_(size) {}
  size_t size() const { return size_; }
  const Word& operator[](size_t i) const { return data_[i]; }

 private:
  const Word* data_;
  size_t size_;
};

class Parser {
 public:
  Parser(std::string_view text, WordSpan w, const QuoteFinder::Lexicon& lex)
      : text_(text), w_(w), lex_(lex) {}

  bool IsCueAt(int i, int* len) const {
    if (i < 0 || i >= static_cast<int>(w_.size()) || w_[i].punct) return false;
    const std::string_view l = w_[i].lower;
    if (l == "according" && i + 1 < static_cast<int>(w_.size()) &&
        w_[i + 1].lower == "to") {
      *len = 2;
      return true;
    }
    if (lex_.cues.contains(l) && (!w_[i].cap || i == 0)) {
      if (lex_.noun_cues.contains(l) && NounUse(i)) return false;
      *len = 1;
      return true;
    }
    return false;
  }

  // Whether the cue word at `i` that can also be a plural noun ("claims",
  // "tweets", "remarks") is used as one: after a determiner, a possessive
  // or a number, or before a preposition or a participle ("Republican
  // claims as false", "his tweets targeting").
  bool NounUse(int i) const {
    const int n = static_cast<int>(w_.size());
    // "the congressional report said": a cue right after it is the verb.
    if (i + 1 < n && lex_.cues.contains(w_[i + 1].lower) &&
        !EndsWith(w_[i + 1].lower, "ing")) {
      return true;
    }
    // A base form needs a plural or pronoun subject: "critics warn",
    // "they claim", "Obama and Clinton call".
    const std::string_view l = w_[i].lower;
    if (i > 0 && l.back() != 's' && !EndsWith(l, "ed") && !EndsWith(l, "ing")) {
      const Word& p = w_[i - 1];
      const bool subject = p.cap || EndsWith(p.lower, "s") ||
                           p.lower == "they" || p.lower == "we" ||
                           p.lower == "i" || p.lower == "you" ||
                           lex_.skip_before_cue.contains(p.lower);
      if (!subject) return true;
    }
    if (i > 0) {
      const std::string_view p = w_[i - 1].lower;
      if (lex_.determiners.contains(p) || EndsWith(p, "'s") ||
          EndsWith(p, "\xE2\x80\x99s") || p == "of" || p == "%" ||
          p == "percent" || p == "these" || p == "those" ||
          absl::ascii_isdigit(static_cast<unsigned char>(p[0]))) {
        return true;
      }
    }
    if (i + 1 < n) {
      const std::string_view x = w_[i + 1].lower;
      static const char* const kPreps[] = {
          "as",  "of",  "about", "from", "by",  "with", "against", "on",
          "for", "and", "or",    "were", "are", "have", "had",     "in"};
      for (const char* p : kPreps) {
        if (x == p) return true;
      }
      if (EndsWith(x, "ing") && x.size() > 5) return true;
    }
    return false;
  }

  // Whether `head` can name who speaks: a person or group noun, an
  // organization or a document ("the spokesman", "officials", "the
  // report"), or an agent noun ("the organizer", "analysts").
  bool SpeakerHead(std::string_view head) const {
    if (lex_.person_nouns.contains(head) || lex_.bare_speakers.contains(head) ||
        lex_.org_words.contains(head) || lex_.doc_nouns.contains(head)) {
      return true;
    }
    std::string_view h = head;
    if (h.size() > 3 && h.back() == 's') h.remove_suffix(1);
    if (lex_.person_nouns.contains(h) || lex_.doc_nouns.contains(h) ||
        lex_.org_words.contains(h)) {
      return true;
    }
    if (h.find("year-old") != std::string_view::npos)
      return true;  // the 46-year-old
    for (const char* suffix : {"er", "or", "ist", "ian", "ent", "ant", "man",
                               "men", "woman", "women", "ee", "ive"}) {
      if (h.size() > 4 && EndsWith(h, suffix)) return true;
    }
    return false;
  }

  // A lower-case -ly word ("boldly", "angrily"), read as an adverb.
  bool Adverb(const Word& w) const {
    return !w.punct && !w.cap && w.lower.size() > 4 &&
           EndsWith(w.lower, "ly") && !lex_.person_nouns.contains(w.lower) &&
           w.lower != "ally" && w.lower != "family";
  }

  bool Negated(int cue) const {
    for (int j = cue - 1; j >= 0 && j >= cue - 3; --j) {
      if (lex_.negations.contains(w_[j].lower)) return true;
      if (!lex_.skip_before_cue.contains(w_[j].lower)) break;
    }
    return false;
  }

  bool IsNameWord(int i) const {
    const Word& w = w_[i];
    if (w.punct) return false;
    if (!w.cap) return false;
    return !lex_.cap_stop.contains(w.lower);
  }

  // A name run ending at `j` (inclusive), reading back to `min`.
  int NameRunStart(int j, int min) const {
    int k = j;
    while (k - 1 >= min) {
      if (IsNameWord(k - 1)) {
        --k;
      } else if (k - 2 >= min && lex_.connectors.contains(w_[k - 1].lower) &&
                 IsNameWord(k - 2)) {
        k -= 2;
      } else if (k - 2 >= min && w_[k - 1].lower == "of" && IsNameWord(k - 2) &&
                 lex_.titles.contains(w_[k - 2].lower) &&
                 lex_.titles.contains(w_[k].lower)) {
        k -= 2;  // "Secretary of Defense Lloyd Austin"
      } else {
        break;
      }
    }
    return k;
  }

  Phrase NamePhrase(int k, int j) const {
    Phrase p;
    p.kind = PhraseKind::kName;
    p.span = {w_[k].span.begin, w_[j].span.end};
    p.head = w_[j].lower;
    bool org = false;
    int acronyms = 0;
    for (int i = k; i <= j; ++i) {
      if (lex_.org_words.contains(w_[i].lower)) org = true;
      if (w_[i].all_caps && w_[i].lower.find('.') == std::string::npos)
        ++acronyms;
      if (w_[i].lower == "mr." || w_[i].lower == "mr") p.gender = 1;
      if (w_[i].lower == "mrs." || w_[i].lower == "ms." ||
          w_[i].lower == "mrs" || w_[i].lower == "ms" ||
          w_[i].lower == "miss") {
        p.gender = -1;
      }
    }
    if (acronyms > 0 && acronyms == j - k + 1) org = true;
    p.org = org;
    int s = k;
    if (!org) {
      for (int i = k; i < j; ++i) {
        if (lex_.titles.contains(w_[i].lower)) s = i + 1;
      }
    }
    p.name_span = {w_[s].span.begin, w_[j].span.end};
    return p;
  }

  // Skips back over a parenthetical ending at `j`: "Lisa Madigan (D)".
  int SkipParenthetical(int j, int min) const {
    if (j >= min && w_[j].lower == ")") {
      int k = j - 1;
      while (k >= min && k >= j - 8 && w_[k].lower != "(") --k;
      if (k >= min && w_[k].lower == "(") return k - 1;
    }
    return j;
  }

  // The subject that ends just before the cue at `cue`, reading back to
  // `min`. Skips adverbs and auxiliaries; handles "Kirby, the spokesman,",
  // "McCaskill (D-Mo.), who backs Clinton," and "He says ... and calls".
  Phrase SubjectBefore(int cue, int min) const {
    if (EndsWith(w_[cue].lower, "ing")) {
      // "Ryan saying he was ...", else the sentence's subject.
      if (cue - 1 >= min) {
        Phrase p = PhraseEndingAt(cue - 1, min);
        if (p.kind == PhraseKind::kName || p.kind == PhraseKind::kPronoun) {
          return p;
        }
      }
      return SentenceSubject(min, nullptr);
    }
    int j = cue - 1;
    bool be = false;
    while (j >= min &&
           (lex_.skip_before_cue.contains(w_[j].lower) || Adverb(w_[j]))) {
      const std::string_view l = w_[j].lower;
      be = be || l == "was" || l == "were" || l == "is" || l == "are" ||
           l == "been" || l == "being" || l == "be" || l == "'s" || l == "'re";
      --j;
    }
    // "he was formally called": a passive names who was spoken to.
    if (be && EndsWith(w_[cue].lower, "ed")) return {};
    j = SkipParenthetical(j, min);
    if (j < min) return {};
    if (w_[j].lower == ",") {
      int k = j - 1;
      while (k >= min && k >= j - 25 && w_[k].lower != ",") --k;
      if (k < min || k < j - 25 || w_[k].lower != ",") return {};
      Phrase before = PhraseEndingAt(SkipParenthetical(k - 1, min), min);
      // "Scott Pruitt, the attorney general of Oklahoma, one of the states
      // suing, said": a name inside the first appositive is no subject.
      for (int hops = 0; hops < 2 && before.kind == PhraseKind::kName; ++hops) {
        int b = k - 1;
        while (b >= min && w_[b].span.begin >= before.span.begin) --b;
        if (b < min) break;
        const std::string_view l = w_[b].lower;
        if (l != "of" && l != "in" && l != "from" && l != "for" && l != "at") {
          break;
        }
        int k2 = b - 1;
        while (k2 >= min && k2 >= b - 12 && w_[k2].lower != ",") --k2;
        if (k2 < min || w_[k2].lower != ",") break;
        Phrase outer = PhraseEndingAt(SkipParenthetical(k2 - 1, min), min);
        if (outer.kind != PhraseKind::kName &&
            outer.kind != PhraseKind::kPronoun) {
          break;
        }
        before = outer;
        k = k2;
      }
      if (before.kind == PhraseKind::kName ||
          before.kind == PhraseKind::kPronoun) {
        return before;
      }
      const std::string_view first = w_[k + 1].lower;
      if (first == "who" || first == "which" || first == "that") return before;
      return PhraseEndingAt(SkipParenthetical(j - 1, k + 1), k + 1);
    }
    if (w_[j].lower == "and" || w_[j].lower == "but" || w_[j].lower == "then" ||
        w_[j].lower == "or") {
      return SentenceSubject(min, nullptr);
    }
    return PhraseEndingAt(j, min);
  }

  // The subject at the start of the sentence that begins at `min` (after an
  // introductory "On Monday," or "In a statement,"): a pronoun or a name
  // followed by a lower-case word, as in "Trump also embraced ...". Sets
  // `*verb` to the index of that word.
  Phrase SentenceSubject(int min, int* verb) const {
    const int n = static_cast<int>(w_.size());
    int s = min;
    // The closing mark of a quote that ended the previous sentence.
    while (s < n && w_[s].punct &&
           (w_[s].lower == "\"" || w_[s].lower == "\xE2\x80\x9D" ||
            w_[s].lower == "'" || w_[s].lower == "\xE2\x80\x99")) {
      ++s;
    }
    // A dateline: "PHILADELPHIA (AP) — The committee ...".
    if (s < n && w_[s].all_caps) {
      for (int k = s + 1; k < n && k <= s + 12; ++k) {
        if (IsDash(w_[k].lower)) {
          s = k + 1;
          break;
        }
      }
    }
    // A participle or adverb opening the sentence ("Declaring victory,
    // ...", "Hastily, ...") is an introductory phrase, not a name.
    const bool opener =
        s + 1 < n && !w_[s].punct && w_[s].cap &&
        (EndsWith(w_[s].lower, "ing") || EndsWith(w_[s].lower, "ly")) &&
        w_[s].lower.size() > 4 && !w_[s + 1].cap &&
        !lex_.cues.contains(w_[s + 1].lower);
    if (s < n && !w_[s].punct &&
        (opener || (lex_.cap_stop.contains(w_[s].lower) &&
                    !lex_.pronouns.contains(w_[s].lower) &&
                    !lex_.determiners.contains(w_[s].lower)))) {
      // Skip an introductory phrase and up to two appositives after it:
      // "In his speech, a tribute to Kerry, the nominee, Mr. Obama said".
      for (int commas = 0; commas < 3; ++commas) {
        const int reach = commas == 0 ? 20 : 12;  // the intro may be long
        int k = s;
        while (k < n && k < s + reach && w_[k].lower != ",") ++k;
        if (!(k < n && k < s + reach)) break;
        s = k + 1;
        // A comma inside a title's closing mark: On “Face the Nation,” X.
        while (s < n && w_[s].punct &&
               (w_[s].lower == "\"" || w_[s].lower == "\xE2\x80\x9D" ||
                w_[s].lower == "'" || w_[s].lower == "\xE2\x80\x99")) {
          ++s;
        }
        if (s < n && (IsNameWord(s) || lex_.pronouns.contains(w_[s].lower))) {
          break;
        }
      }
    }
    if (s >= n || w_[s].punct) return {};
    Phrase p;
    int e = s;
    // "It attacked Trump, saying ...": "it" only before a past-tense verb
    // or a cue, not as in "It is ...".
    bool it_subject = false;
    if (w_[s].lower == "it" && s + 1 < n) {
      int v = s + 1;
      while (v < n && lex_.skip_before_cue.contains(w_[v].lower)) ++v;
      it_subject = v < n && !w_[v].punct &&
                   ((EndsWith(w_[v].lower, "ed") && w_[v].lower.size() >= 4) ||
                    lex_.cues.contains(w_[v].lower));
    }
    if (lex_.pronouns.contains(w_[s].lower) &&
        (w_[s].lower != "it" || it_subject) && w_[s].lower != "you") {
      p = PhraseEndingAt(s, s);
      e = s + 1;
    } else if (lex_.determiners.contains(w_[s].lower)) {
      // "The Republican nominee also outlined ...", "several environmental
      // groups granted ...": a nominal ended by an adverb, a past-tense
      // verb or a cue.
      int v = s + 1;
      while (v < n && v < s + 7 && !w_[v].punct &&
             !lex_.skip_before_cue.contains(w_[v].lower) &&
             !lex_.cues.contains(w_[v].lower) &&
             !(EndsWith(w_[v].lower, "ed") && w_[v].lower.size() >= 4 &&
               !w_[v].cap)) {
        if (lex_.np_stop.contains(w_[v].lower)) return {};
        ++v;
      }
      if (v >= n || v == s + 1 || w_[v].punct || v >= s + 7) return {};
      p = PhraseEndingAt(v - 1, s);
      // "The Republican nominee also ...", or a name with an article:
      // "The New York Times reported".
      const bool nominal =
          p.kind == PhraseKind::kNominal && p.span.begin == w_[s].span.begin;
      const bool name =
          p.kind == PhraseKind::kName && p.span.begin == w_[s + 1].span.begin;
      if (!nominal && !name) return {};
      e = v;
    } else if (IsNameWord(s)) {
      e = s;
      while (e + 1 < n &&
             (IsNameWord(e + 1) ||
              (e + 2 < n && lex_.connectors.contains(w_[e + 1].lower) &&
               IsNameWord(e + 2)))) {
        ++e;
      }
      if (EndsWith(w_[e].lower, "'s") ||
          EndsWith(w_[e].lower, "\xE2\x80\x99s")) {
        return {};
      }
      p = NamePhrase(s, e);
      ++e;
      if (e < n && w_[e].lower == "(") {
        while (e < n && e < s + 12 && w_[e].lower != ")") ++e;
        ++e;
      }
    } else {
      return {};
    }
    while (e < n && lex_.skip_before_cue.contains(w_[e].lower)) ++e;
    if (e >= n || w_[e].punct || w_[e].cap) {
      if (!(e < n && w_[e].lower == ",")) return {};
    }
    if (verb != nullptr) *verb = e;
    return p;
  }

  // A speaker phrase whose last word is `j`, reading back to `min`. The
  // phrase must reach `min` or stop at a boundary word.
  Phrase PhraseEndingAt(int j, int min) const {
    if (j < min) return {};
    const Word& w = w_[j];
    if (w.punct) return {};
    if (w.lower == "who" || w.lower == "which") {
      // "who" and "which" right before the cue ("Stevie Wonder, who joked")
      // are relative pronouns, resolved to the mention they follow; only
      // after a name or a definite speaker ("anybody who complains" is no
      // attribution).
      int a = j - 1;
      while (a >= min && (w_[a].lower == "," || IsDash(w_[a].lower))) --a;
      if (a < min) return {};
      // ", who" opens a clause about a specific person.
      const bool comma_who = w.lower == "who" && w_[j - 1].lower == ",";
      if (!IsNameWord(a) && !comma_who) {
        const Phrase ante = PhraseEndingAt(a, min);
        if (ante.kind != PhraseKind::kNominal ||
            (ante.indefinite && !lex_.bare_speakers.contains(ante.head))) {
          return {};
        }
      }
    }
    if (lex_.pronouns.contains(w.lower) || w.lower == "who" ||
        w.lower == "which") {
      Phrase p;
      p.kind = PhraseKind::kPronoun;
      p.span = w.span;
      p.name_span = w.span;
      p.head = w.lower;
      if (w.lower == "he") p.gender = 1;
      if (w.lower == "she") p.gender = -1;
      return p;
    }
    if (IsNameWord(j)) {
      int k = NameRunStart(j, min);
      return NamePhrase(k, j);
    }
    // Nominal: read back to a determiner or possessive within a few words.
    if (lex_.np_stop.contains(w.lower) ||
        lex_.skip_before_cue.contains(w.lower) ||
        lex_.determiners.contains(w.lower)) {
      return {};
    }
    int k = j;
    bool det = false;
    bool modifier = false;
    while (k - 1 >= min && j - (k - 1) <= 7) {
      const Word& p = w_[k - 1];
      if (p.punct) break;
      if (lex_.determiners.contains(p.lower) ||
          absl::ascii_isdigit(static_cast<unsigned char>(p.lower[0]))) {
        --k;  // "the spokesman", "63 percent"
        det = true;
        break;
      }
      const bool poss =
          EndsWith(p.lower, "'s") || EndsWith(p.lower, "\xE2\x80\x99s");
      if (poss) {
        --k;
        det = true;
        // "Russia's president", "the company's spokesman"
        if (k - 1 >= min && lex_.determiners.contains(w_[k - 1].lower)) --k;
        break;
      }
      if (p.lower == "of" || p.lower == "for" || p.lower == "at") {
        --k;
        continue;
      }
      if (lex_.np_stop.contains(p.lower) || lex_.cues.contains(p.lower) ||
          lex_.skip_before_cue.contains(p.lower) ||
          lex_.pronouns.contains(p.lower)) {
        break;
      }
      if (p.cap) modifier = true;
      --k;
    }
    // The first word must not be a bare preposition.
    while (k < j && (w_[k].lower == "of" || w_[k].lower == "for" ||
                     w_[k].lower == "at")) {
      ++k;
    }
    std::string head = w.lower;
    // Head: the last word before "of"/"for"/"at" ("secretary of state").
    for (int i = k; i <= j; ++i) {
      if (w_[i].lower == "of" || w_[i].lower == "for" || w_[i].lower == "at") {
        if (i > k) head = w_[i - 1].lower;
        break;
      }
    }
    const bool bare = lex_.bare_speakers.contains(w.lower);
    if (!det && !modifier && !bare) return {};
    if (!SpeakerHead(head)) return {};
    Phrase p;
    p.kind = PhraseKind::kNominal;
    p.span = {w_[k].span.begin, w.span.end};
    p.name_span = p.span;
    p.head = head;
    p.indefinite =
        lex_.indefinite.contains(w_[k].lower) ||
        absl::ascii_isdigit(static_cast<unsigned char>(w_[k].lower[0])) ||
        (!det && !modifier);
    return p;
  }

  // "Trump's claim that “...”", "his description of ... as “...”": a
  // speech noun owned by a possessive among the last few words before
  // `end`, with no cue after it. Returns the owner (a name, or the pronoun
  // behind his/her/its/their) and sets `*noun`.
  Phrase PossessiveSpeaker(int end, int* noun) const {
    for (int i = end - 1; i >= 1 && i >= end - 6; --i) {
      const Word& w = w_[i];
      if (w.sentence_end) break;
      int len = 0;
      if (IsCueAt(i, &len)) break;
      if (!lex_.speech_nouns.contains(w.lower)) continue;
      // The noun introduces the quote: "claim that ...", "words: ", or
      // right before it; not "Trump's statement about “...”".
      if (i + 1 < end && w_[i + 1].lower != "that" && w_[i + 1].lower != ":" &&
          w_[i + 1].lower != ",") {
        return {};
      }
      int o = i - 1;
      while (o >= 0 && o >= i - 3 && !w_[o].punct && !w_[o].cap &&
             !IsPossessive(w_[o].lower) &&
             !lex_.determiners.contains(w_[o].lower)) {
        --o;  // adjectives: "his repeated claim"
      }
      if (o < 0 || w_[o].punct) return {};
      const std::string_view l = w_[o].lower;
      Phrase p;
      if (l == "his" || l == "her" || l == "its" || l == "their") {
        p.kind = PhraseKind::kPronoun;
        p.span = w_[o].span;
        p.name_span = p.span;
        p.head = l == "his"   ? "he"
                 : l == "her" ? "she"
                 : l == "its" ? "it"
                              : "they";
        p.gender = l == "his" ? 1 : l == "her" ? -1 : 0;
      } else if (IsPossessive(l) && w_[o].cap) {
        const int k = NameRunStart(o, 0);
        p = NamePhrase(k, o);
        const int32_t cut = EndsWith(l, "'s") ? 2 : 4;
        p.span.end -= cut;
        p.name_span.end -= cut;
        if (p.name_span.empty() || p.span.empty()) return {};
      } else {
        return {};
      }
      // "has called Mr. Trump's comments “...”": the noun is the object of
      // a cue, whose subject speaks.
      for (int b = o - 1; b >= 0 && b >= o - 5; --b) {
        int len = 0;
        if (w_[b].sentence_end) break;
        if (IsCueAt(b, &len)) return {};
      }
      *noun = i;
      return p;
    }
    return {};
  }

  static bool IsPossessive(std::string_view l) {
    return EndsWith(l, "'s") || EndsWith(l, "\xE2\x80\x99s");
  }

  // A speaker phrase starting at `s` (after an inverted cue or "according
  // to"), read forward to the first boundary.
  Phrase PhraseFrom(int s, int limit) const {
    const int n = std::min(static_cast<int>(w_.size()), limit);
    if (s >= n || w_[s].punct) return {};
    if (lex_.pronouns.contains(w_[s].lower)) {
      return PhraseEndingAt(s, s);
    }
    // "... suggests that Phoenix ...": a clause, not a speaker.
    if (lex_.np_stop.contains(w_[s].lower)) return {};
    int e = s;
    while (e < n && e - s < 9) {
      const Word& w = w_[e];
      if (w.punct) break;
      if (e > s && (lex_.np_stop.contains(w.lower) || w.lower == "of" ||
                    lex_.cues.contains(w.lower))) {
        break;
      }
      // "a complaint filed by ...": a participle ends the phrase.
      if (e > s + 1 && !w.cap && w.lower.size() > 4 &&
          EndsWith(w.lower, "ed")) {
        break;
      }
      ++e;
    }
    if (e == s) return {};
    // The last name run inside the phrase wins ("Putin aide Yuri Ushakov").
    for (int j = e - 1; j >= s; --j) {
      if (IsNameWord(j)) {
        int k = NameRunStart(j, s);
        if (k == j && k == s + 1 && lex_.indefinite.contains(w_[s].lower)) {
          // "one Democrat familiar with ...", "a Republican": no name.
          // With a head noun after the name: "a Putin aide".
          int h = j;
          if (h + 1 < e && !w_[h + 1].punct && SpeakerHead(w_[h + 1].lower)) {
            ++h;
          }
          Phrase p;
          p.kind = PhraseKind::kNominal;
          p.span = {w_[s].span.begin, w_[h].span.end};
          p.name_span = p.span;
          p.head = w_[h].lower;
          p.indefinite = true;
          return p;
        }
        Phrase p = NamePhrase(k, j);
        // "the spokesman, John Kirby" is handled by the caller.
        return p;
      }
    }
    Phrase p = PhraseEndingAt(e - 1, s);
    // "a source close to the campaign": the head before a post-modifier.
    for (int j = e - 2; p.kind == PhraseKind::kNone && j > s; --j) {
      p = PhraseEndingAt(j, s);
      if (p.kind != PhraseKind::kNominal || p.span.begin != w_[s].span.begin) {
        p = {};
      }
    }
    if (p.kind == PhraseKind::kNominal && e < n && w_[e].lower == "," &&
        e + 1 < n && IsNameWord(e + 1)) {
      int j = e + 1;
      while (j + 1 < n && (IsNameWord(j + 1))) ++j;
      return NamePhrase(e + 1, j);
    }
    return p;
  }

 private:
  std::string_view text_;
  const WordSpan w_;
  const QuoteFinder::Lexicon& lex_;
};

// ---------------------------------------------------------------------------

struct Attribution {
  Phrase speaker;
  std::string cue;
  bool found = false;
  bool weak = false;  // the sentence's subject, no speech cue
};

// Whether `content` reads like a title ("One Hundred Years of Solitude"):
// two or more words, every word capitalized but short function words, and no
// inner punctuation but a final one.
bool TitleLike(const std::vector<Word>& words,
               const QuoteFinder::Lexicon& lex) {
  int n_words = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.punct) {
      if (i + 1 == words.size()) continue;
      if (w.lower == ":" || w.lower == "-" || w.lower == "&") continue;
      return false;
    }
    ++n_words;
    if (w.cap || absl::ascii_isdigit(static_cast<unsigned char>(w.lower[0]))) {
      continue;
    }
    if (i > 0 && lex.function_words.contains(w.lower)) continue;
    return false;
  }
  return n_words >= 2;
}

// Whether the run is no speech: only handles, hashtags, numbers or links
// (tweet embeds: "@SpeakerRyan", "758356620346810369", "pic.twitter.com/x").
bool JunkRun(std::string_view text, ByteSpan content,
             const std::vector<Word>& words) {
  const std::string_view c = content.Of(text);
  if (c.find("http") != std::string_view::npos ||
      c.find("twitter.com") != std::string_view::npos) {
    return true;
  }
  for (const Word& w : words) {
    if (w.punct) {
      if (w.lower == "@" || w.lower == "#") continue;
      continue;
    }
    const unsigned char f = static_cast<unsigned char>(w.lower[0]);
    const bool number = absl::ascii_isdigit(f);
    const bool handle =
        w.span.begin > content.begin &&
        (text[w.span.begin - 1] == '@' || text[w.span.begin - 1] == '#');
    if (!number && !handle) return false;
  }
  return true;
}

int CountWords(const std::vector<Word>& words) {
  int n = 0;
  for (const Word& w : words) n += w.punct ? 0 : 1;
  return n;
}

// Index of the mentions of `entities`.
struct MentionRef {
  int32_t begin;
  int32_t end;
  int entity;
};

}  // namespace

QuoteFinder::QuoteFinder() = default;
QuoteFinder::~QuoteFinder() = default;

absl::StatusOr<std::unique_ptr<QuoteFinder>> QuoteFinder::Create(
    const QuoteSpec&) {
  auto lex = std::make_unique<Lexicon>();
  lex->cues = Set({
      "said",
      "says",
      "say",
      "saying",
      "told",
      "tells",
      "tell",
      "added",
      "adds",
      "asked",
      "asks",
      "wrote",
      "writes",
      "write",
      "warned",
      "warns",
      "noted",
      "notes",
      "explained",
      "explains",
      "insisted",
      "insists",
      "stated",
      "states",
      "declared",
      "declares",
      "argued",
      "argues",
      "claimed",
      "claims",
      "announced",
      "announces",
      "replied",
      "replies",
      "continued",
      "continues",
      "recalled",
      "recalls",
      "acknowledged",
      "acknowledges",
      "tweeted",
      "tweets",
      "posted",
      "posts",
      "conceded",
      "concedes",
      "admitted",
      "admits",
      "agreed",
      "agrees",
      "responded",
      "responds",
      "suggested",
      "suggests",
      "observed",
      "observes",
      "remarked",
      "remarks",
      "joked",
      "jokes",
      "quipped",
      "quips",
      "shouted",
      "shouts",
      "yelled",
      "yells",
      "cried",
      "exclaimed",
      "whispered",
      "boasted",
      "boasts",
      "complained",
      "complains",
      "lamented",
      "laments",
      "predicted",
      "predicts",
      "promised",
      "promises",
      "vowed",
      "vows",
      "pledged",
      "pledges",
      "urged",
      "urges",
      "cautioned",
      "cautions",
      "stressed",
      "stresses",
      "emphasized",
      "emphasizes",
      "emphasised",
      "maintained",
      "maintains",
      "contended",
      "contends",
      "countered",
      "counters",
      "charged",
      "alleged",
      "alleges",
      "reported",
      "reports",
      "testified",
      "testifies",
      "mused",
      "muses",
      "wondered",
      "wonders",
      "concluded",
      "concludes",
      "confirmed",
      "confirms",
      "denied",
      "denies",
      "proclaimed",
      "asserted",
      "asserts",
      "commented",
      "comments",
      "reiterated",
      "reiterates",
      "texted",
      "emailed",
      "e-mailed",
      "blogged",
      "recounted",
      "recounts",
      "described",
      "describes",
      "called",
      "calls",
      "labeled",
      "labelled",
      "dubbed",
      "scoffed",
      "mocked",
      "thundered",
      "snapped",
      "sneered",
      "bragged",
      "gushed",
      "raged",
      "ranted",
      "pleaded",
      "begged",
      "demanded",
      "demands",
      "advised",
      "advises",
      "informed",
      "assured",
      "assures",
      "reminded",
      "reminds",
      "stated",
      "explained",
      "opined",
      "penned",
      "chimed",
      "interjected",
      "answered",
      "answers",
      "echoed",
      "echoes",
      "conceded",
      "shot",
      "speculated",
      "summed",
      "put",
      "read",
      "reads",
      // Present participles: "..., adding “...”", "Clinton asking, “...”".
      "adding",
      "arguing",
      "asking",
      "calling",
      "claiming",
      "complaining",
      "declaring",
      "describing",
      "explaining",
      "insisting",
      "noting",
      "predicting",
      "promising",
      "recalling",
      "replying",
      "stating",
      "suggesting",
      "telling",
      "tweeting",
      "urging",
      "vowing",
      "warning",
      "writing",
      "joking",
      "admitting",
      "acknowledging",
      "boasting",
      "charging",
      "contending",
      "insisting",
      "lamenting",
      "quipping",

      "pledging",
      "stressing",
      "labeling",
      "branding",
      "accusing",
      "announcing",
      "conceding",
      "emphasizing",
      "answering",
      "responding",
      "shouting",
      "chanting",
      "singing",
      // Less common speech and evaluation verbs.
      "likened",
      "likens",
      "branded",
      "brands",
      "slammed",
      "slams",
      "blasted",
      "blasts",
      "criticized",
      "criticizes",
      "criticised",
      "decried",
      "decries",
      "denounced",
      "denounces",
      "accused",
      "accuses",
      "praised",
      "praises",
      "hailed",
      "hails",
      "touted",
      "touts",
      "lauded",
      "lauds",
      "characterized",
      "characterizes",
      "termed",
      "terms",
      "referenced",
      "references",
      "cited",
      "cites",
      "quoted",
      "quotes",
      "chanted",
      "chant",
      "sang",
      "sings",
      "scolded",
      "scolds",
      "lashed",
      "retorted",
      "retorts",
      "fumed",
      "fumes",
      "marveled",
      "marvels",
      "huffed",
      "groused",
      "grumbled",
      "grumbles",
      "sniped",
      "snipes",
      "jabbed",
      "griped",
      "gripes",
      "rebutted",
      "objected",
      "objects",
      "disputed",
      "disputes",
      "questioned",
      "questions",
      "queried",
      "announced",
      "added",
      "confided",
      "confides",
      "divulged",
      "hinted",
      "hints",
      "implored",
      "implores",
      "insinuated",
      "intoned",
      "murmured",
      "muttered",
      "mutters",
      "pointed",
      "prodded",
      "ruled",
      "rules",
      "reasoned",
      "reasons",
      "surmised",
      "theorized",
      "underscored",
      "underscores",
      "vented",
      "vents",
      "wailed",
      "wrote",
      "headlined",
      "titled",
      "dismissed",
      "dismisses",
      "mentioned",
      "mentions",
      "call",
      "claim",
      "argue",
      "warn",
      "note",
      "insist",
      "explain",
      "describe",
      "add",
      "ask",
      "contend",
      "allege",
      "predict",
      "suggest",
      "complain",
      "acknowledge",
      "admit",
      "agree",
      "recall",
      "respond",
      "reply",
      "declare",
      "announce",
      "maintain",
      "urge",
      "stress",
      "concede",
      "report",
      "tweet",
      "charge",
      "accuse",
      "blame",
      "deny",
      "retaliated",
      "chided",
      "chides",
      "taunted",
      "taunts",
      "teased",
      "teases",
      "enthused",
      "raved",
      "applauded",
      "applauds",
      "welcomed",
      "mourned",
      "confessed",
      "confesses",
      "disclosed",
      "discloses",
      "revealed",
      "reveals",
      "guessed",
      "estimated",
      "estimates",
      "reckoned",
      "pondered",
      "challenged",
      "challenges",
      "protested",
      "protests",
      "whined",
      "moaned",
      "sighed",
      "groaned",
      "laughed",
      "laughs",
      "chuckled",
      "snorted",
      "barked",
      "growled",
      "snarled",
      "roared",
      "bellowed",
      "screamed",
      "screams",
      "hollered",
      "mumbled",
      "stammered",
      "messaged",
      "rejoined",
      "interrupted",
      "summarized",
      "elaborated",
      "clarified",
      "clarifies",
      "underlined",
      "highlighted",
      "highlights",
      "repeated",
      "repeats",
      "affirmed",
      "affirms",
      "swore",
      "swears",
      "alerted",
      "appealed",
      "inquired",
      "requested",
      "requests",
      "invited",
      "recommended",
      "recommends",
      "proposed",
      "proposes",
      "counseled",
      "rejected",
      "rejects",
      "refuted",
      "contradicted",
      "corrected",
      "briefed",
      "forecast",
      "conceding",
      "point",
      "points",
      "pointing",
      "rated",
      "rates",
      "condemned",
      "condemns",
      "defended",
      "defends",
      "promised",
  });
  lex->skip_before_cue = Set({
      "also",         "later",       "then",        "once",       "previously",
      "recently",     "again",       "further",     "simply",     "repeatedly",
      "flatly",       "publicly",    "privately",   "reportedly", "earlier",
      "often",        "frequently",  "has",         "have",       "had",
      "would",        "will",        "could",       "might",      "may",
      "did",          "does",        "do",          "is",         "was",
      "were",         "are",         "just",        "first",      "last",
      "initially",    "even",        "angrily",     "bluntly",    "candidly",
      "quietly",      "loudly",      "famously",    "proudly",    "bitterly",
      "sharply",      "clearly",     "directly",    "openly",     "already",
      "still",        "always",      "never",       "not",        "n't",
      "similarly",    "separately",  "ultimately",  "finally",    "now",
      "subsequently", "immediately", "continually", "recently",   "once",
      "herself",      "himself",     "themselves",  "itself",     "apparently",
      "'s",           "'re",         "'ve",         "'d",         "'ll",
      "'m",           "only",
  });
  lex->negations = Set({"not", "n't", "never", "didn't", "doesn't", "don't",
                        "won't", "wouldn't", "hasn't", "haven't"});
  lex->pronouns = Set({"he", "she", "they", "i", "we", "it", "you"});
  lex->cap_stop = Set({
      "the",          "a",          "an",        "but",
      "and",          "or",         "yet",       "so",
      "then",         "still",      "however",   "also",
      "now",          "in",         "on",        "at",
      "when",         "while",      "after",     "before",
      "as",           "if",         "although",  "though",
      "because",      "meanwhile",  "later",     "earlier",
      "instead",      "this",       "that",      "these",
      "those",        "his",        "her",       "their",
      "its",          "our",        "my",        "we",
      "he",           "she",        "they",      "i",
      "it",           "asked",      "speaking",  "said",
      "says",         "told",       "according", "for",
      "from",         "with",       "by",        "to",
      "of",           "there",      "here",      "what",
      "who",          "why",        "how",       "where",
      "which",        "one",        "some",      "many",
      "most",         "all",        "both",      "each",
      "every",        "no",         "not",       "last",
      "next",         "first",      "monday",    "tuesday",
      "wednesday",    "thursday",   "friday",    "saturday",
      "sunday",       "today",      "yesterday", "tonight",
      "tomorrow",     "since",      "until",     "during",
      "without",      "even",       "just",      "only",
      "again",        "once",       "twice",     "other",
      "another",      "such",       "thus",      "indeed",
      "perhaps",      "maybe",      "unlike",    "like",
      "despite",      "ultimately", "finally",   "overall",
      "separately",   "similarly",  "likewise",  "nonetheless",
      "nevertheless", "otherwise",  "rather",    "furthermore",
      "moreover",     "besides",    "afterward", "afterwards",
      "previously",   "currently",  "recently",  "additionally",
      "specifically", "following",  "amid",      "under",
      "asked",        "speaking",   "citing",    "noting",
  });
  lex->connectors = Set({"de", "da", "van", "von", "bin", "al", "la", "le",
                         "del", "der", "di", "du", "dos", "ben", "ibn"});
  lex->titles = Set({
      "mr.",
      "mrs.",
      "ms.",
      "miss",
      "dr.",
      "sen.",
      "senator",
      "rep.",
      "representative",
      "gov.",
      "governor",
      "president",
      "vice",
      "secretary",
      "gen.",
      "general",
      "col.",
      "lt.",
      "capt.",
      "sgt.",
      "officer",
      "detective",
      "chief",
      "judge",
      "justice",
      "minister",
      "prime",
      "chancellor",
      "ambassador",
      "speaker",
      "leader",
      "chairman",
      "chairwoman",
      "director",
      "spokesman",
      "spokeswoman",
      "spokesperson",
      "prof.",
      "professor",
      "rev.",
      "king",
      "queen",
      "prince",
      "princess",
      "pope",
      "sheriff",
      "attorney",
      "commissioner",
      "deputy",
      "mayor",
      "majority",
      "minority",
      "democratic",
      "republican",
      "former",
      "u.s.",
      "press",
      "national",
      "security",
      "adviser",
      "advisor",
      "aide",
      "candidate",
      "nominee",
      "state",
      "defense",
      "foreign",
      "commander",
      "lieutenant",
      "sergeant",
      "captain",
      "colonel",
      "admiral",
      "trooper",
      "agent",
      "coach",
      "ceo",
      "chair",
      "premier",
      "sir",
      "dame",
      "lord",
      "lady",
      "rabbi",
      "imam",
      "father",
      "sister",
      "brother",
      "cardinal",
      "bishop",
      "congressman",
      "congresswoman",
      "assemblyman",
      "assemblywoman",
      "councilman",
      "councilwoman",
      "alderman",
      "mr",
      "mrs",
      "ms",
      "dr",
      "sen",
      "rep",
      "gov",
      "presidential",
      "gop",
      "house",
      "senate",
      "white",
      "emperor",
      "crown",
      "sheikh",
  });
  lex->org_words = Set({
      "agency",       "department", "ministry",    "times",
      "post",         "news",       "journal",     "committee",
      "council",      "party",      "company",     "corp.",
      "corp",         "inc.",       "inc",         "group",
      "institute",    "university", "association", "campaign",
      "office",       "police",     "commission",  "bank",
      "fund",         "foundation", "center",      "centre",
      "network",      "service",    "court",       "administration",
      "government",   "bureau",     "union",       "organization",
      "organisation", "board",      "league",      "federation",
      "media",        "tv",         "radio",       "magazine",
      "daily",        "tribune",    "herald",      "review",
      "reuters",      "cnn",        "bbc",         "nbc",
      "abc",          "cbs",        "fox",         "msnbc",
      "npr",          "ap",         "afp",         "kcna",
      "ria",          "tass",       "pentagon",    "kremlin",
      "congress",     "fbi",        "cia",         "nypd",
      "staff",        "coalition",  "alliance",    "club",
      "team",         "project",    "trust",       "council",
      "authority",    "forces",     "army",        "navy",
      "church",       "college",    "school",      "hospital",
      "ltd",          "llc",        "co.",         "press",
      "politico",     "breitbart",  "huffpost",    "times",
      "gazette",      "telegraph",  "guardian",    "economist",
      "bloomberg",    "reuters",    "xinhua",      "yonhap",
      "interfax",     "sputnik",
  });
  lex->determiners =
      Set({"the",   "a",       "an",  "another", "one",  "his",   "her",
           "their", "its",     "our", "my",      "your", "this",  "that",
           "some",  "several", "two", "three",   "many", "other", "both"});
  lex->indefinite = Set({"a", "an", "another", "one", "some", "several", "two",
                         "three", "many", "other"});
  lex->np_stop = Set({
      "who",     "which", "that",   "in",   "on",      "at",    "for",
      "during",  "after", "before", "when", "while",   "to",    "from",
      "as",      "with",  "about",  "and",  "but",     "or",    "if",
      "because", "since", "than",   "by",   "into",    "over",  "under",
      "via",     "last",  "this",   "on",   "earlier", "later", "told",
      "is",      "was",   "are",    "were", "be",      "been",  "it",
      "there",   "not",   "so",     "yet",  "what",    "how",   "why",
      "whether", "where", "also",
  });
  lex->bare_speakers = Set({
      "officials",      "sources",    "police",        "experts",
      "analysts",       "critics",    "investigators", "authorities",
      "prosecutors",    "democrats",  "republicans",   "supporters",
      "residents",      "witnesses",  "people",        "voters",
      "observers",      "aides",      "advisers",      "advisors",
      "officers",       "economists", "scientists",    "researchers",
      "doctors",        "lawyers",    "attorneys",     "organizers",
      "activists",      "protesters", "leaders",       "lawmakers",
      "diplomats",      "insiders",   "staffers",      "spokesmen",
      "administration", "others",     "reporters",     "journalists",
  });
  lex->person_nouns = Set({
      "spokesman",
      "spokeswoman",
      "spokesperson",
      "president",
      "official",
      "minister",
      "secretary",
      "senator",
      "governor",
      "mayor",
      "leader",
      "candidate",
      "nominee",
      "chairman",
      "chairwoman",
      "director",
      "aide",
      "adviser",
      "advisor",
      "ambassador",
      "general",
      "commander",
      "chief",
      "judge",
      "lawyer",
      "attorney",
      "detective",
      "officer",
      "sheriff",
      "professor",
      "economist",
      "analyst",
      "author",
      "writer",
      "reporter",
      "actor",
      "actress",
      "singer",
      "star",
      "coach",
      "player",
      "ceo",
      "executive",
      "founder",
      "manager",
      "host",
      "businessman",
      "businesswoman",
      "billionaire",
      "congressman",
      "congresswoman",
      "lawmaker",
      "legislator",
      "democrat",
      "republican",
      "woman",
      "man",
      "clown",
      "chancellor",
      "premier",
      "king",
      "queen",
      "prince",
      "pope",
      "owner",
      "teacher",
      "doctor",
      "scientist",
      "researcher",
      "expert",
      "activist",
      "prosecutor",
      "investigator",
      "witness",
      "victim",
      "suspect",
      "critic",
      "strategist",
      "pollster",
      "historian",
      "diplomat",
      "envoy",
      "dictator",
      "emperor",
      "speaker",
      "representative",
      "commissioner",
      "deputy",
      "head",
      "boss",
      "mogul",
      "magnate",
      "tycoon",
      "frontrunner",
      "front-runner",
      "challenger",
      "incumbent",
      "opponent",
      "rival",
      "veteran",
      "founder",
      "chair",
      "publisher",
      "editor",
      "columnist",
      "anchor",
      "comedian",
      "governor-elect",
      "president-elect",
      "nominee",
      "contender",
  });
  lex->abbreviations = Set({
      "mr",   "mrs", "ms",   "dr",   "sen", "rep", "gov", "gen",
      "lt",   "col", "sgt",  "capt", "st",  "jr",  "sr",  "prof",
      "rev",  "inc", "corp", "co",   "ltd", "no",  "vs",  "jan",
      "feb",  "aug", "sept", "sep",  "oct", "nov", "dec", "adm",
      "cmdr", "maj", "pres", "supt", "det", "ft",  "mt",
  });
  lex->function_words =
      Set({"of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at",
           "by", "from", "or", "vs.", "&"});
  lex->noun_cues = Set({
      "claims",   "calls",   "reports",  "notes",     "remarks",    "comments",
      "tweets",   "posts",   "answers",  "demands",   "promises",   "pledges",
      "vows",     "states",  "quotes",   "questions", "references", "terms",
      "rules",    "reasons", "rates",    "brands",    "vents",      "objects",
      "mentions", "writes",  "reads",    "counters",  "charges",    "cites",
      "jokes",    "quips",   "shouts",   "warns",     "insists",    "concludes",
      "comments", "replies", "responds", "echoes",    "defends",    "disputes",
      "hails",    "touts",   "praises",  "gripes",    "promised",
  });
  for (const char* w :
       {"estimates",  "challenges", "protests", "laughs",  "screams",
        "highlights", "requests",   "taunts",   "repeats", "proposes",
        "call",       "claim",      "note",     "report",  "tweet",
        "charge",     "points",     "point",    "reply",   "stress",
        "add",        "ask",        "recall",   "deny",    "blame",
        "warn",       "maintain"}) {
    lex->noun_cues.insert(w);
  }
  lex->doc_nouns = Set({
      "report",     "statement",  "letter",     "ad",           "advertisement",
      "article",    "memo",       "study",      "survey",       "poll",
      "complaint",  "lawsuit",    "filing",     "release",      "tweet",
      "post",       "piece",      "editorial",  "book",         "document",
      "message",    "email",      "e-mail",     "website",      "site",
      "page",       "video",      "spot",       "commercial",   "brief",
      "ruling",     "decision",   "opinion",    "order",        "indictment",
      "petition",   "transcript", "speech",     "note",         "blog",
      "column",     "story",      "headline",   "caption",      "sign",
      "banner",     "slogan",     "motion",     "bill",         "law",
      "resolution", "policy",     "platform",   "manifesto",    "guidance",
      "analysis",   "review",     "audit",      "finding",      "findings",
      "data",       "record",     "records",    "minutes",      "testimony",
      "interview",  "profile",    "obituary",   "announcement", "proposal",
      "plan",       "agreement",  "charter",    "constitution", "bylaws",
      "handbook",   "manual",     "guidelines", "rules",        "regulation",
      "textbook",   "textbooks",  "ads",        "reports",      "statements",
      "letters",    "documents",  "polls",      "surveys",      "studies",
      "tweets",     "posts",      "emails",     "e-mails",      "messages",
      "campaign",   "show",       "program",    "programme",    "network",
      "newspaper",  "paper",      "magazine",   "outlet",       "station",
      "narrator",   "voice",      "voiceover",  "panel",        "jury",
      "court",      "committee",  "board",      "council",      "group",
      "groups",     "team",       "side",       "camp",         "family",
      "families",   "mother",     "father",     "wife",         "husband",
      "son",        "daughter",   "brother",    "sister",       "friend",
      "friends",    "niece",      "nephew",     "uncle",        "aunt",
      "child",      "children",   "kids",       "crowd",        "audience",
      "public",     "majority",   "minority",   "percent",      "most",
      "clip",       "footage",    "film",       "documentary",  "trailer",
      "comment",    "remark",     "words",      "source",       "surrogate",
      "ally",       "allies",     "operative",  "backer",       "donor",
      "member",     "colleague",  "partner",    "staff",        "staffer",
      "employee",   "worker",     "student",    "parent",       "resident",
      "neighbor",   "neighbour",  "person",     "individual",   "citizen",
      "voter",      "fan",        "supporter",  "opponent",     "foe",
      "side",       "camp",       "aide",       "counsel",      "delegation",
      "person",     "guy",        "girl",       "boy",          "lady",
      "gentleman",  "colleague",  "country",    "nation",       "state",
      "city",       "town",       "county",     "government",   "regime",
      "ministry",   "agency",     "firm",       "bank",         "industry",
  });
  lex->speech_nouns = Set({
      "claim",       "claims",
      "statement",   "statements",
      "words",       "remark",
      "remarks",     "comment",
      "comments",    "assertion",
      "promise",     "pledge",
      "vow",         "warning",
      "accusation",  "charge",
      "argument",    "insistence",
      "suggestion",  "prediction",
      "description", "answer",
      "response",    "reply",
      "message",     "tweet",
      "tweets",      "missive",
      "boast",       "contention",
      "complaint",   "admission",
      "declaration", "announcement",
      "quip",        "joke",
      "observation", "slogan",
      "mantra",      "refrain",
      "catchphrase", "rhetoric",
      "testimony",   "explanation",
      "threat",      "characterization",
      "assessment",  "verdict",
      "plea",        "retort",
      "rebuttal",    "denial",
      "allegation",  "allegations",
      "promises",
  });
  lex->male_names = Set({
      "aaron",     "adam",     "alan",        "albert",   "alex",
      "alexander", "andrew",   "anthony",     "antonin",  "arthur",
      "barack",    "ben",      "benjamin",    "bernie",   "bill",
      "billy",     "bob",      "bobby",       "brad",     "brian",
      "bruce",     "bryan",    "carl",        "carlos",   "charles",
      "charlie",   "chris",    "christopher", "chuck",    "colin",
      "craig",     "dan",      "daniel",      "darrell",  "dave",
      "david",     "dennis",   "dick",        "don",      "donald",
      "doug",      "douglas",  "ed",          "eddie",    "edward",
      "eric",      "frank",    "fred",        "gary",     "george",
      "greg",      "gregory",  "harold",      "harry",    "henry",
      "howard",    "ian",      "jack",        "jacob",    "james",
      "jason",     "jeb",      "jeff",        "jeffrey",  "jeremy",
      "jerry",     "jesse",    "jim",         "jimmy",    "joe",
      "john",      "johnny",   "jon",         "jonathan", "jorge",
      "jose",      "joseph",   "josh",        "joshua",   "juan",
      "justin",    "keith",    "ken",         "kenneth",  "kevin",
      "larry",     "lee",      "lindsey",     "lloyd",    "louis",
      "luis",      "marco",    "mark",        "martin",   "matt",
      "matthew",   "max",      "michael",     "mike",     "mitch",
      "mitt",      "nathan",   "neil",        "newt",     "nick",
      "nicholas",  "oscar",    "patrick",     "paul",     "pete",
      "peter",     "phil",     "philip",      "ralph",    "randy",
      "ray",       "raymond",  "reince",      "richard",  "rick",
      "rob",       "robert",   "roger",       "ron",      "ronald",
      "rudy",      "russell",  "ryan",        "sam",      "samuel",
      "scott",     "sean",     "sergei",      "sergey",   "stephen",
      "steve",     "steven",   "ted",         "terry",    "thomas",
      "tim",       "timothy",  "todd",        "tom",      "tony",
      "vladimir",  "walter",   "wayne",       "william",  "willie",
      "xi",        "yuri",     "kim",         "francis",  "benjamin",
      "boris",     "emmanuel", "francois",    "jean",     "giuseppe",
      "mohammed",  "muhammad", "ahmed",       "ali",      "omar",
      "hassan",    "abdullah", "recep",       "narendra", "shinzo",
      "justin",    "malcolm",  "rodrigo",     "jair",     "andres",
      "enrique",   "pedro",    "miguel",      "ivan",     "dmitry",
      "igor",      "mikhail",  "alexei",      "viktor",   "volodymyr",
      "petro",     "lech",     "kurt",        "hans",     "klaus",
      "olaf",      "helmut",   "lars",        "sven",     "mario",
      "matteo",    "silvio",   "luigi",       "marcus",   "tyrone",
      "jamal",     "darius",   "earl",        "elijah",   "ernest",
      "eugene",    "gerald",   "glenn",       "gordon",   "hugh",
      "jay",       "jerome",   "karl",        "kyle",     "leon",
      "leonard",   "marvin",   "melvin",      "mitchell", "nelson",
      "norman",    "preston",  "reggie",      "roy",      "rush",
      "sherrod",   "stanley",  "stuart",      "ted",      "vernon",
      "vincent",   "warren",   "wesley",      "zachary",  "hillel",
      "jared",     "corey",    "kellyanne",
  });
  lex->male_names.erase("kellyanne");
  lex->female_names = Set({
      "abigail",   "alice",    "alicia",    "amanda",      "amy",
      "andrea",    "angela",   "ann",       "anna",        "anne",
      "barbara",   "betty",    "beverly",   "brenda",      "carly",
      "carol",     "caroline", "catherine", "cheryl",      "christina",
      "christine", "claire",   "cynthia",   "debbie",      "deborah",
      "debra",     "diana",    "diane",     "donna",       "dorothy",
      "elizabeth", "ellen",    "emily",     "emma",        "evelyn",
      "frances",   "gloria",   "hannah",    "heather",     "heidi",
      "helen",     "hillary",  "hilary",    "huma",        "ivanka",
      "jane",      "janet",    "janice",    "jean",        "jennifer",
      "jessica",   "jill",     "joan",      "joyce",       "judith",
      "judy",      "julia",    "julie",     "karen",       "katherine",
      "kathleen",  "kathy",    "kelly",     "kellyanne",   "kim",
      "laura",     "lauren",   "linda",     "lisa",        "loretta",
      "lori",      "louise",   "lynn",      "margaret",    "maria",
      "marie",     "marilyn",  "martha",    "mary",        "megan",
      "melania",   "melanie",  "melissa",   "michelle",    "nancy",
      "nicole",    "nikki",    "olivia",    "pamela",      "patricia",
      "paula",     "rachel",   "rebecca",   "rosa",        "ruth",
      "samantha",  "sandra",   "sarah",     "sara",        "sharon",
      "shirley",   "sophia",   "stephanie", "susan",       "susana",
      "teresa",    "theresa",  "tina",      "valerie",     "victoria",
      "virginia",  "wendy",    "angela",    "theresa",     "marine",
      "christine", "ursula",   "jacinda",   "sheikh",      "tsai",
      "park",      "aung",     "yulia",     "condoleezza", "madeleine",
      "nancy",     "elaine",   "kirsten",   "tammy",       "amy",
      "tulsi",     "kamala",   "elena",     "sonia",       "ruth",
      "carla",     "esther",   "ariana",    "veronica",    "adriana",
      "azucena",   "beatriz",  "yvonne",    "sally",       "jeanne",
      "katie",     "kate",     "kristen",   "liz",         "meghan",
      "monica",    "natalie",  "paige",     "sheila",      "shannon",
      "tara",      "vanessa",  "dana",      "erin",        "gina",
      "grace",     "irene",    "jenna",     "jo",          "kay",
      "lucy",      "lydia",    "mia",       "naomi",       "nina",
      "norah",     "olive",    "penny",     "rita",        "rose",
      "ruby",      "stacey",   "sue",       "sylvia",      "vera",
      "zoe",       "malkia",   "minyon",    "marcia",      "terry",
  });
  for (const char* both : {"kim", "jean", "terry", "park", "sheikh", "tsai",
                           "aung", "lee", "marine"}) {
    lex->male_names.erase(both);
    lex->female_names.erase(both);
  }
  std::unique_ptr<QuoteFinder> f(new QuoteFinder());
  f->lex_ = std::move(lex);
  return f;
}

namespace {

constexpr int32_t kMaxFrame = 400;  // bytes read on either side of a quote
// How far before a pronoun a subject is preferred to a nearer mention.
constexpr int32_t kSubjectReach = 400;

// +1 or -1 when the first word of `name` is a common male or female first
// name, else 0.
int FirstNameGender(std::string_view name, const QuoteFinder::Lexicon& lex) {
  const size_t sp = name.find(' ');
  if (sp == std::string_view::npos) return 0;
  const std::string first = absl::AsciiStrToLower(AsAbsl(name.substr(0, sp)));
  if (lex.male_names.contains(first)) return 1;
  if (lex.female_names.contains(first)) return -1;
  return 0;
}

// Per-call state: entity lookups and pending mention additions.
class Resolver {
 public:
  Resolver(std::string_view text, std::vector<Entity>* entities,
           const std::vector<QuotedRun>& runs, const QuoteFinder::Lexicon& lex)
      : text_(text), entities_(*entities), runs_(runs), lex_(lex) {
    for (size_t e = 0; e < entities_.size(); ++e) {
      IndexEntity(static_cast<int>(e));
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const MentionRef& a, const MentionRef& b) {
                return a.begin < b.begin;
              });
    gender_.resize(entities_.size(), 0);
    added_.resize(entities_.size());
    // Common first names and honorifics before a person's mentions tell
    // the gender.
    for (size_t e = 0; e < entities_.size(); ++e) {
      if (entities_[e].type != EntityType::kPerson) continue;
      gender_[e] = FirstNameGender(entities_[e].name, lex_);
      for (const EntityMention& m : entities_[e].mentions) {
        const int32_t lo = std::max<int32_t>(0, m.span.begin - 5);
        const std::string before =
            absl::AsciiStrToLower(AsAbsl(text_.substr(lo, m.span.begin - lo)));
        if (EndsWith(before, "mr. ") || EndsWith(before, "mr ")) {
          gender_[e] = 1;
        } else if (EndsWith(before, "mrs. ") || EndsWith(before, "ms. ") ||
                   EndsWith(before, "ms ") || EndsWith(before, "miss ")) {
          gender_[e] = -1;
        }
      }
    }
  }

  // Resolves `p` for a quote whose open mark is at `anchor`; returns the
  // entity index or -1, and sets `*span` to the mention naming it.
  int Resolve(const Phrase& p, int32_t anchor, int32_t window_begin,
              const QuoteFinder::Lexicon& lex, ByteSpan* span) {
    *span = p.span;
    switch (p.kind) {
      case PhraseKind::kName:
        return ResolveName(p, span);
      case PhraseKind::kPronoun:
        return ResolvePronoun(p, std::min(anchor, p.span.begin), window_begin);
      case PhraseKind::kNominal:
        if (p.indefinite || !lex.person_nouns.contains(p.head)) {
          if (lex.bare_speakers.contains(p.head) || p.indefinite) return -1;
        }
        return ResolveTitle(p, std::min(anchor, p.span.begin), window_begin,
                            lex);
      default:
        return -1;
    }
  }

  // The known gender of the entity a name phrase mentions: +1, -1 or 0; 2
  // for an entity that is no person.
  // -2 when no entity is mentioned there.
  int GenderOf(const Phrase& p) const {
    ByteSpan found;
    const int e = Overlapping(p.span, &found);
    if (e < 0 || e >= static_cast<int>(gender_.size())) return -2;
    if (entities_[e].type != EntityType::kPerson) return 2;  // not he/she
    return gender_[e];
  }

  // Whether `s` overlaps a mention or its last word occurs capitalized
  // elsewhere in the text (so it is a name, not a sentence's first word).
  bool KnownName(ByteSpan s) {
    if (AnyMentionOverlaps(s)) return true;
    IndexCapitalizedWords();
    std::string_view name = s.Of(text_);
    const size_t sp = name.rfind(' ');
    if (sp != std::string_view::npos) return true;
    auto it = cap_words_.find(absl::AsciiStrToLower(AsAbsl(name)));
    return it != cap_words_.end() && it->second.size() >= 2;
  }

  // Merges the added mentions into the entities, in document order.
  void Finish() {
    for (size_t e = 0; e < added_.size() && e < entities_.size(); ++e) {
      if (added_[e].empty()) continue;
      auto& ms = entities_[e].mentions;
      ms.insert(ms.end(), added_[e].begin(), added_[e].end());
      std::stable_sort(
          ms.begin(), ms.end(),
          [](const EntityMention& a, const EntityMention& b) {
            return a.span.begin < b.span.begin ||
                   (a.span.begin == b.span.begin && a.span.end < b.span.end);
          });
    }
  }

 private:
  void IndexEntity(int e) {
    const Entity& ent = entities_[e];
    for (const EntityMention& m : ent.mentions) {
      mentions_.push_back({m.span.begin, m.span.end, e});
      if (ent.type == EntityType::kPerson) person_at_[m.span.begin] = e;
      if (ent.type == EntityType::kOrganization) org_at_[m.span.begin] = e;
    }
    IndexName(e);
  }

  void IndexName(int e) {
    const Entity& ent = entities_[e];
    if (ent.type != EntityType::kPerson &&
        ent.type != EntityType::kOrganization &&
        ent.type != EntityType::kUnspecified) {
      return;
    }
    const std::string name = absl::AsciiStrToLower(ent.name);
    by_name_.emplace(name, e);
    if (ent.type == EntityType::kPerson) {
      size_t sp = name.rfind(' ');
      if (sp != std::string::npos) by_surname_.emplace(name.substr(sp + 1), e);
    }
  }

  // The entity with a mention overlapping `s`, or -1.
  int Overlapping(ByteSpan s, ByteSpan* found) const {
    auto it = std::lower_bound(
        mentions_.begin(), mentions_.end(), s.begin - 256,
        [](const MentionRef& m, int32_t v) { return m.begin < v; });
    int best = -1;
    int32_t best_len = 0;
    for (; it != mentions_.end() && it->begin < s.end; ++it) {
      if (it->end > s.begin && it->end - it->begin > best_len) {
        best = it->entity;
        best_len = it->end - it->begin;
        *found = {it->begin, it->end};
      }
    }
    return best;
  }

  bool InsideRun(int32_t pos) const {
    auto it = std::upper_bound(
        runs_.begin(), runs_.end(), pos,
        [](int32_t v, const QuotedRun& r) { return v < r.content.begin; });
    if (it == runs_.begin()) return false;
    --it;
    return pos < it->content.end;
  }

  void AddMention(int e, ByteSpan s, MentionType type) {
    ByteSpan dummy;
    if (Overlapping(s, &dummy) == e) return;
    added_[e].push_back({s, type});
    if (entities_[e].type == EntityType::kPerson) person_at_[s.begin] = e;
    if (entities_[e].type == EntityType::kOrganization) org_at_[s.begin] = e;
    added_mentions_[s.begin] = {s.begin, s.end, e};
  }

  // Adds `s`, a phrase that contains a mention of `e`, as a NOMINAL mention
  // of `e` (once).
  void AddPhraseMention(int e, ByteSpan s) {
    auto it = added_mentions_.find(s.begin);
    if (it != added_mentions_.end() && it->second.end == s.end) return;
    added_[e].push_back({s, MentionType::kNominal});
    added_mentions_[s.begin] = {s.begin, s.end, e};
  }

  int ResolveName(const Phrase& p, ByteSpan* span) {
    ByteSpan found;
    int e = Overlapping(p.span, &found);
    if (e < 0) {
      auto it = added_mentions_.upper_bound(p.span.end);
      if (it != added_mentions_.begin()) {
        --it;
        if (it->second.end > p.span.begin) {
          e = it->second.entity;
          found = {it->first, it->second.end};
        }
      }
    }
    if (e >= 0) {
      // The speaker span is the whole phrase ("Mayor Tomas Berg"); when it
      // is wider than the entity's mention ("Tomas Berg") it becomes a
      // NOMINAL mention too, so every speaker span is a mention of the
      // entity named as speaker.
      if (p.span != found && found.begin >= p.span.begin &&
          found.end <= p.span.end) {
        AddPhraseMention(e, p.span);
      } else {
        *span = found;
      }
      if (p.gender != 0) gender_[e] = p.gender;
      return e;
    }
    const std::string name =
        absl::AsciiStrToLower(AsAbsl(p.name_span.Of(text_)));
    auto it = by_name_.find(name);
    if (it != by_name_.end()) {
      e = it->second;
    } else if (!p.org) {
      size_t sp = name.rfind(' ');
      std::string last = sp == std::string::npos ? name : name.substr(sp + 1);
      auto jt = by_surname_.find(last);
      if (jt != by_surname_.end() &&
          (sp == std::string::npos ||
           absl::AsciiStrToLower(entities_[jt->second].name) == name)) {
        e = jt->second;
      } else if (sp == std::string::npos) {
        // A one-word name may be the surname of an entity named in full.
        jt = by_surname_.find(name);
        if (jt != by_surname_.end()) e = jt->second;
      }
    }
    bool created = false;
    if (e < 0) {
      created = true;
      Entity ent;
      ent.name = std::string(p.name_span.Of(text_));
      if (!p.org && name.find(' ') == std::string::npos) {
        // "Ushakov" said: named in full earlier ("Putin aide Yuri Ushakov")?
        std::string full = FullNameOf(name);
        if (!full.empty()) {
          auto ft = by_name_.find(absl::AsciiStrToLower(full));
          if (ft != by_name_.end()) {
            e = ft->second;
            if (p.gender != 0) gender_[e] = p.gender;
            AddMention(e, p.span, MentionType::kProper);
            return e;
          }
          ent.name = full;
        }
      }
      ent.type = p.org ? EntityType::kOrganization : EntityType::kPerson;
      ent.salience = 0;
      entities_.push_back(std::move(ent));
      e = static_cast<int>(entities_.size()) - 1;
      gender_.push_back(0);
      added_.emplace_back();
      IndexName(e);
    }
    if (p.gender != 0) gender_[e] = p.gender;
    AddMention(e, p.span, MentionType::kProper);
    if (created) AddOtherMentions(e, p.name_span);
    return e;
  }

  // The first run of two or more name words around an occurrence of the
  // one-word name `word` (lower case), without leading titles; or empty.
  std::string FullNameOf(const std::string& word) {
    IndexCapitalizedWords();
    auto it = cap_words_.find(word);
    if (it == cap_words_.end()) return "";
    int tries = 0;
    for (ByteSpan occ : it->second) {
      if (++tries > 20) break;
      const int32_t lo = std::max<int32_t>(0, occ.begin - 80);
      const int32_t hi =
          std::min<int32_t>(static_cast<int32_t>(text_.size()), occ.end + 40);
      // Start the window at a word boundary.
      int32_t b = lo;
      while (b > 0 && b < occ.begin && text_[b - 1] != ' ' &&
             text_[b - 1] != '\n') {
        ++b;
      }
      const std::vector<Word> words = Tokenize(text_, b, hi, lex_);
      Parser parser(text_, words, lex_);
      int at = -1;
      for (size_t i = 0; i < words.size(); ++i) {
        if (words[i].span.begin == occ.begin) at = static_cast<int>(i);
      }
      if (at < 0 || !parser.IsNameWord(at)) continue;
      int end = at;
      while (end + 1 < static_cast<int>(words.size()) &&
             parser.IsNameWord(end + 1) && !EndsWith(words[end].lower, "'s") &&
             !EndsWith(words[end].lower, "\xE2\x80\x99s")) {
        ++end;
      }
      const int start = parser.NameRunStart(end, 0);
      Phrase full = parser.NamePhrase(start, end);
      if (full.org) continue;
      const std::string_view name = full.name_span.Of(text_);
      if (name.find(' ') == std::string_view::npos) continue;
      if (EndsWith(std::string(name), "'s") ||
          EndsWith(std::string(name), "\xE2\x80\x99s")) {
        continue;
      }
      return std::string(name);
    }
    return "";
  }

  // The whole-word occurrences of capitalized words, built on first use.
  // Tokenized a piece at a time, each piece ending at a space (no word
  // spans one), so the index holds memory for the capitalized words only:
  // a whole 1 MB document's words at once took 19 MB.
  void IndexCapitalizedWords() {
    if (cap_words_built_) return;
    cap_words_built_ = true;
    constexpr size_t kPiece = 64 << 10;
    const size_t n = text_.size();
    for (size_t b = 0; b < n;) {
      size_t e = std::min(n, b + kPiece);
      while (e < n && text_[e] != ' ' && text_[e] != '\n') ++e;
      for (const Word& w : Tokenize(text_, static_cast<int32_t>(b),
                                    static_cast<int32_t>(e), lex_)) {
        if (w.cap) cap_words_[w.lower].push_back(w.span);
      }
      b = e;
    }
  }

  bool AnyMentionOverlaps(ByteSpan s) const {
    ByteSpan found;
    if (Overlapping(s, &found) >= 0) return true;
    auto it = added_mentions_.upper_bound(s.end);
    if (it == added_mentions_.begin()) return false;
    --it;
    return it->second.end > s.begin;
  }

  // An entity the entity stage missed is mentioned wherever its name (or,
  // for a person, its surname) occurs.
  void AddOtherMentions(int e, ByteSpan name_span) {
    IndexCapitalizedWords();
    const std::string_view name = name_span.Of(text_);
    const bool person = entities_[e].type == EntityType::kPerson;
    size_t sp = name.rfind(' ');
    std::string_view key_word =
        person && sp != std::string_view::npos ? name.substr(sp + 1) : name;
    if (!person && sp != std::string_view::npos)
      key_word = name.substr(0, name.find(' '));
    auto it = cap_words_.find(absl::AsciiStrToLower(AsAbsl(key_word)));
    if (it == cap_words_.end()) return;
    for (ByteSpan w : it->second) {
      ByteSpan m = w;
      if (person) {
        // Extend to the full name when it precedes the surname.
        const int32_t b = w.end - static_cast<int32_t>(name.size());
        if (b >= 0 && text_.substr(b, name.size()) == name) m.begin = b;
      } else {
        if (text_.substr(w.begin, name.size()) != name) continue;
        m.end = w.begin + static_cast<int32_t>(name.size());
      }
      if (AnyMentionOverlaps(m)) continue;
      AddMention(e, m, MentionType::kProper);
    }
  }

  int ResolvePronoun(const Phrase& p, int32_t before, int32_t window_begin) {
    const std::string& w = p.head;
    if (w == "who" || w == "which") return ResolveRelative(p);
    const bool person = w == "he" || w == "she";
    const bool group = w == "they" || w == "we" || w == "it";
    if (!person && !group) return -1;
    const std::map<int32_t, int>& index = person ? person_at_ : org_at_;
    auto it = index.lower_bound(before);
    int steps = 0;
    int nearest = -1, chosen = -1;
    while (it != index.begin() && steps < 40) {
      --it;
      ++steps;
      if (it->first < window_begin) break;
      if (InsideRun(it->first)) continue;
      const int e = it->second;
      if (person && gender_[e] != 0 && gender_[e] != p.gender) continue;
      // The nearest compatible mention, unless a subject ("Obama said
      // after meeting Putin. He ...") comes shortly before it.
      if (nearest < 0) nearest = e;
      if (SubjectPosition(it->first)) {
        chosen = e;
        break;
      }
      if (it->first < before - kSubjectReach) break;
    }
    if (chosen < 0) chosen = nearest;
    if (chosen < 0) return -1;
    if (person) gender_[chosen] = p.gender;
    AddMention(chosen, p.span, MentionType::kPronoun);
    return chosen;
  }

  // Whether the name starting at `b` reads as a clause's subject: after a
  // sentence or clause start (titles allowed: "Russian President Vladimir
  // Putin") and before a lower-case verb, not a possessive or preposition.
  bool SubjectPosition(int32_t b) const {
    const int32_t n = static_cast<int32_t>(text_.size());
    // Left side.
    int32_t i = b;
    bool left = false;
    for (int words = 0; words < 5; ++words) {
      while (i > 0 && text_[i - 1] == ' ') --i;
      if (i == 0) {
        left = true;
        break;
      }
      const unsigned char c = static_cast<unsigned char>(text_[i - 1]);
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' ||
          c == '"' || c == ',' || c == ';' || c == 0x9D || c == 0x94) {
        left = true;
        break;
      }
      if (!absl::ascii_isalpha(c)) break;
      int32_t k = i;
      while (k > 0 &&
             (absl::ascii_isalpha(static_cast<unsigned char>(text_[k - 1])) ||
              text_[k - 1] == '-')) {
        --k;
      }
      const std::string word =
          absl::AsciiStrToLower(AsAbsl(text_.substr(k, i - k)));
      if (word == "and" || word == "but" || word == "then") {
        left = true;
        break;
      }
      if (!absl::ascii_isupper(static_cast<unsigned char>(text_[k])) ||
          lex_.cap_stop.contains(word)) {
        break;
      }
      i = k;
    }
    if (!left) return false;
    // Right side: past the name words.
    int32_t j = b;
    for (int words = 0; words < 5 && j < n; ++words) {
      if (!absl::ascii_isupper(static_cast<unsigned char>(text_[j]))) break;
      while (j < n &&
             (absl::ascii_isalnum(static_cast<unsigned char>(text_[j])) ||
              text_[j] == '.' || text_[j] == '-')) {
        ++j;
      }
      if (j < n &&
          (text_[j] == '\'' || static_cast<unsigned char>(text_[j]) == 0xE2)) {
        return false;  // possessive
      }
      while (j < n && text_[j] == ' ') ++j;
    }
    if (j < n && text_[j] == '(') {
      const size_t close = text_.find(')', j);
      if (close == std::string_view::npos ||
          close > static_cast<size_t>(j) + 40)
        return false;
      j = static_cast<int32_t>(close) + 1;
      while (j < n && text_[j] == ' ') ++j;
    }
    if (j >= n || !absl::ascii_islower(static_cast<unsigned char>(text_[j]))) {
      return false;
    }
    int32_t k = j;
    while (k < n && absl::ascii_isalpha(static_cast<unsigned char>(text_[k])))
      ++k;
    const std::string next = std::string(text_.substr(j, k - j));
    return !lex_.np_stop.contains(next) || next == "told" || next == "also" ||
           next == "is" || next == "was";
  }

  // A relative pronoun: the mention right before it ("Stevie Wonder, who"),
  // or -1.
  int ResolveRelative(const Phrase& p) {
    int32_t b = p.span.begin;
    while (b > 0 && (text_[b - 1] == ' ' || text_[b - 1] == ',')) --b;
    if (b == 0) return -1;
    ByteSpan found;
    int e = Overlapping({b - 1, b}, &found);
    if (e < 0) {
      auto it = added_mentions_.upper_bound(b - 1);
      if (it != added_mentions_.begin()) {
        --it;
        if (it->second.end >= b) e = it->second.entity;
      }
    }
    if (e < 0) return -1;
    const EntityType t = entities_[e].type;
    if (t != EntityType::kPerson && t != EntityType::kOrganization &&
        t != EntityType::kUnspecified) {
      return -1;
    }
    AddMention(e, p.span, MentionType::kPronoun);
    return e;
  }

  // "the spokesman": a person earlier introduced with the same title.
  int ResolveTitle(const Phrase& p, int32_t before, int32_t window_begin,
                   const QuoteFinder::Lexicon& lex) {
    if (p.head.empty()) return -1;
    auto it = person_at_.lower_bound(before);
    int steps = 0;
    while (it != person_at_.begin() && steps < 60) {
      --it;
      ++steps;
      if (it->first < window_begin) break;
      const int32_t b = it->first;
      const int32_t lo = std::max<int32_t>(0, b - 48);
      const std::string around = absl::AsciiStrToLower(AsAbsl(text_.substr(
          lo, std::min<size_t>(text_.size() - lo, (b - lo) + 120))));
      size_t pos = 0;
      while ((pos = around.find(p.head, pos)) != std::string::npos) {
        const bool left_ok =
            pos == 0 ||
            !absl::ascii_isalpha(static_cast<unsigned char>(around[pos - 1]));
        const size_t r = pos + p.head.size();
        const bool right_ok =
            r >= around.size() ||
            !absl::ascii_isalpha(static_cast<unsigned char>(around[r]));
        if (left_ok && right_ok) {
          const int e = it->second;
          // "Pagliano's lawyer", "the Clinton campaign": a phrase naming
          // the person inside it is someone or something else.
          ByteSpan inside;
          if (Overlapping(p.span, &inside) == e) return -1;
          AddMention(e, p.span, MentionType::kNominal);
          return e;
        }
        pos = r;
      }
    }
    return -1;
  }

  std::string_view text_;
  std::vector<Entity>& entities_;
  const std::vector<QuotedRun>& runs_;
  std::vector<MentionRef> mentions_;
  std::map<int32_t, int> person_at_;
  std::map<int32_t, int> org_at_;
  std::map<int32_t, MentionRef> added_mentions_;
  absl::flat_hash_map<std::string, int> by_name_;
  absl::flat_hash_map<std::string, int> by_surname_;
  std::vector<int> gender_;
  std::vector<std::vector<EntityMention>> added_;
  const QuoteFinder::Lexicon& lex_;
  bool cap_words_built_ = false;
  absl::flat_hash_map<std::string, std::vector<ByteSpan>> cap_words_;
};

// Cuts `words` to the part after the last sentence end.
std::vector<Word> LastSentence(std::vector<Word> words) {
  size_t start = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].sentence_end && i + 1 < words.size()) start = i + 1;
  }
  words.erase(words.begin(), words.begin() + start);
  return words;
}

// Whether Tokenize over [b, e) and over [s, e) split [s, e) alike, for
// b < s: true when `t[s - 1]` is an ASCII space and the three bytes before
// it are ASCII. No token then holds that space (only the multi-byte step
// from a byte >= 0x80 could reach over it), so the tokenizer of [b, e)
// stops on it, and from `s` on each token depends only on the text and `e`.
bool SplitsAlikeFrom(std::string_view t, int32_t b, int32_t s) {
  const char c = t[s - 1];
  if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return false;
  for (int32_t p = std::max(b, s - 4); p < s - 1; ++p) {
    if (static_cast<unsigned char>(t[p]) >= 0x80) return false;
  }
  return true;
}

// LastSentence(Tokenize(t, b, e, lex)), without tokenizing the sentences
// before the last when it can: the words from the last '.', '!' or '?' on
// (taken from a point where both split alike) hold the last sentence when
// they hold a sentence end with a word after it. Else, when that mark ends
// no sentence ("U.S.") or nothing qualifies, the whole range is tokenized.
std::vector<Word> LastSentenceOf(std::string_view t, int32_t b, int32_t e,
                                 const QuoteFinder::Lexicon& lex) {
  int32_t s = e - 1;
  while (s >= b && t[s] != '.' && t[s] != '!' && t[s] != '?') --s;
  while (s > b && !SplitsAlikeFrom(t, b, s)) --s;
  if (s > b) {
    std::vector<Word> words = Tokenize(t, s, e, lex);
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i].sentence_end) return LastSentence(std::move(words));
    }
  }
  return LastSentence(Tokenize(t, b, e, lex));
}

// Cuts `words` at the first sentence end (inclusive of nothing after it).
std::vector<Word> FirstSentence(std::vector<Word> words) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].sentence_end) {
      words.resize(i + 1);
      break;
    }
  }
  return words;
}

}  // namespace

namespace {

// The letters a-z that start (`last` false) or end (`last` true) one of
// `words`, as bits 0-25.
template <size_t N>
constexpr uint32_t EdgeLetters(const std::string_view (&words)[N], bool last) {
  uint32_t bits = 0;
  for (const std::string_view w : words) {
    bits |= uint32_t{1} << ((last ? w.back() : w.front()) - 'a');
  }
  return bits;
}

// Whether the letter `c` is among `bits` (see EdgeLetters).
bool HasLetter(uint32_t bits, char c) {
  return c >= 'a' && c <= 'z' && ((bits >> (c - 'a')) & 1) != 0;
}

// Reported speech with no quotation marks, one per sentence: "X said (that)
// CLAUSE", "X told Y that CLAUSE" and "CLAUSE, according to X". Sentences
// holding a quoted run are skipped. Appends INDIRECT quotes to `*out` and
// sorts it by position.
void FindIndirect(std::string_view text, const Segmentation& seg,
                  const std::vector<QuotedRun>& runs,
                  const QuoteFinder::Lexicon& lex, Resolver* resolver,
                  std::vector<Entity>* entities, std::vector<Quote>* out) {
  static constexpr std::string_view kReportVerbs[] = {
      "said",      "says",         "told",         "tells",      "added",
      "adds",      "warned",       "warns",        "noted",      "notes",
      "argued",    "argues",       "claimed",      "claims",     "insisted",
      "insists",   "explained",    "explains",     "stated",     "announced",
      "announces", "acknowledged", "acknowledges", "confirmed",  "confirms",
      "predicted", "predicts",     "wrote",        "writes",     "reported",
      "reports",   "asserted",     "contended",    "maintained", "maintains",
      "admitted",  "admits"};
  static constexpr uint32_t kFirstLetters = EdgeLetters(kReportVerbs, false);
  static constexpr uint32_t kLastLetters = EdgeLetters(kReportVerbs, true);
  const size_t before = out->size();
  size_t next_run = 0;
  std::vector<Paragraph> whole;
  const std::vector<Paragraph>* paras = &seg.paragraphs;
  if (paras->empty() && !text.empty()) {
    Paragraph p;
    p.span = {0, static_cast<int32_t>(text.size())};
    whole.push_back(p);
    paras = &whole;
  }
  for (size_t pi = 0; pi < paras->size(); ++pi) {
    const ByteSpan ps = (*paras)[pi].span;
    const std::vector<Word> words = Tokenize(text, ps.begin, ps.end, lex);
    size_t s = 0;
    while (s < words.size()) {
      size_t e = s;
      while (e < words.size() && !words[e].sentence_end) ++e;
      const size_t end = std::min(e + 1, words.size());  // past the period
      const ByteSpan sent = {words[s].span.begin, words[end - 1].span.end};
      while (next_run < runs.size() && runs[next_run].close.end <= sent.begin &&
             runs[next_run].content.end <= sent.begin) {
        ++next_run;
      }
      const bool has_run =
          next_run < runs.size() && runs[next_run].open.begin < sent.end;
      if (!has_run && e > s) {
        const WordSpan sw(words.data() + s, e - s);
        Parser parser(text, sw, lex);
        const int n = static_cast<int>(sw.size());
        Quote q;
        Phrase sp;
        bool found = false;
        // "CLAUSE, according to X."
        for (int c = 2; c + 2 < n && !found; ++c) {
          if (sw[c].lower == "according" && sw[c + 1].lower == "to" &&
              sw[c - 1].lower == ",") {
            sp = parser.PhraseFrom(c + 2, n);
            if (sp.kind != PhraseKind::kNone) {
              q.span = {sw[0].span.begin, sw[c - 2].span.end};
              q.cue = "according to";
              found = true;
            }
          }
        }
        for (int c = 1; c < n && c < 25 && !found; ++c) {
          if (sw[c].punct || sw[c].cap) continue;
          const std::string_view lower = sw[c].lower;
          // Most words start or end with a letter no report verb does; they
          // skip the search of the list, a comparison with each verb.
          const bool verb =
              !lower.empty() && HasLetter(kFirstLetters, lower.front()) &&
              HasLetter(kLastLetters, lower.back()) &&
              std::find(std::begin(kReportVerbs), std::end(kReportVerbs),
                        lower) != std::end(kReportVerbs);
          if (!verb || parser.Negated(c)) continue;
          sp = parser.SubjectBefore(c, 0);
          if (sp.kind == PhraseKind::kNone) break;
          int b = c + 1;
          if (sw[c].lower == "told" || sw[c].lower == "tells") {
            int k = b;
            while (k < n && k < b + 6 && sw[k].lower != "that" &&
                   !sw[k].punct) {
              ++k;
            }
            if (!(k < n && sw[k].lower == "that")) break;
            b = k + 1;
          } else if (b < n && sw[b].lower == "that") {
            ++b;
          }
          if (b >= n || sw[b].punct) break;
          int last = n - 1;
          // "While X said A, B": the report ends at the comma.
          if (lex.cap_stop.contains(sw[0].lower) &&
              (sw[0].lower == "while" || sw[0].lower == "although" ||
               sw[0].lower == "though" || sw[0].lower == "as" ||
               sw[0].lower == "if" || sw[0].lower == "because" ||
               sw[0].lower == "when")) {
            for (int k = b; k < n; ++k) {
              if (sw[k].lower == ",") {
                last = k - 1;
                break;
              }
            }
          }
          while (last > b && sw[last].punct) --last;
          if (last - b + 1 < 4) break;
          q.span = {sw[b].span.begin, sw[last].span.end};
          q.cue = sw[c].lower;
          found = true;
        }
        if (found && !q.span.empty()) {
          ByteSpan span;
          const int32_t window = (*paras)[pi >= 3 ? pi - 3 : 0].span.begin;
          const int ent =
              resolver->Resolve(sp, sp.span.begin, window, lex, &span);
          q.type = QuoteType::kIndirect;
          q.has_speaker_span = true;
          q.speaker_span = span;
          if (ent >= 0) q.speaker = (*entities)[ent].name;
          out->push_back(std::move(q));
        }
      }
      s = end;
    }
  }
  if (out->size() > before) {
    std::stable_sort(out->begin(), out->end(),
                     [](const Quote& a, const Quote& b) {
                       return a.span.begin < b.span.begin;
                     });
  }
}

}  // namespace

std::vector<Quote> QuoteFinder::Find(std::string_view text,
                                     const Segmentation& seg,
                                     std::vector<Entity>* entities) const {
  std::vector<Quote> out;
  if (entities == nullptr) return out;
  const Lexicon& lex = *lex_;
  const std::vector<QuotedRun> runs = FindQuotedRuns(text, seg);
  Resolver resolver(text, entities, runs, lex);

  auto para_span = [&](int32_t pi) -> ByteSpan {
    if (seg.paragraphs.empty()) {
      return {0, static_cast<int32_t>(text.size())};
    }
    return seg.paragraphs[pi].span;
  };

  // The previous attributed quote, for continuations.
  struct Prev {
    bool valid = false;
    int32_t last_paragraph = 0;
    Quote quote;
  } prev;

  int32_t last_close = 0;
  // The attribution of the last quote and where it closed, for a later
  // quote of the same sentence; -1 when there is none.
  Attribution sent_attr;
  int32_t sent_attr_close = -1;
  for (size_t ri = 0; ri < runs.size(); ++ri) {
    const QuotedRun& run = runs[ri];
    const std::vector<Word> content =
        Tokenize(text, run.content.begin, run.content.end, lex);
    if (TitleLike(content, lex) || JunkRun(text, run.content, content)) {
      continue;  // part of the sentence around the next quote
    }
    // The words before this quote start after the previous quote that was
    // not a title ("Johnson tells MSNBC's “Morning Joe” that “...”").
    const int32_t floor_close = last_close;
    last_close = run.close.empty() ? run.content.end : run.close.end;

    const ByteSpan first_para = para_span(run.first_paragraph);
    const ByteSpan last_para = para_span(run.last_paragraph);

    // Words after the closing mark, to the next quote or the paragraph end.
    Attribution attr;
    if (!run.close.empty()) {
      int32_t e = last_para.end;
      if (ri + 1 < runs.size() && runs[ri + 1].open.begin < e) {
        e = runs[ri + 1].open.begin;
      }
      e = std::min(e, run.close.end + kMaxFrame);
      const std::vector<Word> after =
          FirstSentence(Tokenize(text, run.close.end, e, lex));
      // Last character of the quoted words.
      const unsigned char last =
          static_cast<unsigned char>(text[run.content.end - 1]);
      const bool open_end =
          last == ',' || last == '?' || last == '!' || last == '-' ||
          (last >= 0x80 && !content.empty() && content.back().punct);
      size_t first = 0;
      while (first < after.size() && after[first].punct &&
             !after[first].sentence_end && first < 2) {
        ++first;
      }
      const bool comma_after = first > 0;
      const bool lower_after =
          first < after.size() && !after[first].punct && !after[first].cap;
      int sentence_words = 0;
      for (const Word& w : after) sentence_words += w.punct ? 0 : 1;
      const bool short_after = sentence_words <= 6;
      // "“... change.” She adds, “...”": a sentence after a closed quote
      // that leads into the next quote with a comma or colon belongs to
      // the next quote.
      const bool next_in_para = ri + 1 < runs.size() &&
                                runs[ri + 1].open.begin < last_para.end &&
                                runs[ri + 1].open.begin == e;
      bool cue_that = false;  // "Russia insisted that Pyongyang “...”"
      for (size_t k = first; k + 1 < after.size(); ++k) {
        cue_that = cue_that || (lex.cues.contains(after[k].lower) &&
                                after[k + 1].lower == "that");
      }
      const bool leads_to_next =
          next_in_para && last == '.' && first < after.size() &&
          after[first].cap && !after.back().sentence_end &&
          (after.back().lower == "," || after.back().lower == ":" || cue_that);
      if (!leads_to_next &&
          (open_end || comma_after || lower_after || short_after)) {
        Parser parser(text, after, lex);
        for (size_t c = first; c < after.size() && c < first + 30; ++c) {
          if (after[c].sentence_end) break;
          int len = 0;
          if (c == first && after[c].lower == "per") {
            // "“...,” per the party’s bylaws."
            const Phrase sp = parser.PhraseFrom(static_cast<int>(c) + 1,
                                                static_cast<int>(after.size()));
            if (sp.kind != PhraseKind::kNone) {
              attr.found = true;
              attr.speaker = sp;
              attr.cue = "per";
            }
            break;
          }
          if (!parser.IsCueAt(static_cast<int>(c), &len)) continue;
          Phrase sp;
          if (c == first) {
            sp = parser.PhraseFrom(static_cast<int>(c) + len,
                                   static_cast<int>(after.size()));
          } else {
            sp = parser.SubjectBefore(static_cast<int>(c),
                                      static_cast<int>(first));
            if (sp.kind != PhraseKind::kNone) {
              // Words between the quote and the subject must describe the
              // subject ("U.S. spokesman John Kirby said").
              int extra = 0;
              for (size_t k = first;
                   k < after.size() && after[k].span.begin < sp.span.begin;
                   ++k) {
                ++extra;
                if (k == first && after[k].lower == "as") {
                  continue;  // "“...,” as a Homeland Security memo put it"
                }
                if ((after[k].punct && after[k].lower != ",") ||
                    lex.np_stop.contains(after[k].lower) ||
                    lex.cues.contains(after[k].lower) || extra > 7) {
                  // "as his father dreamed, Mr. Turry said": a clause set off
                  // by a comma right before a named subject.
                  int before_subject = -1;
                  for (size_t m = k;
                       m < after.size() && after[m].span.begin < sp.span.begin;
                       ++m) {
                    before_subject = static_cast<int>(m);
                  }
                  if (!((sp.kind == PhraseKind::kName ||
                         (sp.kind == PhraseKind::kPronoun && sp.head != "who" &&
                          sp.head != "which")) &&
                        before_subject >= 0 &&
                        after[before_subject].lower == ",")) {
                    sp = {};
                  }
                  break;
                }
              }
            }
            if (parser.Negated(static_cast<int>(c))) sp = {};
            if (sp.kind == PhraseKind::kNone && after[c - 1].lower == "," &&
                len == 1) {
              // "“...” about the decision, said RoseAnn DeMoro."
              sp = parser.PhraseFrom(static_cast<int>(c) + 1,
                                     static_cast<int>(after.size()));
            }
          }
          if (sp.kind != PhraseKind::kNone) {
            attr.found = true;
            attr.speaker = sp;
            attr.cue = len == 2 ? "according to" : after[c].lower.str();
          }
          break;
        }
      }
      // "“...” — Jane Doe": a dash and a name that ends the sentence or the
      // paragraph (the byline of a quote); the dash is the cue.
      if (!attr.found && !after.empty() && IsDash(after[0].lower)) {
        Parser parser(text, after, lex);
        const int n = static_cast<int>(after.size());
        int j = 1;
        while (j < n &&
               (parser.IsNameWord(j) ||
                (j + 1 < n && lex.connectors.contains(after[j].lower) &&
                 parser.IsNameWord(j + 1)))) {
          ++j;
        }
        const bool ends = j == n || after[j].lower == "," ||
                          after[j].sentence_end || after[j].lower == "(";
        if (j > 1 && ends && !lex.cap_stop.contains(after[1].lower)) {
          attr.found = true;
          attr.speaker = parser.NamePhrase(1, j - 1);
          attr.cue = after[0].lower;
        }
      }
    }

    // Words before the opening mark in the same sentence.
    if (!attr.found) {
      int32_t b = first_para.begin;
      if (floor_close > b) b = floor_close;
      b = std::max(b, run.open.begin - kMaxFrame);
      std::vector<Word> before = LastSentenceOf(text, b, run.open.begin, lex);
      Parser parser(text, before, lex);
      int tries = 0;
      {
        // "Bush: “...”" — a name alone before a colon, as in a transcript.
        size_t f = 0;
        while (f < before.size() && before[f].punct && before[f].lower != ":") {
          ++f;
        }
        const int nb = static_cast<int>(before.size());
        if (nb >= 2 && before[nb - 1].lower == ":" &&
            static_cast<int>(f) < nb - 1 && parser.IsNameWord(nb - 2) &&
            parser.NameRunStart(nb - 2, static_cast<int>(f)) ==
                static_cast<int>(f)) {
          attr.found = true;
          attr.speaker = parser.NamePhrase(static_cast<int>(f), nb - 2);
          attr.cue = ":";
          tries = 2;
        }
      }
      if (!attr.found) {
        int noun = -1;
        const Phrase owner =
            parser.PossessiveSpeaker(static_cast<int>(before.size()), &noun);
        if (owner.kind != PhraseKind::kNone) {
          attr.found = true;
          attr.speaker = owner;
          attr.cue = before[noun].lower;
          tries = 2;  // skip the cue search
        }
      }
      for (int c = static_cast<int>(before.size()) - 1; c >= 0 && tries < 2;
           --c) {
        int len = 0;
        if (!parser.IsCueAt(c, &len)) {
          // "according to": the cue is the word before "to".
          continue;
        }
        ++tries;
        Phrase sp;
        if (len == 2) {
          sp = parser.PhraseFrom(c + 2, static_cast<int>(before.size()));
        } else if (!parser.Negated(c)) {
          sp = parser.SubjectBefore(c, 0);
          if (sp.kind == PhraseKind::kNone && (c == 0 || before[c - 1].punct)) {
            // "“...,” said David Wasserman, an editor. “...”"
            sp = parser.PhraseFrom(c + 1, static_cast<int>(before.size()));
          }
        }
        if (sp.kind != PhraseKind::kNone) {
          attr.found = true;
          attr.speaker = sp;
          attr.cue = len == 2 ? "according to" : before[c].lower.str();
          // "She said she recalls ...", "Clinton says she appreciated ...
          // what she calls": a pronoun subject of an inner clause stands
          // for the sentence's subject, which is the speaker.
          if (sp.kind == PhraseKind::kPronoun &&
              (sp.head == "he" || sp.head == "she" || sp.head == "it" ||
               sp.head == "they")) {
            int verb = -1;
            const Phrase outer = parser.SentenceSubject(0, &verb);
            bool use = false;
            if (outer.kind == PhraseKind::kPronoun) {
              // "Obama said it would tell ...": "it" is no person.
              use = outer.head == sp.head ||
                    (sp.head == "it" && outer.head != "it");
            } else if (outer.kind == PhraseKind::kName) {
              // A name the entity stage knows, speaking: "Clinton says she
              // ...", not "Loyalty, he noted, ...".
              int vlen = 0;
              const int g = resolver.GenderOf(outer);
              const bool speaks = verb >= 0 && verb < c &&
                                  parser.IsCueAt(verb, &vlen) && g != -2;
              if (sp.head == "it") {
                use = speaks;
              } else if (sp.gender != 0) {
                use = speaks && (g == 0 || g == sp.gender);
              }
            }
            if (use && verb >= 0 && outer.span.end <= sp.span.begin &&
                outer.span != sp.span) {
              attr.speaker = outer;
              int vlen = 0;
              if (verb < c && parser.IsCueAt(verb, &vlen) && vlen == 1) {
                attr.cue = before[verb].lower;
              }
            }
          } else if (sp.kind == PhraseKind::kName) {
            // "Trump said ... that Clinton once described the deal as
            // “...”": the main reporting clause's subject is the source.
            int verb = -1;
            const Phrase outer = parser.SentenceSubject(0, &verb);
            int vlen = 0;
            if (outer.kind != PhraseKind::kNone && verb >= 0 && verb < c &&
                outer.span.end <= sp.span.begin &&
                parser.IsCueAt(verb, &vlen) && vlen == 1 &&
                !parser.Negated(verb)) {
              attr.speaker = outer;
              int vlen = 0;
              if (verb < c && parser.IsCueAt(verb, &vlen) && vlen == 1) {
                attr.cue = before[verb].lower;
              }
            }
          }
          break;
        }
      }
      if (!attr.found && sent_attr_close >= 0 &&
          sent_attr_close <= run.open.begin &&
          run.open.begin - sent_attr_close <= kMaxFrame) {
        // A later quote of the same sentence ("... of being “duped” by “a
        // con”") has the attribution of the one before it.
        // The line break is looked for first: most gaps that have one run
        // from one paragraph's quote to the next, and need no words.
        bool same =
            text.substr(sent_attr_close, run.open.begin - sent_attr_close)
                .find('\n') == std::string_view::npos;
        if (same) {
          const std::vector<Word> between =
              Tokenize(text, sent_attr_close, run.open.begin, lex);
          same = between.size() <= 25;
          for (const Word& w : between) same = same && !w.sentence_end;
        }
        if (same) attr = sent_attr;
      }
      if (!attr.found) {
        // No cue: the sentence's subject ("Trump also embraced ... -- "),
        // with its verb as the cue.
        int verb = -1;
        Phrase sp = parser.SentenceSubject(0, &verb);
        if (sp.kind == PhraseKind::kName && !resolver.KnownName(sp.span)) {
          sp = {};
        }
        if (sp.kind != PhraseKind::kNone && verb >= 0 &&
            verb < static_cast<int>(before.size())) {
          attr.found = true;
          attr.weak = true;
          attr.speaker = sp;
          attr.cue = before[verb].punct ? "" : before[verb].lower.str();
        }
      }
    }

    if (attr.found) {
      sent_attr = attr;
      const unsigned char last =
          static_cast<unsigned char>(text[run.content.end - 1]);
      sent_attr_close = last == '.' || last == '!' || last == '?' ? -1
                        : run.close.empty() ? run.content.end
                                            : run.close.end;
    } else {
      sent_attr_close = -1;
    }

    Quote q;
    q.span = run.content;
    q.type = QuoteType::kDirect;
    const int32_t window_begin =
        para_span(std::max<int32_t>(0, run.first_paragraph - 3)).begin;
    if (attr.found) {
      ByteSpan span;
      const int e = resolver.Resolve(attr.speaker, run.open.begin, window_begin,
                                     lex, &span);
      q.cue = attr.cue;
      q.has_speaker_span = true;
      q.speaker_span = span;
      if (e >= 0) q.speaker = (*entities)[e].name;
    } else {
      // A continuation of the previous quote's speaker.
      const bool starts_para = run.open.begin == first_para.begin;
      bool intro = false;
      if (starts_para && run.first_paragraph > 0 && seg.paragraphs.size() > 0) {
        const ByteSpan pp = para_span(run.first_paragraph - 1);
        const bool colon = pp.end > pp.begin && text[pp.end - 1] == ':';
        const bool prev_close =
            prev.valid && prev.last_paragraph == run.first_paragraph - 1;
        if (colon || !prev_close) {
          std::vector<Word> words = Tokenize(
              text, std::max(pp.begin, pp.end - kMaxFrame), pp.end, lex);
          if (!words.empty() && words.back().sentence_end) words.pop_back();
          words = LastSentence(std::move(words));
          Parser parser(text, words, lex);
          for (int c = static_cast<int>(words.size()) - 1; c >= 0; --c) {
            int len = 0;
            if (!parser.IsCueAt(c, &len)) continue;
            Phrase sp = len == 2 ? parser.PhraseFrom(
                                       c + 2, static_cast<int>(words.size()))
                                 : parser.SubjectBefore(c, 0);
            if (parser.Negated(c)) sp = {};
            if (sp.kind == PhraseKind::kNone && c == 0) {
              // "Stated Stone:"
              sp = parser.PhraseFrom(c + len, static_cast<int>(words.size()));
            }
            if (sp.kind != PhraseKind::kNone) {
              ByteSpan span;
              const int e = resolver.Resolve(sp, run.open.begin, window_begin,
                                             lex, &span);
              q.cue = len == 2 ? "according to" : words[c].lower.str();
              q.has_speaker_span = true;
              q.speaker_span = span;
              if (e >= 0) q.speaker = (*entities)[e].name;
              intro = true;
            }
            break;
          }
          if (!intro && colon) {
            // "On July 6, Sanders made the following comment:" — no cue,
            // the sentence's subject and verb.
            int verb = -1;
            const Phrase sp = parser.SentenceSubject(0, &verb);
            if (sp.kind != PhraseKind::kNone && verb >= 0 &&
                verb < static_cast<int>(words.size()) && !words[verb].punct &&
                (sp.kind != PhraseKind::kName || resolver.KnownName(sp.span))) {
              ByteSpan span;
              const int e = resolver.Resolve(sp, run.open.begin, window_begin,
                                             lex, &span);
              q.cue = words[verb].lower;
              q.has_speaker_span = true;
              q.speaker_span = span;
              if (e >= 0) q.speaker = (*entities)[e].name;
              intro = true;
            }
          }
        }
      }
      if (!intro && prev.valid &&
          prev.last_paragraph >= run.first_paragraph - 1) {
        q.speaker = prev.quote.speaker;
        q.speaker_span = prev.quote.speaker_span;
        q.has_speaker_span = prev.quote.has_speaker_span;
        q.cue = prev.quote.cue;
      }
    }
    const bool attributed = q.has_speaker_span;
    if (!attributed || attr.weak) {
      if (run.single) continue;
      if (CountWords(content) < 2) continue;
    }
    if (attributed) {
      prev.valid = true;
      prev.last_paragraph = run.last_paragraph;
      prev.quote = q;
    }
    out.push_back(std::move(q));
  }
  FindIndirect(text, seg, runs, lex, &resolver, entities, &out);
  resolver.Finish();
  return out;
}

}  // namespace lede
