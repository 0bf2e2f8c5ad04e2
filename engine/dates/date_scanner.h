#ifndef LEDE_ENGINE_DATES_DATE_SCANNER_H_
#define LEDE_ENGINE_DATES_DATE_SCANNER_H_

// Internal to the date stage: a small tokenizer over raw text and the lexicon
// of temporal words. Not part of the engine's public API.

#include <cstdint>
#include <string_view>
#include <vector>

namespace lede {
namespace dates_internal {

// Keyword
//
// Words with a grammatical role in temporal expressions. One word has at most
// one keyword; months, weekdays, units, numbers and the like are separate
// fields of `Lex` so that "may", "second" or "fall" can carry several roles.
enum Keyword : uint8_t {
  kNoKw = 0,
  kToday,
  kYesterday,
  kTomorrow,
  kTonight,
  kNow,
  kCurrently,
  kRecently,
  kSoon,
  kLast,
  kNext,
  kThis,
  kComing,
  kPast,
  kPrevious,
  kFollowing,
  kCurrent,
  kRecent,
  kUpcoming,
  kLatest,
  kAgo,
  kEarlier,
  kLater,
  kHence,
  kFrom,
  kBefore,
  kAfter,
  kThe,
  kOf,
  kIn,
  kOn,
  kAt,
  kBy,
  kFor,
  kOver,
  kSince,
  kDuring,
  kUntil,
  kEarly,
  kLate,
  kMid,
  kMiddle,
  kEnd,
  kBeginning,
  kStart,
  kEvery,
  kEach,
  kOther,
  kDaily,
  kWeekly,
  kMonthly,
  kAnnually,
  kHourly,
  kQuarterly,
  kNightly,
  kNoon,
  kMidnight,
  kMidday,
  kAm,
  kPm,
  kLetterA,
  kLetterP,
  kLetterM,
  kOclockO,
  kClock,
  kFiscal,
  kLess,
  kMore,
  kThan,
  kApprox,
  kNearly,
  kLeast,
  kMost,
  kUnder,
  kUp,
  kFuture,
  kYearWord,
  kHalf,
  kQ,
  kCentury,
  kSt,
  kAnd,
  kOr,
  kTo,
  kWill,
  kLl,
  kPastCue,
  kFutureCue,
  kPreviously,
  kOvernight,
  kFew,
  kSeveral,
  kMany,
  kCouple,
  kSome,
  kAn,
  kA,
  kAround,
  kNo,
  kAbout,
  kWeekendKw,
  kIts,
  kNear,
  kWithin,
  kThat,
  kFull,
};

// Unit
//
// Calendar units, ordered from the smallest.
enum Unit : uint8_t {
  kNoUnit = 0,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kWeekend,
  kFortnight,
  kMonth,
  kQuarter,
  kYear,
  kDecade,
  kCentury_,
};

// Lex
//
// What the lexicon knows about one lower-cased word.
struct Lex {
  uint8_t kw = kNoKw;
  uint8_t month = 0;    // 1..12
  uint8_t weekday = 0;  // 1..7, Monday first (ISO)
  uint8_t unit = kNoUnit;
  bool plural = false;  // for units and weekdays ("Tuesdays")
  bool month_abbrev = false;
  int16_t number = -1;  // cardinal value of a number word
  uint8_t ordinal = 0;  // "first" → 1
  uint8_t season = 0;   // 1 SP, 2 SU, 3 FA, 4 WI
  uint8_t pod = 0;      // 1 MO, 2 AF, 3 EV, 4 NI
  uint8_t holiday = 0;  // first word of a holiday name, see date_tagger.cc
  int16_t tz = -1;      // known time zone abbreviation (offset minutes + 1000)
  uint8_t decade = 0;   // "nineties" → 9 ("twenties" 2 ... "nineties" 9)
};

enum class TokKind : uint8_t { kWord, kNumber, kPunct };

// Tok
//
// A maximal run of ASCII letters (or non-ASCII letters), a maximal run of
// digits, or one punctuation character (which may be a multi-byte code point).
struct Tok {
  int32_t begin = 0;
  int32_t end = 0;
  TokKind kind = TokKind::kPunct;
  bool space_before = true;  // whitespace (or text start) precedes
  bool newline_before = false;
  bool upper = false;        // first character is an ASCII capital
  const Lex* lex = nullptr;  // lexicon entry for words, or nullptr
  int32_t num = -1;          // value for numbers of at most 9 digits
  int32_t digits = 0;        // number of digits for numbers
  char punct = 0;            // ASCII punctuation, or one of the codes below
};

// Codes in `Tok::punct` for non-ASCII punctuation.
inline constexpr char kPunctDash = 'D';        // – — ‒ ―
inline constexpr char kPunctApostrophe = 'A';  // ’ ‘
inline constexpr char kPunctQuote = 'Q';       // “ ” and others
inline constexpr char kPunctOther = 'O';

// TokenStream
//
// The tokens of `text` one at a time, for a reader that needs only the first
// few (offsets are into `text`). The tokenizer carries nothing across white
// space but whether a space and a newline came before, so the tokens of a
// text that starts at a line start are those of the whole text from there.
class TokenStream {
 public:
  explicit TokenStream(std::string_view text) : text_(text) {}
  // The next token into `*t`; false at the end of the text.
  bool Next(Tok* t);

 private:
  std::string_view text_;
  size_t i_ = 0;
  bool space_ = true;
  bool newline_ = true;
};

// Tokenize()
//
// Splits `text` into tokens and looks every word up in the lexicon. Linear in
// the length of the text; words longer than the longest lexicon entry are
// not looked up.
std::vector<Tok> Tokenize(std::string_view text);

// LookupWord()
//
// The lexicon entry for `word` (any case), or nullptr.
const Lex* LookupWord(std::string_view word);

}  // namespace dates_internal
}  // namespace lede

#endif  // LEDE_ENGINE_DATES_DATE_SCANNER_H_
