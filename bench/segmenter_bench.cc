// Segmentation stage (paragraphs, sentences, tokens): Segmenter::Segment on
// the fixed inputs of bench/corpus.h. Reports bytes/s and words/s (items).

#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "engine/text/segmenter.h"

namespace lede {
namespace {

void BM_Segment(benchmark::State& state) {
  auto segmenter = Segmenter::Create(SegmenterSpec{});
  if (!segmenter.ok()) {
    state.SkipWithError("Segmenter::Create failed");
    return;
  }
  const std::string& text = bench::BenchDoc(state.range(0));
  for (auto _ : state) {
    Segmentation seg = (*segmenter)->Segment(text);
    benchmark::DoNotOptimize(seg);
  }
  bench::SetDocThroughput(state, state.range(0));
}
BENCHMARK(BM_Segment)
    ->Arg(bench::kArticleDoc)
    ->Arg(bench::kLargeDoc)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace lede

BENCHMARK_MAIN();
