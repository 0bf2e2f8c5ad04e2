#include "engine/dates/date_tagger.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "engine/dates/date_scanner.h"
#include "engine/text/cancel.h"
#include "engine/text/string_view.h"

namespace lede {

using dates_internal::Keyword;
using dates_internal::Lex;
using dates_internal::Tok;
using dates_internal::TokKind;
using dates_internal::Unit;
namespace di = dates_internal;

namespace {

// Direction of a reference inferred from tense: back, none, forward.
enum Dir { kBack = -1, kNone = 0, kFwd = 1 };

struct Hit {
  int end = -1;  // token index one past the match
  TimeType type = TimeType::kDate;
  std::string value;
  std::string mod;
  bool takes_the = false;  // a preceding "the" belongs to the expression
  // For combining with a following clock time: the day as a value prefix.
  bool is_day = false;
};

std::string Year4(int y) {
  if (y < 0) return absl::StrFormat("BC%04d", -y);
  return absl::StrFormat("%04d", y);
}

int IsoWeekday(absl::CivilDay d) {
  switch (absl::GetWeekday(d)) {
    case absl::Weekday::monday:
      return 1;
    case absl::Weekday::tuesday:
      return 2;
    case absl::Weekday::wednesday:
      return 3;
    case absl::Weekday::thursday:
      return 4;
    case absl::Weekday::friday:
      return 5;
    case absl::Weekday::saturday:
      return 6;
    case absl::Weekday::sunday:
      return 7;
  }
  return 1;
}

// ISO 8601 week-numbering year and week of `d`.
void IsoWeek(absl::CivilDay d, int* year, int* week) {
  const absl::CivilDay thursday = d + (4 - IsoWeekday(d));
  *year = static_cast<int>(thursday.year());
  *week = (absl::GetYearDay(thursday) - 1) / 7 + 1;
}

const char* SeasonCode(int s) {
  static const char* const kCodes[] = {"XX", "SP", "SU", "FA", "WI"};
  return kCodes[s >= 0 && s <= 4 ? s : 0];
}
const char* PodCode(int p) {
  static const char* const kCodes[] = {"", "MO", "AF", "EV", "NI"};
  return kCodes[p >= 0 && p <= 4 ? p : 0];
}

// The occurrence of a cyclic calendar position nearest the reference, moved
// by one period when tense points the other way and the same-cycle
// occurrence is more than `threshold` away in the wrong direction. With no
// tense cue the closest occurrence wins.
int64_t PickNear(int64_t cur, int64_t same, int64_t period, Dir dir,
                 int64_t threshold) {
  const int64_t diff = same - cur;
  if (dir == kBack && diff > threshold) return same - period;
  if (dir == kFwd && diff < -threshold) return same + period;
  if (dir == kNone && 2 * std::llabs(diff) > period) {
    return diff > 0 ? same - period : same + period;
  }
  return same;
}

class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<Tok>& toks,
          const ReferenceTime& ref)
      : text_(text), t_(toks), n_(static_cast<int>(toks.size())), ref_(ref) {
    known_ = ref.known();
    ky_ = known_ && ref.has_year;
    day_ = absl::CivilDay(ref.time);
    // A text of a few words (a headline fragment, a calendar entry, a
    // query) has no clause to take a tense from.
    int words = 0;
    for (const Tok& tk : toks) words += tk.kind == TokKind::kWord;
    bare_ = words <= 6;
  }

  bool TryAt(int i, Hit* out);
  // The last calendar value found before the next TryAt(): what "that
  // year", "the following month", "earlier that day" refer to.
  void SetAnchor(const std::string& value, int end) {
    if (!value.empty() && value[0] >= '0' && value[0] <= '9') {
      anchor_ = value;
      anchor_end_ = end;
    }
  }
  // The anchor as a day, when it names one.
  bool AnchorDay(absl::CivilDay* d) const {
    const std::string& a = anchor_;
    if (a.size() < 10 || a[4] != '-' || a[7] != '-') return false;
    for (int p : {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (a[p] < '0' || a[p] > '9') return false;
    }
    *d = absl::CivilDay(std::atoi(a.c_str()), std::atoi(a.c_str() + 5),
                        std::atoi(a.c_str() + 8));
    return true;
  }

 private:
  // ---- token predicates ----
  const Lex* L(int i) const { return i >= 0 && i < n_ ? t_[i].lex : nullptr; }
  int Kw(int i) const {
    const Lex* l = L(i);
    return l ? static_cast<int>(l->kw) : static_cast<int>(di::kNoKw);
  }
  bool IsKw(int i, Keyword k) const { return Kw(i) == k; }
  bool IsP(int i, char c) const {
    return i >= 0 && i < n_ && t_[i].kind == TokKind::kPunct &&
           t_[i].punct == c;
  }
  bool IsNum(int i) const {
    return i >= 0 && i < n_ && t_[i].kind == TokKind::kNumber && t_[i].num >= 0;
  }
  bool Tight(int i) const {  // no space before token i
    return i < n_ && !t_[i].space_before;
  }
  bool IsDash(int i) const { return IsP(i, '-') || IsP(i, di::kPunctDash); }
  bool IsApos(int i) const {
    return IsP(i, '\'') || IsP(i, di::kPunctApostrophe);
  }
  std::string_view Str(int i) const {
    return std::string_view(text_.data() + t_[i].begin,
                            t_[i].end - t_[i].begin);
  }
  // Glued to a word or number on the left (part of an identifier).
  bool GluedLeft(int i) const {
    return i > 0 && !t_[i].space_before && (t_[i - 1].kind != TokKind::kPunct);
  }
  // Skips an optional "." right after token i-1 (abbreviations).
  int SkipDot(int i) const { return IsP(i, '.') && Tight(i) ? i + 1 : i; }

  // ---- formatting (ky: the year is known) ----
  std::string YearV(int64_t y, bool ky) const {
    return ky ? Year4(static_cast<int>(y)) : "XXXX";
  }
  std::string MonthV(absl::CivilMonth m, bool ky) const {
    return absl::StrFormat("%s-%02d", YearV(m.year(), ky), m.month());
  }
  std::string DayV(absl::CivilDay d, bool ky) const {
    return absl::StrFormat("%s-%02d-%02d", YearV(d.year(), ky), d.month(),
                           d.day());
  }
  std::string WeekV(absl::CivilDay d) const {
    if (!known_ || !ky_) return "XXXX-WXX";
    int y, w;
    IsoWeek(d, &y, &w);
    return absl::StrFormat("%04d-W%02d", y, w);
  }

  // ---- tense ----
  Dir Tense(int first, int last) const;

  // ---- sub-parsers; each returns true and fills `h` (h->end) ----
  bool Number(int i, int* value, int* end) const;
  bool DayNum(int i, int* day, int* end) const;
  bool YearAt(int i, int* year, int* end, bool loose) const;
  bool MonthAt(int i, int* month, int* end) const;
  bool ShortYear(int i, int* year, int* end, bool late) const;
  bool RangeTail(int k, int* month, int* year) const;
  bool Core(int i, Hit* h) const;
  bool MonthExpr(int i, Hit* h) const;
  bool DayFirstExpr(int i, Hit* h) const;
  // "last"/"past"/"previous" (-1), "next"/"coming" (+1) or "this" (2)
  // at *j, stepping over it; 0 and *j unchanged when none.
  int RelativeCue(int* j) const;
  bool WeekdayExpr(int i, Hit* h) const;
  bool NumericDate(int i, Hit* h) const;
  bool YearExpr(int i, Hit* h) const;
  bool QuarterExpr(int i, Hit* h) const;
  bool SeasonExpr(int i, Hit* h) const;
  bool RelativeExpr(int i, Hit* h) const;
  bool DeicticExpr(int i, Hit* h) const;
  bool DurationExpr(int i, Hit* h) const;
  bool SetExpr(int i, Hit* h) const;
  bool ClockTime(int i, int* hour, int* minute, int* end) const;
  bool TimeExpr(int i, Hit* h) const;
  bool DecadeExpr(int i, Hit* h) const;
  bool CenturyExpr(int i, Hit* h) const;
  void AttachTime(Hit* h) const;
  void AttachPodTime(Hit* h, int pod) const;
  bool QuarterContext(int i) const;
  int ReportQuarter(int i) const;
  bool MiscExpr(int i, Hit* h) const;
  // "(the) next month" at `j`: the month offset and the end; false if not.
  bool RelMonth(int j, int* offset, int* end) const;
  bool WeekdaysCount(int i, Hit* h) const;
  bool NthWeekdayExpr(int i, Hit* h) const;
  bool WeekdayNear(int wd, int month, int day, bool any_month,
                   absl::CivilDay* out) const;
  bool WordYear(int i, Hit* h) const;
  bool HolidayExpr(int i, Hit* h) const;
  bool ShiftedDate(int i, const Hit& dur, Hit* h) const;
  bool AnaphoricExpr(int i, Hit* h) const;
  bool InFuture(const Hit& dur, Hit* h) const;

  // ---- resolution ----
  bool WeekdayDay(int wd, Dir dir, bool strict, absl::CivilDay* d) const;
  std::string ResolveMonth(int month, Dir dir) const;
  std::string ResolveMonthDay(int month, int day, Dir dir) const;
  std::string Shifted(Unit u, int k) const;

  std::string_view text_;
  const std::vector<Tok>& t_;
  int n_;
  const ReferenceTime& ref_;
  bool known_;
  bool ky_;
  absl::CivilDay day_;
  bool bare_ = false;   // a short phrase rather than running text
  std::string anchor_;  // see SetAnchor()
  int anchor_end_ = 0;  // token index one past the anchor
};

// ------------------------------------------------------------ tense cues

bool EndsWithEd(std::string_view w) {
  if (w.size() < 5) return false;
  const char a = w[w.size() - 2] | 0x20;
  const char b = w[w.size() - 1] | 0x20;
  return a == 'e' && b == 'd' && w[0] >= 'a' && w[0] <= 'z';
}

Dir Matcher::Tense(int first, int last) const {
  double score = 0;
  auto cue = [&](int j, int dist) {
    const Tok& tk = t_[j];
    if (tk.kind != TokKind::kWord) return;
    const int kw = Kw(j);
    double w = 0;
    switch (kw) {
      case di::kWill:
        w = 2;
        break;
      case di::kFutureCue:
        // "the plan", "its plans", "a set": nouns, not the verb.
        w = IsKw(j - 1, di::kThe) || IsKw(j - 1, di::kA) ||
                    IsKw(j - 1, di::kAn) || IsKw(j - 1, di::kIts) ||
                    IsKw(j - 1, di::kThis)
                ? 0
                : 2;
        // "planned" tells of a plan made in the past, for any time.
        if (Str(j) == "planned") w = 0;
        // "set" is future only as "set to", "set for" ("a record set on").
        if (Str(j) == "set" && !IsKw(j + 1, di::kTo) &&
            !IsKw(j + 1, di::kFor)) {
          w = 0;
        }
        break;
      case di::kLl:
        w = IsApos(j - 1) ? 2 : 0;
        break;
      case di::kNext:
        w = IsKw(j + 1, di::kTo) ? 0 : 1;  // "next to" is a place
        break;
      case di::kTomorrow:
      case di::kUpcoming:
      case di::kSoon:
      case di::kComing:
        w = 1;
        break;
      case di::kTo:
        // "is to resume", "are to meet": a scheduled future.
        if (j > 0 && (Str(j - 1) == "is" || Str(j - 1) == "are") &&
            j + 1 < n_ && t_[j + 1].kind == TokKind::kWord &&
            t_[j + 1].lex == nullptr) {
          w = 2;
        }
        break;
      case di::kUntil:
        // "until Tuesday", "until 9 a.m. Tuesday": mostly a deadline ahead.
        w = dist <= 5 ? 1 : 0;
        break;
      case di::kPastCue:
        // "will be paid", "would be held": a passive, not the past.
        w = j > 0 && Str(j - 1) == "be" ? 0 : -2;
        break;
      case di::kLast:
      case di::kAgo:
      case di::kYesterday:
      case di::kPreviously:
      case di::kRecently:
      case di::kEarlier:
        w = -1;
        break;
      default:
        if (tk.lex == nullptr && EndsWithEd(Str(j)) && !IsDash(j - 1) &&
            !IsKw(j - 1, di::kThe) && !IsKw(j - 1, di::kA) &&
            !IsKw(j - 1, di::kAn) && !(j > 0 && Str(j - 1) == "be")) {
          w = -1;
        } else if (tk.lex == nullptr && Str(j) == "effective") {
          w = 1;  // "effective Feb. 1": an announced change
        }
    }
    score += w / (1.0 + 0.15 * dist);
  };
  // Backwards to the sentence start (or 15 tokens).
  for (int j = first - 1, d = 1; j >= 0 && d <= 15; --j, ++d) {
    const Tok& tk = t_[j];
    if (tk.kind == TokKind::kPunct &&
        (tk.punct == '!' || tk.punct == '?' ||
         (tk.punct == '.' && j > 0 && t_[j - 1].end - t_[j - 1].begin > 4))) {
      break;
    }
    cue(j, d);
    if (tk.newline_before) break;
  }
  // Forwards, at half weight, to the end of the clause.
  const double back_score = score;
  score = 0;
  for (int j = last + 1, d = 1; j < n_ && d <= 8; ++j, ++d) {
    const Tok& tk = t_[j];
    if (tk.newline_before) break;
    if (tk.kind == TokKind::kPunct &&
        (tk.punct == '!' || tk.punct == '?' || tk.punct == '.' ||
         tk.punct == ';' || tk.punct == ':')) {
      break;
    }
    if (tk.kind == TokKind::kWord && tk.lex == nullptr) {
      const std::string_view w = Str(j);
      if (w == "that" || w == "saying" || w == "who" || w == "which" ||
          w == "because" || w == "while" || w == "but" || w == "if") {
        break;
      }
    }
    if (IsKw(j, di::kAnd) || IsKw(j, di::kAfter) || IsKw(j, di::kBefore) ||
        IsKw(j, di::kThat)) {
      break;
    }
    cue(j, d);
  }
  score = back_score + 0.5 * score;
  if (score > 0.2) return kFwd;
  if (score < -0.2) return kBack;
  return kNone;
}

// ------------------------------------------------------------ resolution

bool Matcher::WeekdayDay(int wd, Dir dir, bool strict,
                         absl::CivilDay* d) const {
  if (!known_ || !ky_) return false;
  const int rwd = IsoWeekday(day_);
  int fwd = (wd - rwd + 7) % 7;
  int back = (rwd - wd + 7) % 7;
  if (strict) {
    if (fwd == 0) fwd = 7;
    if (back == 0) back = 7;
  }
  if (dir == kFwd) {
    *d = day_ + fwd;
  } else if (dir == kBack) {
    *d = day_ - back;
  } else if (bare_) {
    // A phrase with no clause ("monday", "vacation friday") is an
    // appointment: the next one, a week ahead when it is today.
    *d = day_ + (fwd == 0 ? 7 : fwd);
  } else {
    // News convention: reports tell of what happened, so a weekday with no
    // tense cue is the past one unless the next is tomorrow.
    *d = fwd == 1 ? day_ + fwd : day_ - back;
  }
  return true;
}

std::string Matcher::ResolveMonth(int month, Dir dir) const {
  if (!known_) return absl::StrFormat("XXXX-%02d", month);
  // A phrase with no clause names the coming month unless it is at most
  // three months past.
  const bool bare = dir == kNone && bare_;
  if (bare) dir = kFwd;
  const int64_t y = day_.year();
  const int64_t cur = y * 12 + day_.month() - 1;
  const int64_t idx = PickNear(cur, y * 12 + month - 1, 12, dir, bare ? 3 : 2);
  return absl::StrFormat("%s-%02d", YearV(idx / 12, ky_), month);
}

std::string Matcher::ResolveMonthDay(int month, int day, Dir dir) const {
  if (!known_) return absl::StrFormat("XXXX-%02d-%02d", month, day);
  // A phrase with no clause names the coming date unless it is at most
  // about three months past.
  const int64_t slack = dir == kNone && bare_ ? 100 : 60;
  if (dir == kNone && bare_) dir = kFwd;
  const int64_t y = day_.year();
  auto valid = [&](int64_t cy) {
    const absl::CivilDay c(cy, month, day);
    return c.month() == month && c.day() == day;
  };
  int64_t best_y = y;
  if (valid(y)) {
    const int64_t diff = absl::CivilDay(y, month, day) - day_;
    if (dir == kBack && diff > 60) {
      best_y = y - 1;
    } else if (dir == kFwd && diff < -slack) {
      best_y = y + 1;
    } else if (dir == kNone && std::llabs(diff) > 183) {
      best_y = diff > 0 ? y - 1 : y + 1;
    }
  }
  if (!valid(best_y)) {
    // Feb. 29: the leap year nearest the reference in the chosen direction.
    bool found = false;
    int64_t best_dist = 0;
    for (int64_t cy = y - 4; cy <= y + 4; ++cy) {
      if (!valid(cy)) continue;
      const int64_t diff = absl::CivilDay(cy, month, day) - day_;
      if ((dir == kBack && diff > 0) || (dir == kFwd && diff < 0)) continue;
      if (!found || std::llabs(diff) < best_dist) {
        found = true;
        best_dist = std::llabs(diff);
        best_y = cy;
      }
    }
    if (!found) return absl::StrFormat("XXXX-%02d-%02d", month, day);
  }
  return absl::StrFormat("%s-%02d-%02d", YearV(best_y, ky_), month, day);
}

// The calendar period of unit `u` shifted by `k` from the reference.
std::string Matcher::Shifted(Unit u, int k) const {
  switch (u) {
    case di::kDay:
      if (!known_) return "XXXX-XX-XX";
      return DayV(day_ + k, ky_);
    case di::kWeek:
    case di::kFortnight:
      return WeekV(day_ + 7 * k);
    case di::kWeekend:
      if (!known_ || !ky_) return "XXXX-WXX-WE";
      return WeekV(day_ + 7 * k) + "-WE";
    case di::kMonth:
      if (!known_) return "XXXX-XX";
      return MonthV(absl::CivilMonth(day_) + k, ky_);
    case di::kQuarter: {
      if (!known_) return "XXXX-QX";
      const int64_t q = day_.year() * 4 + (day_.month() - 1) / 3 + k;
      const int64_t qy = q >= 0 ? q / 4 : (q - 3) / 4;
      return absl::StrFormat("%s-Q%d", YearV(qy, ky_), q - qy * 4 + 1);
    }
    case di::kYear:
      if (!known_) return "XXXX";
      return YearV(day_.year() + k, ky_);
    case di::kDecade:
      if (!known_ || !ky_) return "XXX";
      return absl::StrFormat("%03d", (day_.year() + 10 * k) / 10);
    case di::kCentury_:
      if (!known_ || !ky_) return "XX";
      return absl::StrFormat("%02d", (day_.year() + 100 * k) / 100);
    case di::kHour:
    case di::kMinute:
    case di::kSecond: {
      if (!known_) return "XXXX-XX-XXTXX:XX";
      // "in one hour" from 04:30 is 05:30: shift, do not truncate.
      absl::CivilSecond s = ref_.time;
      if (u == di::kHour) s += 3600 * int64_t{k};
      if (u == di::kMinute) s += 60 * int64_t{k};
      if (u == di::kSecond) s += k;
      return absl::StrFormat("%s-%02d-%02dT%02d:%02d", YearV(s.year(), ky_),
                             s.month(), s.day(), s.hour(), s.minute());
    }
    default:
      return "";
  }
}

// Whether "quarter" occurs in the 80 tokens before `i` (financial reports
// that compare quarters year over year).
bool Matcher::QuarterContext(int i) const {
  for (int j = std::min(n_ - 1, i + 40); j >= 0 && j >= i - 400; --j) {
    const Lex* l = t_[j].lex;
    if (l && l->unit == di::kQuarter) return true;
  }
  return false;
}

// The quarter a financial report is about, as an offset from the
// reference's quarter: the last "<ordinal>(-)quarter" within 400 tokens
// before `i` names it (its latest occurrence before the reference's
// quarter of the same year); with none, the quarter before the
// reference's.
int Matcher::ReportQuarter(int i) const {
  // The adjective ("third-quarter profit") names the reported quarter more
  // surely than the noun ("after a flat second quarter"): the latest
  // adjective wins, else the latest noun. A fiscal quarter counts as the
  // calendar one of its number, as TimeBank writes it.
  int noun = 0;
  for (int j = std::min(n_ - 1, i - 1); j >= 1 && j >= i - 400; --j) {
    const Lex* l = t_[j].lex;
    if (l == nullptr || l->unit != di::kQuarter || l->plural) continue;
    int o = j - 1;
    const bool hyphen = IsDash(o) && Tight(o);
    if (hyphen) --o;
    if (IsKw(o, di::kFiscal)) --o;
    const Lex* ol = L(o);
    if (ol == nullptr || ol->ordinal < 1 || ol->ordinal > 4) continue;
    // "next year's first quarter", "the 1990 second quarter": not the one
    // being reported.
    if (IsNum(o - 1) || IsKw(o - 1, di::kNext) ||
        (IsApos(o - 2) && Str(o - 1) == "s"))
      continue;
    if (!known_) return -1;
    const int cur = (day_.month() - 1) / 3;  // 0..3
    // A quarter not yet over is a forecast, not the one reported.
    if (ol->ordinal - 1 >= cur) continue;
    if (hyphen) return (ol->ordinal - 1) - cur;
    if (noun == 0) noun = (ol->ordinal - 1) - cur;
  }
  return noun != 0 ? noun : -1;
}

// ------------------------------------------------------------ numbers

// A cardinal: digits, number words ("twenty-five", "a dozen"), "a"/"an",
// or a vague amount ("several", "a few": value -2).
bool Matcher::Number(int i, int* value, int* end) const {
  if (i >= n_) return false;
  const Tok& tk = t_[i];
  if (tk.kind == TokKind::kNumber) {
    if (tk.num < 0 || tk.digits > 6 || GluedLeft(i)) return false;
    // Not a decimal or a thousands group.
    if ((IsP(i + 1, '.') || IsP(i + 1, ',')) && Tight(i + 1) && IsNum(i + 2) &&
        Tight(i + 2)) {
      return false;
    }
    *value = tk.num;
    *end = i + 1;
    return true;
  }
  const Lex* l = tk.lex;
  if (l == nullptr) return false;
  if (l->kw == di::kA || l->kw == di::kAn) {
    if (IsKw(i + 1, di::kFew)) {
      *value = -2;
      *end = i + 2;
      return true;
    }
    if (IsKw(i + 1, di::kCouple)) {
      *value = 2;
      *end = IsKw(i + 2, di::kOf) ? i + 3 : i + 2;
      return true;
    }
    const Lex* nx = L(i + 1);
    if (nx && (nx->number == 12 || nx->number == 100)) {
      *value = nx->number;
      *end = i + 2;
      return true;
    }
    *value = 1;
    *end = i + 1;
    return true;
  }
  if (l->kw == di::kCouple && IsKw(i + 1, di::kOf)) {  // "the next couple of"
    *value = 2;
    *end = i + 2;
    return true;
  }
  if (l->kw == di::kFew || l->kw == di::kSeveral || l->kw == di::kMany ||
      l->kw == di::kSome) {
    *value = -2;
    *end = i + 1;
    return true;
  }
  if (l->number < 0) return false;
  int v = l->number;
  int j = i + 1;
  if (v >= 20 && v < 100 && v % 10 == 0) {
    int k = j;
    if (IsDash(k) && Tight(k)) ++k;
    const Lex* nx = L(k);
    if (nx && nx->number >= 1 && nx->number <= 9) {
      v += nx->number;
      j = k + 1;
    }
  }
  if (v < 100) {
    const Lex* nx = L(j);
    if (nx && nx->number == 100) {
      v *= 100;
      ++j;
    }
  }
  *value = v;
  *end = j;
  return true;
}

// A day of the month: 1..31 with an optional ordinal suffix.
bool Matcher::DayNum(int i, int* day, int* end) const {
  if (i < n_ && t_[i].kind == TokKind::kWord) {
    // "first", "eighth", "twenty-fourth"
    const Lex* l = L(i);
    if (l == nullptr) return false;
    int v = 0, j = i + 1;
    if (l->ordinal) {
      v = l->ordinal;
    } else if (l->number == 20 || l->number == 30) {
      int k = j;
      if (IsDash(k) && Tight(k)) ++k;
      if (L(k) && L(k)->ordinal >= 1 && L(k)->ordinal <= 9) {
        v = l->number + L(k)->ordinal;
        j = k + 1;
      }
    }
    if (v < 1 || v > 31) return false;
    *day = v;
    *end = j;
    return true;
  }
  if (!IsNum(i) || t_[i].digits > 2 || GluedLeft(i)) return false;
  const int v = t_[i].num;
  if (v < 1 || v > 31) return false;
  int j = i + 1;
  if (IsKw(j, di::kSt) && Tight(j)) ++j;
  // Not a clock time or decimal.
  if ((IsP(j, ':') || IsP(j, '.')) && IsNum(j + 1) && Tight(j + 1)) {
    return false;
  }
  if (j == i + 1 && j < n_ && Tight(j) && t_[j].kind == TokKind::kWord) {
    return false;  // "3pm", "5km"
  }
  *day = v;
  *end = j;
  return true;
}

// A four-digit year. `loose`: accept 1000..2199 without a cue word.
bool Matcher::YearAt(int i, int* year, int* end, bool loose) const {
  if (!IsNum(i) || t_[i].digits != 4 || GluedLeft(i)) return false;
  const int v = t_[i].num;
  if (v < 1000 || v > 2199) return false;
  const int j = i + 1;
  if (j < n_ && Tight(j)) {
    const Tok& nx = t_[j];
    if (nx.kind == TokKind::kWord || nx.kind == TokKind::kNumber) return false;
    if ((nx.punct == '.' || nx.punct == ',' || nx.punct == ':') &&
        IsNum(j + 1) && Tight(j + 1)) {
      return false;
    }
    if (nx.punct == '%') return false;
    // Part of a malformed numeric date ("2024-13-01", "2012-1400").
    if ((nx.punct == '-' || nx.punct == '/') && IsNum(j + 1) && Tight(j + 1) &&
        t_[j + 1].digits != 4) {
      return false;
    }
  }
  // "32 August 2014"
  if (L(i - 1) && L(i - 1)->month && IsNum(i - 2) && t_[i - 2].digits <= 2) {
    const absl::CivilDay cd(v, L(i - 1)->month, t_[i - 2].num);
    if (cd.day() != t_[i - 2].num) return false;
  }
  // The year of an impossible date ("February 29, 2014", "June 31, 2022").
  if (IsP(i - 1, ',') && IsNum(i - 2) && t_[i - 2].digits <= 2 && L(i - 3) &&
      L(i - 3)->month) {
    const absl::CivilDay cd(v, L(i - 3)->month, t_[i - 2].num);
    if (cd.day() != t_[i - 2].num) return false;
  }
  if (i > 0) {
    const Tok& pv = t_[i - 1];
    if (pv.kind == TokKind::kPunct &&
        (pv.punct == '$' || pv.punct == '#' || pv.punct == '.' ||
         pv.punct == ',' || pv.punct == '/' || pv.punct == ':') &&
        !pv.space_before && !t_[i].space_before && i > 1 &&
        t_[i - 2].kind == TokKind::kNumber) {
      return false;
    }
    if (pv.kind == TokKind::kPunct && (pv.punct == '$' || pv.punct == '#')) {
      return false;
    }
  }
  if (!loose) {
    if (v < 1800 || v > 2100) {
      const int kw = Kw(i - 1);
      if (kw != di::kIn && kw != di::kSince && kw != di::kOf && kw != di::kBy &&
          kw != di::kFrom && kw != di::kUntil && kw != di::kDuring &&
          kw != di::kBefore && kw != di::kAfter && kw != di::kFiscal &&
          !(L(i - 1) && L(i - 1)->unit == di::kYear)) {
        return false;
      }
    }
    // "2000 people", "1961 votes": a plain lower-case noun follows.
    const Lex* nl = L(j);
    if (j < n_ && t_[j].kind == TokKind::kWord && !t_[j].upper &&
        (nl == nullptr || nl->unit != di::kNoUnit)) {
      std::string_view w = Str(j);
      if (nl != nullptr || (w.size() > 2 && (w.back() | 0x20) == 's')) {
        return false;
      }
    }
  }
  *year = v;
  *end = j;
  return true;
}

// A two-digit year after a month or a month and day: "'98" anywhere, a
// bare "98" only where nothing but punctuation (or the text end) follows,
// so that "Aug 9 96 people" is no year. 50..99 are 19xx, 00..49 20xx.
// `late` (right after a month): a bare number must be 50..99, else it is a
// day or an impossible one.
bool Matcher::ShortYear(int i, int* year, int* end, bool late) const {
  int j = i;
  const bool apos = IsApos(j) && IsNum(j + 1) && Tight(j + 1);
  if (apos) ++j;
  if (!IsNum(j) || t_[j].digits != 2 || (!apos && GluedLeft(j))) return false;
  // "August 32" is an impossible date, not 2032.
  if (!apos && late && t_[j].num < 50) return false;
  const int k = j + 1;
  if (k < n_ && Tight(k) &&
      (t_[k].kind != TokKind::kPunct || IsP(k, '%') ||
       ((IsP(k, '.') || IsP(k, ',') || IsP(k, ':') || IsDash(k) ||
         IsP(k, '/')) &&
        IsNum(k + 1) && Tight(k + 1)))) {
    return false;
  }
  if (!apos && k < n_ && t_[k].kind != TokKind::kPunct) return false;
  if (!apos && k < n_ && IsDash(k)) return false;  // "Aug 9 96 - 97"
  const int v = t_[j].num;
  *year = v < 50 ? 2000 + v : 1900 + v;
  *end = k;
  return true;
}

// The far end of a range starting at `k` ("- 22 August 2012", "to
// December, 2022", "- tenth, 2010"): a dash or "to"/"through"/"until",
// then days, a month and a year. Gives the month (0 if none) and year (-1
// if none); false when `k` starts no such range or it names neither.
bool Matcher::RangeTail(int k, int* month, int* year) const {
  if (!(IsDash(k) || IsKw(k, di::kTo) || IsKw(k, di::kUntil) ||
        (k < n_ && Str(k) == "through"))) {
    return false;
  }
  *month = 0;
  *year = -1;
  for (int j = k + 1; j < n_ && j <= k + 7; ++j) {
    int y, e;
    if (YearAt(j, &y, &e, true)) {
      *year = y;
      break;
    }
    const Lex* l = L(j);
    if (l && l->month && *month == 0) {
      *month = l->month;
    } else if (IsP(j, ',') || IsP(j, '.') || IsKw(j, di::kSt) ||
               (IsNum(j) && t_[j].digits <= 2) || (l && l->ordinal)) {
      continue;
    } else if (!(l && l->month)) {
      break;
    }
  }
  return *month > 0 || *year >= 0;
}

bool Matcher::MonthAt(int i, int* month, int* end) const {
  const Lex* l = L(i);
  if (l == nullptr || l->month == 0) return false;
  const Tok& tk = t_[i];
  int j = i + 1;
  if (l->month_abbrev) {
    if (!tk.upper) return false;
    if (IsP(j, '.') && Tight(j)) {
      ++j;
    } else if (!(IsNum(j) && t_[j].space_before) &&
               !((IsDash(j) || IsP(j, '/')) && Tight(j) && IsNum(j + 1)) &&
               !((IsDash(i - 1) || IsP(i - 1, '/')) && Tight(i) &&
                 IsNum(i - 2))) {
      return false;
    }
  } else if (l->month == 5 || l->month == 3) {
    // "may" and "march" are also verbs.
    const int pk = Kw(i - 1);
    if (!tk.upper && pk != di::kOf) return false;
    const bool cue = pk == di::kIn || pk == di::kOf || pk == di::kSince ||
                     pk == di::kUntil || pk == di::kBy || pk == di::kLast ||
                     pk == di::kNext || pk == di::kThis || pk == di::kEarly ||
                     pk == di::kLate || pk == di::kMid || pk == di::kDuring ||
                     pk == di::kBefore || pk == di::kAfter || pk == di::kFrom ||
                     pk == di::kEach || pk == di::kEvery || pk == di::kEnd ||
                     pk == di::kBeginning || (IsDash(i - 1) && Tight(i));
    const bool num_after = (IsNum(j) && t_[j].num >= 1 &&
                            (t_[j].num <= 31 || t_[j].digits == 4)) ||
                           (L(j) && L(j)->ordinal);
    const bool day_before =
        i > 0 && (t_[i - 1].kind == TokKind::kNumber || IsKw(i - 1, di::kSt) ||
                  (L(i - 1) && L(i - 1)->ordinal));
    const bool alone = bare_ && tk.upper && n_ <= 2;  // "May" as a phrase
    if (!cue && !num_after && !day_before && !alone) return false;
  }
  *month = l->month;
  *end = j;
  return true;
}

// ------------------------------------------------------------ dates

bool Matcher::MonthExpr(int i, Hit* h) const {
  int rel = 0;
  if (IsKw(i, di::kLast) || IsKw(i, di::kPast) || IsKw(i, di::kPrevious)) {
    rel = -1;
  } else if (IsKw(i, di::kNext) || IsKw(i, di::kComing)) {
    rel = 1;
  } else if (IsKw(i, di::kThis)) {
    rel = 2;
  }
  int m, j;
  if (rel != 0) {
    if (!MonthAt(i + 1, &m, &j)) return false;
    int d, k;
    if (DayNum(j, &d, &k)) return false;
    h->type = TimeType::kDate;
    h->end = j;
    if (!known_) {
      h->value = absl::StrFormat("XXXX-%02d", m);
      return true;
    }
    int64_t y = day_.year();
    const int rm = day_.month();
    if (rel == -1 && m >= rm) --y;
    if (rel == 1 && m <= rm) ++y;
    h->value = absl::StrFormat("%s-%02d", YearV(y, ky_), m);
    return true;
  }
  if (!MonthAt(i, &m, &j)) return false;
  // "32 August", "August 32": not dates at all.
  if (IsNum(i - 1) && t_[i - 1].digits <= 2 && !IsP(i - 2, '/') &&
      (t_[i - 1].num < 1 || t_[i - 1].num > 31 ||
       absl::CivilDay(2000, m, t_[i - 1].num).month() != m)) {
    return false;
  }
  // "29 February 2014": impossible in the year that follows.
  if (IsNum(i - 1) && t_[i - 1].digits <= 2 && IsNum(j) && t_[j].digits == 4 &&
      absl::CivilDay(t_[j].num, m, t_[i - 1].num).month() != m) {
    return false;
  }
  int sy1, se1;
  if (IsNum(j) && t_[j].digits <= 2 && !ShortYear(j, &sy1, &se1, true) &&
      (t_[j].num < 1 || absl::CivilDay(2000, m, t_[j].num).month() != m)) {
    return false;
  }
  int d, k;
  h->type = TimeType::kDate;
  int jd = j;
  if ((IsDash(j) || IsP(j, '/')) && Tight(j) && Tight(j + 1)) jd = j + 1;
  if (IsKw(jd, di::kThe) && ((L(jd + 1) && L(jd + 1)->ordinal) ||
                             (IsNum(jd + 1) && IsKw(jd + 2, di::kSt)))) {
    ++jd;
  }
  int sy0, se0;
  if (DayNum(jd, &d, &k) &&
      !(IsNum(k) && t_[k].digits <= 2 && !ShortYear(k, &sy0, &se0, true))) {
    // Month Day [, Year]
    int y, e;
    int c = IsP(k, ',') ? k + 1 : k;
    if ((IsDash(k) || IsP(k, '/')) && Tight(k) && Tight(k + 1)) c = k + 1;
    if (IsNum(c) && t_[c].digits == 4 &&
        absl::CivilDay(t_[c].num, m, d).day() != d) {
      return false;  // "February 29, 2023"
    }
    if (YearAt(c, &y, &e, true) || ShortYear(c, &y, &e, false)) {
      const absl::CivilDay cd(y, m, d);
      if (cd.month() != m) return false;
      h->value = DayV(cd, true);
      h->end = e;
    } else {
      const absl::CivilDay cd(2000, m, d);  // leap year: validates the day
      if (cd.month() != m) return false;
      int m2, y2;
      if (RangeTail(k, &m2, &y2) && y2 >= 0) {
        // "May 8 - 10, 2010", "Aug 10 - Nov 12, 2013": the end's year.
        const absl::CivilDay rd(y2 - (m2 > 0 && m > m2 ? 1 : 0), m, d);
        if (rd.month() != m) return false;
        h->value = DayV(rd, true);
      } else {
        h->value = ResolveMonthDay(m, d, Tense(i, k - 1));
      }
      h->end = k;
    }
    h->is_day = true;
    return true;
  }
  int y, e;
  int c = IsP(j, ',') ? j + 1 : (IsKw(j, di::kOf) ? j + 1 : j);
  if (IsDash(j) && Tight(j) && Tight(j + 1)) c = j + 1;  // "Sep-2012"
  if (YearAt(c, &y, &e, true) || ShortYear(c, &y, &e, true)) {
    h->value = absl::StrFormat("%04d-%02d", y, m);
    h->end = e;
    return true;
  }
  if (Hit wy; WordYear(c, &wy)) {
    h->value = absl::StrFormat("%s-%02d", wy.value, m);
    h->end = wy.end;
    return true;
  }
  // "September last year", "September of last year", "June this year".
  c = IsKw(j, di::kOf) ? j + 1 : j;
  if ((IsKw(c, di::kLast) || IsKw(c, di::kThis) || IsKw(c, di::kNext)) &&
      L(c + 1) && L(c + 1)->unit == di::kYear && !L(c + 1)->plural) {
    const int k2 = IsKw(c, di::kLast) ? -1 : IsKw(c, di::kNext) ? 1 : 0;
    h->value = known_
                   ? absl::StrFormat("%s-%02d", YearV(day_.year() + k2, ky_), m)
                   : absl::StrFormat("XXXX-%02d", m);
    h->end = c + 2;
    return true;
  }
  int m2, y2;
  if (RangeTail(j, &m2, &y2) && m2 > 0 && (y2 >= 0 || (known_ && ky_))) {
    // "from May to December, 2022"; "from December to May 2020" starts in
    // 2019; without a year the end month is resolved first.
    if (y2 < 0) {
      y2 = std::atoi(ResolveMonth(m2, Tense(i, j - 1)).c_str());
    }
    h->value = absl::StrFormat("%04d-%02d", y2 - (m > m2 ? 1 : 0), m);
  } else {
    h->value = ResolveMonth(m, Tense(i, j - 1));
  }
  h->end = j;
  return true;
}

bool Matcher::DayFirstExpr(int i, Hit* h) const {
  int d, j;
  if (!DayNum(i, &d, &j)) return false;
  const bool word = t_[i].kind == TokKind::kWord;
  bool of = false;
  if (IsKw(j, di::kOf)) {
    ++j;
    of = true;
  } else if ((IsDash(j) || IsP(j, '/')) && Tight(j) && Tight(j + 1)) {
    ++j;  // "10-August-2012", "06/Nov/2023"
  } else if (L(j) && L(j)->unit == di::kDay && !L(j)->plural &&
             IsKw(j + 1, di::kOf)) {
    j += 2;  // "the 20th day of next month"
    of = true;
  }
  h->type = TimeType::kDate;
  h->takes_the = true;
  int m, k;
  int moff, mend;
  {
    // "10 - 22 August 2012", "eighth to eleventh May 2010": the start of a
    // range of days takes the month (and year) of its end.
    int m2, y2;
    if (!of && !MonthAt(j, &m, &k) && !IsDash(j - 1) &&
        RangeTail(j, &m2, &y2) && m2 > 0 && (!word || y2 >= 0)) {
      if (absl::CivilDay(2000, m2, d).month() != m2) return false;
      h->end = j;
      h->is_day = true;
      if (y2 >= 0) {
        h->value = DayV(absl::CivilDay(y2, m2, d), true);
      } else {
        h->value = ResolveMonthDay(m2, d, Tense(i, j - 1));
      }
      return true;
    }
  }
  if (of && RelMonth(j, &moff, &mend)) {
    // "the 20th of next month"
    h->end = mend;
    if (!known_) {
      h->value = absl::StrFormat("XXXX-XX-%02d", d);
      return true;
    }
    const absl::CivilMonth mm = absl::CivilMonth(day_) + moff;
    const absl::CivilDay c(mm.year(), mm.month(), d);
    if (c.day() != d) return false;
    h->value = DayV(c, ky_);
    h->is_day = true;
    return true;
  }
  if (!MonthAt(j, &m, &k)) {
    // "on the 15th": a day of the current month (or the one next to it).
    if (word || of || !(IsKw(i - 1, di::kThe) || IsKw(i - 1, di::kOn)) ||
        !IsKw(i + 1, di::kSt) || (j < n_ && t_[j].kind == TokKind::kWord)) {
      return false;
    }
    h->end = j;
    if (!known_) {
      h->value = absl::StrFormat("XXXX-XX-%02d", d);
      return true;
    }
    Dir dir = Tense(i, j - 1);
    if (dir == kNone && bare_) dir = kFwd;  // "the 1st": the coming one
    const absl::CivilMonth cm(day_);
    absl::CivilDay best;
    bool found = false;
    for (int k2 = -1; k2 <= 1; ++k2) {
      const absl::CivilMonth mm = cm + k2;
      const absl::CivilDay c(mm.year(), mm.month(), d);
      if (c.day() != d) continue;
      const int64_t diff = c - day_;
      if ((dir == kBack && diff > 0) || (dir == kFwd && diff < 0)) continue;
      if (!found || std::llabs(diff) < std::llabs(best - day_)) {
        best = c;
        found = true;
      }
    }
    if (!found) return false;
    h->value = DayV(best, ky_);
    h->is_day = true;
    return true;
  }
  if (word && !of) return false;  // "first May" is not a date
  const absl::CivilDay probe(2000, m, d);
  if (probe.month() != m) return false;
  int y, e;
  int c = IsP(k, ',') ? k + 1 : k;
  if ((IsDash(k) || IsP(k, '/')) && Tight(k) && Tight(k + 1)) c = k + 1;
  h->is_day = true;
  // "29 February 2014": a year that makes the date impossible makes no
  // date at all (not the nearest leap year's).
  if (IsNum(c) && t_[c].digits == 4 && !GluedLeft(c) &&
      absl::CivilDay(t_[c].num, m, d).month() != m) {
    return false;
  }
  if (YearAt(c, &y, &e, true) || ShortYear(c, &y, &e, false)) {
    const absl::CivilDay cd(y, m, d);
    if (cd.month() != m) return false;
    h->value = DayV(cd, true);
    h->end = e;
    return true;
  }
  if (int m2, y2; RangeTail(k, &m2, &y2) && y2 >= 0) {
    // "10 August - 12 September 2013"
    const absl::CivilDay rd(y2 - (m2 > 0 && m > m2 ? 1 : 0), m, d);
    if (rd.month() != m) return false;
    h->value = DayV(rd, true);
    h->end = k;
    return true;
  }
  h->value = ResolveMonthDay(m, d, Tense(i, k - 1));
  h->end = k;
  return true;
}

int Matcher::RelativeCue(int* j) const {
  int rel = 0;
  if (IsKw(*j, di::kLast) || IsKw(*j, di::kPast) || IsKw(*j, di::kPrevious)) {
    rel = -1;
  } else if (IsKw(*j, di::kNext) || IsKw(*j, di::kComing)) {
    rel = 1;
  } else if (IsKw(*j, di::kThis)) {
    rel = 2;
  }
  if (rel != 0) ++*j;
  return rel;
}

bool Matcher::WeekdayExpr(int i, Hit* h) const {
  int j = i;
  int rel = RelativeCue(&j);  // -1 last, +1 next/coming, 2 this
  if (rel == 2) {
    if (IsKw(j, di::kComing)) {
      rel = 1;
      ++j;
    } else if (IsKw(j, di::kPast)) {
      rel = -1;
      ++j;
    }
  }
  const Lex* l = L(j);
  if (l == nullptr || l->weekday == 0) return false;
  std::string_view w = Str(j);
  int k = j + 1;
  if (w.size() <= 5 && (w.size() < 6 || !l->plural) && !(w.size() >= 6)) {
    // Abbreviations ("Tue.", "Thurs.", "Fri, Jul 18") need a period or a
    // date after them, and a capital unless a period follows.
    if (IsP(k, '.') && Tight(k)) {
      ++k;
    } else if (bare_ && rel == 0 && j == i && k >= n_ && !IsNum(i - 1)) {
      // "fri" as a whole phrase
    } else if (!t_[j].upper || !(IsP(k, ',') && L(k + 1) && L(k + 1)->month)) {
      return false;
    }
  }
  const int wd = l->weekday;
  h->type = TimeType::kDate;
  if (l->plural) {
    if (rel != 0) return false;
    h->type = TimeType::kSet;
    h->value = absl::StrCat("XXXX-WXX-", wd);
    const Lex* p = L(k);
    if (p && p->pod) {
      absl::StrAppend(&h->value, "T", PodCode(p->pod));
      ++k;
    }
    h->end = k;
    return true;
  }
  // "Tuesday, Sept. 13[, 2023]" gives the date outright; without a year,
  // the year whose Sept. 13 is a Tuesday.
  {
    int c = IsP(k, ',') ? k + 1 : k;
    Hit md;
    if ((MonthExpr(c, &md) || DayFirstExpr(c, &md)) && md.is_day) {
      h->value = md.value;
      h->end = md.end;
      h->is_day = true;
      int yy, ye;
      bool has_year = false;
      for (int q = c; q < md.end; ++q) has_year |= YearAt(q, &yy, &ye, true);
      absl::CivilDay wdd;
      const int mo =
          md.value.size() >= 10 ? std::atoi(md.value.c_str() + 5) : 0;
      const int dd =
          md.value.size() >= 10 ? std::atoi(md.value.c_str() + 8) : 0;
      if (!has_year && mo > 0 && WeekdayNear(wd, mo, dd, false, &wdd)) {
        h->value = DayV(wdd, true);
      }
      AttachTime(h);
      return true;
    }
    // "Tuesday the 19th", "Tuesday 19th"
    int c2 = IsKw(c, di::kThe) ? c + 1 : c;
    int dd, de;
    if (rel == 0 && IsNum(c2) && DayNum(c2, &dd, &de) &&
        (IsKw(c2 + 1, di::kSt) || c2 > c) && !(L(de) && L(de)->month)) {
      absl::CivilDay wdd;
      if (WeekdayNear(wd, 0, dd, true, &wdd)) {
        h->value = DayV(wdd, true);
        h->end = de;
        h->is_day = true;
        AttachTime(h);
        return true;
      }
    }
  }
  // "Friday after next": the one of next week.
  if (rel == 0 && IsKw(k, di::kAfter) && IsKw(k + 1, di::kNext) && known_ &&
      ky_ && !(L(k + 2) && L(k + 2)->unit)) {
    const absl::CivilDay monday = day_ - (IsoWeekday(day_) - 1) + 7;
    h->value = DayV(monday + (wd - 1), true);
    h->end = k + 2;
    h->is_day = true;
    return true;
  }
  // "Wednesday of next week", "Sunday last week", "last week's Sunday"
  {
    int c = k;
    if (IsKw(c, di::kOf) || IsKw(c, di::kFrom)) ++c;
    int wk = 2;
    if (IsKw(c, di::kThis)) wk = 0;
    if (IsKw(c, di::kNext)) wk = 1;
    if (IsKw(c, di::kLast)) wk = -1;
    if (rel == 0 && wk != 2 && L(c + 1) && L(c + 1)->unit == di::kWeek &&
        !L(c + 1)->plural && known_ && ky_) {
      const absl::CivilDay monday = day_ - (IsoWeekday(day_) - 1) + 7 * wk;
      h->value = DayV(monday + (wd - 1), true);
      h->end = c + 2;
      h->is_day = true;
      AttachTime(h);
      return true;
    }
  }
  if ((rel == 2 || rel == 1) && known_ && ky_ && !l->plural) {
    // "this Saturday": the coming one, or the one of this week when the
    // clause looks back ("said this Monday"); "next Saturday": the one of
    // next week.
    const absl::CivilDay monday =
        day_ - (IsoWeekday(day_) - 1) + (rel == 1 ? 7 : 0);
    if (rel == 2 && Tense(i, k - 1) != kBack) {
      h->value = DayV(day_ + (wd - IsoWeekday(day_) + 7) % 7, true);
    } else {
      h->value = DayV(monday + (wd - 1), true);
    }
    h->is_day = true;
    h->end = k;
    const Lex* pp = L(k);
    if (pp && pp->pod && !pp->plural) {
      h->type = TimeType::kTime;
      absl::StrAppend(&h->value, "T", PodCode(pp->pod));
      h->end = k + 1;
      h->is_day = false;
      AttachPodTime(h, pp->pod);
      return true;
    }
    AttachTime(h);
    return true;
  }
  // "the previous Friday": the one before the last day the text named.
  absl::CivilDay anchor;
  if (IsKw(i, di::kPrevious) && IsKw(i - 1, di::kThe) && AnchorDay(&anchor)) {
    const int back = (IsoWeekday(anchor) - wd + 7) % 7;
    h->value = DayV(anchor - (back == 0 ? 7 : back), true);
    h->is_day = true;
    h->takes_the = true;
    h->end = k;
    AttachTime(h);
    return true;
  }
  Dir dir = kNone;
  bool strict = false;
  if (rel == -1) {
    dir = kBack;
    strict = true;
  } else if (rel == 1) {
    dir = kFwd;
    strict = true;
  } else {
    dir = Tense(i, k - 1);
  }
  absl::CivilDay d;
  const bool resolved = WeekdayDay(wd, dir, strict, &d);
  h->value = resolved ? DayV(d, true) : absl::StrCat("XXXX-WXX-", wd);
  h->is_day = resolved;
  h->end = k;
  const Lex* p = L(k);
  if (p && p->pod && !p->plural) {
    h->type = TimeType::kTime;
    absl::StrAppend(&h->value, "T", PodCode(p->pod));
    h->end = k + 1;
    h->is_day = false;
    AttachPodTime(h, p->pod);
    return true;
  }
  if (h->is_day) AttachTime(h);
  return true;
}

// "2024-06-17", "06/17/2024", "6/17", "17/06/2024".
bool Matcher::NumericDate(int i, Hit* h) const {
  if (!IsNum(i) || GluedLeft(i)) return false;
  const Tok& a = t_[i];
  auto sep = [&](int k, char c) {
    return IsP(k, c) && Tight(k) && Tight(k + 1);
  };
  h->type = TimeType::kDate;
  h->is_day = true;
  // A whole phrase "2/15", "2 - 15": month and day (in running text a dash
  // between small numbers is a score or a range).
  if (bare_ && i == 0 && n_ == 3 && a.digits <= 2 &&
      (IsDash(i + 1) || IsP(i + 1, '/')) && IsNum(i + 2) &&
      t_[i + 2].digits <= 2 && a.num >= 1 && a.num <= 12 &&
      t_[i + 2].num >= 1 &&
      absl::CivilDay(2000, a.num, t_[i + 2].num).day() == t_[i + 2].num) {
    h->value = ResolveMonthDay(a.num, t_[i + 2].num, kNone);
    h->end = i + 3;
    return true;
  }
  if (a.digits == 4 &&
      (sep(i + 1, '-') || sep(i + 1, '/') || sep(i + 1, '.')) && IsNum(i + 2) &&
      t_[i + 2].digits <= 2) {
    const char c = t_[i + 1].punct;
    const int y = a.num, m = t_[i + 2].num;
    if (m < 1 || m > 12) return false;
    if (sep(i + 3, c) && IsNum(i + 4) && t_[i + 4].digits <= 2) {
      const int d = t_[i + 4].num;
      const absl::CivilDay cd(y, m, d);
      if (cd.month() != m || cd.day() != d) return false;
      if (i + 5 < n_ && Tight(i + 5) && t_[i + 5].kind == TokKind::kNumber) {
        return false;
      }
      h->value = DayV(cd, true);
      h->end = i + 5;
      return true;
    }
    if (c == '.') return false;  // "2015.5" is a number
    if (c == '-' && t_[i + 2].digits == 2) {
      h->value = absl::StrFormat("%04d-%02d", y, m);
      h->end = i + 3;
      h->is_day = false;
      return true;
    }
    return false;
  }
  // "9/2012": a month.
  if (a.digits <= 2 && sep(i + 1, '/') && IsNum(i + 2) &&
      t_[i + 2].digits == 4 && a.num >= 1 && a.num <= 12 &&
      !(i + 3 < n_ && Tight(i + 3) && t_[i + 3].kind != TokKind::kPunct) &&
      !(IsP(i + 3, '/') && Tight(i + 3))) {
    h->value = absl::StrFormat("%04d-%02d", t_[i + 2].num, a.num);
    h->end = i + 3;
    h->is_day = false;
    return true;
  }
  if (a.digits <= 2 &&
      (sep(i + 1, '/') || sep(i + 1, '-') ||
       (sep(i + 1, '.') && sep(i + 3, '.') && IsNum(i + 4) &&
        t_[i + 4].digits == 4)) &&
      IsNum(i + 2) && t_[i + 2].digits <= 2) {
    const char c = t_[i + 1].punct;
    int m = a.num, d = t_[i + 2].num;
    if (m > 12 && d <= 12) std::swap(m, d);  // day first
    if (m < 1 || m > 12 || d < 1 || d > 31) return false;
    if (sep(i + 3, c) && IsNum(i + 4) &&
        (t_[i + 4].digits == 4 || t_[i + 4].digits == 2)) {
      int y = t_[i + 4].num;
      if (t_[i + 4].digits == 2) y += y < 50 ? 2000 : 1900;
      const absl::CivilDay cd(y, m, d);
      if (cd.month() != m || cd.day() != d) return false;
      h->value = DayV(cd, true);
      h->end = i + 5;
      return true;
    }
    if (c != '/') return false;  // "3-1" is a score
    if (i > 0 && t_[i - 1].kind == TokKind::kNumber) return false;  // 2 1/2
    if (const Lex* nl = L(i + 3); nl && (nl->unit || nl->number >= 0)) {
      return false;
    }
    if (IsP(i + 3, '/') ||
        (i + 3 < n_ && Tight(i + 3) && !IsP(i + 3, ',') && !IsP(i + 3, '.'))) {
      return false;
    }
    const absl::CivilDay probe(2000, m, d);
    if (probe.month() != m) return false;
    h->value = ResolveMonthDay(m, d, Tense(i, i + 2));
    h->end = i + 3;
    return true;
  }
  return false;
}

// "1961", "fiscal 1989", "the 1990s", "'90s", "1990's".
bool Matcher::YearExpr(int i, Hit* h) const {
  int j = i;
  bool fiscal = false;
  if (IsKw(j, di::kFiscal)) {
    fiscal = true;
    ++j;
  }
  int y, e;
  if (!YearAt(j, &y, &e, fiscal)) {
    // Decade with a glued "s": the year check refused the glued word.
    return false;
  }
  h->type = TimeType::kDate;
  h->value = Year4(y);
  h->end = e;
  // A financial report's "the 1988 quarter", "the 1989 period": that
  // year's quarter of the one being reported.
  if (!fiscal && known_ && IsKw(i - 1, di::kThe) && e < n_ &&
      ((L(e) && L(e)->unit == di::kQuarter && !L(e)->plural) ||
       Str(e) == "period") &&
      QuarterContext(i)) {
    const int q = ((day_.month() - 1) / 3 + ReportQuarter(i) + 8) % 4 + 1;
    h->value = absl::StrFormat("%04d-Q%d", y, q);
    h->end = e + 1;
    h->takes_the = true;
  }
  return true;
}

bool Matcher::DecadeExpr(int i, Hit* h) const {
  // "the nineties": the latest such decade that begins at most five years
  // after the reference's year (the 1900s when it is unknown).
  if (const Lex* l = L(i); l && l->decade && !IsKw(i - 1, di::kA)) {
    if (!IsKw(i - 1, di::kThe) && !IsKw(i - 1, di::kMid) &&
        !IsKw(i - 1, di::kEarly) && !IsKw(i - 1, di::kLate) &&
        !(IsDash(i - 1) && Tight(i))) {
      return false;
    }
    const int64_t ry = known_ && ky_ ? day_.year() : 1999;
    int64_t start = ry / 100 * 100 + 10 * l->decade;
    if (start > ry + 5) start -= 100;
    h->type = TimeType::kDate;
    h->value = absl::StrFormat("%03d", start / 10);
    h->end = i + 1;
    h->takes_the = true;
    return true;
  }
  // "1990s", "1990's"
  if (IsNum(i) && t_[i].digits == 4 && !GluedLeft(i)) {
    const int v = t_[i].num;
    int j = i + 1;
    if (IsApos(j) && Tight(j)) ++j;
    if (v % 10 == 0 && v >= 1000 && v < 2200 && j < n_ && Tight(j) &&
        Str(j) == "s") {
      h->type = TimeType::kDate;
      h->value = absl::StrFormat("%03d", v / 10);
      h->end = j + 1;
      h->takes_the = true;
      return true;
    }
    return false;
  }
  // "'90s"
  if (IsApos(i) && IsNum(i + 1) && Tight(i + 1) && t_[i + 1].digits == 2 &&
      t_[i + 1].num % 10 == 0 && i + 2 < n_ && Tight(i + 2) &&
      Str(i + 2) == "s") {
    const int v = t_[i + 1].num;
    int century = 19;
    if (known_ && ky_ && 2000 + v <= day_.year()) century = 20;
    h->type = TimeType::kDate;
    h->value = absl::StrFormat("%02d%d", century, v / 10);
    h->end = i + 3;
    h->takes_the = true;
    return true;
  }
  return false;
}

// "the 20th century", "the 1800s" (handled by decades), "this century".
bool Matcher::CenturyExpr(int i, Hit* h) const {
  int ord = 0;
  int j = i;
  if (const Lex* l = L(i); l && l->ordinal) {
    ord = l->ordinal;
    j = i + 1;
  } else if (IsNum(i) && t_[i].digits <= 2 && IsKw(i + 1, di::kSt) &&
             Tight(i + 1)) {
    ord = t_[i].num;
    j = i + 2;
  }
  if (ord < 1 || ord > 30) return false;
  if (IsDash(j) && Tight(j)) ++j;
  const Lex* u = L(j);
  if (u == nullptr || u->unit != di::kCentury_ || u->plural) return false;
  h->type = TimeType::kDate;
  h->value = absl::StrFormat("%02d", ord - 1);
  h->end = j + 1;
  h->takes_the = true;
  return true;
}

// "the third quarter [of 2024]", "third-quarter", "Q3 2024", "the first
// half", "the 1988 second quarter".
bool Matcher::QuarterExpr(int i, Hit* h) const {
  int j = i;
  int year = -1;
  int y, e;
  // "this year's third quarter", "last year's quarter"
  if ((IsKw(j, di::kThis) || IsKw(j, di::kLast) || IsKw(j, di::kNext)) &&
      L(j + 1) && L(j + 1)->unit == di::kYear && !L(j + 1)->plural &&
      IsApos(j + 2) && j + 3 < n_ && Str(j + 3) == "s" && known_ && ky_) {
    const int k = IsKw(j, di::kLast) ? -1 : IsKw(j, di::kNext) ? 1 : 0;
    const Lex* u = L(j + 4);
    if (u && u->unit == di::kQuarter && !u->plural) {
      if (k == 0) return false;
      h->type = TimeType::kDate;
      h->end = j + 5;
      h->value = Shifted(di::kQuarter, ReportQuarter(i) + 4 * k);
      return true;
    }
    year = static_cast<int>(day_.year()) + k;
    j += 4;
  } else if (IsNum(j) && t_[j].digits == 4 && YearAt(j, &y, &e, true)) {
    year = y;
    j = e;
  } else if (IsNum(j) && (t_[j].digits == 4 || t_[j].digits == 2) &&
             !GluedLeft(j) && IsKw(j + 1, di::kQ) && Tight(j + 1) &&
             IsNum(j + 2) && Tight(j + 2)) {
    year = t_[j].digits == 2 ? 2000 + t_[j].num : t_[j].num;  // "18q4"
    j = j + 1;
  }
  if (IsKw(j, di::kFiscal)) ++j;
  int q = 0;
  bool half = false;
  bool hyphen = false;
  if (IsKw(j, di::kQ) && IsNum(j + 1) && Tight(j + 1) && t_[j + 1].num >= 1 &&
      t_[j + 1].num <= 4 && t_[j + 1].digits == 1) {
    q = t_[j + 1].num;
    j += 2;
  } else {
    int ord = 0;
    if (const Lex* l = L(j); l && l->ordinal) {
      ord = l->ordinal;
      ++j;
    } else if (IsKw(j, di::kLast) && IsKw(j + 1, di::kHalf)) {
      ord = 2;
      ++j;
    } else if (IsNum(j) && t_[j].digits == 1 && IsKw(j + 1, di::kSt) &&
               Tight(j + 1)) {
      ord = t_[j].num;
      j += 2;
    } else {
      return false;
    }
    if (IsDash(j) && Tight(j)) {
      ++j;
      hyphen = true;
    }
    if (IsKw(j, di::kFiscal)) ++j;
    if (IsKw(j, di::kHalf) && ord <= 2) {
      half = true;
      q = ord;
      ++j;
    } else if (L(j) && L(j)->unit == di::kQuarter && !L(j)->plural &&
               ord <= 4) {
      q = ord;
      ++j;
    } else {
      return false;
    }
  }
  if (year < 0) {
    int c = IsKw(j, di::kOf) ? j + 1 : j;
    if (IsP(c, ',')) ++c;
    if (YearAt(c, &y, &e, true)) {
      year = y;
      j = e;
    }
  }
  h->type = TimeType::kDate;
  // "the third quarter" but not "the third-quarter (results)".
  h->takes_the = !hyphen || year >= 0;
  h->end = j;
  const char code = half ? 'H' : 'Q';
  if (year >= 0) {
    h->value = absl::StrFormat("%04d-%c%d", year, code, q);
    return true;
  }
  if (!known_) {
    h->value = absl::StrFormat("XXXX-%c%d", code, q);
    return true;
  }
  const int per = half ? 2 : 4;
  const int64_t cur = day_.year() * per + (day_.month() - 1) / (12 / per);
  const int64_t idx =
      PickNear(cur, day_.year() * per + q - 1, per, Tense(i, j - 1), 1);
  h->value = absl::StrFormat("%s-%c%d", YearV(idx / per, ky_), code, q);
  return true;
}

// "last fall", "this summer", "spring 2024", "the winter of 1994".
bool Matcher::SeasonExpr(int i, Hit* h) const {
  int j = i;
  int rel = 0;
  bool cue = false;
  if (IsKw(j, di::kLast) || IsKw(j, di::kPrevious)) {
    rel = -1;
    ++j;
  } else if (IsKw(j, di::kPast)) {
    rel = -2;
    ++j;
  } else if (IsKw(j, di::kNext) || IsKw(j, di::kComing)) {
    rel = 1;
    ++j;
  } else if (IsKw(j, di::kThis)) {
    rel = 2;
    ++j;
    if (IsKw(j, di::kPast)) {
      rel = -2;
      ++j;
    } else if (IsKw(j, di::kComing)) {
      rel = 1;
      ++j;
    }
  } else {
    const int pk = Kw(i - 1);
    cue = pk == di::kThe || pk == di::kIn || pk == di::kDuring ||
          pk == di::kEarly || pk == di::kLate || pk == di::kOf ||
          pk == di::kSince || pk == di::kUntil || pk == di::kBy ||
          (IsDash(i - 1) && Tight(i));
  }
  const Lex* l = L(j);
  if (l == nullptr || l->season == 0 || l->plural) return false;
  const int s = l->season;
  ++j;
  int y, e;
  int c = IsKw(j, di::kOf) ? j + 1 : j;
  h->type = TimeType::kDate;
  h->takes_the = true;
  if (rel == 0 && YearAt(c, &y, &e, true)) {
    h->value = absl::StrFormat("%04d-%s", y, SeasonCode(s));
    h->end = e;
    return true;
  }
  if (Hit wy; rel == 0 && WordYear(c, &wy)) {
    h->value = absl::StrCat(wy.value, "-", SeasonCode(s));
    h->end = wy.end;
    return true;
  }
  if (rel == 0 && !cue) return false;
  h->end = j;
  if (!known_) {
    h->value = absl::StrCat("XXXX-", SeasonCode(s));
    return true;
  }
  // Seasons as a cycle; winter belongs to the year of its December.
  const int m = day_.month();
  const int cur_s = m >= 3 && m <= 5    ? 1
                    : m >= 6 && m <= 8  ? 2
                    : m >= 9 && m <= 11 ? 3
                                        : 4;
  const int64_t cur_y = m <= 2 ? day_.year() - 1 : day_.year();
  const int64_t cur = cur_y * 4 + cur_s - 1;
  int64_t idx;
  if (rel == -1) {
    // TimeBank reads "last spring" as the previous year's.
    idx = (day_.year() - 1) * 4 + s - 1;
  } else if (rel == -2) {
    // "this past spring", "the past winter": the latest one before the
    // current season.
    idx = cur - 1;
    while ((idx % 4 + 4) % 4 != s - 1) --idx;
  } else if (rel == 1) {
    idx = cur + 1;
    while ((idx % 4 + 4) % 4 != s - 1) ++idx;
  } else if (rel == 2) {
    idx = cur_y * 4 + s - 1;
  } else {
    idx = PickNear(cur, cur_y * 4 + s - 1, 4, Tense(i, j - 1), 1);
  }
  const int64_t sy = idx >= 0 ? idx / 4 : (idx - 3) / 4;
  h->value = absl::StrFormat("%s-%s", YearV(sy, ky_), SeasonCode(s));
  return true;
}

// "last month", "next year", "this week", "the past year", "the coming week",
// "last weekend", "the current quarter", "the latest quarter".
bool Matcher::RelativeExpr(int i, Hit* h) const {
  int k;
  switch (Kw(i)) {
    case di::kLast:
    case di::kPrevious:
    case di::kPast:
      k = -1;
      break;
    case di::kNext:
    case di::kComing:
    case di::kFollowing:
    case di::kUpcoming:
      k = 1;
      break;
    case di::kThis:
    case di::kCurrent:
      k = 0;
      break;
    default:
      return false;
  }
  int j = i + 1;
  if (IsKw(i, di::kThis) && IsKw(j, di::kPast)) {
    k = -1;
    ++j;
  } else if (IsKw(i, di::kThis) && IsKw(j, di::kComing)) {
    k = 1;
    ++j;
  }
  if (IsKw(j, di::kFiscal)) ++j;
  const Lex* u = L(j);
  if (u == nullptr || u->unit == di::kNoUnit || u->plural) return false;
  const Unit unit = static_cast<Unit>(u->unit);
  if (unit < di::kDay) return false;
  if (unit == di::kDay && k != 0) return false;  // "the next day": anaphoric
  h->type = TimeType::kDate;
  h->takes_the = true;
  h->end = j + 1;
  if (unit == di::kDecade || unit == di::kCentury_) {
    if (k == 0) {
      h->value = Shifted(unit, 0);
    } else {
      h->type = TimeType::kDuration;
      h->value = unit == di::kDecade ? "P10Y" : "P100Y";
    }
    return true;
  }
  h->value = Shifted(unit, k);
  if (unit == di::kDay) h->is_day = true;
  // "last week's Sunday": that day of that ISO week.
  if (unit == di::kWeek && known_ && ky_ && IsApos(j + 1) && j + 2 < n_ &&
      Str(j + 2) == "s" && L(j + 3) && L(j + 3)->weekday && !L(j + 3)->plural) {
    const absl::CivilDay monday = day_ - (IsoWeekday(day_) - 1) + 7 * k;
    h->value = DayV(monday + (L(j + 3)->weekday - 1), true);
    h->end = j + 4;
    h->is_day = true;
  }
  return true;
}

// today, yesterday, tomorrow, tonight, now, currently, recently, soon,
// "the future", "the past", "this morning", "last night".
bool Matcher::DeicticExpr(int i, Hit* h) const {
  h->type = TimeType::kDate;
  h->end = i + 1;
  const int kw = Kw(i);
  auto day = [&](int k) {
    return known_ ? DayV(day_ + k, ky_) : std::string("XXXX-XX-XX");
  };
  int dk = 0;
  switch (kw) {
    case di::kToday:
      dk = 0;
      break;
    case di::kYesterday:
      dk = -1;
      break;
    case di::kTomorrow:
      dk = 1;
      break;
    case di::kTonight:
      h->type = TimeType::kTime;
      h->value = day(0) + "TNI";
      AttachPodTime(h, 4);
      return true;
    case di::kNow:
      if (IsKw(i - 1, di::kFrom)) return false;
      h->value = "PRESENT_REF";
      return true;
    case di::kCurrently:
      h->value = "PRESENT_REF";
      return true;
    case di::kRecently:
      h->value = "PAST_REF";
      if (IsKw(i - 1, di::kMore) && Tight(i) == false) {
        // "more recently" is one expression; the caller starts at "more".
      }
      return true;
    case di::kNear:
      if (!IsKw(i + 1, di::kFuture)) return false;
      h->value = "FUTURE_REF";
      h->takes_the = true;
      h->end = i + 2;
      return true;
    case di::kFuture:
      if (!IsKw(i - 1, di::kThe) && !IsKw(i - 1, di::kNear)) return false;
      h->value = "FUTURE_REF";
      h->takes_the = true;
      return true;
    case di::kPast: {
      // "the past" alone; "the past three years" is a duration.
      if (!IsKw(i - 1, di::kThe)) return false;
      const Lex* nx = L(i + 1);
      if (IsNum(i + 1) ||
          (nx && (nx->unit || nx->number >= 0 || nx->kw == di::kFew ||
                  nx->kw == di::kSeveral))) {
        return false;
      }
      h->value = "PAST_REF";
      h->takes_the = true;
      return true;
    }
    case di::kThis: {
      const Lex* p = L(i + 1);
      if (p == nullptr || p->pod == 0 || p->plural) return false;
      h->type = TimeType::kTime;
      h->value = day(0) + "T" + PodCode(p->pod);
      h->end = i + 2;
      AttachPodTime(h, p->pod);
      return true;
    }
    case di::kLast: {
      const Lex* p = L(i + 1);
      if (p == nullptr || p->pod != 4 || p->plural) return false;
      h->type = TimeType::kTime;
      h->value = day(-1) + "TNI";
      h->end = i + 2;
      AttachPodTime(h, 4);
      return true;
    }
    default:
      return false;
  }
  h->value = day(dk);
  h->is_day = known_;
  const Lex* p = L(i + 1);
  if (p && p->pod && !p->plural) {
    h->type = TimeType::kTime;
    h->value += absl::StrCat("T", PodCode(p->pod));
    h->end = i + 2;
    h->is_day = false;
    AttachPodTime(h, p->pod);
    return true;
  }
  if (known_) AttachTime(h);
  return true;
}

// ------------------------------------------------------------ durations

std::string DurationValue(Unit u, int n) {
  if (n == -2) {
    switch (u) {
      case di::kSecond:
        return "PTXS";
      case di::kMinute:
        return "PTXM";
      case di::kHour:
        return "PTXH";
      case di::kDay:
        return "PXD";
      case di::kWeek:
      case di::kFortnight:
        return "PXW";
      case di::kWeekend:
        return "PXWE";
      case di::kMonth:
        return "PXM";
      case di::kQuarter:
        return "PXQ";
      case di::kYear:
        return "PXY";
      case di::kDecade:
        return "PXDE";
      case di::kCentury_:
        return "PXCE";
      default:
        return "PX";
    }
  }
  switch (u) {
    case di::kSecond:
      return absl::StrCat("PT", n, "S");
    case di::kMinute:
      return absl::StrCat("PT", n, "M");
    case di::kHour:
      return absl::StrCat("PT", n, "H");
    case di::kDay:
      return absl::StrCat("P", n, "D");
    case di::kWeek:
      return absl::StrCat("P", n, "W");
    case di::kFortnight:
      return absl::StrCat("P", 2 * n, "W");
    case di::kWeekend:
      return absl::StrCat("P", n, "WE");
    case di::kMonth:
      return absl::StrCat("P", n, "M");
    case di::kQuarter:
      return absl::StrCat("P", n, "Q");
    case di::kYear:
      return absl::StrCat("P", n, "Y");
    case di::kDecade:
      return absl::StrCat("P", 10 * n, "Y");
    case di::kCentury_:
      return absl::StrCat("P", 100 * n, "Y");
    default:
      return "PX";
  }
}

// An ISO 8601 duration from (unit, count) parts, largest unit first:
// P1Y2DT3H4S. Counts may be decimal ("1.5").
// The next smaller unit and how many of it make one `u` (0: none exact).
int LowerUnit(Unit u, Unit* lower) {
  switch (u) {
    case di::kYear:
      *lower = di::kMonth;
      return 12;
    case di::kWeek:
      *lower = di::kDay;
      return 7;
    case di::kDay:
      *lower = di::kHour;
      return 24;
    case di::kHour:
      *lower = di::kMinute;
      return 60;
    case di::kMinute:
      *lower = di::kSecond;
      return 60;
    default:
      return 0;
  }
}

// "1.5" hours as 1 hour and 30 minutes when the fraction is a whole number
// of the next smaller unit (TimeML writes "PT1H30M", "P2Y6M"); otherwise
// the decimal stays.
void SplitFraction(Unit u, const std::string& c,
                   std::vector<std::pair<Unit, std::string>>* out) {
  const size_t dot = c.find('.');
  Unit lower;
  const int factor = dot == std::string::npos ? 0 : LowerUnit(u, &lower);
  if (factor > 0 && c.size() - dot - 1 <= 3) {
    int whole = 0, frac = 0, scale = 1;
    bool digits = dot > 0;
    for (size_t k = 0; k < dot; ++k) {
      digits &= c[k] >= '0' && c[k] <= '9';
      whole = whole * 10 + (c[k] - '0');
    }
    for (size_t k = dot + 1; k < c.size(); ++k) {
      digits &= c[k] >= '0' && c[k] <= '9';
      frac = frac * 10 + (c[k] - '0');
      scale *= 10;
    }
    if (digits && (frac * factor) % scale == 0) {
      if (whole > 0) out->emplace_back(u, absl::StrCat(whole));
      if (frac > 0) {
        out->emplace_back(lower, absl::StrCat(frac * factor / scale));
      }
      return;
    }
  }
  out->emplace_back(u, c);
}

std::string FormatDuration(
    const std::vector<std::pair<Unit, std::string>>& in) {
  std::vector<std::pair<Unit, std::string>> parts;
  for (const auto& [u, c] : in) SplitFraction(u, c, &parts);
  auto times = [](const std::string& c, int k) {
    int v = 0;
    for (char ch : c) {
      if (ch < '0' || ch > '9') return absl::StrCat(c, "x", k);  // not used
      v = v * 10 + (ch - '0');
    }
    return absl::StrCat(v * k);
  };
  std::string date = "P", time;
  for (const auto& [u, c] : parts) {
    const bool integral = c.find('.') == std::string::npos;
    switch (u) {
      case di::kSecond:
        absl::StrAppend(&time, c, "S");
        break;
      case di::kMinute:
        absl::StrAppend(&time, c, "M");
        break;
      case di::kHour:
        absl::StrAppend(&time, c, "H");
        break;
      case di::kDay:
        absl::StrAppend(&date, c, "D");
        break;
      case di::kWeek:
        absl::StrAppend(&date, c, "W");
        break;
      case di::kFortnight:
        absl::StrAppend(&date, integral ? times(c, 2) : c + "x2", "W");
        break;
      case di::kWeekend:
        absl::StrAppend(&date, c, "WE");
        break;
      case di::kMonth:
        absl::StrAppend(&date, c, "M");
        break;
      case di::kQuarter:
        absl::StrAppend(&date, c, "Q");
        break;
      case di::kYear:
        absl::StrAppend(&date, c, "Y");
        break;
      case di::kDecade:
        absl::StrAppend(&date, integral ? times(c, 10) : c,
                        integral ? "Y" : "DE");
        break;
      case di::kCentury_:
        absl::StrAppend(&date, integral ? times(c, 100) : c,
                        integral ? "Y" : "CE");
        break;
      default:
        break;
    }
  }
  if (!time.empty()) absl::StrAppend(&date, "T", time);
  return date;
}

// "20 years", "nine months", "the past three years", "two-year", "a decade",
// "two weeks ago" (a date), "24 hours", "several days", "recent weeks".
bool Matcher::DurationExpr(int i, Hit* h) const {
  int j = i;
  int rel = 0;  // 1: past/last/first/next/coming...; used for "the"
  const int kw0 = Kw(j);
  if (kw0 == di::kPast || kw0 == di::kLast || kw0 == di::kNext ||
      kw0 == di::kComing || kw0 == di::kPrevious || kw0 == di::kFollowing ||
      kw0 == di::kRecent || kw0 == di::kLatest ||
      (L(j) && L(j)->ordinal == 1)) {
    rel = 1;
    ++j;
  }
  int n = 0, e = j;
  const Lex* u = nullptr;
  bool hyphen = false;
  const bool article = IsKw(j, di::kA) || IsKw(j, di::kAn);
  if (article && rel == 0 && j > 0) {
    // "$5 a day", "twice a year", "10% a year": rates, not durations.
    const Tok& pv = t_[j - 1];
    if (pv.kind == TokKind::kNumber ||
        (pv.kind == TokKind::kPunct && pv.punct == '%')) {
      return false;
    }
    if (pv.kind == TokKind::kWord) {
      const std::string_view w = Str(j - 1);
      if (w == "once" || w == "twice" || w == "times" || w == "per" ||
          w == "cents" || w == "dollars" || w == "percent" || w == "hours" ||
          w == "days") {
        return false;
      }
    }
  }
  std::string count;   // decimal count ("1.5"), else empty
  bool ahead = false;  // "the weeks ahead"
  if (IsNum(j) && !GluedLeft(j) && IsP(j + 1, '.') && Tight(j + 1) &&
      IsNum(j + 2) && Tight(j + 2) && t_[j].digits <= 3 &&
      t_[j + 2].digits <= 2) {
    count = absl::StrCat(t_[j].num, ".", AsAbsl(Str(j + 2)));
    n = t_[j].num;
    e = j + 3;
    u = L(e);
  } else if (Number(j, &n, &e) && !(IsNum(j) && t_[j].digits >= 4)) {
    // "2 1/2 years", "5 3/4 hours"
    if (n >= 0 && IsNum(j) && IsNum(e) && !Tight(e) && IsP(e + 1, '/') &&
        Tight(e + 1) && IsNum(e + 2) && Tight(e + 2) && L(e + 3) &&
        L(e + 3)->unit) {
      const int a = t_[e].num, b = t_[e + 2].num;
      const char* frac = a == 1 && b == 2   ? ".5"
                         : a == 1 && b == 4 ? ".25"
                         : a == 3 && b == 4 ? ".75"
                                            : nullptr;
      if (frac != nullptr) {
        count = absl::StrCat(n, frac);
        e += 3;
      }
    }
    // "5 and a half minutes", "one and three quarters hours"
    if (n >= 0 && IsKw(e, di::kAnd)) {
      int c = e + 1;
      int quarters = 1;
      if (IsKw(c, di::kA) || IsKw(c, di::kAn)) {
        ++c;
      } else if (L(c) && L(c)->number >= 1 && L(c)->number <= 3) {
        quarters = L(c)->number;
        ++c;
      }
      const char* frac = nullptr;
      if (IsKw(c, di::kHalf)) {
        frac = ".5";
      } else if (L(c) && L(c)->unit == di::kQuarter) {
        frac = quarters == 1 ? ".25" : quarters == 2 ? ".5" : ".75";
      }
      if (frac != nullptr) {
        int k = c + 1;
        if (IsKw(k, di::kOf)) ++k;
        if (L(k) && L(k)->unit && L(k)->unit != di::kQuarter) {
          count = absl::StrCat(n, frac);
          e = k;
        }
      }
    }
    // "two more weeks", "2 additional minutes"
    if (n > 0 &&
        (IsKw(e, di::kMore) || Str(std::min(e, n_ - 1)) == "additional" ||
         Str(std::min(e, n_ - 1)) == "extra") &&
        e + 1 < n_ && L(e + 1) && L(e + 1)->unit) {
      ++e;
    }
    // "eight trading days", "five business days"
    if (n > 0 && e + 1 < n_ && L(e) == nullptr && L(e + 1) &&
        L(e + 1)->unit == di::kDay &&
        (Str(e) == "trading" || Str(e) == "business" || Str(e) == "working")) {
      ++e;
    }
    u = L(e);
    // "two-year", "10-year"
    if ((u == nullptr || u->unit == di::kNoUnit) && IsDash(e) && Tight(e) &&
        Tight(e + 1) && L(e + 1) && L(e + 1)->unit && !L(e + 1)->plural) {
      if (IsDash(e + 2) && Tight(e + 2) && Str(e + 3) == "old") return false;
      e = e + 1;
      u = L(e);
      hyphen = true;
    }
  } else if (rel == 1 && L(j) && L(j)->unit && L(j)->plural &&
             (kw0 == di::kRecent || kw0 == di::kComing || kw0 == di::kPast)) {
    n = -2;  // "recent weeks", "the coming hours"
    e = j;
    u = L(j);
    if (kw0 != di::kComing && (u->unit == di::kYear || u->unit == di::kDay)) {
      // TimeBank: "recent years", "past years", "recent days" → PAST_REF.
      h->type = TimeType::kDate;
      h->value = "PAST_REF";
      h->end = j + 1;
      h->takes_the = true;
      return true;
    }
  } else if (rel == 0 && L(j) && L(j)->unit && L(j)->plural &&
             (IsKw(j - 1, di::kFor) || IsKw(j - 1, di::kOver) ||
              IsKw(j - 1, di::kIn) || IsKw(j - 1, di::kWithin))) {
    n = -2;  // "for years"
    e = j;
    u = L(j);
  } else if (rel == 0 && L(j) && L(j)->unit && L(j)->plural &&
             L(j)->unit >= di::kDay && IsKw(j - 1, di::kThe) && j + 1 < n_ &&
             Str(j + 1) == "ahead") {
    n = -2;  // "the weeks ahead"
    e = j;
    u = L(j);
    ahead = true;
  } else {
    return false;
  }
  if (u == nullptr || u->unit == di::kNoUnit) return false;
  const Unit unit = static_cast<Unit>(u->unit);
  if (n == 1 && u->plural && count.empty()) return false;
  if (article && unit == di::kSecond) return false;  // "a second time"
  // "the past three years", "the first nine months", "the nine months";
  // not "the two-year (plan)".
  const bool the_ok = rel == 1 || ahead || (!hyphen && unit >= di::kMonth);
  if (n > 1 && !u->plural && !(IsDash(e - 1) && Tight(e))) {
    // "two year" occurs in speech; accept.
  }
  int end = ahead ? e + 2 : e + 1;
  std::string value;
  if (n == -2) {
    value = DurationValue(unit, n);
  } else {
    std::vector<std::pair<Unit, std::string>> parts;
    parts.emplace_back(unit, count.empty() ? absl::StrCat(n) : count);
    // "an hour and a half", "a year and a half", "one hour and half"
    if (count.empty() && IsKw(end, di::kAnd) && IsKw(end + 1, di::kA) &&
        IsKw(end + 2, di::kHalf)) {
      parts.back().second = absl::StrCat(n, ".5");
      end += 3;
    } else if (count.empty() && IsKw(end, di::kAnd) &&
               IsKw(end + 1, di::kHalf)) {
      parts.back().second = absl::StrCat(n, ".5");
      end += 2;
    } else if (count.empty() && unit == di::kHour) {
      // "1 hour thirty", "an hour and fifteen"
      int c = IsKw(end, di::kAnd) ? end + 1 : end;
      int m, me;
      if (L(c) && L(c)->number >= 10 && Number(c, &m, &me) && m < 60 &&
          !(L(me) && (L(me)->unit || L(me)->number >= 0))) {
        parts.emplace_back(di::kMinute, absl::StrCat(m));
        end = me;
      }
    }
    // "an hour and 45 minutes", "1 year, 2 days, 3 hours and 4 seconds"
    while (!hyphen) {
      int c = end;
      if (IsP(c, ',')) ++c;
      if (IsKw(c, di::kAnd)) ++c;
      int m, me;
      if (!Number(c, &m, &me) || m < 0 || L(me) == nullptr ||
          L(me)->unit == di::kNoUnit || L(me)->unit >= parts.back().first ||
          (m == 1 && L(me)->plural) || IsNum(me)) {
        break;
      }
      parts.emplace_back(static_cast<Unit>(L(me)->unit), absl::StrCat(m));
      end = me + 1;
    }
    value = FormatDuration(parts);
  }
  h->takes_the = the_ok;
  // "37 years old": an age, not a period of time.
  if (!hyphen && n != -2 && end < n_ && Str(end) == "old") return false;
  // "a year-earlier loss": "year-earlier" is the expression, not "a year".
  if (article && end == e + 1 && IsDash(end) && Tight(end) &&
      (IsKw(end + 1, di::kEarlier) || IsKw(end + 1, di::kAgo))) {
    return false;
  }
  // "a week or so ago"
  const bool or_so = rel == 0 && !hyphen && IsKw(end, di::kOr) &&
                     end + 1 < n_ && Str(end + 1) == "so" &&
                     (IsKw(end + 2, di::kAgo) || IsKw(end + 2, di::kEarlier));
  if (or_so) end += 2;
  // "two weeks ago", "a year earlier", "two years from now": points in
  // time. ("three days later" is anaphoric: the duration alone.)
  const int akw = Kw(end);
  const bool from_now = akw == di::kFrom && IsKw(end + 1, di::kNow);
  if (rel == 0 && !hyphen &&
      (akw == di::kAgo || akw == di::kEarlier || akw == di::kHence ||
       from_now)) {
    const int sign = (akw == di::kAgo || akw == di::kEarlier) ? -1 : 1;
    h->type = TimeType::kDate;
    h->end = from_now ? end + 2 : end + 1;
    if (or_so) h->mod = "APPROX";
    if (n == -2) {
      h->value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
      return true;
    }
    if (unit == di::kWeekend) return false;
    Unit vu = unit;
    int k = n;
    if (unit == di::kDecade) {
      vu = di::kYear;
      k = 10 * n;
    } else if (unit == di::kCentury_) {
      vu = di::kYear;
      k = 100 * n;
    } else if (unit == di::kFortnight) {
      vu = di::kDay;
      k = 14 * n;
    } else if (unit == di::kWeek) {
      // "two weeks ago" is the day (Duckling, chrono and half of TimeBank).
      vu = di::kDay;
      k = 7 * n;
    } else if (unit == di::kQuarter) {
      vu = di::kMonth;
      k = 3 * n;
    }
    if (vu <= di::kHour) h->type = TimeType::kTime;
    h->value = Shifted(vu, sign * k);
    // Financial news compares quarters: "a year ago" means that quarter.
    if (vu == di::kYear && k < 10 && QuarterContext(i)) {
      h->value = Shifted(di::kQuarter, sign * 4 * k + ReportQuarter(i));
    }
    return true;
  }
  h->type = TimeType::kDuration;
  h->value = value;
  h->end = end;
  return true;
}

// ------------------------------------------------------------ sets

bool Matcher::SetExpr(int i, Hit* h) const {
  const int kw = Kw(i);
  h->type = TimeType::kSet;
  h->end = i + 1;
  switch (kw) {
    case di::kDaily:
      h->value = "P1D";
      return true;
    case di::kWeekly:
      h->value = "P1W";
      return true;
    case di::kMonthly:
      h->value = "P1M";
      return true;
    case di::kAnnually:
      h->value = "P1Y";
      return true;
    case di::kHourly:
      h->value = "PT1H";
      return true;
    case di::kNightly:
      h->value = "XXXX-XX-XXTNI";
      return true;
    case di::kEvery:
    case di::kEach:
      break;
    default:
      return false;
  }
  int j = i + 1;
  int n = 1;
  if (IsKw(j, di::kOther)) {
    n = 2;
    ++j;
  } else {
    int v, e;
    if (IsNum(j) || (L(j) && L(j)->number > 1)) {
      if (Number(j, &v, &e) && v > 1 && L(e) && L(e)->unit && L(e)->plural) {
        n = v;
        j = e;
      }
    }
  }
  const Lex* l = L(j);
  if (l == nullptr) return false;
  if (l->unit && (n > 1 ? l->plural : !l->plural)) {
    h->value = DurationValue(static_cast<Unit>(l->unit), n);
    h->end = j + 1;
    return true;
  }
  if (l->weekday && !l->plural && n == 1) {
    h->value = absl::StrCat("XXXX-WXX-", l->weekday);
    h->end = j + 1;
    if (const Lex* p = L(j + 1); p && p->pod && !p->plural) {
      absl::StrAppend(&h->value, "T", PodCode(p->pod));
      ++h->end;
    }
    return true;
  }
  if (l->month && !l->month_abbrev && n == 1) {
    h->value = absl::StrFormat("XXXX-%02d", l->month);
    h->end = j + 1;
    return true;
  }
  if (l->pod && !l->plural && n == 1) {
    h->value = absl::StrCat("XXXX-XX-XXT", PodCode(l->pod));
    h->end = j + 1;
    return true;
  }
  if (l->season && !l->plural && n == 1) {
    h->value = absl::StrCat("XXXX-", SeasonCode(l->season));
    h->end = j + 1;
    return true;
  }
  return false;
}

// ------------------------------------------------------------ times

bool Matcher::ClockTime(int i, int* hour, int* minute, int* end) const {
  if (i < n_ && t_[i].kind == TokKind::kWord) {
    const int kw = Kw(i);
    if (kw == di::kNoon || kw == di::kMidday) {
      *hour = 12;
      *minute = 0;
      *end = i + 1;
      return true;
    }
    if (kw == di::kMidnight) {
      *hour = 24;
      *minute = 0;
      *end = i + 1;
      return true;
    }
    return false;
  }
  if (!IsNum(i) || t_[i].digits > 2 || GluedLeft(i)) return false;
  int hh = t_[i].num, mm = 0;
  int j = i + 1;
  bool colon = false;
  if ((IsP(j, ':') || (IsP(j, '.') && false)) && Tight(j) && IsNum(j + 1) &&
      Tight(j + 1) && t_[j + 1].digits == 2) {
    mm = t_[j + 1].num;
    if (mm > 59) return false;
    j += 2;
    colon = true;
    if (IsP(j, ':') && Tight(j) && IsNum(j + 1) && t_[j + 1].digits == 2) {
      j += 2;  // seconds, dropped
    }
  }
  // "16h00", "16h", "3h18": the 24-hour clock written with an "h".
  if (!colon && j < n_ && Tight(j) && Str(j) == "h" && hh <= 23 &&
      !(j + 1 < n_ && Tight(j + 1) && t_[j + 1].kind == TokKind::kWord)) {
    ++j;
    if (IsNum(j) && Tight(j) && t_[j].digits == 2) {
      mm = t_[j].num;
      if (mm > 59) return false;
      ++j;
    }
    *hour = hh;
    *minute = mm;
    *end = j;
    return true;
  }
  // am / pm
  int ampm = 0;
  const int kw = Kw(j);
  if (kw == di::kAm || kw == di::kPm) {
    ampm = kw == di::kAm ? 1 : 2;
    ++j;
    if (IsP(j, '.') && Tight(j) &&
        (j + 1 >= n_ || !t_[j + 1].upper || t_[j + 1].newline_before)) {
      // keep a final period only mid-sentence (rare); leave it otherwise
    }
  } else if ((kw == di::kA || kw == di::kLetterP) && IsP(j + 1, '.') &&
             Tight(j + 1) && IsKw(j + 2, di::kLetterM) && Tight(j + 2)) {
    ampm = kw == di::kA ? 1 : 2;
    j += 3;
    if (IsP(j, '.') && Tight(j)) ++j;
  } else if (kw == di::kOclockO && IsApos(j + 1) && IsKw(j + 2, di::kClock)) {
    j += 3;
    ampm = 3;
  }
  // "6 in the morning", "10 at night", "3 o'clock in the afternoon",
  // "8 tonight", "8 this evening"
  if (ampm == 0 || ampm == 3) {
    const Lex* p = nullptr;
    int after = j;
    if (IsKw(j, di::kIn) && IsKw(j + 1, di::kThe)) {
      p = L(j + 2);
      after = j + 3;
    } else if (IsKw(j, di::kAt) && L(j + 1) && L(j + 1)->pod == 4) {
      p = L(j + 1);
      after = j + 2;
    } else if (IsKw(j, di::kThis) && L(j + 1) && L(j + 1)->pod) {
      p = L(j + 1);
      after = j + 2;
    }
    static const Lex kNight = [] {
      Lex l;
      l.pod = 4;
      return l;
    }();
    if (IsKw(j, di::kTonight)) {
      p = &kNight;
      after = j + 1;
    }
    if (p && p->pod && !p->plural && hh >= 1 && hh <= 12) {
      if (p->pod == 1 && hh == 12) hh = 0;
      if ((p->pod == 2 || p->pod == 3) && hh != 12) hh += 12;
      if (p->pod == 4 && hh >= 6 && hh != 12) hh += 12;  // "2 at night": 2:00
      j = after;
      ampm = 4;
    }
  }
  if (ampm == 0 && !colon) return false;
  if (ampm == 1 || ampm == 2) {
    if (hh < 1 || hh > 12) return false;
    if (ampm == 2 && hh != 12) hh += 12;
    if (ampm == 1 && hh == 12) hh = 0;
  } else if (hh > 23) {
    return false;
  }
  *hour = hh;
  *minute = mm;
  *end = j;
  return true;
}

// "3 p.m. EDT", "10:30", "noon Thursday", "5 p.m. EST, Nov. 9".
bool Matcher::TimeExpr(int i, Hit* h) const {
  int hh, mm, j;
  if (!ClockTime(i, &hh, &mm, &j)) return false;
  if (const Lex* z = L(j); z && z->tz >= 0 && t_[j].upper) ++j;
  // A following day: "Wednesday", "Nov. 9", "today", "on Tuesday".
  std::string day;
  int c = j;
  if (IsP(c, ',')) ++c;
  if (IsKw(c, di::kOn)) ++c;
  Hit d;
  const int kwc = Kw(c);
  if ((L(c) && L(c)->weekday && WeekdayExpr(c, &d) && d.is_day) ||
      (L(c) && L(c)->month && MonthExpr(c, &d) && d.is_day) ||
      ((kwc == di::kToday || kwc == di::kYesterday || kwc == di::kTomorrow) &&
       DeicticExpr(c, &d) && d.is_day)) {
    // The day expression may itself have absorbed a time; keep ours.
    day = d.value.substr(0, 10);
    j = d.end;
  } else if (absl::CivilDay a; i - anchor_end_ <= 150 && AnchorDay(&a)) {
    // "Friday ... at about 10:35 a.m.": the day named just before.
    day = DayV(a, true);
  } else if (known_) {
    // A short phrase ("at 3am") is an appointment: a time whose hour is
    // already past on the reference day is tomorrow's.
    const bool past = bare_ && ref_.has_time_of_day && hh < ref_.time.hour();
    day = DayV(day_ + (past ? 1 : 0), ky_);
  } else {
    day = "XXXX-XX-XX";
  }
  h->type = TimeType::kTime;
  h->value = absl::StrFormat("%sT%02d:%02d", day, hh, mm);
  h->end = j;
  return true;
}

// After a day ("Tuesday", "Sept. 13", "today"): "at 3 p.m.", ", 10:30".
void Matcher::AttachTime(Hit* h) const {
  int c = h->end;
  if (IsP(c, ',')) ++c;
  if (IsKw(c, di::kAt)) ++c;
  // ISO 8601 "2015-07-31T12:00:00"
  if (c == h->end && c < n_ && Tight(c) && Str(c).size() == 1 &&
      (Str(c)[0] | 0x20) == 't' && IsNum(c + 1) && Tight(c + 1)) {
    ++c;
  }
  int hh, mm, e;
  if (!ClockTime(c, &hh, &mm, &e)) return;
  if (const Lex* z = L(e); z && z->tz >= 0 && t_[e].upper) ++e;
  h->type = TimeType::kTime;
  h->value = absl::StrFormat("%sT%02d:%02d", h->value.substr(0, 10), hh, mm);
  h->end = e;
  h->is_day = false;
}

// After a day's part ("this morning", "Saturday night", value "...TMO"):
// "at 9", "@ 10", "at 10am", "at 8 o'clock" give the clock time; a bare
// hour in the afternoon, evening or night is after noon.
void Matcher::AttachPodTime(Hit* h, int pod) const {
  int c = h->end;
  if (!IsKw(c, di::kAt) && !IsP(c, '@')) return;
  ++c;
  int hh, mm, e;
  bool bare_hour = false;
  if (!ClockTime(c, &hh, &mm, &e)) {
    // A bare hour: not glued to a word ("10th") nor part of a number
    // ("10.5").
    if (!IsNum(c) || t_[c].digits > 2 || t_[c].num < 1 || t_[c].num > 12 ||
        (c + 1 < n_ && Tight(c + 1) &&
         (t_[c + 1].kind != TokKind::kPunct ||
          (IsNum(c + 2) && Tight(c + 2))))) {
      return;
    }
    hh = t_[c].num;
    mm = 0;
    e = c + 1;
    bare_hour = true;
  }
  if ((bare_hour || Kw(e - 1) == di::kClock) && hh < 12 &&
      (pod == 2 || pod == 3 || (pod == 4 && hh >= 6))) {
    hh += 12;
  }
  if (h->value.size() < 10) return;
  h->type = TimeType::kTime;
  h->value = absl::StrFormat("%sT%02d:%02d", h->value.substr(0, 10), hh, mm);
  h->end = e;
}

// "year-earlier", "year-ago"; "quarter"/"weekend" after "the" or "latest";
// "current".
bool Matcher::MiscExpr(int i, Hit* h) const {
  const Lex* l = L(i);
  if (l == nullptr) return false;
  h->type = TimeType::kDate;
  // "mid-afternoon (yesterday)": the part of that day, else of the
  // reference day.
  if (l->pod && !l->plural &&
      (IsKw(i - 1, di::kMid) || (IsDash(i - 1) && IsKw(i - 2, di::kMid)))) {
    h->type = TimeType::kTime;
    h->end = i + 1;
    int dk = 0;
    const int nk = Kw(i + 1);
    if (nk == di::kYesterday || nk == di::kToday || nk == di::kTomorrow) {
      dk = nk == di::kYesterday ? -1 : nk == di::kTomorrow ? 1 : 0;
      ++h->end;
    }
    h->value = absl::StrCat(known_ ? DayV(day_ + dk, ky_) : "XXXX-XX-XX", "T",
                            PodCode(l->pod));
    return true;
  }
  // "the full year" of a financial report: the reference's year.
  if (l->kw == di::kFull && L(i + 1) && L(i + 1)->unit == di::kYear &&
      !L(i + 1)->plural && IsKw(i - 1, di::kThe)) {
    h->end = i + 2;
    h->takes_the = true;
    h->value = Shifted(di::kYear, 0);
    return true;
  }
  // "the day before yesterday", "the day after tomorrow"
  if (l->unit == di::kDay && !l->plural &&
      ((IsKw(i + 1, di::kBefore) && IsKw(i + 2, di::kYesterday)) ||
       (IsKw(i + 1, di::kAfter) && IsKw(i + 2, di::kTomorrow)))) {
    h->end = i + 3;
    h->takes_the = true;
    h->is_day = known_;
    h->value = known_ ? DayV(day_ + (IsKw(i + 2, di::kTomorrow) ? 2 : -2), ky_)
                      : "XXXX-XX-XX";
    return true;
  }
  if (l->unit == di::kYear && !l->plural && IsDash(i + 1) && Tight(i + 1) &&
      (IsKw(i + 2, di::kEarlier) || IsKw(i + 2, di::kAgo))) {
    h->end = i + 3;
    h->value = QuarterContext(i) ? Shifted(di::kQuarter, ReportQuarter(i) - 4)
                                 : Shifted(di::kYear, -1);
    if (i + 3 < n_) {
      const Lex* nx = L(i + 3);
      if ((nx && nx->unit == di::kQuarter && !nx->plural) ||
          Str(i + 3) == "period") {
        h->end = i + 4;
        h->takes_the = true;
      }
    }
    return true;
  }
  if (l->unit == di::kYear && !l->plural && IsKw(i - 1, di::kThe) &&
      !IsP(i + 1, '-') && !IsKw(i + 1, di::kAgo) && !IsKw(i + 1, di::kBefore) &&
      !IsKw(i + 1, di::kAfter) && !IsNum(i + 1) &&
      !(L(i + 1) && L(i + 1)->number >= 0)) {
    // "the year ended Sept. 30" is a year-long (fiscal) period; otherwise
    // "the end of the year", "for the year", "earlier in the year" are the
    // reference's year (TimeBank).
    h->end = i + 1;
    h->takes_the = true;
    const std::string_view nx = i + 1 < n_ ? Str(i + 1) : std::string_view();
    if (nx == "ended" || nx == "ending") {
      h->type = TimeType::kDuration;
      h->value = "P1Y";
    } else {
      h->value = known_ ? YearV(day_.year(), ky_) : "XXXX";
    }
    return true;
  }
  if (l->unit == di::kYear && !l->plural && IsKw(i - 1, di::kThe)) {
    Hit y;
    int yy, e;
    if (YearAt(i + 1, &yy, &e, true)) {
      h->value = Year4(yy);
      h->end = e;
      h->takes_the = true;
      return true;
    }
    if (WordYear(i + 1, &y)) {
      h->value = y.value;
      h->end = y.end;
      h->takes_the = true;
      return true;
    }
  }
  // "the week of October 6th": the ISO week of that day.
  if (l->unit == di::kWeek && !l->plural && IsKw(i - 1, di::kThe) &&
      IsKw(i + 1, di::kOf)) {
    Hit d;
    if (((L(i + 2) && L(i + 2)->month && MonthExpr(i + 2, &d)) ||
         (IsNum(i + 2) && DayFirstExpr(i + 2, &d))) &&
        d.value.size() >= 10 && d.value[4] == '-' && d.value[0] != 'X') {
      const absl::CivilDay dd(std::atoi(d.value.c_str()),
                              std::atoi(d.value.c_str() + 5),
                              std::atoi(d.value.c_str() + 8));
      int wy, wn;
      IsoWeek(dd, &wy, &wn);
      h->value = absl::StrFormat("%04d-W%02d", wy, wn);
      h->end = d.end;
      h->takes_the = true;
      return true;
    }
  }
  int j = i;
  if (IsKw(j, di::kLatest)) ++j;
  const Lex* u = L(j);
  // "the latest period" in a financial report is its quarter.
  const bool period = j > i && j < n_ && Str(j) == "period";
  if (((u && u->unit == di::kQuarter && !u->plural) || period) &&
      (j > i || IsKw(i - 1, di::kThe)) && !IsKw(j + 1, di::kOf) &&
      !(IsDash(j + 1) && Tight(j + 1))) {
    h->end = j + 1;
    h->value = Shifted(di::kQuarter, ReportQuarter(i));
    h->takes_the = true;
    return true;
  }
  if (u && u->unit == di::kWeekend && !u->plural && j == i &&
      IsKw(i - 1, di::kThe)) {
    h->end = i + 1;
    h->takes_the = true;
    const int rwd = known_ ? IsoWeekday(day_) : 1;
    const Dir dir = Tense(i, i);
    int k = 0;
    if (dir == kBack && rwd < 6) k = -1;
    if (dir == kFwd && rwd == 7) k = 1;
    h->value = Shifted(di::kWeekend, k);
    return true;
  }
  if (l->kw == di::kCurrent && !(L(i + 1) && L(i + 1)->unit)) {
    h->end = i + 1;
    h->value = "PRESENT_REF";
    return true;
  }
  return false;
}

// "nineteen ninety-six", "two thousand (and) one" after a year cue.
bool Matcher::WordYear(int i, Hit* h) const {
  const Lex* l = L(i);
  if (l == nullptr || l->number < 0) return false;
  int a, e;
  if (!Number(i, &a, &e)) return false;
  int y = -1;
  int end = e;
  if (a >= 10 && a <= 20) {
    int b, e2;
    const Lex* nl = L(e);
    if (nl && nl->number >= 10 && Number(e, &b, &e2) && b >= 10 && b <= 99) {
      y = a * 100 + b;
      end = e2;
    }
  } else if (a >= 1 && a <= 2 && L(e) && L(e)->number == 1000) {
    const int pk = Kw(i - 1);
    const Lex* pl = L(i - 1);
    if (!(pk == di::kIn || pk == di::kSince || (pl && pl->unit == di::kYear) ||
          (pl && pl->month))) {
      return false;
    }
    y = a * 1000;
    end = e + 1;
    int c = IsKw(end, di::kAnd) ? end + 1 : end;
    int b, e2;
    if (L(c) && L(c)->number >= 1 && Number(c, &b, &e2) && b < 100) {
      y += b;
      end = e2;
    }
  }
  if (y < 1000) return false;
  h->type = TimeType::kDate;
  h->value = Year4(y);
  h->end = end;
  return true;
}

// The date nearest the reference that falls on weekday `wd` with day of
// month `day`: in month `month` of a nearby year, or (any_month) in a nearby
// month. False when none is within reach.
bool Matcher::WeekdayNear(int wd, int month, int day, bool any_month,
                          absl::CivilDay* out) const {
  if (!known_ || !ky_) return false;
  bool found = false;
  int64_t best = 0;
  const absl::CivilMonth cm(day_);
  for (int k = any_month ? -6 : -36; k <= (any_month ? 6 : 36); ++k) {
    const absl::CivilMonth mm = cm + k;
    if (!any_month && mm.month() != month) continue;
    const absl::CivilDay c(mm.year(), mm.month(), day);
    if (c.day() != day || IsoWeekday(c) != wd) continue;
    const int64_t dist = std::llabs(c - day_);
    if (!found || dist < best) {
      found = true;
      best = dist;
      *out = c;
    }
  }
  return found;
}

// "the first Tuesday of November", "last Monday of March 2014", "the last
// day of October".
bool Matcher::NthWeekdayExpr(int i, Hit* h) const {
  int nth = 0, j = i;
  if (IsKw(j, di::kLast)) {
    nth = -1;
  } else if (L(j) && L(j)->ordinal >= 1 && L(j)->ordinal <= 5) {
    nth = L(j)->ordinal;
  } else {
    return false;
  }
  ++j;
  const Lex* w = L(j);
  if (w == nullptr || w->plural) return false;
  const int wd = w->weekday;
  if (wd == 0 && w->unit != di::kDay) return false;
  ++j;
  if (!IsKw(j, di::kOf) && !IsKw(j, di::kIn)) return false;
  ++j;
  int m, k;
  int64_t year;
  int y, e;
  bool ky = true;
  int moff, mend;
  if (RelMonth(j, &moff, &mend)) {
    // "the first Monday of last month"
    if (!known_) return false;
    const absl::CivilMonth mm = absl::CivilMonth(day_) + moff;
    m = mm.month();
    year = mm.year();
    ky = ky_;
    k = mend;
  } else if (!MonthAt(j, &m, &k)) {
    return false;
  } else if (YearAt(IsP(k, ',') ? k + 1 : k, &y, &e, true)) {
    year = y;
    k = e;
  } else {
    if (!known_) {
      h->type = TimeType::kDate;
      h->value = absl::StrFormat("XXXX-%02d-XX", m);
      h->end = k;
      h->takes_the = true;
      return true;
    }
    const std::string v = ResolveMonth(m, Tense(i, k - 1));
    year = day_.year() + (v.compare(0, 4, YearV(day_.year(), true)) == 0
                              ? 0
                              : (v < YearV(day_.year(), true) ? -1 : 1));
    ky = ky_;
  }
  const absl::CivilDay first(year, m, 1);
  const absl::CivilDay last = absl::CivilDay(absl::CivilMonth(first) + 1) - 1;
  absl::CivilDay d;
  if (wd == 0) {
    if (nth != 1 && nth != -1) return false;
    d = nth == 1 ? first : last;
  } else if (nth > 0) {
    d = first + ((wd - IsoWeekday(first) + 7) % 7) + 7 * (nth - 1);
    if (d.month() != m) return false;
  } else {
    d = last - ((IsoWeekday(last) - wd + 7) % 7);
  }
  h->type = TimeType::kDate;
  h->value = DayV(d, ky);
  h->end = k;
  h->takes_the = true;
  h->is_day = true;
  return true;
}

bool Matcher::RelMonth(int j, int* offset, int* end) const {
  if (IsKw(j, di::kThe)) ++j;
  int k;
  switch (Kw(j)) {
    case di::kThis:
    case di::kCurrent:
      k = 0;
      break;
    case di::kNext:
    case di::kComing:
    case di::kFollowing:
      k = 1;
      break;
    case di::kLast:
    case di::kPrevious:
    case di::kPast:
      k = -1;
      break;
    default:
      return false;
  }
  const Lex* u = L(j + 1);
  if (u == nullptr || u->unit != di::kMonth || u->plural) return false;
  *offset = k;
  *end = j + 2;
  return true;
}

// "3 fridays from now", "two thursdays ago"
bool Matcher::WeekdaysCount(int i, Hit* h) const {
  int n, e;
  if (!Number(i, &n, &e) || n < 1 || n > 52) return false;
  const Lex* w = L(e);
  if (w == nullptr || w->weekday == 0 || !w->plural) return false;
  const bool ago =
      IsKw(e + 1, di::kAgo) || Str(std::min(e + 1, n_ - 1)) == "back";
  const bool from_now = IsKw(e + 1, di::kFrom) && IsKw(e + 2, di::kNow);
  if (!ago && !from_now) return false;
  h->type = TimeType::kDate;
  h->end = ago ? e + 2 : e + 3;
  absl::CivilDay d;
  if (!WeekdayDay(w->weekday, ago ? kBack : kFwd, true, &d)) {
    h->value = absl::StrCat("XXXX-WXX-", w->weekday);
    return true;
  }
  d += (ago ? -7 : 7) * (n - 1);
  h->value = DayV(d, true);
  h->is_day = true;
  return true;
}

// ------------------------------------------------------------ dispatch

// ------------------------------------------------------------ holidays

// Easter Sunday of year `y` (Gregorian computus).
absl::CivilDay EasterSunday(int64_t y) {
  const int64_t a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int64_t f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int64_t hh = (19 * a + b - d - g + 15) % 30;
  const int64_t i = c / 4, k = c % 4;
  const int64_t l = (32 + 2 * e + 2 * i - hh - k) % 7;
  const int64_t m = (a + 11 * hh + 22 * l) / 451;
  const int64_t month = (hh + l - 7 * m + 114) / 31;
  const int64_t day = (hh + l - 7 * m + 114) % 31 + 1;
  return absl::CivilDay(y, month, day);
}

// The `n`th weekday `wd` (ISO, 1 = Monday) of a month; n = -1 the last.
absl::CivilDay NthWeekdayOf(int64_t y, int month, int wd, int n) {
  if (n < 0) {
    const absl::CivilDay last = absl::CivilDay(y, month + 1, 1) - 1;
    return last - (IsoWeekday(last) - wd + 7) % 7;
  }
  const absl::CivilDay first(y, month, 1);
  return first + (wd - IsoWeekday(first) + 7) % 7 + 7 * (n - 1);
}

// The day of holiday `code` (with `eve` the day before) in year `y`.
absl::CivilDay HolidayDay(int code, int64_t y) {
  switch (code) {
    case 1:
      return absl::CivilDay(y, 12, 25);
    case 2:
      return absl::CivilDay(y, 1, 1);
    case 3:
      return NthWeekdayOf(y, 11, 4, 4);  // US: fourth Thursday of November
    case 4:
      return EasterSunday(y);
    case 5:
      return absl::CivilDay(y, 10, 31);
    case 6:
      return absl::CivilDay(y, 2, 14);
    case 7:
      return absl::CivilDay(y, 7, 4);
    case 8:
      return NthWeekdayOf(y, 9, 1, 1);  // US: first Monday of September
    case 9:
      return NthWeekdayOf(y, 5, 1, -1);  // US: last Monday of May
    case 10:
      return NthWeekdayOf(y, 5, 7, 2);  // US: second Sunday of May
    case 11:
      return NthWeekdayOf(y, 6, 7, 3);  // US: third Sunday of June
  }
  return absl::CivilDay(y, 1, 1);
}

// "Christmas", "Christmas Eve", "New Year's Day", "Thanksgiving (Day)",
// "Easter (Sunday|Monday)", "Halloween", "Valentine's Day", "Independence
// Day", "Labor Day", "Memorial Day", "Mother's Day", "Father's Day", with
// "last"/"next"/"this" before or a year after. Without a year, tense picks
// the occurrence as for weekdays: back the latest on or before the
// reference, forward the next on or after, no cue the closest (in a short
// phrase the coming one).
bool Matcher::HolidayExpr(int i, Hit* h) const {
  int j = i;
  const int rel = RelativeCue(&j);
  const Lex* l = L(j);
  if (l == nullptr || l->holiday == 0) return false;
  const int code = l->holiday;
  int k = j + 1;
  auto word = [&](int q, const char* w) {
    return q < n_ && t_[q].kind == TokKind::kWord &&
           absl::EqualsIgnoreCase(AsAbsl(Str(q)), w);
  };
  auto poss = [&](int q) {  // "'s" or a plain "s"-less form
    if (IsApos(q) && word(q + 1, "s")) return q + 2;
    return q;
  };
  int shift = 0;
  bool needs_day = code >= 6;  // "Valentine's Day", "Labor Day", ...
  if (code == 2) {
    // "New Year's Day", "New Year's Eve", "New Year's"
    if (!(L(k) && L(k)->unit == di::kYear && !L(k)->plural)) return false;
    k = poss(k + 1);
    if (k == j + 2 && !word(k, "day") && !word(k, "eve")) return false;
    needs_day = false;
  } else if (code == 6 || code == 10 || code == 11) {
    k = poss(k);
  }
  if (word(k, "day")) {
    ++k;
    needs_day = false;
  } else if (word(k, "eve") && (code == 1 || code == 2)) {
    ++k;
    shift = -1;
  } else if (code == 4 && L(k) && L(k)->weekday == 7) {
    ++k;
  } else if (code == 4 && L(k) && L(k)->weekday == 1) {
    ++k;
    shift = 1;  // Easter Monday
  }
  if (needs_day) return false;
  // A capital is needed in running text ("the new year's budget" aside).
  if (!t_[j].upper && !bare_) return false;
  if (code == 2 && shift == 0 && !word(k - 1, "day") && !bare_) {
    // "New Year's" alone: only before a holiday-like word or at a phrase end.
  }
  h->type = TimeType::kDate;
  h->is_day = true;
  int y, e;
  int c = IsKw(k, di::kOf) || IsP(k, ',') ? k + 1 : k;
  if (rel == 0 && YearAt(c, &y, &e, true)) {
    h->value = DayV(HolidayDay(code, y) + shift, true);
    h->end = e;
    return true;
  }
  h->end = k;
  if (!known_ || !ky_) {
    if (code == 1 || code == 2 || code == 5 || code == 6 || code == 7) {
      const absl::CivilDay d = HolidayDay(code, 2000) + shift;
      h->value = absl::StrFormat("XXXX-%02d-%02d", d.month(), d.day());
    } else {
      h->value = "XXXX-XX-XX";
      h->is_day = false;
    }
    return true;
  }
  Dir dir = rel == -1 ? kBack : rel == 1 ? kFwd : Tense(i, k - 1);
  if (rel == 0 && dir == kNone && bare_) dir = kFwd;
  const int64_t ry = day_.year();
  absl::CivilDay best = HolidayDay(code, ry) + shift;
  bool found = false;
  for (int64_t cy = ry - 1; cy <= ry + 1; ++cy) {
    const absl::CivilDay d = HolidayDay(code, cy) + shift;
    const int64_t diff = d - day_;
    if (rel == 2) {
      if (cy == ry) best = d;
      continue;
    }
    if ((dir == kBack && diff > 0) || (dir == kFwd && diff < 0)) continue;
    if (rel != 0 && diff == 0) continue;  // "last Christmas" on Christmas
    if (!found || std::llabs(diff) < std::llabs(best - day_)) {
      best = d;
      found = true;
    }
  }
  h->value = DayV(best, true);
  return true;
}

// "three days after Easter", "a year from Christmas" as a whole phrase:
// `dur` is the duration; its end is "after"/"before"/"from" and a day
// follows. In running text the two stay apart, as TimeML annotates them.
bool Matcher::ShiftedDate(int i, const Hit& dur, Hit* h) const {
  if (!bare_ || i != 0) return false;
  const int k = dur.end;
  int sign;
  if (IsKw(k, di::kAfter) || IsKw(k, di::kFrom)) {
    sign = 1;
  } else if (IsKw(k, di::kBefore)) {
    sign = -1;
  } else {
    return false;
  }
  // Only a plain count of one unit: "P3D", "P1Y", "P2W", "P6M".
  const std::string& v = dur.value;
  if (v.size() < 3 || v[0] != 'P' || !dur.mod.empty()) return false;
  int n = 0;
  size_t p = 1;
  while (p < v.size() && v[p] >= '0' && v[p] <= '9')
    n = n * 10 + (v[p++] - '0');
  if (p != v.size() - 1 || n <= 0 || n > 1000) return false;
  Hit d;
  const int dk = Kw(k + 1);
  if (!(HolidayExpr(k + 1, &d) || MonthExpr(k + 1, &d) ||
        DayFirstExpr(k + 1, &d) ||
        ((dk == di::kToday || dk == di::kTomorrow || dk == di::kYesterday) &&
         DeicticExpr(k + 1, &d))) ||
      !d.is_day || d.value.size() != 10 || d.value[0] == 'X' || d.end < n_) {
    return false;
  }
  absl::CivilDay day(std::atoi(d.value.c_str()), std::atoi(d.value.c_str() + 5),
                     std::atoi(d.value.c_str() + 8));
  switch (v.back()) {
    case 'D':
      day += sign * n;
      break;
    case 'W':
      day += sign * 7 * n;
      break;
    case 'M': {
      const absl::CivilMonth m = absl::CivilMonth(day) + sign * n;
      day = absl::CivilDay(m.year(), m.month(), day.day());
      break;
    }
    case 'Y':
      day = absl::CivilDay(day.year() + sign * n, day.month(), day.day());
      break;
    default:
      return false;
  }
  h->type = TimeType::kDate;
  h->value = DayV(day, true);
  h->end = d.end;
  h->is_day = true;
  return true;
}

// "that year", "that same day", "the following month": the period of the
// last date the text named (the anchor), shifted for "following". With no
// anchor of that grain, "that ..." is not taken and "the following ..."
// is left to RelativeExpr (from the reference).
bool Matcher::AnaphoricExpr(int i, Hit* h) const {
  const int kw = Kw(i);
  int k;
  if (kw == di::kThat) {
    k = 0;
  } else if (kw == di::kFollowing && IsKw(i - 1, di::kThe)) {
    k = 1;
  } else {
    return false;
  }
  int j = i + 1;
  if (k == 0 && j < n_ && Str(j) == "same") ++j;
  const Lex* u = L(j);
  if (u == nullptr || u->plural) return false;
  const std::string& a = anchor_;
  auto digits = [&](size_t from, size_t len) {
    if (a.size() < from + len) return false;
    for (size_t p = from; p < from + len; ++p) {
      if (a[p] < '0' || a[p] > '9') return false;
    }
    return true;
  };
  if (!digits(0, 4)) return false;
  const int y = std::atoi(a.c_str());
  const bool has_month = a.size() >= 7 && a[4] == '-' && digits(5, 2);
  const bool has_day = has_month && a.size() >= 10 && digits(8, 2);
  const int mo = has_month ? std::atoi(a.c_str() + 5) : 0;
  h->type = TimeType::kDate;
  h->takes_the = k == 1;
  h->end = j + 1;
  switch (u->unit) {
    case di::kYear:
      h->value = Year4(y + k);
      return true;
    case di::kMonth:
      if (!has_month) return false;
      h->value = MonthV(absl::CivilMonth(y, mo) + k, true);
      return true;
    case di::kQuarter: {
      int q = 0;
      if (a.size() >= 7 && a[4] == '-' && a[5] == 'Q' && digits(6, 1)) {
        q = a[6] - '0';
      } else if (has_month) {
        q = (mo - 1) / 3 + 1;
      }
      if (q < 1 || q > 4) return false;
      const int idx = y * 4 + q - 1 + k;
      h->value = absl::StrFormat("%04d-Q%d", idx / 4, idx % 4 + 1);
      return true;
    }
    case di::kDay: {
      if (!has_day) return false;
      h->value =
          DayV(absl::CivilDay(y, mo, std::atoi(a.c_str() + 8)) + k, true);
      h->is_day = true;
      return true;
    }
    case di::kWeek: {
      absl::CivilDay d;
      if (has_day) {
        d = absl::CivilDay(y, mo, std::atoi(a.c_str() + 8));
      } else if (a.size() == 8 && a[4] == '-' && a[5] == 'W' && digits(6, 2)) {
        // A week anchor ("2024-W10"): its Thursday.
        const int w = std::atoi(a.c_str() + 6);
        const absl::CivilDay jan4(y, 1, 4);
        d = jan4 - (IsoWeekday(jan4) - 1) + 7 * (w - 1) + 3;
      } else {
        return false;
      }
      int wy, wn;
      IsoWeek(d + 7 * k, &wy, &wn);
      h->value = absl::StrFormat("%04d-W%02d", wy, wn);
      return true;
    }
    default:
      return false;
  }
}

// Words that only ever serve as cues around an expression (prepositions,
// verbs of tense, "p" of "p.m."), never as its first word: no rule need
// be tried at them. They are the most frequent words in the lexicon.
bool OnlyACue(const Lex& l) {
  if (l.month || l.weekday || l.unit || l.number >= 0 || l.ordinal ||
      l.season || l.pod || l.holiday || l.decade) {
    return false;
  }
  switch (l.kw) {
    case di::kAnd:
    case di::kOr:
    case di::kTo:
    case di::kOf:
    case di::kIn:
    case di::kOn:
    case di::kAt:
    case di::kBy:
    case di::kFor:
    case di::kFrom:
    case di::kBefore:
    case di::kAfter:
    case di::kSince:
    case di::kDuring:
    case di::kUntil:
    case di::kThan:
    case di::kWill:
    case di::kLl:
    case di::kPastCue:
    case di::kFutureCue:
    case di::kIts:
    case di::kWithin:
    case di::kAgo:
    case di::kHence:
    case di::kSt:
    case di::kAm:
    case di::kPm:
    case di::kLetterA:
    case di::kLetterP:
    case di::kLetterM:
    case di::kOclockO:
    case di::kClock:
      return true;
    default:
      return false;
  }
}

// The point `dur` (a plain count of one unit: "P1W", "PT2H") after the
// reference: weeks and days give the day, months the month, years the
// year, hours and minutes the minute.
bool Matcher::InFuture(const Hit& dur, Hit* h) const {
  const std::string& v = dur.value;
  size_t p = 1;
  const bool time = v.size() > 2 && v[1] == 'T';
  if (time) ++p;
  int n = 0;
  const size_t digits = p;
  while (p < v.size() && v[p] >= '0' && v[p] <= '9' && n < 100000) {
    n = n * 10 + (v[p++] - '0');
  }
  if (p == digits || p + 1 != v.size() || n <= 0) return false;
  h->type = TimeType::kDate;
  switch (time ? v[p] + 256 : v[p]) {
    case 'D':
      h->value = Shifted(di::kDay, n);
      break;
    case 'W':
      h->value = Shifted(di::kDay, 7 * n);
      break;
    case 'M':
      h->value = Shifted(di::kMonth, n);
      break;
    case 'Y':
      h->value = Shifted(di::kYear, n);
      break;
    case 'H' + 256:
      h->type = TimeType::kTime;
      h->value = Shifted(di::kHour, n);
      break;
    case 'M' + 256:
      h->type = TimeType::kTime;
      h->value = Shifted(di::kMinute, n);
      break;
    default:
      return false;
  }
  h->is_day = false;
  return true;
}

bool Matcher::Core(int i, Hit* h) const {
  Hit best;
  // Tries one rule at `i`; the longest match wins, the earlier rule on a
  // tie.
  using Rule = bool (Matcher::*)(int, Hit*) const;
  auto consider = [&](Rule rule) {
    Hit c;
    if ((this->*rule)(i, &c) && c.end > best.end) best = std::move(c);
  };
  const Tok& tk = t_[i];
  if (tk.kind == TokKind::kNumber) {
    consider(&Matcher::TimeExpr);
    consider(&Matcher::NumericDate);
    consider(&Matcher::DecadeExpr);
    if (best.end < 0) consider(&Matcher::DayFirstExpr);
    consider(&Matcher::QuarterExpr);
    consider(&Matcher::CenturyExpr);
    consider(&Matcher::DurationExpr);
    consider(&Matcher::WeekdaysCount);
    if (best.end < 0) consider(&Matcher::YearExpr);
  } else if (tk.kind == TokKind::kPunct) {
    consider(&Matcher::DecadeExpr);
  } else if (const Lex* l = tk.lex) {
    const int kw = l->kw;
    if (OnlyACue(*l)) return false;
    if (kw == di::kThat) {
      consider(&Matcher::AnaphoricExpr);
    } else {
      const bool shift = kw == di::kLast || kw == di::kNext ||
                         kw == di::kThis || kw == di::kComing ||
                         kw == di::kPast || kw == di::kPrevious;
      if (kw == di::kFollowing) consider(&Matcher::AnaphoricExpr);
      if (l->month || shift) consider(&Matcher::MonthExpr);
      if (l->weekday || shift) consider(&Matcher::WeekdayExpr);
      if (kw != di::kNoKw) {
        consider(&Matcher::RelativeExpr);
        consider(&Matcher::DeicticExpr);
        consider(&Matcher::SetExpr);
        consider(&Matcher::YearExpr);
      }
      if (l->season || kw != di::kNoKw) consider(&Matcher::SeasonExpr);
      if (l->decade) consider(&Matcher::DecadeExpr);
      if (l->ordinal || l->number == 20 || l->number == 30 || kw == di::kLast) {
        consider(&Matcher::DayFirstExpr);
        consider(&Matcher::NthWeekdayExpr);
      }
      if (l->ordinal || kw == di::kQ || kw == di::kFiscal || kw == di::kLast ||
          kw == di::kThis || kw == di::kNext) {
        consider(&Matcher::QuarterExpr);
        consider(&Matcher::CenturyExpr);
      }
      if (l->number >= 0 || kw != di::kNoKw || l->ordinal || l->unit) {
        consider(&Matcher::DurationExpr);
      }
      consider(&Matcher::MiscExpr);
      if (l->number >= 1) consider(&Matcher::WordYear);
      if (l->number >= 1 || kw == di::kA) consider(&Matcher::WeekdaysCount);
      if (kw == di::kNoon || kw == di::kMidnight || kw == di::kMidday) {
        consider(&Matcher::TimeExpr);
      }
      if (l->holiday || shift) consider(&Matcher::HolidayExpr);
    }
  }
  if (best.end < 0) return false;
  if (best.type == TimeType::kDuration) {
    Hit c;
    if (ShiftedDate(i, best, &c)) best = std::move(c);
  }
  if (best.is_day && best.type == TimeType::kDate) AttachTime(&best);
  *h = std::move(best);
  return true;
}

bool Matcher::TryAt(int i, Hit* out) {
  const Tok& tk = t_[i];
  if (tk.kind == TokKind::kWord && tk.lex == nullptr) return false;
  if (tk.kind == TokKind::kPunct && !IsApos(i)) return false;
  // Quantity modifiers that belong to the expression.
  int j = i;
  std::string qmod;
  const int kw = Kw(i);
  // "in a week", "in 2 hours" as a whole phrase: that far ahead, as "a week
  // from now". In running text "in" + duration stays a duration.
  if (kw == di::kIn && bare_ && i == 0 && known_) {
    Hit d;
    if (Core(i + 1, &d) && d.type == TimeType::kDuration && d.end == n_ &&
        d.mod.empty() && InFuture(d, out)) {
      out->end = d.end;
      return true;
    }
  }
  if (kw == di::kLess && IsKw(i + 1, di::kThan)) {
    qmod = "LESS_THAN";
    j = i + 2;
  } else if (kw == di::kMore && IsKw(i + 1, di::kThan)) {
    qmod = "MORE_THAN";
    j = i + 2;
  } else if (kw == di::kAt && IsKw(i + 1, di::kLeast)) {
    qmod = "EQUAL_OR_MORE";
    j = i + 2;
  } else if ((kw == di::kAt && IsKw(i + 1, di::kMost)) ||
             (kw == di::kUp && IsKw(i + 1, di::kTo))) {
    qmod = "EQUAL_OR_LESS";
    j = i + 2;
  } else if (kw == di::kNo && IsKw(i + 1, di::kMore) &&
             IsKw(i + 2, di::kThan)) {
    qmod = "EQUAL_OR_LESS";
    j = i + 3;
  } else if (kw == di::kApprox || kw == di::kAbout || kw == di::kAround ||
             kw == di::kNearly) {
    qmod = "APPROX";
    j = i + 1;
  } else if (kw == di::kOver &&
             (IsNum(i + 1) || IsKw(i + 1, di::kA) || IsKw(i + 1, di::kAn) ||
              (L(i + 1) && L(i + 1)->number > 0))) {
    qmod = "MORE_THAN";
    j = i + 1;
  } else if (kw == di::kUnder && (IsNum(i + 1) || IsKw(i + 1, di::kA) ||
                                  (L(i + 1) && L(i + 1)->number > 0))) {
    qmod = "LESS_THAN";
    j = i + 1;
  }
  if (!qmod.empty()) {
    Hit core;
    if (j < n_ && Core(j, &core) &&
        (core.type == TimeType::kDuration || core.type == TimeType::kTime ||
         core.value.find("REF") == std::string::npos)) {
      if (core.mod.empty()) core.mod = qmod;
      *out = std::move(core);
      return true;
    }
    return false;
  }
  // Position modifiers: early, late, mid-, "the end of", "earlier this".
  std::string pmod;
  j = i;
  int k = i;
  if (kw == di::kThe) ++k;
  const int kk = Kw(k);
  if ((kk == di::kEnd || kk == di::kBeginning || kk == di::kStart ||
       kk == di::kMiddle) &&
      IsKw(k + 1, di::kOf)) {
    pmod = kk == di::kEnd ? "END" : kk == di::kMiddle ? "MID" : "START";
    j = k + 2;
  } else if (k == i && (kk == di::kEarly || kk == di::kEarlier)) {
    pmod = "START";
    j = k + 1;
  } else if (k == i && (kk == di::kLate || kk == di::kLater)) {
    pmod = "END";
    j = k + 1;
  } else if (kk == di::kMid) {
    pmod = "MID";
    j = k + 1;
    if (IsDash(j) && Tight(j)) ++j;
  } else if (kk == di::kEarly || kk == di::kLate) {  // "the early 1980s"
    pmod = kk == di::kEarly ? "START" : "END";
    j = k + 1;
  }
  if (!pmod.empty()) {
    Hit core;
    int c = j;
    bool the = false;
    if (IsKw(c, di::kThe)) {
      the = true;
      ++c;
    }
    if (c < n_ && Core(c, &core) && core.type != TimeType::kDuration &&
        core.type != TimeType::kSet &&
        core.value.find("REF") == std::string::npos &&
        (!the || core.takes_the)) {
      if (core.mod.empty()) core.mod = pmod;
      *out = std::move(core);
      return true;
    }
    if (kw != di::kThe) return false;
  }
  if (kw == di::kThe) {
    Hit core;
    if (i + 1 < n_ && Core(i + 1, &core) && core.takes_the) {
      *out = std::move(core);
      return true;
    }
    return false;
  }
  return Core(i, out);
}

}  // namespace

absl::StatusOr<std::unique_ptr<DateTagger>> DateTagger::Create(
    const DateSpec&) {
  di::LookupWord("today");  // builds the lexicon once, before any sharing
  return std::unique_ptr<DateTagger>(new DateTagger());
}

ReferenceTime DateTagger::FindDateline(std::string_view text,
                                       const Segmentation&) const {
  // Datelines sit at the start of a line near the top (after captions):
  //   [PLACE[, REGION],] Month Day[, Year] [(Agency)] dash
  // Each line is tokenized only as far as the pattern reads, which for
  // most lines is one or two words.
  constexpr size_t kWindow = 4096;
  const std::string_view head = text.substr(0, std::min(text.size(), kWindow));
  ReferenceTime none;
  std::vector<Tok> t;
  for (size_t line = 0; line < head.size();) {
    const size_t eol = head.find('\n', line);
    const size_t next_line =
        eol == std::string_view::npos ? head.size() : eol + 1;
    const size_t from = line;
    line = next_line;
    // A blank line: its first token is the next line's. (Checked before
    // tokenizing, so that a run of blank lines is not read once per line.)
    const std::string_view this_line = head.substr(from, next_line - from);
    if (this_line.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
      continue;
    }
    di::TokenStream stream(head.substr(from));
    t.clear();
    // The k-th token of the line, or nullptr past the end of the head.
    auto at = [&](int k) -> const Tok* {
      while (static_cast<int>(t.size()) <= k) {
        Tok next;
        if (!stream.Next(&next)) return nullptr;
        t.push_back(next);
      }
      return &t[k];
    };
    // A line of other white space (no-break spaces): likewise.
    if (at(0) == nullptr || from + t[0].begin >= next_line) continue;
    // Skip an upper-case place and commas, at most 8 tokens.
    int i = 0;
    for (int guard = 0; at(i) != nullptr && guard < 8; ++guard) {
      const Tok& tk = t[i];
      const Lex* l = tk.lex;
      if (l && l->month) break;
      if (tk.kind == TokKind::kWord && tk.upper) {
        ++i;
        continue;
      }
      if (tk.kind == TokKind::kPunct && (tk.punct == ',' || tk.punct == '.')) {
        ++i;
        continue;
      }
      break;
    }
    const Tok* m = at(i);
    if (m == nullptr || m->lex == nullptr || m->lex->month == 0) continue;
    const int month = m->lex->month;
    int j = i + 1;
    if (at(j) && t[j].kind == TokKind::kPunct && t[j].punct == '.') ++j;
    if (!at(j) || t[j].kind != TokKind::kNumber || t[j].digits > 2) continue;
    const int day = t[j].num;
    ++j;
    int year = -1;
    int c = j;
    if (at(c) && t[c].kind == TokKind::kPunct && t[c].punct == ',') ++c;
    if (at(c) && t[c].kind == TokKind::kNumber && t[c].digits == 4) {
      year = t[c].num;
      j = c + 1;
    }
    // "(UPI)" and then a dash; or directly a dash.
    if (at(j) && t[j].kind == TokKind::kPunct && t[j].punct == '(') {
      int k = j + 1;
      while (at(k) && k < j + 6 &&
             !(t[k].kind == TokKind::kPunct && t[k].punct == ')')) {
        ++k;
      }
      if (!at(k) || t[k].punct != ')') continue;
      j = k + 1;
    }
    if (!at(j) || t[j].kind != TokKind::kPunct ||
        !(t[j].punct == '-' || t[j].punct == di::kPunctDash)) {
      continue;
    }
    const int y = year > 0 ? year : 2000;  // a leap year stands in
    const absl::CivilDay cd(y, month, day);
    if (cd.month() != month || cd.day() != day) continue;
    ReferenceTime r;
    r.source = ReferenceTime::Source::kDateline;
    r.time = absl::CivilSecond(cd);
    r.has_year = year > 0;
    return r;
  }
  return none;
}

namespace {

// Where to end a chunk of `text` starting at `begin`: the text end when it
// is near, else the last paragraph break, line break or space before
// `begin + kChunk` (an expression never spans a paragraph and rarely a
// line), else a hard cut on a UTF-8 boundary.
size_t ChunkEnd(std::string_view text, size_t begin) {
  constexpr size_t kChunk = 1 << 16;
  if (text.size() - begin <= kChunk) return text.size();
  const size_t limit = begin + kChunk;
  const size_t floor = begin + kChunk / 2;
  const std::string_view window = text.substr(floor, limit - floor);
  for (const char* sep : {"\n\n", "\n", " "}) {
    const size_t at = window.rfind(sep);
    if (at != std::string_view::npos) return floor + at + 1;
  }
  size_t cut = limit;
  while (cut > floor &&
         (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return cut;
}

}  // namespace

std::vector<TimeExpression> DateTagger::Tag(std::string_view text,
                                            const Segmentation&,
                                            const ReferenceTime& ref) const {
  // Chunks of at most 64 KiB keep the token buffer small on huge inputs.
  // Each chunk is tokenized with a little lookahead so that an expression
  // starting before the chunk end can finish after it.
  constexpr size_t kLookahead = 512;
  std::vector<TimeExpression> out;
  for (size_t begin = 0; begin < text.size();) {
    if (StopRequested()) break;  // the caller's deadline passed
    const size_t end = ChunkEnd(text, begin);
    size_t view_end = std::min(text.size(), end + kLookahead);
    while (view_end < text.size() &&
           (static_cast<unsigned char>(text[view_end]) & 0xC0) == 0x80) {
      ++view_end;
    }
    const std::string_view chunk = text.substr(begin, view_end - begin);
    const int32_t base = static_cast<int32_t>(begin);
    const int32_t stop = static_cast<int32_t>(end - begin);
    const std::vector<Tok> toks = di::Tokenize(chunk);
    Matcher m(chunk, toks, ref);
    const int n = static_cast<int>(toks.size());
    size_t next = end;
    for (int i = 0; i < n && toks[i].begin < stop;) {
      Hit h;
      if (m.TryAt(i, &h) && h.end > i) {
        TimeExpression e;
        e.span.begin = base + toks[i].begin;
        e.span.end = base + toks[h.end - 1].end;
        e.type = h.type;
        e.value = std::move(h.value);
        e.mod = std::move(h.mod);
        next = std::max(next, static_cast<size_t>(e.span.end));
        m.SetAnchor(e.value, h.end);
        out.push_back(std::move(e));
        i = h.end;
      } else {
        ++i;
      }
    }
    begin = next;
  }
  return out;
}

}  // namespace lede
