// Benchmarks of the named-entity tagger (models/ner.bin): tagging an
// article-sized text (tokens/s as items, bytes/s) and loading the model.
// Skips with an error message when the model file is missing.

#include <memory>
#include <string>

#include "benchmark/benchmark.h"
#include "engine/entities/tagger.h"
#include "engine/pipeline.h"
#include "engine/text/segmenter.h"

namespace lede {
namespace {

// A made-up wire story, written for this benchmark.
constexpr char kArticle[] =
    R"(Harbor authority approves $2 billion port expansion

VALPARAISO, Chile, March 4 (Lede) - The board of the Valparaiso Port Authority on Tuesday approved a $2 billion expansion of the city's container terminal, ending a two-year dispute with environmental groups and the fishing cooperative of nearby Quintero.

"This is the largest investment in the port since the 1990s," said Carolina Mendez-Ruiz, the authority's chairwoman, at a news conference in Santiago. "It will double our capacity and keep Chile competitive with Callao and Buenos Aires."

The project, led by a consortium of Danish shipping group Maersk, the Chilean builder Salfacorp and Japan's Mitsui O.S.K. Lines, will add two berths for ships carrying up to 18,000 containers. Construction is due to start in September and finish in 2029.

Environmental groups, including Greenpeace and the local organization Oceana Chile, had challenged the plan before the Supreme Court, arguing that dredging would harm the bay's marine life. The court rejected their appeal in January.

Jorge Valdivia, a spokesman for the fishing cooperative, said his members would keep pressing for compensation. "We are not against progress, but the government promised us a fund and we have not seen a single peso," he told Reuters by telephone.

Economy Minister Ana Lucia Herrera welcomed the decision. She said the expansion would create about 4,500 jobs during construction and strengthen trade ties with China, South Korea and the United States, Chile's largest trading partners.

Shares of Salfacorp rose 3.2 percent on the Santiago Stock Exchange after the announcement, while the peso was little changed against the dollar.

The World Bank and the Inter-American Development Bank are expected to provide part of the financing. A spokeswoman for the Inter-American Development Bank in Washington declined to comment on the size of the loan.

Analysts at Goldman Sachs and BTG Pactual said the decision removed a major uncertainty for investors. "The port has been the bottleneck of Chilean exports, especially copper, fruit and wine," said Martin Kessler, an economist at BTG Pactual in Sao Paulo.

President Gabriel Boric, who visited the port last year, is expected to attend the ceremony marking the start of construction, his office said in a statement on Wednesday.
)";

std::string ModelPath() { return DefaultModelDir() + "/ner.bin"; }

void BM_TaggerTag(benchmark::State& state) {
  auto tagger = Tagger::Load(ModelPath());
  if (!tagger.ok()) {
    state.SkipWithError(std::string(tagger.status().message()).c_str());
    return;
  }
  auto segmenter = Segmenter::Create(SegmenterSpec{});
  const std::string text(kArticle);
  const Segmentation seg = (*segmenter)->Segment(text);
  size_t mentions = 0;
  for (auto _ : state) {
    auto out = (*tagger)->Tag(text, seg);
    mentions += out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(seg.tokens.size()));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
  state.counters["tokens"] = static_cast<double>(seg.tokens.size());
  state.counters["mentions"] =
      static_cast<double>(mentions) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_TaggerTag);

void BM_TaggerLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto tagger = Tagger::Load(ModelPath());
    if (!tagger.ok()) {
      state.SkipWithError(std::string(tagger.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(tagger);
  }
}
BENCHMARK(BM_TaggerLoad)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lede

BENCHMARK_MAIN();
