// Fuzzes the date tagger: any bytes for Tag() (its contract), valid UTF-8
// with a segmentation for FindDateline(), and a fuzzed reference time.

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <string>

#include "engine/dates/date_tagger.h"
#include "engine/dates/reference_time.h"
#include "engine/text/segmenter.h"
#include "engine/text/utf8.h"
#include "tests/fuzz/fuzz_checks.h"
#include "tests/fuzz/stages_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const lede::Segmenter& segmenter = lede::fuzz::CreatedOrDie(
      lede::Segmenter::Create(lede::SegmenterSpec{}), "segmenter");
  static const lede::DateTagger& tagger = lede::fuzz::CreatedOrDie(
      lede::DateTagger::Create(lede::DateSpec{}), "dates");
  FuzzedDataProvider in(data, size);
  const std::string ref_text = in.ConsumeRandomLengthString(40);
  const std::string text = in.ConsumeRemainingBytesAsString();
  lede::ReferenceTime ref;
  if (auto parsed = lede::ParseReferenceTime(ref_text); parsed.ok()) {
    ref = *parsed;  // empty text parses to an unknown reference
    lede::fuzz::Require(!ref.known() || !ref.ToString().empty(),
                        "known reference time renders empty");
  }
  lede::Segmentation seg;
  const bool valid = lede::FirstInvalidUtf8Offset(text) < 0;
  if (valid) {
    seg = segmenter.Segment(text);
    const lede::ReferenceTime dateline = tagger.FindDateline(text, seg);
    if (!ref.known()) ref = dateline;
  }
  const auto dates = tagger.Tag(text, seg, ref);
  if (valid) {
    lede::fuzz::CheckDates(text, dates);
  } else {
    // Invalid UTF-8: bounds and order still hold.
    for (size_t i = 0; i < dates.size(); ++i) {
      const lede::ByteSpan s = dates[i].span;
      lede::fuzz::Require(s.begin >= 0 && s.begin < s.end &&
                              s.end <= static_cast<int64_t>(text.size()),
                          lede::fuzz::Describe("date", s) + " out of bounds");
      if (i > 0) {
        lede::fuzz::Require(dates[i - 1].span.end <= s.begin,
                            "dates overlap or out of order");
      }
    }
  }
  for (const auto& d : dates) {
    lede::fuzz::Require(!d.value.empty(), "date without a value");
  }
  return 0;
}
