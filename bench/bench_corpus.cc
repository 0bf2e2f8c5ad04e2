// bench_corpus OUT_DIR: writes the benchmark texts as files, so that the load
// test and the Node peers (bench/peers) use exactly the bytes the Google
// Benchmarks time:
//   article.txt  the article-sized document (bench/testdata/article_port.txt)
//   large.txt    the ~1 MB assembled document
//   doc_4k.txt   assembled, >= 4 KiB (scaling check)
//   doc_4m.txt   assembled, >= 4 MiB (scaling check)
// Prints one line per file: name, bytes, words.

#include <cstdio>
#include <string>

#include "bench/corpus.h"

namespace {

bool Write(const std::string& dir, const char* name, const std::string& text) {
  const std::string path = dir + "/" + name;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    std::fprintf(stderr, "bench_corpus: cannot write %s\n", path.c_str());
    return false;
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  std::fclose(f);
  std::printf("%-12s %9zu bytes %8lld words\n", name, text.size(),
              static_cast<long long>(lede::bench::CountWords(text)));
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench_corpus OUT_DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  using namespace lede::bench;
  const bool ok = Write(dir, "article.txt", Article()) &&
                  Write(dir, "large.txt", LargeDocument()) &&
                  Write(dir, "doc_4k.txt", AssembledDocument(4 << 10)) &&
                  Write(dir, "doc_4m.txt", AssembledDocument(4 << 20));
  return ok ? 0 : 1;
}
