#include "engine/dates/date_scanner.h"

#include <array>
#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "engine/text/string_view.h"

namespace lede {
namespace dates_internal {
namespace {

constexpr size_t kMaxWordLen = 16;

using LexMap = absl::flat_hash_map<std::string, Lex>;

Lex& At(LexMap& m, const char* w) { return m[w]; }

void AddKw(LexMap& m, const char* w, Keyword k) { At(m, w).kw = k; }

LexMap* BuildLexicon() {
  auto* m = new LexMap();
  struct MonthName {
    const char* full;
    const char* abbrevs[3];
  };
  const MonthName months[12] = {
      {"january", {"jan", nullptr, nullptr}},
      {"february", {"feb", "febr", nullptr}},
      {"march", {"mar", nullptr, nullptr}},
      {"april", {"apr", nullptr, nullptr}},
      {"may", {nullptr, nullptr, nullptr}},
      {"june", {"jun", nullptr, nullptr}},
      {"july", {"jul", nullptr, nullptr}},
      {"august", {"aug", nullptr, nullptr}},
      {"september", {"sep", "sept", nullptr}},
      {"october", {"oct", nullptr, nullptr}},
      {"november", {"nov", nullptr, nullptr}},
      {"december", {"dec", nullptr, nullptr}},
  };
  for (int i = 0; i < 12; ++i) {
    At(*m, months[i].full).month = i + 1;
    for (const char* a : months[i].abbrevs) {
      if (a == nullptr) continue;
      Lex& l = At(*m, a);
      l.month = i + 1;
      l.month_abbrev = true;
    }
  }
  const char* days[7][4] = {
      {"monday", "mon", nullptr, nullptr},
      {"tuesday", "tue", "tues", nullptr},
      {"wednesday", "wed", nullptr, nullptr},
      {"thursday", "thu", "thur", "thurs"},
      {"friday", "fri", nullptr, nullptr},
      {"saturday", "sat", nullptr, nullptr},
      {"sunday", "sun", nullptr, nullptr},
  };
  for (int i = 0; i < 7; ++i) {
    for (const char* d : days[i]) {
      if (d != nullptr) At(*m, d).weekday = i + 1;
    }
    Lex& pl = At(*m, std::string(days[i][0]).append("s").c_str());
    pl.weekday = i + 1;
    pl.plural = true;
  }
  struct UnitName {
    const char* sing;
    const char* plur;
    Unit u;
  };
  const UnitName units[] = {
      {"second", "seconds", kSecond},
      {"sec", "secs", kSecond},
      {"minute", "minutes", kMinute},
      {"min", "mins", kMinute},
      {"hour", "hours", kHour},
      {"hr", "hrs", kHour},
      {"day", "days", kDay},
      {"week", "weeks", kWeek},
      {"weekend", "weekends", kWeekend},
      {"fortnight", "fortnights", kFortnight},
      {"month", "months", kMonth},
      {"quarter", "quarters", kQuarter},
      {"year", "years", kYear},
      {"yr", "yrs", kYear},
      {"decade", "decades", kDecade},
      {"qtr", "qtrs", kQuarter},
      {"century", "centuries", kCentury_},
  };
  for (const UnitName& u : units) {
    At(*m, u.sing).unit = u.u;
    Lex& p = At(*m, u.plur);
    p.unit = u.u;
    p.plural = true;
  }
  const char* ones[] = {"zero",    "one",       "two",      "three",
                        "four",    "five",      "six",      "seven",
                        "eight",   "nine",      "ten",      "eleven",
                        "twelve",  "thirteen",  "fourteen", "fifteen",
                        "sixteen", "seventeen", "eighteen", "nineteen"};
  for (int i = 0; i < 20; ++i) At(*m, ones[i]).number = i;
  const char* tens[] = {"twenty", "thirty",  "forty",  "fifty",
                        "sixty",  "seventy", "eighty", "ninety"};
  for (int i = 0; i < 8; ++i) At(*m, tens[i]).number = (i + 2) * 10;
  At(*m, "fourty").number = 40;
  At(*m, "hundred").number = 100;
  At(*m, "thousand").number = 1000;
  At(*m, "dozen").number = 12;
  const char* ords[] = {"first",       "second",     "third",      "fourth",
                        "fifth",       "sixth",      "seventh",    "eighth",
                        "ninth",       "tenth",      "eleventh",   "twelfth",
                        "thirteenth",  "fourteenth", "fifteenth",  "sixteenth",
                        "seventeenth", "eighteenth", "nineteenth", "twentieth",
                        "twenty-first"};
  for (int i = 0; i < 20; ++i) At(*m, ords[i]).ordinal = i + 1;
  At(*m, "thirtieth").ordinal = 30;
  // Holidays (codes in date_tagger.cc).
  At(*m, "christmas").holiday = 1;
  At(*m, "xmas").holiday = 1;
  At(*m, "new").holiday = 2;  // "New Year's Day", "New Year's Eve"
  At(*m, "thanksgiving").holiday = 3;
  At(*m, "easter").holiday = 4;
  At(*m, "halloween").holiday = 5;
  At(*m, "valentine").holiday = 6;
  At(*m, "valentines").holiday = 6;
  At(*m, "independence").holiday = 7;
  At(*m, "labor").holiday = 8;
  At(*m, "labour").holiday = 8;
  At(*m, "memorial").holiday = 9;
  At(*m, "mother").holiday = 10;
  At(*m, "mothers").holiday = 10;
  At(*m, "father").holiday = 11;
  At(*m, "fathers").holiday = 11;
  {
    static const char* const kDecades[] = {"twenties", "thirties", "forties",
                                           "fifties",  "sixties",  "seventies",
                                           "eighties", "nineties"};
    for (int d = 0; d < 8; ++d) At(*m, kDecades[d]).decade = d + 2;
  }
  At(*m, "spring").season = 1;
  At(*m, "summer").season = 2;
  At(*m, "fall").season = 3;
  At(*m, "autumn").season = 3;
  At(*m, "winter").season = 4;
  At(*m, "springs").season = 1;
  At(*m, "summers").season = 2;
  At(*m, "winters").season = 4;
  At(*m, "morning").pod = 1;
  At(*m, "mornings").pod = 1;
  At(*m, "afternoon").pod = 2;
  At(*m, "afternoons").pod = 2;
  At(*m, "evening").pod = 3;
  At(*m, "evenings").pod = 3;
  At(*m, "night").pod = 4;
  At(*m, "nights").pod = 4;
  struct Tz {
    const char* name;
    int offset;
  };
  const Tz zones[] = {
      {"edt", -240},  {"est", -300}, {"cdt", -300}, {"cst", -360},
      {"mdt", -360},  {"mst", -420}, {"pdt", -420}, {"pst", -480},
      {"gmt", 0},     {"utc", 0},    {"bst", 60},   {"cet", 60},
      {"cest", 120},  {"et", -300},  {"pt", -480},  {"jst", 540},
      {"msk", 180},   {"hkt", 480},  {"aest", 600}, {"ist", 330},
      {"akst", -540}, {"hst", -600}, {"eet", 120},  {"eest", 180}};
  for (const Tz& z : zones)
    At(*m, z.name).tz = static_cast<int16_t>(z.offset + 1000);

  const std::pair<const char*, Keyword> kws[] = {
      {"today", kToday},
      {"yesterday", kYesterday},
      {"tomorrow", kTomorrow},
      {"tonight", kTonight},
      {"now", kNow},
      {"currently", kCurrently},
      {"recently", kRecently},
      {"soon", kSoon},
      {"last", kLast},
      {"next", kNext},
      {"this", kThis},
      {"coming", kComing},
      {"past", kPast},
      {"previous", kPrevious},
      {"prior", kPrevious},
      {"following", kFollowing},
      {"current", kCurrent},
      {"recent", kRecent},
      {"upcoming", kUpcoming},
      {"latest", kLatest},
      {"ago", kAgo},
      {"earlier", kEarlier},
      {"later", kLater},
      {"hence", kHence},
      {"from", kFrom},
      {"before", kBefore},
      {"after", kAfter},
      {"the", kThe},
      {"of", kOf},
      {"in", kIn},
      {"on", kOn},
      {"at", kAt},
      {"by", kBy},
      {"for", kFor},
      {"over", kOver},
      {"since", kSince},
      {"during", kDuring},
      {"until", kUntil},
      {"till", kUntil},
      {"through", kUntil},
      {"early", kEarly},
      {"late", kLate},
      {"mid", kMid},
      {"middle", kMiddle},
      {"end", kEnd},
      {"beginning", kBeginning},
      {"start", kStart},
      {"every", kEvery},
      {"each", kEach},
      {"other", kOther},
      {"daily", kDaily},
      {"weekly", kWeekly},
      {"monthly", kMonthly},
      {"annually", kAnnually},
      {"yearly", kAnnually},
      {"hourly", kHourly},
      {"quarterly", kQuarterly},
      {"nightly", kNightly},
      {"noon", kNoon},
      {"midnight", kMidnight},
      {"midday", kMidday},
      {"am", kAm},
      {"pm", kPm},
      {"a", kA},
      {"p", kLetterP},
      {"m", kLetterM},
      {"o", kOclockO},
      {"clock", kClock},
      {"fiscal", kFiscal},
      {"less", kLess},
      {"more", kMore},
      {"than", kThan},
      {"approximately", kApprox},
      {"roughly", kApprox},
      {"about", kAbout},
      {"around", kAround},
      {"some", kSome},
      {"nearly", kNearly},
      {"almost", kNearly},
      {"least", kLeast},
      {"most", kMost},
      {"under", kUnder},
      {"up", kUp},
      {"future", kFuture},
      {"half", kHalf},
      {"q", kQ},
      {"st", kSt},
      {"nd", kSt},
      {"rd", kSt},
      {"th", kSt},
      {"and", kAnd},
      {"or", kOr},
      {"to", kTo},
      {"will", kWill},
      {"ll", kLl},
      {"shall", kWill},
      {"would", kFutureCue},
      {"expected", kFutureCue},
      {"scheduled", kFutureCue},
      {"plans", kFutureCue},
      {"plan", kFutureCue},
      {"planned", kFutureCue},
      {"due", kFutureCue},
      {"going", kFutureCue},
      {"set", kFutureCue},
      {"expects", kFutureCue},
      {"slated", kFutureCue},
      {"said", kPastCue},
      {"told", kPastCue},
      {"was", kPastCue},
      {"were", kPastCue},
      {"had", kPastCue},
      {"did", kPastCue},
      {"has", kPastCue},
      {"have", kPastCue},
      {"met", kPastCue},
      {"began", kPastCue},
      {"made", kPastCue},
      {"took", kPastCue},
      {"came", kPastCue},
      {"went", kPastCue},
      {"won", kPastCue},
      {"lost", kPastCue},
      {"fell", kPastCue},
      {"rose", kPastCue},
      {"left", kPastCue},
      {"gave", kPastCue},
      {"held", kPastCue},
      {"sent", kPastCue},
      {"found", kPastCue},
      {"spoke", kPastCue},
      {"wrote", kPastCue},
      {"saw", kPastCue},
      {"bought", kPastCue},
      {"sold", kPastCue},
      {"paid", kPastCue},
      {"got", kPastCue},
      {"became", kPastCue},
      {"brought", kPastCue},
      {"fought", kPastCue},
      {"led", kPastCue},
      {"ran", kPastCue},
      {"struck", kPastCue},
      {"hit", kPastCue},
      {"killed", kPastCue},
      {"died", kPastCue},
      {"arrived", kPastCue},
      {"felt", kPastCue},
      {"thought", kPastCue},
      {"knew", kPastCue},
      {"kept", kPastCue},
      {"closed", kPastCue},
      {"ended", kPastCue},
      {"opened", kPastCue},
      {"reported", kPastCue},
      {"announced", kPastCue},
      {"previously", kPreviously},
      {"overnight", kOvernight},
      {"few", kFew},
      {"several", kSeveral},
      {"many", kMany},
      {"couple", kCouple},
      {"an", kAn},
      {"no", kNo},
      {"its", kIts},
      {"near", kNear},
      {"within", kWithin},
      {"that", kThat},
      {"full", kFull},
  };
  for (const auto& [w, k] : kws) AddKw(*m, w, k);
  return m;
}

const LexMap& Lexicon() {
  static const LexMap* const m = BuildLexicon();
  return *m;
}

// Classes of a byte, looked up rather than tested: the scanner classifies
// every byte of a text.
enum ByteClass : uint8_t { kOtherByte, kSpaceByte, kLetterByte };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      t[c] = kSpaceByte;
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      t[c] = kLetterByte;
    }
  }
  return t;
}();

inline bool IsAsciiLetter(unsigned char c) {
  return kByteClass[c] == kLetterByte;
}
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsSpace(unsigned char c) { return kByteClass[c] == kSpaceByte; }

// Length of the UTF-8 sequence starting with `c` (1 for invalid bytes).
inline int SeqLen(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// Length of the well-formed UTF-8 sequence at `i`, or 0 when the bytes there
// are not one (stray continuation bytes, truncation, bad lead bytes).
int ValidSeq(std::string_view s, size_t i) {
  const unsigned char c = s[i];
  if (c < 0xC2 || c > 0xF4) return 0;
  const int len = SeqLen(c);
  if (i + len > s.size()) return 0;
  for (int k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return len;
}

uint32_t Decode(std::string_view s, size_t i, int len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  switch (len) {
    case 2:
      return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3:
      return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    case 4:
      return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
             ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    default:
      return p[0];
  }
}

enum class CpClass { kSpace, kPunct, kLetter };

CpClass Classify(uint32_t cp, char* code) {
  if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
      cp == 0x205F || cp == 0x3000 || cp == 0x2028 || cp == 0x2029) {
    return CpClass::kSpace;
  }
  if (cp >= 0x2010 && cp <= 0x2015) {
    *code = kPunctDash;
    return CpClass::kPunct;
  }
  if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) {
    *code = kPunctApostrophe;
    return CpClass::kPunct;
  }
  if ((cp >= 0x201C && cp <= 0x201F) || cp == 0xAB || cp == 0xBB) {
    *code = kPunctQuote;
    return CpClass::kPunct;
  }
  if ((cp >= 0xA1 && cp <= 0xBF) || (cp >= 0x2016 && cp <= 0x206F) ||
      (cp >= 0x2190 && cp <= 0x2BFF) || cp >= 0x1F000) {
    *code = kPunctOther;
    return CpClass::kPunct;
  }
  return CpClass::kLetter;
}

}  // namespace

const Lex* LookupWord(std::string_view word) {
  if (word.empty() || word.size() > kMaxWordLen) return nullptr;
  char buf[kMaxWordLen];
  for (size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = word[i];
    if (c >= 0x80) return nullptr;
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
  }
  const LexMap& m = Lexicon();
  auto it = m.find(absl::string_view(buf, word.size()));
  return it == m.end() ? nullptr : &it->second;
}

bool TokenStream::Next(Tok* out) {
  const std::string_view text = text_;
  const size_t n = text.size();
  size_t i = i_;
  while (i < n) {
    const unsigned char c = text[i];
    if (IsSpace(c)) {
      space_ = true;
      if (c == '\n') newline_ = true;
      ++i;
      continue;
    }
    Tok t;
    t.begin = static_cast<int32_t>(i);
    t.space_before = space_;
    t.newline_before = newline_;
    if (IsDigit(c)) {
      size_t j = i;
      int64_t v = 0;
      while (j < n && IsDigit(static_cast<unsigned char>(text[j]))) {
        if (j - i < 9) v = v * 10 + (text[j] - '0');
        ++j;
      }
      t.kind = TokKind::kNumber;
      t.digits = static_cast<int32_t>(j - i);
      t.num = t.digits <= 9 ? static_cast<int32_t>(v) : -1;
      i = j;
    } else if (c < 0x80 && !IsAsciiLetter(c)) {
      t.kind = TokKind::kPunct;
      t.punct = static_cast<char>(c);
      ++i;
    } else {
      if (c >= 0x80) {
        int len = ValidSeq(text, i);
        char code = 0;
        CpClass cls = CpClass::kPunct;
        if (len == 0) {
          len = 1;  // a stray byte stands alone as punctuation
        } else {
          cls = Classify(Decode(text, i, len), &code);
        }
        if (cls == CpClass::kSpace) {
          space_ = true;
          i += len;
          continue;
        }
        if (cls == CpClass::kPunct) {
          t.kind = TokKind::kPunct;
          t.punct = code == 0 ? kPunctOther : code;
          i = i + len <= n ? i + len : n;
          t.end = static_cast<int32_t>(i);
          *out = t;
          i_ = i;
          space_ = false;
          newline_ = false;
          return true;
        }
      }
      // A word: ASCII letters and non-ASCII letters.
      size_t j = i;
      while (j < n) {
        const unsigned char d = text[j];
        if (d < 0x80) {
          if (!IsAsciiLetter(d)) break;
          ++j;
          continue;
        }
        const int len = ValidSeq(text, j);
        if (len == 0) break;
        char code = 0;
        if (Classify(Decode(text, j, len), &code) != CpClass::kLetter) break;
        j += len;
      }
      if (j == i) j = i + 1;  // a lone invalid byte: keep progressing
      t.kind = TokKind::kWord;
      t.upper = c >= 'A' && c <= 'Z';
      t.lex = LookupWord(text.substr(i, j - i));
      i = j;
    }
    t.end = static_cast<int32_t>(i);
    *out = t;
    i_ = i;
    space_ = false;
    newline_ = false;
    return true;
  }
  i_ = i;
  return false;
}

std::vector<Tok> Tokenize(std::string_view text) {
  std::vector<Tok> out;
  out.reserve(text.size() / 5 + 4);
  TokenStream stream(text);
  Tok t;
  while (stream.Next(&t)) out.push_back(t);
  return out;
}

}  // namespace dates_internal
}  // namespace lede
