// Quote stage throughput: QuoteFinder::Find on a synthetic news article
// (quotes of every attribution pattern, apostrophes, partial quotes) repeated
// to several sizes, with hand-made paragraphs and no entities, so only the
// quote stage is timed. Reports bytes/s and words/s; the per-byte time should
// not grow with the size (linear).

#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "engine/analysis.h"
#include "engine/entities/entity_recognizer.h"
#include "engine/quotes/quote_finder.h"
#include "engine/text/segmenter.h"

namespace lede {
namespace {

const char kArticle[] =
    "Officials met in Hanoi on Monday as the two countries strengthen "
    "ties amid the region’s tensions.\n"
    "“The parties are still working on the text, and a decision will come "
    "within hours,” Wang Jun said, according to state media.\n"
    "China’s trade with Vietnam has “grown into a bond between partners,” "
    "Lam said in a speech last year.\n"
    "On Friday, State Department spokesman Matthew Miller told reporters "
    "that Washington is “not worried about the visit,” but added there is "
    "unease.\n"
    "“What worries us is the deepening tie,” he said. “It affects the "
    "balance in the region.”\n"
    "Trade Representative Katherine Tai said: \"We saw goods rerouted "
    "through third countries.\"\n"
    "“The first paragraph of a long statement goes here.\n"
    "“And the second paragraph ends it,” the spokesman said.\n"
    "Music of the ’90s and rock ’n’ roll filled the hall, and the States’ "
    "role was discussed.\n";

Segmentation Paragraphs(const std::string& text) {
  Segmentation seg;
  size_t p = 0;
  while (p < text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string::npos) e = text.size();
    if (e > p) {
      Paragraph para;
      para.span = {static_cast<int32_t>(p), static_cast<int32_t>(e)};
      seg.paragraphs.push_back(para);
    }
    p = e + 1;
  }
  return seg;
}

int64_t CountWords(const std::string& text) {
  int64_t n = 0;
  bool in = false;
  for (char c : text) {
    const bool w = c != ' ' && c != '\n';
    n += w && !in;
    in = w;
  }
  return n;
}

void BM_QuoteFinder(benchmark::State& state) {
  std::string text;
  while (static_cast<int64_t>(text.size()) < state.range(0)) text += kArticle;
  const Segmentation seg = Paragraphs(text);
  auto finder = QuoteFinder::Create(QuoteSpec{});
  if (!finder.ok()) {
    state.SkipWithError("Create failed");
    return;
  }
  const int64_t words = CountWords(text);
  for (auto _ : state) {
    std::vector<Entity> entities;
    std::vector<Quote> quotes = (*finder)->Find(text, seg, &entities);
    benchmark::DoNotOptimize(quotes);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(words),
                         benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_QuoteFinder)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);

// Worst case for mark pairing: 200,000 straight quote marks in one
// paragraph.
void BM_QuoteFinderMarksOnly(benchmark::State& state) {
  const std::string text(state.range(0), '"');
  const Segmentation seg = Paragraphs(text);
  auto finder = QuoteFinder::Create(QuoteSpec{});
  if (!finder.ok()) {
    state.SkipWithError("Create failed");
    return;
  }
  for (auto _ : state) {
    std::vector<Entity> entities;
    benchmark::DoNotOptimize((*finder)->Find(text, seg, &entities));
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_QuoteFinderMarksOnly)->Arg(200000);

// The quote stage on the shared benchmark texts (bench/corpus.h), with the
// real segmentation and the entity stage's output (copied before each
// iteration, outside the timing, since Find adds speaker mentions).
void BM_QuoteFinderCorpus(benchmark::State& state) {
  auto finder = QuoteFinder::Create(QuoteSpec{});
  auto segmenter = Segmenter::Create(SegmenterSpec{});
  EntitySpec spec;
  spec.model_dir = DefaultModelDir();
  auto recognizer = EntityRecognizer::Create(spec);
  if (!finder.ok() || !segmenter.ok() || !recognizer.ok()) {
    state.SkipWithError("Create failed (models missing?)");
    return;
  }
  const std::string& text = bench::BenchDoc(state.range(0));
  const Segmentation seg = (*segmenter)->Segment(text);
  const std::vector<Entity> entities = (*recognizer)->Recognize(text, seg);
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Entity> e = entities;
    state.ResumeTiming();
    benchmark::DoNotOptimize((*finder)->Find(text, seg, &e));
  }
  bench::SetDocThroughput(state, state.range(0));
}
BENCHMARK(BM_QuoteFinderCorpus)
    ->Arg(bench::kArticleDoc)
    ->Arg(bench::kLargeDoc)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace lede

BENCHMARK_MAIN();
