#ifndef LEDE_BENCH_CORPUS_H_
#define LEDE_BENCH_CORPUS_H_

// The benchmark texts, shared by every *_bench.cc, the load test and the
// peer comparison (bench_corpus writes them to files so that the Node peers
// time exactly the same bytes).
//
// bench/testdata/article_*.txt are news-style articles written for these
// benchmarks (invented people, places and events). Larger documents are
// assembled from them deterministically: round after round, the articles
// in an order drawn from a fixed generator, with the people's surnames and
// the towns swapped for others from fixed pools, so a 1 MB document has
// thousands of distinct entities rather than the same two dozen repeated.

#include <cstdint>
#include <string>
#include <vector>

namespace lede::bench {

// The article-sized document: bench/testdata/article_port.txt (~650 words,
// ~3.9 KB). Aborts if the file is missing.
const std::string& Article();

// All hand-written articles, in file-name order.
const std::vector<std::string>& Articles();

// A document of at least `min_bytes` (cut at a paragraph boundary just past
// it) assembled as described above. Deterministic.
std::string AssembledDocument(size_t min_bytes);

// The ~1 MB document: AssembledDocument(1 << 20), cached.
const std::string& LargeDocument();

// The fixed inputs of the benchmarks, by Arg(): kArticleDoc (Article()),
// kLargeDoc (LargeDocument()), k4KDoc and k4MDoc (AssembledDocument(4 KiB /
// 4 MiB), for the scaling check). Cached.
enum BenchDocId : int64_t {
  kArticleDoc = 0,
  kLargeDoc = 1,
  k4KDoc = 2,
  k4MDoc = 3
};
const std::string& BenchDoc(int64_t id);
const char* BenchDocName(int64_t id);

// Words: maximal runs of non-white-space bytes (space, tab, CR, LF). The
// Node peers count the same way (text.split(/\s+/)), so words/s compare.
int64_t CountWords(const std::string& text);

// Directory holding the article files (LEDE_BENCH_TESTDATA or the source
// tree's bench/testdata).
std::string TestdataDir();

}  // namespace lede::bench

#endif  // LEDE_BENCH_CORPUS_H_
