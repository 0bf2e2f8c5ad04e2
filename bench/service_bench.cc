// The service's work for one unary call without gRPC: the request's wire
// bytes through Analyzer::Analyze (parse, validation, pipeline, offsets,
// response message) and the response's serialization. Beside BM_Pipeline
// (bench/pipeline_bench.cc) it shows what the service adds to the pipeline;
// the load test (bench/load_test.sh) shows what gRPC adds on top.
//
//   BM_AnalyzerCall/<doc>            one thread
//   BM_AnalyzerCall/<doc>/threads:2  two threads sharing one Analyzer

#include <string>

#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "lede/v1/lede.pb.h"
#include "service/analyzer.h"

namespace lede {
namespace {

void BM_AnalyzerCall(benchmark::State& state) {
  static const Analyzer analyzer(&bench::SharedPipeline(), int64_t{1} << 30);
  v1::AnalyzeRequest req;
  req.mutable_document()->set_id("bench");
  req.mutable_document()->set_content(bench::BenchDoc(state.range(0)));
  const std::string bytes = req.SerializeAsString();
  const std::function<bool()> never = [] { return false; };
  const absl::Status cancelled = absl::CancelledError("interrupted");
  for (auto _ : state) {
    v1::AnalyzeResponse response;
    absl::Status s = analyzer.Analyze(bytes, never, cancelled, &response);
    if (!s.ok()) {
      state.SkipWithError(std::string(s.message()).c_str());
      return;
    }
    std::string out = response.SerializeAsString();
    benchmark::DoNotOptimize(out);
  }
  bench::SetDocThroughput(state, state.range(0));
}
BENCHMARK(BM_AnalyzerCall)
    ->Arg(bench::kArticleDoc)
    ->Arg(bench::kLargeDoc)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AnalyzerCall)
    ->Arg(bench::kArticleDoc)
    ->Threads(2)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace lede

BENCHMARK_MAIN();
