#ifndef LEDE_ENGINE_DATES_REFERENCE_TIME_H_
#define LEDE_ENGINE_DATES_REFERENCE_TIME_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace lede {

// ReferenceTime
//
// The moment relative dates resolve against, as local civil time of the
// article (the time zone it was written in), plus what is known about it.
struct ReferenceTime {
  enum class Source { kNone, kRequest, kDateline };

  Source source = Source::kNone;
  // Valid unless `source == kNone`.
  absl::CivilSecond time;
  // False when only a date was given ("2024-06-17").
  bool has_time_of_day = false;
  // False for a dateline without a year ("June 17 (UPI) —"): the year is
  // unknown and stays `XXXX` in values.
  bool has_year = true;
  // Offset from UTC in minutes when one was given.
  bool has_utc_offset = false;
  int utc_offset_minutes = 0;

  bool known() const { return source != Source::kNone; }
  // RFC 3339 rendering: "2024-06-17", "2024-06-17T09:30:00-04:00"; for an
  // unknown year "XXXX-06-17"; empty when unknown.
  std::string ToString() const;
};

// ParseReferenceTime()
//
// Parses an RFC 3339 date (`2024-06-17`) or date-time
// (`2024-06-17T09:30:00-04:00`, `2024-06-17T13:30:00Z`, fractional seconds
// allowed, `t`/space separators accepted). Returns INVALID_ARGUMENT with a
// message saying what form is expected when it does not parse or names an
// impossible date (2023-02-29). An empty string yields an unknown reference.
absl::StatusOr<ReferenceTime> ParseReferenceTime(std::string_view text);

}  // namespace lede

#endif  // LEDE_ENGINE_DATES_REFERENCE_TIME_H_
