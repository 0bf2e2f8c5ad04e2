#include "engine/entities/canonical.h"

#include <unicode/uchar.h>

#include "absl/container/flat_hash_set.h"
#include "engine/text/utf8.h"

namespace lede {
namespace {

bool IsSpaceAt(std::string_view text, size_t i, int* len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
  }
  char32_t cp = DecodeUtf8(text, i, len);
  return u_isUWhiteSpace(cp);
}

// Punctuation that may surround a word: ASCII punctuation (but not the
// characters handled separately) and Unicode punctuation (quotes, dashes).
bool IsTrimmable(char32_t c) {
  if (c < 0x80) {
    return c != '.' && c != '&' && c != '$' && c != '%' && c != '#' &&
           c != '@' && c != '+' &&
           ((c >= '!' && c <= '/') || (c >= ':' && c <= '?') ||
            (c >= '[' && c <= '`') || (c >= '{' && c <= '~'));
  }
  return u_ispunct(c);
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

using WordSet = absl::flat_hash_set<std::string_view>;

template <size_t N>
void Add(WordSet* s, const std::string_view (&words)[N]) {
  s->insert(words, words + N);
}

constexpr std::string_view kFunctionWords[] = {
    "the",     "a",         "an",        "on",         "in",
    "at",      "of",        "for",       "by",         "to",
    "from",    "with",      "and",       "or",         "but",
    "nor",     "as",        "after",     "before",     "while",
    "when",    "whenever",  "if",        "since",      "during",
    "under",   "over",      "about",     "into",       "onto",
    "upon",    "than",      "that",      "this",       "these",
    "those",   "its",       "his",       "her",        "hers",
    "their",   "our",       "my",        "your",       "he",
    "she",     "it",        "they",      "we",         "i",
    "you",     "me",        "him",       "them",       "us",
    "there",   "here",      "what",      "who",        "whom",
    "which",   "where",     "why",       "how",        "yes",
    "no",      "not",       "all",       "some",       "many",
    "more",    "most",      "also",      "just",       "so",
    "then",    "now",       "meanwhile", "however",    "although",
    "though",  "because",   "despite",   "amid",       "among",
    "between", "according", "per",       "via",        "yet",
    "still",   "even",      "both",      "either",     "neither",
    "every",   "each",      "such",      "like",       "unlike",
    "until",   "unless",    "without",   "within",     "against",
    "toward",  "towards",   "through",   "throughout", "across",
    "instead", "thus",      "therefore", "moreover",   "furthermore",
    "indeed",  "perhaps",   "maybe",     "only",       "please",
    "thanks",  "thank",     "oh",        "well",       "is",
    "are",     "was",       "were",      "be",         "been",
    "has",     "have",      "had",       "do",         "does",
    "did",     "will",      "would",     "can",        "could",
    "should",  "may",       "might",     "must",       "shall",
    "said",    "says",      "say",       "mr",         "mrs",
    "ms",      "dr",        "sir",       "madam",      "de",
    "la",      "le",        "el",        "del",        "van",
    "von",
};

constexpr std::string_view kLeadingStopWords[] = {
    "the",      "a",         "an",       "on",      "in",        "at",
    "for",      "by",        "to",       "from",    "with",      "and",
    "or",       "but",       "nor",      "as",      "after",     "before",
    "while",    "when",      "if",       "since",   "during",    "under",
    "over",     "about",     "into",     "of",      "than",      "that",
    "this",     "these",     "those",    "its",     "his",       "her",
    "their",    "our",       "my",       "your",    "meanwhile", "however",
    "although", "though",    "because",  "despite", "amid",      "among",
    "between",  "according", "yet",      "both",    "every",     "each",
    "like",     "unlike",    "until",    "unless",  "without",   "against",
    "through",  "across",    "instead",  "thus",    "also",      "then",
    "now",      "so",        "only",     "even",    "dear",      "monday",
    "tuesday",  "wednesday", "thursday", "friday",  "saturday",  "sunday",
    "today",    "yesterday", "tomorrow", "tonight",
};

constexpr std::string_view kTimeWords[] = {
    "monday",    "tuesday",   "wednesday", "thursday", "friday",    "saturday",
    "sunday",    "mon",       "tue",       "tues",     "wed",       "thu",
    "thur",      "thurs",     "fri",       "sat",      "sun",       "january",
    "february",  "march",     "april",     "may",      "june",      "july",
    "august",    "september", "october",   "november", "december",  "jan",
    "feb",       "mar",       "apr",       "jun",      "jul",       "aug",
    "sep",       "sept",      "oct",       "nov",      "dec",       "today",
    "yesterday", "tomorrow",  "tonight",   "morning",  "afternoon", "evening",
    "night",     "week",      "weekend",   "month",    "year",      "decade",
    "century",   "spring",    "summer",    "autumn",   "fall",      "winter",
    "last",      "next",      "ago",       "noon",     "midnight",  "am",
    "pm",        "gmt",       "utc",       "est",      "edt",       "pst",
    "pdt",       "bst",       "cet",
};

constexpr std::string_view kBoilerplateWords[] = {
    "advertising", "advertisement", "advert",       "ad",        "ads",
    "sponsored",   "subscribe",     "subscription", "share",     "shares",
    "related",     "read",          "more",         "watch",     "listen",
    "photo",       "photos",        "picture",      "pictures",  "file",
    "pool",        "video",         "videos",       "image",     "images",
    "credit",      "caption",       "comment",      "comments",  "newsletter",
    "sign",        "login",         "log",          "click",     "here",
    "follow",      "email",         "print",        "copyright", "reserved",
    "rights",      "updated",       "published",    "breaking",  "news",
    "exclusive",   "opinion",       "analysis",     "editorial", "story",
    "stories",     "top",           "latest",       "live",      "update",
    "updates",     "contact",       "home",         "menu",      "search",
    "close",       "next",          "previous",     "back",
};

constexpr std::string_view kTitleWords[] = {
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "empress",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "sheikh",
    "emir",
    "sultan",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "executive",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "director",
    "secretary",
    "general",
    "gen",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "admiral",
    "adm",
    "commander",
    "cmdr",
    "marshal",
    "field",
    "senator",
    "sen",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "judge",
    "justice",
    "attorney",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "deputy",
    "acting",
    "former",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "state",
    "national",
    "security",
    "homeland",
    "energy",
    "commerce",
    "treasury",
    "health",
    "education",
    "agriculture",
    "labor",
    "labour",
    "transportation",
    "veterans",
    "affairs",
    "staff",
    "adviser",
    "advisor",
    "aide",
    "official",
    "officer",
    "crown",
    "supreme",
    "ayatollah",
    "rabbi",
    "imam",
    "comrade",
    "first",
    "head",
    "speaker",
    "dictator",
    "strongman",
    "opposition",
    "presidential",
    "candidate",
    "nominee",
    "chancellor",
    "coach",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "star",
    "singer",
    "actor",
    "actress",
    "rapper",
    "author",
    "writer",
    "economist",
    "analyst",
    "correspondent",
    "reporter",
    "editor",
    "anchor",
    "host",
    "founder",
    "co",
    "owner",
    "pres",
    "supt",
    "insp",
    "inspector",
    "detective",
    "det",
    "officer",
    "constable",
    "sheriff",
    "senior",
    "junior",
    "assistant",
    "associate",
    "elect",
    "designate",
    "incumbent",
    "late",
};

constexpr std::string_view kNameParticles[] = {
    "de",  "da",  "di",  "del", "della", "dos", "das", "du",   "van", "von",
    "der", "den", "ter", "la",  "le",    "bin", "ibn", "bint", "al",  "el",
    "abu", "y",   "e",   "st",  "ben",   "mac", "zu",  "wa",
};

constexpr std::string_view kNameSuffixes[] = {
    "jr", "sr", "ii", "iii", "iv", "v",
};

constexpr std::string_view kTheNames[] = {
    "new york times",
    "washington post",
    "wall street journal",
    "guardian",
    "times",
    "economist",
    "atlantic",
    "independent",
    "telegraph",
    "daily telegraph",
    "hague",
    "beatles",
    "rolling stones",
    "gambia",
    "bahamas",
    "netherlands",
    "hill",
    "verge",
    "associated press",
    "new yorker",
    "sun",
    "observer",
    "boston globe",
    "los angeles times",
    "new republic",
    "spectator",
    "lancet",
    "intercept",
    "daily beast",
    "national interest",
    "who",
    "kinks",
    "doors",
    "weeknd",
    "simpsons",
    "godfather",
    "hobbit",
    "lord of the rings",
    "beach boys",
    "strokes",
    "onion",
    "conversation",
    "new york review of books",
    "jerusalem post",
    "times of israel",
    "moscow times",
    "kyiv independent",
    "japan times",
    "korea herald",
    "straits times",
    "hindu",
    "irish times",
    "globe and mail",
};

// Abbreviations that keep their final dot as part of the word.
constexpr std::string_view kDotAbbreviations[] = {
    "jr",  "sr",   "inc", "corp", "co",   "ltd", "st",  "mt",  "mr",     "mrs",
    "ms",  "dr",   "gen", "col",  "lt",   "sgt", "gov", "sen", "rep",    "prof",
    "rev", "bros", "no",  "vs",   "capt", "adm", "maj", "ft",  "messrs", "cmdr",
};

// U.S. state abbreviations of datelines and addresses ("Fla.", "Calif."),
// which also keep their final dot.
constexpr std::string_view kStateAbbreviations[] = {
    "ala",  "ariz", "ark",  "calif", "colo", "conn", "fla",  "ga",   "ill",
    "ind",  "kan",  "kans", "ky",    "la",   "md",   "mass", "mich", "minn",
    "miss", "mo",   "mont", "neb",   "nev",  "okla", "ore",  "pa",   "tenn",
    "tex",  "va",   "vt",   "wash",  "wis",  "wyo",
};

struct Sets {
  WordSet function, leading, time, non_name, titles, particles, suffixes,
      the_names, dot_abbr;

  Sets() {
    Add(&function, kFunctionWords);
    Add(&leading, kLeadingStopWords);
    Add(&time, kTimeWords);
    Add(&non_name, kFunctionWords);
    Add(&non_name, kTimeWords);
    Add(&non_name, kBoilerplateWords);
    Add(&titles, kTitleWords);
    Add(&particles, kNameParticles);
    Add(&suffixes, kNameSuffixes);
    Add(&the_names, kTheNames);
    Add(&dot_abbr, kDotAbbreviations);
    Add(&dot_abbr, kStateAbbreviations);
  }
};

const Sets& GetSets() {
  static const Sets* const sets = new Sets();
  return *sets;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
  }
  return out;
}

// Trims `w` (a run of non-space characters) as SplitNameWords() describes.
ByteSpan TrimWord(std::string_view text, ByteSpan w) {
  int len = 0;
  bool changed = true;
  while (changed && !w.empty()) {
    changed = false;
    // Leading punctuation.
    while (!w.empty()) {
      char32_t c = DecodeUtf8(text, w.begin, &len);
      if (!IsTrimmable(c) && c != '.') break;
      w.begin += len;
      changed = true;
    }
    // Trailing punctuation other than dots and apostrophes.
    while (!w.empty()) {
      char32_t c = DecodeUtf8Before(text, w.end, &len);
      if (!IsTrimmable(c) || IsApostrophe(c)) break;
      w.end -= len;
      changed = true;
    }
    if (w.empty()) break;
    // Possessive: "'s", "’s", or a bare apostrophe ("Reuters'").
    char32_t last = DecodeUtf8Before(text, w.end, &len);
    if (IsApostrophe(last)) {
      w.end -= len;
      changed = true;
      continue;
    }
    if ((last == 's' || last == 'S') && w.size() > 2) {
      int alen = 0;
      char32_t a = DecodeUtf8Before(text, w.end - 1, &alen);
      if (IsApostrophe(a) && w.size() > 1 + alen) {
        w.end -= 1 + alen;
        changed = true;
        continue;
      }
    }
    // Final dot: kept for abbreviations and initials.
    if (text[w.end - 1] == '.') {
      std::string_view body = text.substr(w.begin, w.end - 1 - w.begin);
      const bool keep = body.find('.') != std::string_view::npos ||
                        body.size() == 1 ||
                        GetSets().dot_abbr.contains(AsciiLower(body));
      if (!keep) {
        w.end -= 1;
        changed = true;
      }
    }
  }
  return w;
}

}  // namespace

std::vector<ByteSpan> SplitNameWords(std::string_view text, ByteSpan span) {
  std::vector<ByteSpan> out;
  int32_t i = span.begin;
  while (i < span.end) {
    int len = 1;
    if (IsSpaceAt(text, i, &len)) {
      i += len;
      continue;
    }
    int32_t b = i;
    while (i < span.end && !IsSpaceAt(text, i, &len)) i += len;
    ByteSpan w = TrimWord(text, {b, i});
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

std::string NameKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    char32_t c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) c = DecodeUtf8(s, i, &len);
    i += len;
    if (c == '.') continue;
    if (c == '-' || c == '/' || c == 0x2010 || c == 0x2011 || c == 0x2013 ||
        (c < 0x80 ? (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                  : u_isUWhiteSpace(c))) {
      space = !out.empty();
      continue;
    }
    if (c == 0x2019 || c == 0x2018) c = '\'';
    if (space) out.push_back(' ');
    space = false;
    if (c < 0x80) {
      out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a')
                                           : static_cast<char>(c));
    } else {
      AppendUtf8(u_foldCase(c, U_FOLD_CASE_DEFAULT), &out);
    }
  }
  return out;
}

bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  int len = 0;
  char32_t c = DecodeUtf8(word, 0, &len);
  return u_isupper(c) || u_istitle(c);
}

bool HasUpper(std::string_view word) {
  for (size_t i = 0; i < word.size();) {
    int len = 0;
    char32_t c = DecodeUtf8(word, i, &len);
    if (u_isupper(c) || u_istitle(c)) return true;
    i += len;
  }
  return false;
}

bool HasLetter(std::string_view word) {
  for (size_t i = 0; i < word.size();) {
    int len = 0;
    char32_t c = DecodeUtf8(word, i, &len);
    if (u_isalpha(c)) return true;
    i += len;
  }
  return false;
}

bool HasDigit(std::string_view word) {
  for (char c : word) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

bool IsLowerWord(std::string_view word) {
  return HasLetter(word) && !HasUpper(word) && !HasDigit(word);
}

bool IsSentenceInitial(std::string_view text, int32_t pos) {
  size_t i = static_cast<size_t>(pos);
  while (i > 0) {
    int len = 0;
    char32_t c = DecodeUtf8Before(text, i, &len);
    if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':') return true;
    if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' ||
        c == '[' || c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x2014 ||
        c == 0x2013 || c == 0x00A0) {
      i -= len;
      continue;
    }
    return false;
  }
  return true;
}

bool IsLeadingStopWord(std::string_view key) {
  return GetSets().leading.contains(key);
}
bool IsNonNameWord(std::string_view key) {
  return GetSets().non_name.contains(key);
}
bool IsTimeWord(std::string_view key) { return GetSets().time.contains(key); }
bool IsTitleWord(std::string_view key) {
  return GetSets().titles.contains(key);
}
bool IsNameParticle(std::string_view key) {
  return GetSets().particles.contains(key);
}
bool IsNameSuffix(std::string_view key) {
  return GetSets().suffixes.contains(key);
}
bool IsKnownTheName(std::string_view rest_key) {
  return GetSets().the_names.contains(rest_key);
}

}  // namespace lede
