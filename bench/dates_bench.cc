// Throughput of the date stage on an article-sized news text: words/s
// (items) and bytes/s, with and without a reference time.

#include <string>

#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "engine/dates/date_tagger.h"
#include "engine/text/segmenter.h"

namespace lede {
namespace {

// About 600 words of wire-style copy with the usual density of dates.
std::string Article() {
  const char* const kParagraphs[] = {
      "WASHINGTON, June 17 (Reuters) - The Senate voted on Monday to extend "
      "the program for another two years, sending the bill to the president, "
      "who is expected to sign it before the holiday weekend. The measure "
      "passed 68-31 after nearly three weeks of debate.\n",
      "Lawmakers had struggled since early 2023 to agree on the terms, and a "
      "similar bill failed last September by four votes. The new version "
      "takes effect Jan. 1, 2025, and runs through the end of 2026, "
      "according to a summary released Sunday night.\n",
      "\"We have waited more than a decade for this,\" said the majority "
      "leader, who first proposed the idea in 2011. \"Families will see the "
      "difference within six months.\" Opponents said the cost, estimated at "
      "$1,961 million over 10 years, was too high.\n",
      "The Congressional Budget Office said in a report last month that the "
      "program had grown by 4.5 percent a year in the past three years. "
      "Spending in the third quarter of 2024 rose to its highest level since "
      "the 1990s, the office said.\n",
      "Officials will meet again on Tuesday at 3 p.m. EDT to discuss the "
      "rollout, which is scheduled to begin in mid-September. Agencies must "
      "report quarterly and publish updates every Friday, the bill says.\n",
      "The vote came two days after the House approved its version 221-204 "
      "on a largely party-line vote. Earlier this year, a bipartisan group "
      "of governors urged Congress to act before the summer recess, warning "
      "that thousands of families could lose coverage by fall.\n",
      "Analysts at three banks said the bill could add 0.2 percentage points "
      "to growth next year. Markets barely moved on the news; the benchmark "
      "index closed up 0.3 percent at 5,431.60 after trading in a narrow "
      "range for most of the afternoon.\n",
      "The president, speaking to reporters at the White House on Friday, "
      "said he looked forward to signing the bill \"as soon as it reaches my "
      "desk,\" possibly as early as Wednesday. Aides said a ceremony was "
      "being planned for the coming days.\n",
  };
  std::string text;
  for (int rep = 0; rep < 2; ++rep) {
    for (const char* p : kParagraphs) text += p;
  }
  return text;
}

int64_t CountWords(const std::string& s) {
  int64_t words = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in) ++words;
    in = !space;
  }
  return words;
}

void BM_TagArticle(benchmark::State& state) {
  auto tagger = DateTagger::Create(DateSpec{});
  const std::string text = Article();
  const ReferenceTime ref = *ParseReferenceTime("2024-06-17");
  const Segmentation seg;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        (*tagger)->Tag(text, seg, state.range(0) ? ref : ReferenceTime()));
  }
  state.SetItemsProcessed(state.iterations() * CountWords(text));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_TagArticle)->Arg(1)->Arg(0);

void BM_FindDateline(benchmark::State& state) {
  auto tagger = DateTagger::Create(DateSpec{});
  const std::string text = Article();
  const Segmentation seg;
  for (auto _ : state) {
    benchmark::DoNotOptimize((*tagger)->FindDateline(text, seg));
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_FindDateline);

// The date stage on the shared benchmark texts (bench/corpus.h), with the
// real segmentation and the dateline the pipeline finds: same inputs as
// pipeline_bench, so the stages' shares of the pipeline's time add up.
void BM_TagCorpus(benchmark::State& state) {
  auto tagger = DateTagger::Create(DateSpec{});
  auto segmenter = Segmenter::Create(SegmenterSpec{});
  const std::string& text = bench::BenchDoc(state.range(0));
  const Segmentation seg = (*segmenter)->Segment(text);
  const ReferenceTime ref = (*tagger)->FindDateline(text, seg);
  for (auto _ : state) {
    benchmark::DoNotOptimize((*tagger)->Tag(text, seg, ref));
  }
  bench::SetDocThroughput(state, state.range(0));
}
BENCHMARK(BM_TagCorpus)
    ->Arg(bench::kArticleDoc)
    ->Arg(bench::kLargeDoc)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace lede

BENCHMARK_MAIN();
