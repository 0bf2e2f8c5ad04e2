#ifndef LEDE_ENGINE_DATES_DATE_TAGGER_H_
#define LEDE_ENGINE_DATES_DATE_TAGGER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"
#include "engine/dates/reference_time.h"

namespace lede {

struct DateSpec {};

// DateTagger
//
// Finds temporal expressions (dates, times, durations, sets) and normalizes
// them to TIMEX3 values against a reference time.
//
// Immutable after Create(); safe to share across threads.
class DateTagger {
 public:
  static absl::StatusOr<std::unique_ptr<DateTagger>> Create(
      const DateSpec& spec);

  // Looks for a dateline near the start of the text ("June 17 (UPI) —",
  // "WASHINGTON, June 17 (Reuters) -") and returns it as a reference with
  // `source == kDateline`, or an unknown reference when there is none.
  ReferenceTime FindDateline(std::string_view text,
                             const Segmentation& seg) const;

  // Expressions in document order, non-overlapping.
  std::vector<TimeExpression> Tag(std::string_view text,
                                  const Segmentation& seg,
                                  const ReferenceTime& ref) const;

 private:
  DateTagger() = default;
};

}  // namespace lede

#endif  // LEDE_ENGINE_DATES_DATE_TAGGER_H_
