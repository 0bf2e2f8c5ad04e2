// The whole pipeline, all four analyses (Pipeline::Analyze with default
// options: segmentation, dateline, entities, dates, quotes, summary), on the
// fixed inputs of bench/corpus.h. Reports bytes/s and words/s (items).
//
//   BM_Pipeline/<doc>           one thread: the in-process figure compared
//                               with the Node peers (bench/peers/run.sh)
//   BM_Pipeline/<doc>/threads:2 two threads sharing one Pipeline, real time:
//                               the in-process documents/s the load test
//                               compares the server with
//   BM_PipelineAfterIdle/0/<us> the article after the thread slept <us>
//                               microseconds, as a server's worker between
//                               calls (cold caches on a virtual machine)
//   BM_PipelineScaling/4KB|4MB  time per word should not grow with size
//   BM_PipelineLoad             model loading (server start-up)

#include <chrono>
#include <thread>

#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "engine/pipeline.h"

namespace lede {
namespace {

void RunPipeline(benchmark::State& state) {
  const Pipeline& pipeline = bench::SharedPipeline();
  const std::string& text = bench::BenchDoc(state.range(0));
  const AnalyzeOptions options;  // all analyses
  for (auto _ : state) {
    auto result = pipeline.Analyze(text, options);
    if (!result.ok()) {
      state.SkipWithError(std::string(result.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(result);
  }
  bench::SetDocThroughput(state, state.range(0));
}

void BM_Pipeline(benchmark::State& state) { RunPipeline(state); }
BENCHMARK(BM_Pipeline)
    ->Arg(bench::kArticleDoc)
    ->Arg(bench::kLargeDoc)
    ->Unit(benchmark::kMicrosecond);
// Two threads, each analyzing its own copy of the workload: items/s is the
// sum over both threads per wall-clock second.
BENCHMARK(BM_Pipeline)
    ->Arg(bench::kArticleDoc)
    ->Threads(2)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

// The article with the thread asleep for `range(1)` microseconds before
// each analysis, as a server's worker is between calls; only the analysis
// is timed. On a virtual machine whose idle vCPU the host lends to other
// work, the caches are then cold, and this shows what that costs.
void BM_PipelineAfterIdle(benchmark::State& state) {
  const Pipeline& pipeline = bench::SharedPipeline();
  const std::string& text = bench::BenchDoc(state.range(0));
  const AnalyzeOptions options;
  const auto idle = std::chrono::microseconds(state.range(1));
  for (auto _ : state) {
    std::this_thread::sleep_for(idle);
    const auto start = std::chrono::steady_clock::now();
    auto result = pipeline.Analyze(text, options);
    const auto end = std::chrono::steady_clock::now();
    if (!result.ok()) {
      state.SkipWithError(std::string(result.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(result);
    state.SetIterationTime(std::chrono::duration<double>(end - start).count());
  }
  bench::SetDocThroughput(state, state.range(0));
}
BENCHMARK(BM_PipelineAfterIdle)
    ->Args({bench::kArticleDoc, 0})
    ->Args({bench::kArticleDoc, 100})
    ->Args({bench::kArticleDoc, 1000})
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);

void BM_PipelineScaling(benchmark::State& state) { RunPipeline(state); }
BENCHMARK(BM_PipelineScaling)
    ->Arg(bench::k4KDoc)
    ->Arg(bench::k4MDoc)
    ->Unit(benchmark::kMillisecond);

void BM_PipelineLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto p = Pipeline::Create(PipelineOptions{});
    if (!p.ok()) {
      state.SkipWithError(std::string(p.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(BM_PipelineLoad)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lede

BENCHMARK_MAIN();
