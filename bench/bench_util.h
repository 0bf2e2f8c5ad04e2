#ifndef LEDE_BENCH_BENCH_UTIL_H_
#define LEDE_BENCH_BENCH_UTIL_H_

// Shared by the *_bench.cc files that time the fixed inputs of
// bench/corpus.h: one model load per process, the label, and the rates
// (bytes/s, and items/s = words/s).

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "bench/corpus.h"
#include "benchmark/benchmark.h"
#include "engine/pipeline.h"

namespace lede::bench {

// The whole pipeline with the repository's models, created once. Aborts
// with the error when the models cannot be loaded.
inline const Pipeline& SharedPipeline() {
  static const Pipeline* p = [] {
    auto created = Pipeline::Create(PipelineOptions{});
    if (!created.ok()) {
      std::fprintf(stderr, "bench: Pipeline::Create: %s\n",
                   std::string(created.status().message()).c_str());
      std::abort();
    }
    return created->release();
  }();
  return *p;
}

// Call after the timing loop: items (words) and bytes per iteration, and
// the document's name as the label.
inline void SetDocThroughput(benchmark::State& state, int64_t doc_id) {
  const std::string& text = BenchDoc(doc_id);
  state.SetItemsProcessed(state.iterations() * CountWords(text));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
  // Documents per second (per wall-clock second with UseRealTime, summed
  // over threads).
  state.counters["docs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.SetLabel(BenchDocName(doc_id));
}

}  // namespace lede::bench

#endif  // LEDE_BENCH_BENCH_UTIL_H_
