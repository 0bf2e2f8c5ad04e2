// Entity stage: EntityRecognizer::Recognize (rules for MONEY/PERCENT, the
// trained tagger, grouping into canonical entities, typing, salience) with
// the repository's models, on the fixed inputs of bench/corpus.h and their
// real segmentation. Reports bytes/s and words/s (items). The tagger alone
// is timed by tagger_bench.

#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "engine/entities/entity_recognizer.h"
#include "engine/text/segmenter.h"

namespace lede {
namespace {

void BM_Recognize(benchmark::State& state) {
  EntitySpec spec;
  spec.model_dir = DefaultModelDir();
  auto recognizer = EntityRecognizer::Create(spec);
  auto segmenter = Segmenter::Create(SegmenterSpec{});
  if (!recognizer.ok() || !segmenter.ok()) {
    state.SkipWithError("Create failed (models missing?)");
    return;
  }
  const std::string& text = bench::BenchDoc(state.range(0));
  const Segmentation seg = (*segmenter)->Segment(text);
  size_t entities = 0;
  for (auto _ : state) {
    std::vector<Entity> out = (*recognizer)->Recognize(text, seg);
    entities = out.size();
    benchmark::DoNotOptimize(out);
  }
  bench::SetDocThroughput(state, state.range(0));
  state.counters["entities"] = static_cast<double>(entities);
}
BENCHMARK(BM_Recognize)
    ->Arg(bench::kArticleDoc)
    ->Arg(bench::kLargeDoc)
    ->Unit(benchmark::kMicrosecond);

void BM_RecognizerLoad(benchmark::State& state) {
  EntitySpec spec;
  spec.model_dir = DefaultModelDir();
  for (auto _ : state) {
    auto recognizer = EntityRecognizer::Create(spec);
    if (!recognizer.ok()) {
      state.SkipWithError("EntityRecognizer::Create failed");
      return;
    }
    benchmark::DoNotOptimize(recognizer);
  }
}
BENCHMARK(BM_RecognizerLoad)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lede

BENCHMARK_MAIN();
