#ifndef LEDE_ENGINE_DATES_DATE_TAGGER_H_
#define LEDE_ENGINE_DATES_DATE_TAGGER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"
#include "engine/dates/reference_time.h"

namespace lede {

// DateSpec
//
// Options for building a `DateTagger`. The rules and lexicon are compiled in;
// there is nothing to configure yet.
struct DateSpec {};

// DateTagger
//
// Finds temporal expressions (dates, times, durations, sets) in English news
// text and normalizes them to TIMEX3 values against a reference time.
//
// The tagger scans the raw text itself (it does not depend on the
// segmenter's tokens): letters, digits and punctuation form small tokens,
// words are looked up case-insensitively in a lexicon, and rules are tried
// only at tokens that can start an expression (a lexicon word, a number, an
// apostrophe), so the cost is linear in the text length. Calendar
// arithmetic uses `absl::CivilDay` and friends.
//
// Conventions of the values (TimeML / TimeBank where they agree):
//   * Dates: "2023-09-13", "2024-06", "2024", "2024-W25", "2024-Q3",
//     "2024-H1", "2023-FA" (seasons SP SU FA WI; winter belongs to the year
//     of its December; "this past spring" is the latest one before the
//     current season, "last spring" the previous year's), decades "199"
//     ("the nineties": the latest that begins at most five years after the
//     reference's year), centuries "19"; "mid-June" is "2024-06" with mod
//     MID, "early 2024" mod START, "late ..." mod END.
//   * Times: "2024-06-17T15:00" (local wall clock; a zone such as "EDT"
//     stays in the span but does not change the value; "16h30", "8
//     tonight", "this morning at 10", "3 o'clock in the afternoon"; in a
//     short phrase a time whose hour is already past on the reference day
//     is tomorrow's), parts of day
//     "2024-06-17TMO" (TMO TAF TEV TNI).
//   * Durations: "P20Y", "P9M", "P2D", "PT24H", "P1Y2DT3H4S"; a fraction
//     goes to the next smaller unit when that is exact ("1.5 hours"
//     "PT1H30M", "2 1/2 years" "P2Y6M"), else stays decimal ("P1.5M");
//     a decade is "P10Y"; vague amounts "PXY", "PTXH" ("the coming hours",
//     "the weeks ahead"). An age ("52 years old") is no duration.
//     "less than", "more than", "at least", "about" set mod LESS_THAN,
//     MORE_THAN, EQUAL_OR_MORE, APPROX.
//   * Sets: "XXXX-WXX-2" (every Tuesday), "P1Y" (annually), "P1D" (daily).
//   * "now", "currently", "current" are PRESENT_REF; "recently", "the past"
//     PAST_REF; "the future" FUTURE_REF.
//   * "two weeks ago" is the day (2024-06-03 from 2024-06-17); "five months
//     ago" the month, "two years ago" the year. In a text about quarterly
//     results "a year ago" is the year-earlier quarter ("1988-Q3").
//   * Weekdays: tense decides. Cues before the weekday weigh most (the
//     governing verb: "will travel on Tuesday", "said Monday"), cues later in
//     the clause half as much. Forward means on or after the reference day,
//     back on or before it; with no cue the past one is chosen unless the
//     next one is tomorrow (news reports what happened). Cues are tense
//     words ("will", "said", "-ed" verbs, "expected", "scheduled", "is to
//     resume"), "until"/"through" and "effective" just before the date
//     (ahead); a passive ("will be paid") and a noun ("the plan") are no
//     past or future cue, nor is "planned" (a past plan for any time).
//     "last Friday" is the latest before the reference; "this Saturday" is
//     the coming one (the one of the reference's ISO week when the clause
//     looks back) and "next Saturday" the one of the following week.
//   * Anaphora: "that year", "that same day", "later that month", "the
//     following year", "the previous Friday" count from the last date the
//     text named (the anchor), not from the reference; "that ..." with no
//     anchor of that grain is not taken. A clock time with no day ("at
//     10:35 a.m.") is on the day named within the last 150 tokens, else on
//     the reference day.
//   * A short text of at most six words with no clause ("monday", "the
//     1st", "october 7th", "2/15") is an appointment: weekdays are the next
//     one, months and days the coming one unless at most about three months
//     past; "three days after Easter" and "in a week" (the day a week
//     ahead) are computed only as such phrases.
//   * Holidays (Christmas, New Year's Day/Eve, Thanksgiving, Easter and
//     Easter Monday, Halloween, Valentine's, Independence, Labor, Memorial,
//     Mother's and Father's Day; US dates) resolve like weekdays.
//   * Two-digit years follow a month ("Aug 9, 96", "21-APR-16", "Feb. 3
//     '98"): 50..99 are 19xx, 00..49 20xx.
//   * Ranges are two expressions, as in TimeML; the start takes the month
//     and year of the end ("10 - 22 August 2012", "from December to May
//     2020" starts 2019-12).
//   * Financial reports: "the quarter", "the latest period", "the 1989
//     period", "a year ago", "year-earlier" follow the last past quarter
//     the text named as an adjective ("first-quarter profit ... the
//     quarter" is Q1; a later "after a flat second quarter" does not
//     count), else the last named as a noun, else the quarter before the
//     reference's. "the full year" and "for the year" are the reference's
//     year; "the year ended Sept. 30" is "P1Y".
//   * Month (and month-day, quarter) without a year: the reference's year,
//     moved one year back or forward when tense points that way and the
//     same-year date lies well on the other side (a month more than two
//     months away, a month-day more than 60 days, a quarter more than one
//     quarter); with no cue the closest occurrence ("Jan. 3" written in
//     late December is next year's).
//   * A four-digit number is a year only in context: not "1,961", not
//     "2000 troops", not "$2000"; 1800-2100 otherwise, other years after a
//     cue word ("in 1492").
//   * Unknown reference (`!ref.known()`): relative expressions stay
//     unresolved ("XXXX-WXX-2", "XXXX-XX", "XXXX-09-13"); absolute ones are
//     resolved. A reference without a year (a dateline "June 17 (UPI) —")
//     writes "XXXX" for every year taken from it ("XXXX-06-16" for
//     "yesterday") and leaves weekdays unresolved.
//
// Immutable after Create(); safe to share across threads.
class DateTagger {
 public:
  static absl::StatusOr<std::unique_ptr<DateTagger>> Create(
      const DateSpec& spec);

  // FindDateline()
  //
  // Looks for a dateline at the start of a line in the first 4 KiB of the
  // text: an optional upper-case place and commas, a month and day, an
  // optional year, an optional "(Agency)", then a dash ("June 17 (UPI) —",
  // "WASHINGTON, June 17 (Reuters) -"). Returns it with
  // `source == kDateline` (`has_year` false unless a year is given; the
  // civil time then holds the leap year 2000 as a stand-in), or an unknown
  // reference when there is none. A dateline without a date ("MOSCOW (AP)
  // —") gives no reference.
  ReferenceTime FindDateline(std::string_view text,
                             const Segmentation& seg) const;

  // Tag()
  //
  // Expressions in document order, non-overlapping, spans as byte offsets
  // into `text`. `seg` is not used: the tagger tokenizes for itself. Any
  // bytes are accepted; invalid UTF-8 sequences count as punctuation.
  std::vector<TimeExpression> Tag(std::string_view text,
                                  const Segmentation& seg,
                                  const ReferenceTime& ref) const;

 private:
  DateTagger() = default;
};

}  // namespace lede

#endif  // LEDE_ENGINE_DATES_DATE_TAGGER_H_
