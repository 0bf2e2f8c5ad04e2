#include "engine/entities/resolver.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "engine/entities/canonical.h"
#include "engine/entities/demonyms.h"
#include "engine/entities/numeric.h"
#include "engine/entities/salience.h"
#include "engine/text/string_view.h"
#include "engine/text/utf8.h"

namespace lede {
namespace {

constexpr int kNumTypes = static_cast<int>(EntityType::kOther) + 1;

// A tagged mention at least this confident keeps its type in the
// one-type-per-string vote: it still votes, but only mentions the tagger was
// unsure of (and untagged repeats) take the majority type. A name can have
// two senses in one document that the tagger tells apart from context
// ("CHICAGO" the team in a standings table and the city in "ATLANTA AT
// CHICAGO"; a dateline "NEW YORK" in a baseball report).
constexpr float kSureConfidence = 0.9f;

// One mention while it is being resolved.
struct Work {
  ByteSpan span;
  EntityType type = EntityType::kOther;
  float confidence = 1;
  bool strong = false;  // the type comes from a rule, not the tagger
  // The type stands (context backs it) but, unlike `strong`, gets no extra
  // weight in the vote of other mentions of the same string.
  bool keep_type = false;
  // A rule changed the tagger's type without establishing it: `confidence`
  // is the tagger's, for another type, so it does not protect the mention.
  bool retyped = false;
  int num_words = 1;
  std::string key;        // NameKey() of the cleaned mention
  std::string group_key;  // what identical entities share
  bool numeric = false;
  bool acronym = false;  // one all-caps word: "NATO", "U.S."
  float boost = 0;       // extra vote weight from context evidence
};

// "A.", "J.": one letter and a dot (an initial, not the article "A").
bool IsInitial(std::string_view w) {
  if (w.size() != 2 || w[1] != '.') return false;
  const char c = w[0];
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// "U.S.", "NATO", "AT&T": two or more letters, all uppercase ASCII.
bool IsAcronymWord(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c != '.' && c != '&') {
      return false;
    }
  }
  return letters >= 2;
}

const absl::flat_hash_set<std::string_view>& EventHeads() {
  static const auto* const s = new absl::flat_hash_set<std::string_view>{
      "summit",       "war",           "wars",       "games",
      "olympics",     "paralympics",   "olympiad",   "cup",
      "championship", "championships", "conference", "festival",
      "election",     "elections",     "revolution", "crisis",
      "expo",         "marathon",      "tournament", "bowl",
      "prix",         "massacre",      "uprising",   "awards",
      "oscars",       "grammys",       "emmys",      "convention",
      "referendum",   "protests",      "riots",      "invasion",
      "holocaust",    "genocide",      "ramadan",    "eid",
      "christmas",    "easter",        "hanukkah",   "diwali",
      "thanksgiving", "halloween",     "passover",   "jubilee",
      "coronation",   "ceremony",      "day",        "eve",
      "week",         "eurovision",    "open",       "series",
      "rally",        "talks"};
  return *s;
}

const absl::flat_hash_set<std::string_view>& EventFirstWords() {
  static const auto* const s = new absl::flat_hash_set<std::string_view>{
      "hurricane", "typhoon", "cyclone", "storm",
      "operation", "battle",  "siege"};
  return *s;
}

// First words of organizations' names that can end in an event word
// ("Organisation of Islamic Conference", "Council of the Baltic Sea
// Summit"): such a name stays what the tagger said.
const absl::flat_hash_set<std::string_view>& OrganizationHeads() {
  static const auto* const s = new absl::flat_hash_set<std::string_view>{
      "organisation", "organization", "association", "council",
      "union",        "federation",   "league",      "committee",
      "commission",   "secretariat",  "office",      "institute"};
  return *s;
}

// Capitalized words that, right after a name, make it an event ("NATO
// Summit", "Paris Olympics"); lowercase "summit" counts too.
const absl::flat_hash_set<std::string_view>& EventExtensions() {
  static const auto* const s = new absl::flat_hash_set<std::string_view>{
      "Summit",        "summit",     "War",  "Games",
      "Olympics",      "Conference", "Cup",  "Championship",
      "Championships", "Festival",   "Expo", "Marathon"};
  return *s;
}

const absl::flat_hash_set<std::string_view>& ArtNouns() {
  static const auto* const s = new absl::flat_hash_set<std::string_view>{
      "film",      "movie",   "book",        "novel",      "album",   "song",
      "series",    "show",    "documentary", "painting",   "play",    "opera",
      "musical",   "single",  "poem",        "sitcom",     "drama",   "memoir",
      "sculpture", "episode", "hit",         "bestseller", "podcast", "ballet"};
  return *s;
}

const absl::flat_hash_set<std::string_view>& ProductNouns() {
  static const auto* const s = new absl::flat_hash_set<std::string_view>{
      "missile",     "missiles", "jet",        "jets",        "drone",
      "drones",      "tank",     "tanks",      "rifle",       "rifles",
      "phone",       "phones",   "smartphone", "smartphones", "car",
      "cars",        "aircraft", "fighter",    "fighters",    "helicopter",
      "helicopters", "vaccine",  "vaccines",   "app",         "software",
      "chip",        "chips",    "truck",      "trucks",      "launcher",
      "launchers",   "rockets",  "rocket",     "howitzers",   "howitzer",
      "bomber",      "bombers",  "console",    "laptop",      "chatbot"};
  return *s;
}

const absl::flat_hash_set<std::string_view>& ProductFirstWords() {
  static const auto* const s = new absl::flat_hash_set<std::string_view>{
      "iphone",      "ipad",   "macbook", "android",  "windows", "chatgpt",
      "playstation", "xbox",   "kindle",  "starlink", "himars",  "javelin",
      "kinzhal",     "shahed", "boeing",  "airbus"};
  return *s;
}

// Lowercase prefixes of hyphenated modifiers ("anti-West").
const absl::flat_hash_set<std::string_view>& HyphenPrefixes() {
  static const auto* const s = new absl::flat_hash_set<std::string_view>{
      "anti",  "pro",    "non",   "ex",    "post", "pre",
      "neo",   "pan",    "mid",   "trans", "all",  "inter",
      "intra", "pseudo", "quasi", "semi",  "ultra"};
  return *s;
}

// Lowercase second halves of hyphenated modifiers ("Iran-backed",
// "U.S.-led", "Moscow-based", "Russian-speaking").
bool IsHyphenSuffix(std::string_view s) {
  static const auto* const words = new absl::flat_hash_set<std::string_view>{
      "led",  "run",      "born",    "made",   "style", "era",
      "type", "like",     "held",    "wide",   "bound", "linked",
      "era",  "friendly", "leaning", "centric"};
  if (s.size() < 2) return false;
  for (char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  if (words->contains(s)) return true;
  auto ends = [&](std::string_view x) {
    return s.size() > x.size() + 2 && s.substr(s.size() - x.size()) == x;
  };
  return ends("ed") || ends("ing");
}

// News agencies and outlets that taggers often type as places or leave
// untyped; a mention that is exactly one of these is an organization.
const absl::flat_hash_set<std::string_view>& NewsOrganizations() {
  static const auto* const s = new absl::flat_hash_set<std::string_view>{
      "upi",     "ap",         "afp",    "reuters", "ria",       "ria novosti",
      "tass",    "kcna",       "xinhua", "yonhap",  "bloomberg", "bbc",
      "cnn",     "efe",        "ansa",   "dpa",     "interfax",  "irna",
      "anadolu", "al jazeera", "nhk",    "kyodo",   "ukrinform", "sputnik"};
  return *s;
}

// Prepositions before a one-word name that mark a place ("in Washington").
const absl::flat_hash_set<std::string_view>& PlaceCueWords() {
  static const auto* const s = new absl::flat_hash_set<std::string_view>{
      "in",      "at",      "from",   "near",   "across",     "into", "toward",
      "towards", "outside", "inside", "around", "throughout", "via"};
  return *s;
}

// The lowercase ASCII word (letters only) that follows `end` after spaces
// on the same line, and where it ends; or empty.
std::string_view NextWord(std::string_view text, int32_t end, int32_t* wend) {
  size_t i = static_cast<size_t>(end);
  while (i < text.size() && text[i] == ' ') ++i;
  size_t j = i;
  while (j < text.size() && ((text[j] >= 'a' && text[j] <= 'z') ||
                             (text[j] >= 'A' && text[j] <= 'Z'))) {
    ++j;
  }
  *wend = static_cast<int32_t>(j);
  return text.substr(i, j - i);
}

// The ASCII word that ends right before `begin` (after spaces).
std::string_view PrevWord(std::string_view text, int32_t begin) {
  size_t i = static_cast<size_t>(begin);
  while (i > 0 && text[i - 1] == ' ') --i;
  size_t j = i;
  while (j > 0 && ((text[j - 1] >= 'a' && text[j - 1] <= 'z') ||
                   (text[j - 1] >= 'A' && text[j - 1] <= 'Z'))) {
    --j;
  }
  return text.substr(j, i - j);
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
  }
  return out;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsMonthName(std::string_view w) {
  static const auto* const s = new absl::flat_hash_set<std::string_view>{
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december",
      "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
      "aug",     "sep",      "sept",      "oct",     "nov",      "dec"};
  std::string lower = LowerAscii(w);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  return s->contains(lower);
}

// The parts of a dateline: the end of its place part, and the news agency
// in brackets after it (empty when none).
struct Dateline {
  int32_t place_end = -1;
  ByteSpan agency;
};

// The dateline that starts the line at `line_start`, if any (place_end -1
// otherwise). A dateline is a place in capitals, optionally followed by
// commas and capitalized words (a region or country), then a date
// ("1996-08-31", "March 4", "4 March") or an agency in brackets, or both:
// "NEW YORK 1996-08-31", "WIGAN , England 1996-08-31", "VALPARAISO, Chile,
// March 4 (Lede) -", "WASHINGTON (AP) -".
Dateline ParseDateline(std::string_view text, size_t line_start) {
  Dateline out;
  size_t line_end = text.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = text.size();
  const std::string_view line = text.substr(line_start, line_end - line_start);
  // Most lines start otherwise than with two capitals: leave them at once.
  if (line.size() < 2 || line[0] < 'A' || line[0] > 'Z' ||
      ((line[1] < 'A' || line[1] > 'Z') && line[1] != '.')) {
    return out;
  }
  // Words: runs of non-spaces, with commas split off.
  std::vector<std::pair<size_t, std::string_view>> words;
  for (size_t i = 0; i < line.size() && words.size() < 12;) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    if (line[i] == ',') {
      words.push_back({i, line.substr(i, 1)});
      ++i;
      continue;
    }
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' &&
           line[j] != ',') {
      ++j;
    }
    words.push_back({i, line.substr(i, j - i)});
    i = j;
  }
  auto all_caps = [](std::string_view w) {
    int letters = 0;
    for (char c : w) {
      if (c >= 'A' && c <= 'Z') {
        ++letters;
      } else if (c != '.' && c != '-' && c != '\'') {
        return false;
      }
    }
    return letters >= 2;
  };
  auto full_date = [](std::string_view w) {  // 1996-08-31
    return w.size() == 10 && IsAsciiDigit(w[0]) && IsAsciiDigit(w[3]) &&
           w[4] == '-' && IsAsciiDigit(w[5]) && w[7] == '-' &&
           IsAsciiDigit(w[9]);
  };
  auto day = [](std::string_view w) {
    return !w.empty() && w.size() <= 3 && IsAsciiDigit(w[0]);
  };
  // An agency in brackets starting at word `k`: "(AP)", "(Lede Wire)".
  auto agency_at = [&](size_t k) -> ByteSpan {
    const std::string_view w = words[k].second;
    if (w.size() < 2 || w.front() != '(' || !StartsUpper(w.substr(1))) {
      return {};
    }
    const size_t open = words[k].first;
    const size_t close = line.find(')', open);
    if (close == std::string_view::npos || close - open > 40) return {};
    return {static_cast<int32_t>(line_start + open + 1),
            static_cast<int32_t>(line_start + close)};
  };
  if (words.empty() || !all_caps(words[0].second)) return out;
  for (size_t k = 1; k < words.size() && k <= 8; ++k) {
    const std::string_view w = words[k].second;
    size_t date_words = 0;
    if (full_date(w)) {
      date_words = 1;
    } else if (k + 1 < words.size() &&
               ((IsMonthName(w) && day(words[k + 1].second)) ||
                (day(w) && IsMonthName(words[k + 1].second)))) {
      date_words = 2;
    }
    const ByteSpan agency = agency_at(k);
    if (date_words > 0 || !agency.empty()) {
      // The place part ends at the last word before the date.
      size_t last = k - 1;
      while (last > 0 && words[last].second == ",") --last;
      out.place_end = static_cast<int32_t>(line_start + words[last].first +
                                           words[last].second.size());
      out.agency = agency;
      for (size_t a = k + date_words;
           out.agency.empty() && date_words > 0 && a < words.size() &&
           a <= k + date_words + 1;
           ++a) {
        out.agency = agency_at(a);
      }
      return out;
    }
    if (w != "," && !StartsUpper(w)) return out;
  }
  return out;
}

// True when a copyright sign or word comes before `begin`, with at most a
// year between: "© 2024 Lede Wire", "Copyright 2024 Reuters".
bool AfterCopyright(std::string_view text, int32_t begin) {
  size_t i = static_cast<size_t>(begin);
  auto skip_spaces = [&]() {
    while (i > 0 && text[i - 1] == ' ') --i;
  };
  skip_spaces();
  size_t digits = 0;
  while (i > 0 && IsAsciiDigit(text[i - 1])) --i, ++digits;
  if (digits > 0) {
    if (digits != 4) return false;
    skip_spaces();
  }
  constexpr std::string_view kSign = "\xC2\xA9";  // ©
  if (i >= kSign.size() &&
      text.substr(i - kSign.size(), kSign.size()) == kSign) {
    return true;
  }
  if (i >= 3 && text.substr(i - 3, 3) == "(c)") return true;
  return LowerAscii(PrevWord(text, static_cast<int32_t>(i))) == "copyright";
}

bool IsQuote(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 ||
         c == 0x2019 || c == 0x00AB || c == 0x00BB;
}

// True when the mention is enclosed in quotation marks.
bool IsQuoted(std::string_view text, ByteSpan span) {
  if (span.begin == 0 || static_cast<size_t>(span.end) >= text.size()) {
    return false;
  }
  int len = 0;
  char32_t before = DecodeUtf8Before(text, span.begin, &len);
  char32_t after = DecodeUtf8(text, span.end, &len);
  return IsQuote(before) && IsQuote(after);
}

// The space-separated parts of `s` (no empty parts).
std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

template <typename It>
std::string JoinSpaces(It begin, It end) {
  std::string out;
  for (It it = begin; it != end; ++it) {
    if (!out.empty()) out.push_back(' ');
    out.append(it->data(), it->size());
  }
  return out;
}

bool IsNonAsciiWordChar(std::string_view text, size_t i, int* len) {
  const char32_t cp = DecodeUtf8(text, i, len);
  return u_isalnum(cp) || u_charType(cp) == U_NON_SPACING_MARK;
}

// Whether each ASCII byte is a letter or digit: Propagate() asks this of
// every byte of the text, and one load beats three range tests.
constexpr std::array<bool, 128> kAsciiWordChar = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) {
    t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
  }
  return t;
}();

// Inline for the ASCII bytes that are nearly all of a scan.
inline bool IsWordChar(std::string_view text, size_t i, int* len) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return kAsciiWordChar[c];
  }
  return IsNonAsciiWordChar(text, i, len);
}

// End of the run of letters and digits that starts at `i`.
size_t WordRunEnd(std::string_view text, size_t i) {
  int len = 1;
  while (i < text.size() && IsWordChar(text, i, &len)) i += len;
  return i;
}

// Adds untagged occurrences of names found elsewhere in the document: every
// person and nationality, names of two or more words, and one-word names
// tagged at least twice. Occurrences must match exactly (case included), at
// word boundaries, outside other mentions and `numeric`. One sense per
// discourse: the tagger's misses of a name it found elsewhere are mostly
// misses, not different senses. REQUIRES: `works` sorted by begin, without
// overlaps.
void Propagate(std::string_view text,
               const std::vector<NumericMention>& numeric,
               std::vector<Work>* works) {
  absl::flat_hash_map<std::string_view, int> count;
  for (const Work& w : *works) ++count[w.span.Of(text)];
  absl::flat_hash_map<std::string_view, std::vector<int>> by_first;
  for (int i = 0; i < static_cast<int>(works->size()); ++i) {
    const Work& w = (*works)[i];
    const std::string_view surface = w.span.Of(text);
    int& c = count[surface];
    if (c <= 0) continue;  // a representative was taken already
    const bool eligible = w.type == EntityType::kPerson ||
                          w.type == EntityType::kNationality ||
                          w.num_words >= 2 || c >= 2;
    c = -c;
    if (!eligible || !StartsUpper(surface) ||
        surface.find('\n') != std::string_view::npos ||
        (w.num_words == 1 && IsNonNameWord(w.key))) {
      continue;
    }
    const size_t first_end = WordRunEnd(surface, 0);
    if (first_end == 0) continue;
    by_first[surface.substr(0, first_end)].push_back(i);
  }
  if (by_first.empty()) return;
  for (auto& [first, list] : by_first) {
    std::sort(list.begin(), list.end(), [&](int a, int b) {
      return (*works)[a].span.size() > (*works)[b].span.size();
    });
  }

  std::vector<Work> added;
  const size_t n = text.size();
  size_t k = 0, q = 0;
  size_t i = 0;
  while (i < n) {
    int len = 1;
    const bool word = IsWordChar(text, i, &len);
    if (!word) {
      i += len;
      continue;
    }
    const size_t run_end = WordRunEnd(text, i);
    bool boundary_before = true;
    if (i > 0) {
      // An ASCII byte before is the code point itself (no need to decode).
      const unsigned char b = static_cast<unsigned char>(text[i - 1]);
      if (b < 0x80) {
        boundary_before = b != '-';
      } else {
        int plen = 0;
        const char32_t p = DecodeUtf8Before(text, i, &plen);
        boundary_before = p != '-' && !(p < 0x80 ? false : u_isalnum(p));
      }
    }
    // Every name in `by_first` starts with a capital, which in ASCII is
    // A-Z: other ASCII words need no lookup.
    const unsigned char c0 = static_cast<unsigned char>(text[i]);
    const bool may_start_name = c0 >= 0x80 || (c0 >= 'A' && c0 <= 'Z');
    auto it = boundary_before && may_start_name
                  ? by_first.find(text.substr(i, run_end - i))
                  : by_first.end();
    bool matched = false;
    if (it != by_first.end()) {
      for (int idx : it->second) {
        const Work& rep = (*works)[idx];
        const std::string_view surface = rep.span.Of(text);
        const size_t end = i + surface.size();
        if (end > n || text.substr(i, surface.size()) != surface) continue;
        int alen = 0;
        if (end < n && IsWordChar(text, end, &alen)) continue;
        while (k < works->size() &&
               static_cast<size_t>((*works)[k].span.end) <= i) {
          ++k;
        }
        if (k < works->size() &&
            static_cast<size_t>((*works)[k].span.begin) < end) {
          continue;
        }
        while (q < numeric.size() &&
               static_cast<size_t>(numeric[q].span.end) <= i) {
          ++q;
        }
        if (q < numeric.size() &&
            static_cast<size_t>(numeric[q].span.begin) < end) {
          continue;
        }
        Work w = rep;
        w.span = {static_cast<int32_t>(i), static_cast<int32_t>(end)};
        w.confidence = 0.5f * rep.confidence;
        w.boost = 0;
        added.push_back(std::move(w));
        i = end;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    i = run_end;
  }
  if (added.empty()) return;
  const size_t old = works->size();
  for (Work& w : added) works->push_back(std::move(w));
  std::inplace_merge(
      works->begin(), works->begin() + old, works->end(),
      [](const Work& a, const Work& b) { return a.span.begin < b.span.begin; });
}

class CanonicalResolver : public Resolver {
 public:
  std::vector<Entity> Resolve(
      std::string_view text, const Segmentation& seg,
      std::vector<TaggedMention> mentions) const override;

 private:
  // Cleans one tagged mention into zero, one or two (with a nationality
  // found in front of a person's name) mentions appended to `out`.
  void Clean(std::string_view text, const TaggedMention& m,
             std::vector<Work>* out) const;
  // Refines the type of a cleaned mention (MISC → NATIONALITY, EVENT, ...).
  void Refine(std::string_view text, Work* w) const;
  // Groups mentions; returns the cluster of each, and each cluster's type.
  static std::vector<int> Group(const std::vector<Work>& works,
                                std::vector<EntityType>* cluster_types);
};

void CanonicalResolver::Clean(std::string_view text, const TaggedMention& m,
                              std::vector<Work>* out) const {
  std::vector<ByteSpan> words = SplitNameWords(text, m.span);
  std::vector<std::string> keys;
  keys.reserve(words.size());
  for (ByteSpan w : words) keys.push_back(NameKey(w.Of(text)));
  auto word = [&](size_t i) { return words[i].Of(text); };
  bool person = m.type == EntityType::kPerson;

  size_t b = 0, e = words.size();
  while (b < e) {
    if (IsAcronymWord(word(b)) || IsInitial(word(b))) break;
    if (keys[b] == "the") {
      std::string rest;
      for (size_t i = b + 1; i < e; ++i) {
        if (!rest.empty()) rest.push_back(' ');
        rest += keys[i];
      }
      const bool keep =
          !person && e - b > 1 &&
          (IsKnownTheName(rest) ||
           (StartsUpper(word(b)) && !IsSentenceInitial(text, words[b].begin)));
      if (keep) break;
      ++b;
    } else if (IsLeadingStopWord(keys[b]) ||
               (IsLowerWord(word(b)) && !IsNameParticle(keys[b]))) {
      ++b;
    } else {
      break;
    }
  }
  // Trailing lowercase words, and trailing function and time words, except
  // initials and, in a person's name, capitalized words that are names
  // there ("Hla Than").
  while (e > b && (IsLowerWord(word(e - 1)) ||
                   (IsLeadingStopWord(keys[e - 1]) &&
                    !IsAcronymWord(word(e - 1)) && !IsInitial(word(e - 1)) &&
                    !(person && e - b > 1 && !IsTimeWord(keys[e - 1]))))) {
    --e;
  }
  // Hyphenated modifiers: "anti-West" → "West", "Communist-governed" →
  // "Communist", "Iran-backed" → "Iran".
  if (b < e) {
    ByteSpan& first = words[b];
    std::string_view f = first.Of(text);
    size_t h = f.find('-');
    if (h != std::string_view::npos && h + 1 < f.size() &&
        HyphenPrefixes().contains(f.substr(0, h)) &&
        StartsUpper(f.substr(h + 1))) {
      first.begin += static_cast<int32_t>(h + 1);
      keys[b] = NameKey(first.Of(text));
    }
    ByteSpan& last = words[e - 1];
    std::string_view l = last.Of(text);
    h = l.rfind('-');
    if (h != std::string_view::npos && h > 0 &&
        IsHyphenSuffix(l.substr(h + 1))) {
      last.end = last.begin + static_cast<int32_t>(h);
      keys[e - 1] = NameKey(last.Of(text));
    }
  }

  bool had_title = false;
  // An honorific makes any mention a person: "Mr De Vido". In capitals it
  // is one only in a name in capitals ("MR DE VIDO"): "MX Onda" is a team.
  const bool honorific_case =
      e - b > 1 && (!IsAcronymWord(word(b)) || IsAcronymWord(word(b + 1)));
  if (honorific_case &&
      (keys[b] == "mr" || keys[b] == "mrs" || keys[b] == "ms" ||
       keys[b] == "mx" || keys[b] == "dr" || keys[b] == "sir" ||
       keys[b] == "dame" || keys[b] == "miss" || keys[b] == "professor" ||
       keys[b] == "prof")) {
    person = true;
    had_title = true;
    ++b;
  }
  ByteSpan nationality;
  if (person) {
    // Keep only what follows the last lowercase word: "U.S. National
    // Security spokesman John Kirby" → "John Kirby".
    for (size_t i = b; i + 1 < e; ++i) {
      if (IsLowerWord(word(i)) && !IsNameParticle(keys[i])) b = i + 1;
    }
    while (e - b > 1) {
      if (e - b > 2 && IsTitleWord(keys[b + 2]) &&
          FindDemonym(keys[b] + " " + keys[b + 1]) != nullptr) {
        nationality = {words[b].begin, words[b + 1].end};
        b += 2;
        continue;
      }
      if (IsTitleWord(keys[b + 1]) &&
          (FindDemonym(keys[b]) != nullptr || IsCountryName(keys[b]))) {
        if (FindDemonym(keys[b]) != nullptr) nationality = words[b];
        ++b;
        continue;
      }
      if (IsTitleWord(keys[b])) {
        had_title = true;
        ++b;
        continue;
      }
      break;
    }
    if (e - b == 1 && words.size() == 1 && IsTitleWord(keys[b])) b = e;
  }

  if (!nationality.empty()) {
    Work n;
    n.span = nationality;
    n.type = EntityType::kNationality;
    n.confidence = m.confidence;
    n.strong = true;
    n.key = NameKey(nationality.Of(text));
    n.num_words = 1;
    out->push_back(std::move(n));
  }

  bool any_name_word = false;
  bool any_letter = false;
  for (size_t i = b; i < e; ++i) {
    if (IsAcronymWord(word(i)) || !IsNonNameWord(keys[i])) {
      any_name_word = true;
    }
    if (HasLetter(word(i))) any_letter = true;
  }
  if (b >= e || !any_name_word || !any_letter) return;

  Work w;
  w.span = {words[b].begin, words[e - 1].end};
  // Brackets opened inside the name close inside it: "Mladost ( BJ )".
  int open = 0;
  for (int32_t i = w.span.begin; i < w.span.end; ++i) {
    open += text[i] == '(' ? 1 : text[i] == ')' && open > 0 ? -1 : 0;
  }
  for (int32_t i = w.span.end; open > 0 && i < m.span.end; ++i) {
    if (text[i] == ')') {
      w.span.end = i + 1;
      --open;
    } else if (text[i] != ' ') {
      break;
    }
  }
  w.type = person ? EntityType::kPerson : m.type;
  w.confidence = m.confidence;
  w.strong = had_title;
  w.num_words = static_cast<int>(e - b);
  w.acronym = e - b == 1 && IsAcronymWord(word(b));
  for (size_t i = b; i < e; ++i) {
    if (!w.key.empty()) w.key.push_back(' ');
    w.key += keys[i];
  }
  out->push_back(std::move(w));
}

void CanonicalResolver::Refine(std::string_view text, Work* w) const {
  if (const Demonym* d = FindDemonym(w->key)) {
    w->type = EntityType::kNationality;
    w->strong = true;
    w->group_key = NameKey(d->adjective);
    return;
  }
  if (w->type == EntityType::kNationality) return;
  if (NewsOrganizations().contains(w->key)) {
    w->type = EntityType::kOrganization;
    w->strong = true;
    return;
  }
  if (w->num_words == 1 && !IsCountryName(w->key)) {
    int32_t wend = 0;
    if (NextWord(text, w->span.end, &wend) == "administration") {
      w->type = EntityType::kPerson;  // "the Biden administration"
      w->strong = true;
      return;
    }
  }
  if (w->type != EntityType::kPerson) {
    // A name ending in an event word: "Russia-North Korea Summit".
    const size_t space = w->key.rfind(' ');
    const std::string_view last_key =
        space == std::string::npos ? std::string_view(w->key)
                                   : std::string_view(w->key).substr(space + 1);
    const size_t first_space = w->key.find(' ');
    const std::string_view first_key =
        std::string_view(w->key).substr(0, first_space);
    if (w->num_words > 1 && !OrganizationHeads().contains(first_key) &&
        (last_key == "summit" ||
         (w->type != EntityType::kOther &&
          (last_key == "olympics" || last_key == "war" ||
           last_key == "conference" || last_key == "cup" ||
           last_key == "championship" || last_key == "championships" ||
           last_key == "festival")))) {
      w->type = EntityType::kEvent;
      w->strong = true;
      return;
    }
  }
  if (w->type == EntityType::kOrganization || w->type == EntityType::kOther ||
      w->type == EntityType::kLocation) {
    int32_t wend = 0;
    std::string_view next = NextWord(text, w->span.end, &wend);
    if (!next.empty() && EventExtensions().contains(next) &&
        (next == "summit" || next == "Summit" ||
         w->type != EntityType::kLocation)) {
      w->span.end = wend;
      w->key += " " + LowerAscii(next);
      ++w->num_words;
      w->type = EntityType::kEvent;
      w->strong = true;
      return;
    }
  }
  if (w->type != EntityType::kOther) return;

  std::vector<std::string_view> parts = SplitSpaces(w->key);
  const std::string_view first = parts.front();
  const std::string_view last = parts.back();
  if (EventHeads().contains(last) || EventFirstWords().contains(first) ||
      (parts.size() >= 2 && parts[0] == "world" && parts[1] == "war")) {
    w->type = EntityType::kEvent;
    w->strong = true;
    return;
  }
  if (IsQuoted(text, w->span) ||
      ArtNouns().contains(LowerAscii(PrevWord(text, w->span.begin)))) {
    w->type = EntityType::kWorkOfArt;
    w->strong = true;
    return;
  }
  std::string_view surface = w->span.Of(text);
  bool model_number = false;
  for (std::string_view p : SplitSpaces(surface)) {
    if (HasDigit(p) && HasLetter(p)) model_number = true;
  }
  if (parts.size() >= 2 && HasDigit(last) && !HasLetter(last)) {
    model_number = true;  // "Boeing 737"
  }
  const bool excluded = first == "covid" || first == "sars" ||
                        (first.size() <= 3 && first[0] == 'g' &&
                         first.size() >= 2 && HasDigit(first));
  int32_t wend = 0;
  std::string next = LowerAscii(NextWord(text, w->span.end, &wend));
  if (!excluded && (model_number || ProductFirstWords().contains(first) ||
                    ProductNouns().contains(next))) {
    w->type = EntityType::kProduct;
    w->strong = true;
  }
}

// Union-find over clusters.
int Find(std::vector<int>& parent, int c) {
  while (parent[c] != c) {
    parent[c] = parent[parent[c]];
    c = parent[c];
  }
  return c;
}

std::vector<int> CanonicalResolver::Group(
    const std::vector<Work>& works, std::vector<EntityType>* cluster_types) {
  const int n = static_cast<int>(works.size());
  std::vector<int> cluster(n, -1);
  std::vector<int> parent;
  std::vector<int> full_count;     // full-name mentions (people)
  std::vector<int> first_mention;  // index of the first mention
  std::vector<std::string> rep_key;
  auto& types = *cluster_types;
  types.clear();
  absl::flat_hash_map<std::string, int> exact;
  auto get_cluster = [&](EntityType t, const std::string& key, int i) {
    std::string k;
    k.reserve(key.size() + 1);
    k.push_back(static_cast<char>('A' + static_cast<int>(t)));
    k += key;
    auto [it, inserted] = exact.try_emplace(std::move(k), 0);
    if (inserted) {
      it->second = static_cast<int>(parent.size());
      parent.push_back(it->second);
      full_count.push_back(0);
      first_mention.push_back(i);
      rep_key.push_back(key);
      types.push_back(t);
    }
    return it->second;
  };

  // People: split each name into its significant parts.
  std::vector<std::string> person_key(n);
  std::vector<std::string> short_word(n);
  for (int i = 0; i < n; ++i) {
    const Work& w = works[i];
    if (w.type != EntityType::kPerson) {
      cluster[i] = get_cluster(w.type, w.group_key, i);
      continue;
    }
    std::vector<std::string_view> parts;
    for (std::string_view p : SplitSpaces(w.key)) {
      if (p.empty() || IsNameParticle(p) || IsNameSuffix(p)) continue;
      if (p.size() == 1) continue;  // initials
      parts.push_back(p);
    }
    if (parts.size() >= 2) {
      person_key[i] = JoinSpaces(parts.begin(), parts.end());
      cluster[i] = get_cluster(w.type, person_key[i], i);
      ++full_count[cluster[i]];
    } else {
      short_word[i] = parts.empty() ? w.key : std::string(parts[0]);
    }
  }

  // A full name that is the tail of a longer one ("Luther King") joins it.
  {
    absl::flat_hash_map<std::string, int> tails;
    const int num = static_cast<int>(parent.size());
    for (int c = 0; c < num; ++c) {
      if (types[c] != EntityType::kPerson) continue;
      std::vector<std::string_view> parts = SplitSpaces(rep_key[c]);
      for (size_t s = 1; s + 2 <= parts.size(); ++s) {
        std::string tail = JoinSpaces(parts.begin() + s, parts.end());
        auto [it, inserted] = tails.try_emplace(tail, c);
        if (!inserted && full_count[c] > full_count[it->second]) {
          it->second = c;
        }
      }
    }
    for (int c = 0; c < num; ++c) {
      if (types[c] != EntityType::kPerson) continue;
      auto it = tails.find(rep_key[c]);
      if (it != tails.end() && it->second != c) {
        int a = Find(parent, c), b = Find(parent, it->second);
        if (a != b) {
          parent[a] = b;
          full_count[b] += full_count[a];
        }
      }
    }
  }

  // One-word mentions of people: candidates are the full names whose first
  // or last part the word is; the most frequent wins, ties go to the most
  // recent preceding one, else to the earliest.
  {
    struct Best {
      int count = -1;
      int tied = 0;
      int earliest = -1;  // tied cluster with the earliest first mention
    };
    absl::flat_hash_map<std::string, Best> best;
    const int num = static_cast<int>(parent.size());
    // First and last significant word of each full name, and whether the
    // name is among the most frequent for that word.
    std::vector<std::string> first_word(num), last_word(num);
    std::vector<char> top_first(num, 0), top_last(num, 0);
    std::vector<int> roots;
    for (int c = 0; c < num; ++c) {
      if (types[c] != EntityType::kPerson || Find(parent, c) != c ||
          full_count[c] == 0) {
        continue;
      }
      std::vector<std::string_view> parts = SplitSpaces(rep_key[c]);
      first_word[c] = std::string(parts.front());
      last_word[c] = std::string(parts.back());
      roots.push_back(c);
    }
    auto consider = [&](const std::string& word, int c) {
      Best& b = best[word];
      if (full_count[c] > b.count) {
        b.count = full_count[c];
        b.tied = 1;
        b.earliest = c;
      } else if (full_count[c] == b.count) {
        ++b.tied;
        if (first_mention[c] < first_mention[b.earliest]) b.earliest = c;
      }
    };
    for (int c : roots) {
      consider(first_word[c], c);
      if (last_word[c] != first_word[c]) consider(last_word[c], c);
    }
    for (int c : roots) {
      top_first[c] = full_count[c] == best[first_word[c]].count;
      top_last[c] = full_count[c] == best[last_word[c]].count;
    }
    absl::flat_hash_map<std::string, int> recent;
    for (int i = 0; i < n; ++i) {
      if (works[i].type != EntityType::kPerson) continue;
      if (cluster[i] >= 0) {
        const int c = Find(parent, cluster[i]);
        if (c < num && !first_word[c].empty()) {
          if (top_first[c]) recent[first_word[c]] = c;
          if (top_last[c]) recent[last_word[c]] = c;
        }
        continue;
      }
      auto it = best.find(short_word[i]);
      if (it == best.end()) {
        cluster[i] = get_cluster(EntityType::kPerson, short_word[i], i);
        continue;
      }
      if (it->second.tied == 1) {
        cluster[i] = it->second.earliest;
      } else if (auto r = recent.find(short_word[i]); r != recent.end()) {
        cluster[i] = r->second;
      } else {
        cluster[i] = it->second.earliest;
      }
    }
  }

  // Acronyms of organizations and places: "KCNA", "NATO", "U.S.".
  {
    auto groupable = [](EntityType t) {
      return t == EntityType::kOrganization || t == EntityType::kLocation ||
             t == EntityType::kOther;
    };
    absl::flat_hash_map<std::string, int> initials;
    const int num = static_cast<int>(parent.size());
    for (int c = 0; c < num; ++c) {
      if (!groupable(types[c])) continue;
      std::vector<std::string_view> parts = SplitSpaces(rep_key[c]);
      if (parts.size() < 2) continue;
      std::string all, content;
      for (std::string_view p : parts) {
        if (p.empty()) continue;
        all.push_back(p[0]);
        if (p != "of" && p != "the" && p != "and" && p != "for" && p != "&" &&
            p != "on" && p != "in" && p != "de" && p != "la" && p != "du" &&
            p != "des") {
          content.push_back(p[0]);
        }
      }
      for (const std::string& s : {content, all}) {
        if (s.size() < 2) continue;
        auto [it, inserted] = initials.try_emplace(s, c);
        if (!inserted && types[it->second] != EntityType::kOrganization &&
            types[c] == EntityType::kOrganization) {
          it->second = c;
        }
      }
    }
    for (int c = 0; c < num; ++c) {
      const Work& w = works[first_mention[c]];
      if (!groupable(types[c]) || !w.acronym) continue;
      auto it = initials.find(rep_key[c]);
      if (it == initials.end()) continue;
      int a = Find(parent, c), b = Find(parent, it->second);
      if (a != b) parent[a] = b;
    }
  }

  for (int i = 0; i < n; ++i) cluster[i] = Find(parent, cluster[i]);
  return cluster;
}

// The text of `span` with each run of whitespace turned into one space.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<Entity> CanonicalResolver::Resolve(
    std::string_view text, const Segmentation& seg,
    std::vector<TaggedMention> mentions) const {
  const int32_t size = static_cast<int32_t>(text.size());
  std::sort(mentions.begin(), mentions.end(),
            [](const TaggedMention& a, const TaggedMention& b) {
              if (a.span.begin != b.span.begin) {
                return a.span.begin < b.span.begin;
              }
              return a.span.end > b.span.end;
            });

  // Clean the tagger's mentions, splitting "Kremlin/UPI" in two.
  std::vector<Work> tagged;
  tagged.reserve(mentions.size());
  for (const TaggedMention& m : mentions) {
    if (m.span.begin < 0 || m.span.end > size || m.span.empty()) continue;
    // Defensive: keep spans on code point boundaries.
    ByteSpan span = m.span;
    while (span.begin < span.end && !IsUtf8Boundary(text, span.begin)) {
      ++span.begin;
    }
    while (span.end > span.begin && !IsUtf8Boundary(text, span.end)) {
      --span.end;
    }
    int32_t b = span.begin;
    for (int32_t i = span.begin; i <= span.end && span.begin < span.end; ++i) {
      if (i == span.end || text[i] == '/') {
        TaggedMention part = m;
        part.span = {b, i};
        if (!part.span.empty()) Clean(text, part, &tagged);
        b = i + 1;
      }
    }
  }
  for (Work& w : tagged) Refine(text, &w);
  std::stable_sort(tagged.begin(), tagged.end(),
                   [](const Work& a, const Work& b) {
                     if (a.span.begin != b.span.begin) {
                       return a.span.begin < b.span.begin;
                     }
                     return a.span.end > b.span.end;
                   });

  // Drop overlaps: with numbers (rules win) and among tagger mentions (the
  // first, longest one wins).
  const std::vector<NumericMention> numeric = FindNumericMentions(text);
  std::vector<Work> works;
  works.reserve(tagged.size() + numeric.size());
  {
    size_t k = 0;
    int32_t last_end = -1;
    for (Work& w : tagged) {
      if (w.span.begin < last_end) continue;
      while (k < numeric.size() && numeric[k].span.end <= w.span.begin) ++k;
      if (k < numeric.size() && numeric[k].span.begin < w.span.end) continue;
      last_end = w.span.end;
      works.push_back(std::move(w));
    }
  }

  // Names in a dateline are places ("NEW YORK 1996-08-31", "WIGAN ,
  // England 1996-08-31"), whatever else they are in the story; the name in
  // brackets after it ("(Lede Wire)") and a copyright holder ("© 2024 Lede
  // Wire") are organizations.
  {
    // `works` is in document order: find line starts in one pass.
    size_t line_start = 0, scanned = 0;
    Dateline dateline = ParseDateline(text, 0);
    for (Work& w : works) {
      const size_t begin = static_cast<size_t>(w.span.begin);
      size_t ls = line_start;
      for (; scanned < begin; ++scanned) {
        if (text[scanned] == '\n') ls = scanned + 1;
      }
      if (ls != line_start) {
        line_start = ls;
        dateline = ParseDateline(text, ls);
      }
      if (w.numeric) continue;
      if ((w.span.begin >= dateline.agency.begin &&
           w.span.end <= dateline.agency.end && !dateline.agency.empty()) ||
          AfterCopyright(text, w.span.begin)) {
        w.type = EntityType::kOrganization;
        w.strong = true;
        continue;
      }
      if (w.span.end <= dateline.place_end && !w.strong) {
        // An organization may stand for its seat ("UNITED NATIONS
        // 1996-08-29"); anything else there is a place.
        if (w.type != EntityType::kOrganization) {
          w.type = EntityType::kLocation;
        }
        w.keep_type = true;
      }
    }
  }

  // A one-word place or organization that is the first or last word of a
  // person's full name in this document is that person ("Kim said" after
  // "Kim Jong-un"), unless a preposition marks it as a place ("in
  // Washington"): then that mention keeps its type firmly.
  {
    absl::flat_hash_set<std::string> person_parts;
    for (const Work& w : works) {
      if (w.type != EntityType::kPerson || w.num_words < 2) continue;
      std::vector<std::string_view> parts;
      for (std::string_view p : SplitSpaces(w.key)) {
        if (p.size() > 1 && !IsNameParticle(p) && !IsNameSuffix(p)) {
          parts.push_back(p);
        }
      }
      if (parts.size() < 2) continue;
      person_parts.emplace(parts.front());
      person_parts.emplace(parts.back());
    }
    for (Work& w : works) {
      if (w.strong || w.keep_type || w.num_words != 1 ||
          w.type == EntityType::kPerson || w.type == EntityType::kNationality ||
          !person_parts.contains(w.key) || IsCountryName(w.key)) {
        continue;
      }
      if (PlaceCueWords().contains(LowerAscii(PrevWord(text, w.span.begin)))) {
        w.strong = true;
      } else {
        w.type = EntityType::kPerson;
        w.boost = 1;
        w.retyped = true;
      }
    }
  }

  Propagate(text, numeric, &works);

  // A place right after a place preposition ("in Milwaukee", "AT DETROIT")
  // keeps its type: the context backs the tagger.
  for (Work& w : works) {
    if (w.type == EntityType::kLocation && !w.strong &&
        PlaceCueWords().contains(LowerAscii(PrevWord(text, w.span.begin)))) {
      w.keep_type = true;
    }
  }

  // One type per string: the highest total confidence, rules counting more.
  // A mention the tagger is sure of keeps its type unless a rule typed the
  // same string elsewhere.
  {
    absl::flat_hash_map<std::string_view, std::array<float, kNumTypes>> votes;
    absl::flat_hash_set<std::string_view> ruled;
    votes.reserve(works.size());
    for (const Work& w : works) {
      auto [it, inserted] = votes.try_emplace(w.key);
      if (inserted) it->second.fill(0);
      it->second[static_cast<int>(w.type)] +=
          (w.strong ? 2 : 0) + 0.5f + 0.5f * w.confidence + w.boost;
      if (w.strong) ruled.insert(w.key);
    }
    for (Work& w : works) {
      if (w.strong || w.keep_type ||
          (w.confidence >= kSureConfidence && !w.retyped &&
           !ruled.contains(w.key))) {
        continue;
      }
      const auto& v = votes[w.key];
      int best = static_cast<int>(w.type);
      for (int t = 0; t < kNumTypes; ++t) {
        if (v[t] > v[best]) best = t;
      }
      w.type = static_cast<EntityType>(best);
    }
    for (Work& w : works) {
      if (w.group_key.empty()) w.group_key = w.key;
    }
  }

  // Numbers join in document order.
  const size_t num_tagged = works.size();
  for (const NumericMention& m : numeric) {
    Work w;
    w.span = m.span;
    w.type = m.type;
    w.strong = true;
    w.numeric = true;
    w.key = m.normalized;
    w.group_key = m.normalized;
    works.push_back(std::move(w));
  }
  std::inplace_merge(
      works.begin(), works.begin() + num_tagged, works.end(),
      [](const Work& a, const Work& b) { return a.span.begin < b.span.begin; });

  std::vector<EntityType> types;
  const std::vector<int> cluster = Group(works, &types);

  // Entities in order of first mention; names by most words, then most
  // frequent surface, then earliest.
  std::vector<int> entity_of(types.size(), -1);
  std::vector<Entity> entities;
  struct NameChoice {
    int words = -1;
    int count = 0;
    std::string_view surface;
  };
  std::vector<NameChoice> choice;
  absl::flat_hash_map<std::pair<int, std::string_view>, int> surface_count;
  surface_count.reserve(works.size());
  for (size_t i = 0; i < works.size(); ++i) {
    const Work& w = works[i];
    int& e = entity_of[cluster[i]];
    if (e < 0) {
      e = static_cast<int>(entities.size());
      entities.emplace_back();
      entities.back().type = types[cluster[i]];
      choice.emplace_back();
    }
    entities[e].mentions.push_back({w.span, MentionType::kProper});
    const std::string_view surface = w.span.Of(text);
    const int count = ++surface_count[{e, surface}];
    NameChoice& c = choice[e];
    if (w.num_words > c.words || (w.num_words == c.words && count > c.count)) {
      c.words = w.num_words;
      c.count = count;
      c.surface = surface;
    } else if (c.surface == surface) {
      c.count = count;
    }
  }
  for (size_t e = 0; e < entities.size(); ++e) {
    entities[e].name = CollapseSpaces(choice[e].surface);
  }
  ScoreSalience(text, seg, &entities);
  return entities;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Resolver>> Resolver::Create(
    const ResolverSpec&) {
  return std::unique_ptr<Resolver>(new CanonicalResolver());
}

}  // namespace lede
