// Speed of the summary stage (debris filter, features, scoring, selection)
// on synthetic news text of growing length. Reports bytes/s and words/s;
// equal rates across sizes show the stage is linear in document length.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "engine/entities/entity_recognizer.h"
#include "engine/summary/features.h"
#include "engine/summary/summarizer.h"
#include "engine/text/segmenter.h"

namespace lede {
namespace {

// News-like prose: captions, a prompt line and paragraphs of 3 sentences
// drawn from a 2,000-word vocabulary by a fixed generator.
std::string NewsText(int sentences, int* words_out) {
  static constexpr const char* kSyl[] = {"ka", "lo", "mi",  "ren", "tu",
                                         "sa", "vo", "del", "ni",  "pa"};
  uint32_t state = 2024;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  std::string text =
      "Mayor Ann Lee (L) meets with Governor Bo Park (R) during a visit on "
      "May 2. File Photo by Sam Cole/UPI\nAdvertising\n";
  int words = 0;
  for (int i = 0; i < sentences; ++i) {
    const int n = 8 + next() % 20;
    for (int w = 0; w < n; ++w) {
      const uint32_t id = next() % 2000;
      std::string word = absl::StrCat(kSyl[id % 10], kSyl[(id / 10) % 10],
                                      kSyl[(id / 100) % 10]);
      if (w == 0) word[0] = static_cast<char>(word[0] - 'a' + 'A');
      absl::StrAppend(&text, word, w + 1 == n ? "." : " ");
    }
    words += n;
    absl::StrAppend(&text, i % 3 == 2 ? "\n" : " ");
  }
  *words_out = words;
  return text;
}

void BM_Summarize(benchmark::State& state) {
  int words = 0;
  const std::string text = NewsText(static_cast<int>(state.range(0)), &words);
  auto segmenter = Segmenter::Create({});
  auto summarizer = Summarizer::Create({});  // heuristic weights
  if (!segmenter.ok() || !summarizer.ok()) {
    state.SkipWithError("create failed");
    return;
  }
  const Segmentation seg = (*segmenter)->Segment(text);
  SummaryRequest req;
  for (auto _ : state) {
    benchmark::DoNotOptimize((*summarizer)->Summarize(text, seg, {}, req));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(words) * state.iterations(),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Summarize)
    ->Arg(20)
    ->Arg(200)
    ->Arg(2000)
    ->Arg(50000)
    ->Unit(benchmark::kMicrosecond);

void BM_SegmentAndSummarize(benchmark::State& state) {
  int words = 0;
  const std::string text = NewsText(static_cast<int>(state.range(0)), &words);
  auto segmenter = Segmenter::Create({});
  auto summarizer = Summarizer::Create({});
  if (!segmenter.ok() || !summarizer.ok()) {
    state.SkipWithError("create failed");
    return;
  }
  SummaryRequest req;
  for (auto _ : state) {
    const Segmentation seg = (*segmenter)->Segment(text);
    benchmark::DoNotOptimize((*summarizer)->Summarize(text, seg, {}, req));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(words) * state.iterations(),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SegmentAndSummarize)
    ->Arg(20)
    ->Arg(2000)
    ->Unit(benchmark::kMicrosecond);

// The three stages the corpus benchmarks need, with the repository's models.
struct Stages {
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<Summarizer> summarizer;
  std::unique_ptr<EntityRecognizer> recognizer;
};

// False (and the benchmark marked skipped) when a stage cannot be created.
bool CreateStages(benchmark::State& state, Stages* out) {
  auto segmenter = Segmenter::Create(SegmenterSpec{});
  SummarySpec sspec;
  sspec.model_dir = DefaultModelDir();
  auto summarizer = Summarizer::Create(sspec);
  EntitySpec espec;
  espec.model_dir = DefaultModelDir();
  auto recognizer = EntityRecognizer::Create(espec);
  if (!segmenter.ok() || !summarizer.ok() || !recognizer.ok()) {
    state.SkipWithError("Create failed (models missing?)");
    return false;
  }
  out->segmenter = *std::move(segmenter);
  out->summarizer = *std::move(summarizer);
  out->recognizer = *std::move(recognizer);
  return true;
}

// The summary stage on the shared benchmark texts (bench/corpus.h), with
// the repository's model, the real segmentation and the entity stage's
// output, as in the pipeline.
void BM_SummarizeCorpus(benchmark::State& state) {
  Stages st;
  if (!CreateStages(state, &st)) return;
  const std::string& text = bench::BenchDoc(state.range(0));
  const Segmentation seg = st.segmenter->Segment(text);
  const std::vector<Entity> entities = st.recognizer->Recognize(text, seg);
  SummaryRequest req;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        st.summarizer->Summarize(text, seg, entities, req));
  }
  bench::SetDocThroughput(state, state.range(0));
}
BENCHMARK(BM_SummarizeCorpus)
    ->Arg(bench::kArticleDoc)
    ->Arg(bench::kLargeDoc)
    ->Unit(benchmark::kMicrosecond);

// The article on a thread that has already run the summary stage on the
// other hand-written articles, so that the stage's per-thread stem cache
// (engine/summary/features.cc) holds their words, as in a server that has
// been running, but none of this article's own. The warm-up calls
// ExtractSummaryFeatures, not Summarize, so that with --benchmark_min_time=0
// (one iteration) `callgrind --toggle-collect='lede::Summarizer::Summarize*'`
// counts exactly one call on an unseen article; later iterations see the
// article itself again, like BM_SummarizeCorpus after its first.
void BM_SummarizeCorpusWarmed(benchmark::State& state) {
  Stages st;
  if (!CreateStages(state, &st)) return;
  const std::string& text = bench::BenchDoc(bench::kArticleDoc);
  for (const std::string& other : bench::Articles()) {
    if (other == text) continue;
    const Segmentation seg = st.segmenter->Segment(other);
    benchmark::DoNotOptimize(ExtractSummaryFeatures(other, seg, {}));
  }
  const Segmentation seg = st.segmenter->Segment(text);
  const std::vector<Entity> entities = st.recognizer->Recognize(text, seg);
  SummaryRequest req;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        st.summarizer->Summarize(text, seg, entities, req));
  }
  bench::SetDocThroughput(state, bench::kArticleDoc);
}
BENCHMARK(BM_SummarizeCorpusWarmed)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace lede

BENCHMARK_MAIN();
