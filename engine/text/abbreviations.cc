#include "engine/text/abbreviations.h"

#include <cstddef>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace lede {
namespace {

// Longest word any list holds; longer words are never in a list.
constexpr size_t kMaxWord = 16;

constexpr std::string_view kTitles[] = {
    "adm",    "brig", "capt", "cmdr",  "col",  "cpl",   "dr",    "drs",
    "fr",     "gen",  "gens", "gov",   "govs", "hon",   "lt",    "maj",
    "messrs", "mme",  "mr",   "mrs",   "ms",   "msgr",  "mt",    "prof",
    "pres",   "pvt",  "rep",  "reps",  "rev",  "sen",   "sens",  "sgt",
    "supt",   "gov",  "ret",  "mssrs", "atty", "comdr", "lieut",
};

constexpr std::string_view kNumberPrefixes[] = {
    "no",   "nos", "nr",   "p",    "pp",   "art", "arts", "fig",
    "figs", "sec", "secs", "ch",   "chap", "vol", "vols", "op",
    "rs",   "tel", "ext",  "para", "pt",   "pts", "rt",   "hwy",
    "rte",  "ed",  "eq",   "ref",  "reg",  "div", "apt",  "ste",
};

constexpr std::string_view kNoBreak[] = {"vs", "v",      "cf",  "viz",
                                         "ca", "approx", "esp", "incl"};

constexpr std::string_view kAmbiguous[] = {
    // Companies and people.
    "inc",
    "corp",
    "co",
    "cos",
    "ltd",
    "bros",
    "plc",
    "llc",
    "jr",
    "sr",
    "esq",
    "assn",
    "dept",
    "univ",
    "intl",
    "natl",
    "govt",
    "mfg",
    "al",
    "etc",
    // Months (May has no abbreviation).
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    // Days.
    "tue",
    "tues",
    "thu",
    "thur",
    "thurs",
    "fri",
    // Places and addresses; "St." is Saint before a name, Street after one.
    "st",
    "ave",
    "blvd",
    "rd",
    "ft",
    "ln",
    "pl",
    "sq",
    "mts",
    // US states as written in news datelines and party affiliations.
    "ala",
    "ariz",
    "ark",
    "calif",
    "colo",
    "conn",
    "del",
    "fla",
    "ga",
    "ind",
    "kan",
    "kans",
    "ky",
    "la",
    "md",
    "mich",
    "minn",
    "mo",
    "mont",
    "neb",
    "nev",
    "okla",
    "pa",
    "tenn",
    "tex",
    "va",
    "vt",
    "wis",
    "wyo",
    // Other common short forms.
    "mln",
    "bn",
    "dist",
    "yr",
    "yrs",
    "hr",
    "hrs",
    "mgr",
    "asst",
    "assoc",
    "dir",
    "lbs",
    "oz",
    "km",
};

constexpr std::string_view kStarters[] = {
    "a",
    "about",
    "according",
    "across",
    "after",
    "afterward",
    "again",
    "against",
    "ahead",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "as",
    "asked",
    "at",
    "back",
    "be",
    "because",
    "before",
    "behind",
    "being",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "dozens",
    "during",
    "each",
    "earlier",
    "either",
    "else",
    "even",
    "eventually",
    "ever",
    "every",
    "everyone",
    "everything",
    "few",
    "finally",
    "first",
    "for",
    "from",
    "further",
    "furthermore",
    "had",
    "has",
    "have",
    "having",
    "he",
    "hence",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "hundreds",
    "i",
    "if",
    "in",
    "indeed",
    "inside",
    "instead",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "less",
    "let",
    "like",
    "many",
    "may",
    "maybe",
    "meanwhile",
    "might",
    "millions",
    "billions",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "never",
    "nevertheless",
    "next",
    "no",
    "nobody",
    "none",
    "nonetheless",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "otherwise",
    "our",
    "out",
    "over",
    "perhaps",
    "please",
    "rather",
    "second",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "sometimes",
    "soon",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "third",
    "this",
    "those",
    "though",
    "thousands",
    "through",
    "thus",
    "to",
    "today",
    "together",
    "tomorrow",
    "too",
    "under",
    "unless",
    "unlike",
    "until",
    "up",
    "upon",
    "us",
    "was",
    "we",
    "were",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whoever",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
    "oh",
    "well",
    "two",
    "three",
    "four",
    "five",
    "ten",
    "nearly",
    "around",
    // Caption credits after a place: "Washington D.C. Image: ...".
    "image",
    "photo",
    "file",
    "video",
};

constexpr std::string_view kTimeContinuations[] = {
    "monday",   "tuesday", "wednesday", "thursday",  "friday",   "saturday",
    "sunday",   "january", "february",  "march",     "april",    "may",
    "june",     "july",    "august",    "september", "october",  "november",
    "december", "jan",     "feb",       "mar",       "apr",      "jun",
    "jul",      "aug",     "sep",       "sept",      "oct",      "nov",
    "dec",      "eastern", "central",   "pacific",   "mountain", "local",
    "gmt",      "utc",     "est",       "edt",       "cst",      "cdt",
    "mst",      "mdt",     "pst",       "pdt",       "et",       "pt",
    "ct",       "bst",     "cet",       "cest",      "jst",      "ist",
    "aest",     "msk",     "today",     "tonight",   "tomorrow", "yesterday",
};

// Lower-cases ASCII `word` into `buf`; false when it is too long to be in any
// list.
bool Lower(std::string_view word, char* buf, size_t* n) {
  if (word.empty() || word.size() > kMaxWord) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    buf[i] = c;
  }
  *n = word.size();
  return true;
}

using ClassMap = absl::flat_hash_map<absl::string_view, AbbreviationClass>;
using WordSet = absl::flat_hash_set<absl::string_view>;

const ClassMap& Abbreviations() {
  static const ClassMap* const kMap = [] {
    auto* m = new ClassMap();
    auto add = [m](const auto& list, AbbreviationClass c) {
      for (std::string_view w : list) {
        m->emplace(absl::string_view(w.data(), w.size()), c);
      }
    };
    // Later lists do not override earlier ones (emplace keeps the first).
    add(kTitles, AbbreviationClass::kTitle);
    add(kNumberPrefixes, AbbreviationClass::kNumberPrefix);
    add(kNoBreak, AbbreviationClass::kNoBreak);
    add(kAmbiguous, AbbreviationClass::kAmbiguous);
    return m;
  }();
  return *kMap;
}

template <size_t N>
const WordSet* MakeSet(const std::string_view (&list)[N]) {
  auto* s = new WordSet();
  for (std::string_view w : list) s->emplace(w.data(), w.size());
  return s;
}

bool InSet(const WordSet& set, std::string_view word) {
  char buf[kMaxWord];
  size_t n;
  if (!Lower(word, buf, &n)) return false;
  return set.contains(absl::string_view(buf, n));
}

}  // namespace

AbbreviationClass LookupAbbreviation(std::string_view word) {
  char buf[kMaxWord];
  size_t n;
  if (!Lower(word, buf, &n)) return AbbreviationClass::kNone;
  const ClassMap& map = Abbreviations();
  auto it = map.find(absl::string_view(buf, n));
  return it == map.end() ? AbbreviationClass::kNone : it->second;
}

bool IsSentenceStarter(std::string_view word) {
  static const WordSet* const kSet = MakeSet(kStarters);
  return InSet(*kSet, word);
}

bool ContinuesTimeExpression(std::string_view word) {
  static const WordSet* const kSet = MakeSet(kTimeContinuations);
  return InSet(*kSet, word);
}

}  // namespace lede
