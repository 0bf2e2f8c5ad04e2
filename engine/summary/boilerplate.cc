#include "engine/summary/boilerplate.h"

#include <algorithm>
#include <array>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "engine/text/string_view.h"

namespace lede {
namespace {

// Word bytes: ASCII letters and digits, apostrophes and non-ASCII bytes, as
// a table (the test runs on every byte of every sentence).
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80 || c == '\'';
  }
  return t;
}();

bool IsWordByte(unsigned char c) { return kWordBytes[c]; }

// Words: runs of ASCII letters and digits, apostrophes and non-ASCII bytes.
// Fills `out` (cleared first; its capacity is reused) with at most `limit`
// words, the first ones.
void Words(std::string_view s, std::vector<std::string_view>& out,
           size_t limit) {
  out.clear();
  size_t i = 0;
  while (i < s.size() && out.size() < limit) {
    while (i < s.size() && !IsWordByte(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && IsWordByte(s[j])) ++j;
    if (j > i) {
      std::string_view w = s.substr(i, j - i);
      // A run of punctuation-like non-ASCII bytes (dashes, quotes) is no word.
      bool has_alnum = w.size() > 3;
      for (size_t k = 0; k < w.size() && !has_alnum; ++k) {
        has_alnum = absl::ascii_isalnum(w[k]);
      }
      if (has_alnum) out.push_back(w);
    }
    i = j;
  }
}

// The number of words of `s`, counted up to `limit`.
size_t CountWords(std::string_view s, size_t limit) {
  std::vector<std::string_view> words;
  Words(s, words, limit);
  return words.size();
}

char AsciiLower(char c) { return absl::ascii_tolower(c); }

// absl::StartsWith, inline: most tests here fail on the first byte.
bool HasPrefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (s[i] != prefix[i]) return false;
  }
  return true;
}

// True when `s` starts with `lower_pattern` ignoring ASCII case (the pattern
// is lowercase), as absl::StartsWith on the absl::AsciiStrToLower'd text.
bool StartsWithLower(std::string_view s, std::string_view lower_pattern) {
  if (s.size() < lower_pattern.size()) return false;
  for (size_t i = 0; i < lower_pattern.size(); ++i) {
    if (AsciiLower(s[i]) != lower_pattern[i]) return false;
  }
  return true;
}

// PatternSet
//
// Finds which of a few groups of lowercase patterns occur anywhere in a text,
// ignoring ASCII case (so the same as absl::StrContains on the
// absl::AsciiStrToLower'd text), in one pass over the text instead of one
// search per pattern (Wu-Manber): a window as long as the shortest pattern
// slides over the text, and a table keyed by the window's last two bytes
// says how far it may jump without passing the end of a possible match;
// only where it may not jump are the patterns whose prefix ends in those two
// bytes compared. Patterns are at least 2 bytes long.
class PatternSet {
 public:
  struct Pattern {
    std::string_view text;
    uint32_t group;  // a bit
  };

  explicit PatternSet(std::vector<Pattern> patterns)
      : patterns_(std::move(patterns)) {
    window_ = kMaxWindow;
    for (const Pattern& p : patterns_) {
      window_ = std::min(window_, p.text.size());
      all_groups_ |= p.group;
    }
    // With blocks of 2 bytes, a window of w bytes may jump w - 1 when its
    // last block occurs in no pattern's first w bytes, and w - q when it
    // ends at byte q of one.
    shift_.fill(static_cast<uint8_t>(window_ - 1));
    std::vector<std::pair<size_t, uint16_t>> ends;  // (block hash, pattern)
    for (size_t k = 0; k < patterns_.size(); ++k) {
      const std::string_view t = patterns_[k].text;
      for (size_t q = 2; q <= window_; ++q) {
        uint8_t& shift = shift_[Hash(t[q - 2], t[q - 1])];
        shift = std::min(shift, static_cast<uint8_t>(window_ - q));
      }
      ends.emplace_back(Hash(t[window_ - 2], t[window_ - 1]),
                        static_cast<uint16_t>(k));
    }
    std::sort(ends.begin(), ends.end());
    for (const auto& [h, k] : ends) {
      ++begin_[h + 1];
      order_.push_back(k);
    }
    for (size_t h = 0; h < kTable; ++h) begin_[h + 1] += begin_[h];
  }

  // The union of the groups of the patterns found in `s`. Stops early once
  // every group has been found.
  uint32_t Find(std::string_view s) const {
    uint32_t found = 0;
    const size_t n = s.size();
    if (n < window_) return found;
    for (size_t last = window_ - 1; last < n;) {
      const size_t h = Hash(AsciiLower(s[last - 1]), AsciiLower(s[last]));
      if (shift_[h] > 0) {
        last += shift_[h];
        continue;
      }
      const std::string_view rest = s.substr(last + 1 - window_);
      for (size_t i = begin_[h]; i < begin_[h + 1]; ++i) {
        const Pattern& p = patterns_[order_[i]];
        if ((found & p.group) == 0 && StartsWithLower(rest, p.text)) {
          found |= p.group;
          if (found == all_groups_) return found;
        }
      }
      ++last;
    }
    return found;
  }

 private:
  static constexpr size_t kTable = 1024;
  static constexpr size_t kMaxWindow = 64;

  // Blocks of two bytes hash into the table (two lowercase letters never
  // collide); blocks that collide share the smaller jump, which only costs
  // a compare.
  static size_t Hash(char a, char b) {
    return ((static_cast<size_t>(static_cast<unsigned char>(a)) << 5) ^
            static_cast<unsigned char>(b)) &
           (kTable - 1);
  }

  std::vector<Pattern> patterns_;
  size_t window_ = 0;  // the shortest pattern's length, at most kMaxWindow
  uint32_t all_groups_ = 0;
  std::array<uint8_t, kTable> shift_{};
  // The patterns whose first window_ bytes end in a block of hash h:
  // order_[begin_[h]] to order_[begin_[h + 1] - 1].
  std::array<uint16_t, kTable + 1> begin_{};
  std::vector<uint16_t> order_;
};

std::string_view Trim(std::string_view s) {
  return AsStd(absl::StripAsciiWhitespace(AsAbsl(s)));
}

// Strips trailing closing quotes, brackets and spaces.
std::string_view StripClosers(std::string_view s) {
  while (!s.empty()) {
    unsigned char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ' ||
        c == '\t' || c == '*') {
      s.remove_suffix(1);
    } else if (absl::EndsWith(AsAbsl(s), "\xE2\x80\x9D") ||  // ”
               absl::EndsWith(AsAbsl(s), "\xE2\x80\x99")) {  // ’
      s.remove_suffix(3);
    } else if (absl::EndsWith(AsAbsl(s), "\xC2\xBB")) {  // »
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

bool HasFinalPunctuation(std::string_view s) {
  s = StripClosers(s);
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?') return true;
  return absl::EndsWith(AsAbsl(s), "\xE2\x80\xA6");  // …
}

bool IsCapitalized(std::string_view w) {
  return !w.empty() &&
         (absl::ascii_isupper(w[0]) || absl::ascii_isdigit(w[0]) ||
          static_cast<unsigned char>(w[0]) >= 0x80);
}

bool IsMonthOrDay(std::string_view lower) {
  static constexpr std::array<std::string_view, 31> kNames = {
      "january", "february", "march",     "april",    "may",      "june",
      "july",    "august",   "september", "october",  "november", "december",
      "jan",     "feb",      "mar",       "apr",      "jun",      "jul",
      "aug",     "sep",      "sept",      "oct",      "nov",      "dec",
      "monday",  "tuesday",  "wednesday", "thursday", "friday",   "saturday",
      "sunday"};
  for (std::string_view n : kNames) {
    if (lower == n) return true;
  }
  return false;
}

// Photo credits and image sources, matched in the lowercased sentence.
constexpr std::array<std::string_view, 26> kCreditPhrases = {
    "photo by",       "photos by",     "photo:",     "photos:",
    "photograph:",    "photo credit",  "image:",     "image credit",
    "credit:",        "pool photo",    "file photo", "ap photo",
    "afp photo",      "getty images",  "/afp",       "/reuters",
    "/upi",           "/epa",          "reuters/",   "shutterstock",
    "(photo",         "(image",        "picture:",   "pictured:",
    "photo courtesy", "image courtesy"};

// Whole-line prompts, compared with the lowercased line stripped of trailing
// punctuation.
constexpr std::array<std::string_view, 40> kPromptLines = {
    "advertising",
    "advertisement",
    "sponsored",
    "sponsored content",
    "read more",
    "read more here",
    "click here",
    "subscribe",
    "subscribe now",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "comments",
    "related",
    "related articles",
    "related stories",
    "see also",
    "more on this story",
    "story continues below",
    "continue reading",
    "scroll to continue",
    "sign up",
    "log in",
    "skip to content",
    "watch",
    "listen",
    "top stories",
    "most read",
    "recommended",
    "you may also like",
    "trending",
    "ad",
    "close"};

// Line openings that make a short line a prompt.
constexpr std::array<std::string_view, 26> kPromptPrefixes = {
    "read more",     "read also",   "also read",    "click here",
    "click to",      "tap here",    "subscribe to", "subscribe for",
    "sign up for",   "sign up to",  "share this",   "share on",
    "follow us",     "follow @",    "related:",     "see also:",
    "watch:",        "listen:",     "video:",       "gallery:",
    "download our",  "get the app", "join our",     "for more news",
    "advertisement", "don't miss"};

constexpr std::array<std::string_view, 6> kBylinePrefixes = {
    "reporting by", "additional reporting by",
    "editing by",   "written by",
    "compiled by",  "writing by"};

// Present-tense verbs of caption prose ("X meets with Y during ...").
constexpr std::array<std::string_view, 22> kCaptionVerbs = {
    " meets with ", " meet with ",   " speaks ",  " speak ",    " attends ",
    " arrives ",    " poses ",       " pose ",    " gestures ", " looks on",
    " waves ",      " shakes hands", " listens ", " delivers ", " walks ",
    " is seen ",    " are seen ",    " stands ",  " sits ",     " holds ",
    " celebrates ", " greets "};

// Position markers of a caption: "(L)", "(R)", "(L, 2023)", "(left)".
bool HasPositionMarker(std::string_view s) {
  for (size_t i = s.find('('); i != std::string_view::npos;
       i = s.find('(', i + 1)) {
    std::string_view rest = s.substr(i + 1);
    size_t close = rest.find(')');
    if (close == std::string_view::npos || close > 24) continue;
    std::string_view inner = rest.substr(0, close);
    std::string head(inner.substr(0, inner.find(',')));
    head = std::string(Trim(head));
    absl::AsciiStrToLower(&head);
    if (head == "l" || head == "r" || head == "c" || head == "l-r" ||
        head == "r-l" || head == "left" || head == "right" ||
        head == "center" || head == "centre" || head == "pictured" ||
        head == "top" || head == "bottom" || head == "front" ||
        head == "back row" || head == "front row") {
      return true;
    }
  }
  return false;
}

// The phrases searched anywhere in a sentence, in one pass: the credit
// phrases, and "all rights reserved" (a copyright mark, checked before
// them; the copyright sign is looked for on its own, as a 2-byte pattern
// would keep the search from skipping).
constexpr uint32_t kGroupCredit = 1;
constexpr uint32_t kGroupCopyright = 2;

const PatternSet& SentencePatterns() {
  static const PatternSet* const kSet = [] {
    std::vector<PatternSet::Pattern> v = {
        {"all rights reserved", kGroupCopyright}};
    for (std::string_view p : kCreditPhrases) v.push_back({p, kGroupCredit});
    return new PatternSet(v);
  }();
  return *kSet;
}

const PatternSet& CaptionVerbs() {
  static const PatternSet* const kSet = [] {
    std::vector<PatternSet::Pattern> v;
    for (std::string_view p : kCaptionVerbs) v.push_back({p, 1});
    return new PatternSet(v);
  }();
  return *kSet;
}

bool IsByline(std::string_view s, const std::vector<std::string_view>& words,
              std::string_view lower) {
  for (std::string_view p : kBylinePrefixes) {
    if (HasPrefix(lower, p) && words.size() <= 16) {
      return true;
    }
  }
  if (!absl::StartsWith(AsAbsl(s), "By ") || words.size() < 2 ||
      words.size() > 9) {
    return false;
  }
  for (size_t i = 1; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (IsCapitalized(w)) continue;
    if (w == "and" || w == "in" || w == "of" || w == "at" || w == "for" ||
        w == "the" || w == "de" || w == "van" || w == "von") {
      continue;
    }
    return false;
  }
  // "By Monday." and other short openers of a sentence end in a period; a
  // byline rarely does.
  return !HasFinalPunctuation(s) || words.size() <= 4;
}

bool IsNavigation(std::string_view s,
                  const std::vector<std::string_view>& words) {
  if (words.size() > 16) return false;
  // Occurrences of the separators, overlapping ones included; each starts
  // with a space and no two start alike, so one pass over the spaces counts
  // them all.
  int seps = 0;
  for (size_t i = s.find(' '); i != std::string_view::npos;
       i = s.find(' ', i + 1)) {
    const std::string_view rest = s.substr(i);
    for (std::string_view sep :
         {" > ", " \xC2\xBB ", " \xE2\x80\xBA ", " | ", " / "}) {
      if (absl::StartsWith(AsAbsl(rest), AsAbsl(sep))) {
        ++seps;
        break;
      }
    }
  }
  if (seps >= 2) return true;
  return seps == 1 && !words.empty() &&
         (words[0] == "Home" || words[0] == "HOME" || words[0] == "home");
}

// A dateline or date standing alone: "June 17 (UPI) —", "WASHINGTON
// (Reuters) -", "Friday, July 21, 2017", "Updated: 10:30 a.m."
bool IsLoneDateline(std::string_view s,
                    const std::vector<std::string_view>& words,
                    std::string_view lower) {
  if (words.empty() || words.size() > 9) return false;
  for (std::string_view p :
       {"updated", "last updated", "published", "posted"}) {
    if (HasPrefix(lower, p) && words.size() <= 10) {
      for (char c : s) {
        if (absl::ascii_isdigit(c)) return true;
      }
    }
  }
  if (HasFinalPunctuation(s) && words.size() > 3) return false;
  bool dated = false;
  for (std::string_view w : words) {
    // Only words of up to 9 bytes can be a month, a day or a zone; longer
    // ones are compared cut short, which matches none of them either.
    char buf[10];
    const size_t len = std::min(w.size(), sizeof(buf));
    for (size_t i = 0; i < len; ++i) buf[i] = AsciiLower(w[i]);
    const std::string_view l(buf, len);
    if (IsMonthOrDay(l)) {
      dated = true;
      continue;
    }
    if (absl::ascii_isdigit(w[0])) continue;
    if (IsCapitalized(w)) continue;
    if (l == "am" || l == "pm" || l == "gmt" || l == "utc" || l == "et") {
      continue;
    }
    return false;
  }
  // An agency in brackets marks a dateline even without a date.
  bool agency = s.find('(') != std::string_view::npos &&
                (absl::StrContains(AsAbsl(s), "\xE2\x80\x94") ||
                 absl::StrContains(AsAbsl(s), "\xE2\x80\x93") ||
                 absl::StrContains(AsAbsl(s), " -"));
  return dated || agency;
}

}  // namespace

// '"', “ or ”.
bool HasQuoteMark(std::string_view s) {
  if (s.find('"') != std::string_view::npos) return true;
  // The curly quotes are E2 80 9C and E2 80 9D (memchr finds each E2).
  for (size_t i = s.find('\xE2'); i != std::string_view::npos;
       i = s.find('\xE2', i + 1)) {
    if (i + 2 < s.size() && s[i + 1] == '\x80' &&
        (s[i + 2] == '\x9C' || s[i + 2] == '\x9D')) {
      return true;
    }
  }
  return false;
}

std::string_view DebrisKindName(DebrisKind kind) {
  switch (kind) {
    case DebrisKind::kNone:
      return "none";
    case DebrisKind::kCaption:
      return "caption";
    case DebrisKind::kCredit:
      return "credit";
    case DebrisKind::kPrompt:
      return "prompt";
    case DebrisKind::kByline:
      return "byline";
    case DebrisKind::kDateline:
      return "dateline";
    case DebrisKind::kCopyright:
      return "copyright";
    case DebrisKind::kNavigation:
      return "navigation";
    case DebrisKind::kFragment:
      return "fragment";
  }
  return "unknown";
}

namespace {

// Bytes of a sentence lowercased for the prefix and whole-line tests: the
// longest prefix or prompt line is shorter (checked below).
constexpr size_t kLowerPrefix = 32;

template <size_t N>
constexpr bool AllShorterThan(const std::array<std::string_view, N>& list,
                              size_t n) {
  for (std::string_view p : list) {
    if (p.size() >= n) return false;
  }
  return true;
}
static_assert(AllShorterThan(kPromptLines, kLowerPrefix));
static_assert(AllShorterThan(kPromptPrefixes, kLowerPrefix));
static_assert(AllShorterThan(kBylinePrefixes, kLowerPrefix));

// The sentence-level rules, with the word list's buffer passed in so that a
// document's sentences reuse it.
DebrisKind ClassifySentence(std::string_view sentence,
                            std::vector<std::string_view>& words) {
  std::string_view s = Trim(sentence);
  if (s.empty()) return DebrisKind::kFragment;
  // `lower`: the lowercased start of the sentence. Every test below that
  // looks at the lowercased sentence compares a prefix shorter than
  // kLowerPrefix or a whole line that short, so it sees the same as on the
  // whole lowercased sentence.
  char lower_buf[kLowerPrefix];
  const size_t lower_len = std::min(s.size(), kLowerPrefix);
  for (size_t i = 0; i < lower_len; ++i) lower_buf[i] = AsciiLower(s[i]);
  const std::string_view lower(lower_buf, lower_len);
  // Every rule below compares the word count with 25 or less, so counting
  // stops at 26 words (and only the first 16 are ever looked at).
  Words(s, words, 26);

  const uint32_t found = SentencePatterns().Find(s);
  if ((found & kGroupCopyright) != 0 ||
      s.find("\xC2\xA9") != std::string_view::npos ||  // ©
      HasPrefix(lower, "copyright")) {
    return DebrisKind::kCopyright;
  }
  if ((found & kGroupCredit) != 0) return DebrisKind::kCredit;
  // "Video: Jane Doe." / "Audio: Jkthom." after a caption credits a clip the
  // way "Image: ..." credits a photo; longer lines are prompts ("Video:
  // watch the full interview ...").
  if ((HasPrefix(lower, "video:") || HasPrefix(lower, "audio:")) &&
      words.size() <= 5) {
    return DebrisKind::kCredit;
  }
  {
    // The line stripped of trailing punctuation (none of the stripped bytes
    // changes in lowercasing, so the length comes from `s`).
    size_t bare_len = s.size();
    while (bare_len > 0) {
      const char c = s[bare_len - 1];
      if (c == '.' || c == ':' || c == '!' || c == ' ' || c == '>' ||
          static_cast<unsigned char>(c) >= 0x80) {
        --bare_len;
      } else {
        break;
      }
    }
    if (bare_len < kLowerPrefix) {
      const std::string_view bare = lower.substr(0, bare_len);
      for (std::string_view p : kPromptLines) {
        if (bare == p) return DebrisKind::kPrompt;
      }
    }
    if (words.size() <= 25) {
      for (std::string_view p : kPromptPrefixes) {
        if (HasPrefix(lower, p)) {
          return DebrisKind::kPrompt;
        }
      }
    }
  }
  if (IsByline(s, words, lower)) return DebrisKind::kByline;
  if (IsNavigation(s, words)) return DebrisKind::kNavigation;
  if (IsLoneDateline(s, words, lower)) return DebrisKind::kDateline;
  if (words.empty()) return DebrisKind::kFragment;
  if (!HasFinalPunctuation(s) && words.size() <= 20) {
    return DebrisKind::kFragment;
  }
  return DebrisKind::kNone;
}

}  // namespace

DebrisKind ClassifySentenceDebris(std::string_view sentence) {
  std::vector<std::string_view> words;
  return ClassifySentence(sentence, words);
}

std::vector<DebrisKind> ClassifyDebris(std::string_view text,
                                       const Segmentation& seg) {
  std::vector<DebrisKind> kinds(seg.sentences.size(), DebrisKind::kNone);
  std::vector<std::string_view> words;
  for (size_t i = 0; i < seg.sentences.size(); ++i) {
    kinds[i] = ClassifySentence(seg.sentences[i].span.Of(text), words);
  }
  for (const Paragraph& p : seg.paragraphs) {
    if (p.sentence_count <= 0 || p.sentence_count > 4) continue;
    const int32_t first = p.first_sentence;
    const int32_t last = p.first_sentence + p.sentence_count - 1;
    if (first < 0 || last >= static_cast<int32_t>(seg.sentences.size())) {
      continue;
    }
    std::string_view para = p.span.Of(text);
    // A one-line paragraph that opens in lowercase is a broken-off piece
    // (often the tail of a caption), not a sentence of the story.
    if (p.sentence_count == 1 && kinds[first] == DebrisKind::kNone &&
        !para.empty() && absl::ascii_islower(para[0]) &&
        CountWords(para, 16) <= 15) {
      kinds[first] = DebrisKind::kFragment;
      continue;
    }
    // Captions describe a picture; they do not quote a source.
    if (HasQuoteMark(para)) continue;
    bool credit = false;
    for (int32_t i = first; i <= last; ++i) {
      credit |= kinds[i] == DebrisKind::kCredit;
    }
    bool caption = credit;
    if (!caption) {
      // Markers and caption verbs alone occur in body prose too ("Sen. Lee
      // (R) speaks ..."); a caption pairs them with each other or with a
      // last line that has no final punctuation.
      // The verbs matter only with a marker or an open end, so the
      // paragraph is searched for them only then.
      const bool marker = HasPositionMarker(para);
      const bool open_end =
          !HasFinalPunctuation(seg.sentences[last].span.Of(text));
      const bool verb = (marker || open_end) && CaptionVerbs().Find(para) != 0;
      caption = (marker && verb) || ((marker || verb) && open_end);
    }
    if (!caption) continue;
    for (int32_t i = first; i <= last; ++i) {
      if (kinds[i] == DebrisKind::kNone || kinds[i] == DebrisKind::kFragment) {
        kinds[i] = DebrisKind::kCaption;
      }
    }
  }
  return kinds;
}

}  // namespace lede
