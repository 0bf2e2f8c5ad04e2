// Fuzzes the whole pipeline: fuzzed text with fuzzed AnalyzeOptions
// (features, max_sentences, reference_time), checking every span invariant
// of the result.

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/pipeline.h"
#include "engine/text/utf8.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

const lede::Pipeline& GetPipeline() {
  static const lede::Pipeline* p = [] {
    auto created = lede::Pipeline::Create({});
    if (!created.ok()) {
      std::fprintf(stderr, "pipeline: %s\n",
                   std::string(created.status().message()).c_str());
      std::abort();
    }
    return created->release();
  }();
  return *p;
}

std::string ReferenceTime(FuzzedDataProvider& in) {
  static const char* const kSamples[] = {"",
                                         "2024-03-03",
                                         "2024-02-29T23:59:59Z",
                                         "1999-12-31T00:00:00+14:00",
                                         "2024-13-01",
                                         "0000-01-01",
                                         "9999-12-31T23:59:60-23:59",
                                         "next Tuesday"};
  if (in.ConsumeBool()) {
    return kSamples[in.ConsumeIntegralInRange<size_t>(
        0, sizeof(kSamples) / sizeof(kSamples[0]) - 1)];
  }
  return in.ConsumeRandomLengthString(40);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  lede::AnalyzeOptions o;
  o.summary = in.ConsumeBool();
  o.entities = in.ConsumeBool();
  o.dates = in.ConsumeBool();
  o.quotes = in.ConsumeBool();
  o.summary_score_order = in.ConsumeBool();
  o.max_sentences = in.ConsumeIntegralInRange<int>(-2, 1002);
  o.reference_time = ReferenceTime(in);
  const std::string text = in.ConsumeRemainingBytesAsString();

  auto r = GetPipeline().Analyze(text, o);
  using lede::fuzz::Require;
  if (lede::FirstInvalidUtf8Offset(text) >= 0 || o.max_sentences < 0 ||
      o.max_sentences > lede::kMaxSummarySentences) {
    Require(r.status().code() == absl::StatusCode::kInvalidArgument,
            "invalid input not INVALID_ARGUMENT: " + r.status().ToString());
    return 0;
  }
  if (!r.ok()) {
    // Only a malformed reference time may fail a valid text.
    Require(r.status().code() == absl::StatusCode::kInvalidArgument &&
                !o.reference_time.empty(),
            "valid text failed: " + r.status().ToString());
    return 0;
  }
  const bool all = !o.summary && !o.entities && !o.dates && !o.quotes;
  lede::fuzz::CheckSegmentationOrDie(text, r->segmentation);
  lede::fuzz::CheckEntities(text, r->entities, /*sorted_by_salience=*/false);
  lede::fuzz::CheckDates(text, r->dates);
  lede::fuzz::CheckQuotes(text, r->quotes, r->entities,
                          /*entities_returned=*/all || o.entities);
  const int max =
      o.max_sentences == 0 ? lede::kDefaultSummarySentences : o.max_sentences;
  lede::fuzz::CheckSummary(r->summary, r->segmentation, max,
                           o.summary_score_order);
  if (!all) {
    Require(o.dates || r->dates.empty(), "dates not requested but returned");
    Require(o.quotes || r->quotes.empty(), "quotes not requested but returned");
    Require(o.summary || r->summary.empty(),
            "summary not requested but returned");
  }
  return 0;
}
