// ner_clusters: learns binary word clusters from unlabeled text for the
// named-entity tagger's features.
//
// Every word (ASCII-lowercased token of the project's segmenter) seen at
// least --min_count times gets a context vector: how often each of the
// --contexts most frequent words occurs just left and just right of it
// (square-root of conditional probabilities, so frequent contexts do not
// drown rare ones), randomly projected to --dims dimensions. Bisecting
// spherical 2-means then splits the vocabulary recursively; a word's cluster
// is its path in that tree ("0110"), so prefixes give coarser clusters, as
// with Brown clusters. Deterministic for a given --seed.
//
//   ner_clusters --jsonl a.jsonl,b.jsonl --bio train.bio.tsv --out c.tsv
//
// Output: word<TAB>path lines, read by ner_train --clusters.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_split.h"
#include "engine/text/segmenter.h"

ABSL_FLAG(std::string, jsonl, "",
          "comma-separated JSON-lines files; each line's \"text\" (and "
          "\"title\") string is read");
ABSL_FLAG(std::string, bio, "",
          "comma-separated token<TAB>tag files; only the tokens are read");
ABSL_FLAG(std::string, out, "", "output file");
ABSL_FLAG(int, min_count, 4, "minimum word frequency");
ABSL_FLAG(int, max_words, 80000, "most frequent words to cluster");
ABSL_FLAG(int, contexts, 1000, "context words (most frequent)");
ABSL_FLAG(int, dims, 96, "random projection dimensions");
ABSL_FLAG(int, depth, 14, "maximum tree depth (bits per path)");
ABSL_FLAG(int, min_cluster, 12, "clusters this small are not split");
ABSL_FLAG(int, seed, 7, "seed for the projection and initial centroids");

namespace lede {
namespace ner {
namespace {

// Appends the code point `cp` as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The decoded value of the JSON string member `key` of one JSON object line,
// or empty. Enough JSON for our data files; not a general parser.
std::string JsonString(const std::string& line, const std::string& key) {
  const std::string pat = "\"" + key + "\": \"";
  size_t p = line.find(pat);
  if (p == std::string::npos) return "";
  p += pat.size();
  std::string out;
  while (p < line.size() && line[p] != '"') {
    char c = line[p++];
    if (c != '\\' || p >= line.size()) {
      out.push_back(c);
      continue;
    }
    c = line[p++];
    switch (c) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'r':
        break;
      case 'u':
        if (p + 4 <= line.size()) {
          AppendUtf8(
              static_cast<uint32_t>(std::stoul(line.substr(p, 4), nullptr, 16)),
              &out);
          p += 4;
        }
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string Lower(std::string_view w) {
  std::string s(w);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

struct Corpus {
  absl::flat_hash_map<std::string, int32_t> ids;
  std::vector<std::string> words;
  std::vector<int64_t> counts;
  std::vector<int32_t> stream;  // word ids; -1 between sentences

  int32_t Id(std::string_view w) {
    auto [it, added] =
        ids.try_emplace(Lower(w), static_cast<int32_t>(words.size()));
    if (added) {
      words.push_back(it->first);
      counts.push_back(0);
    }
    ++counts[it->second];
    return it->second;
  }
};

void AddText(const Segmenter& seg, const std::string& text, Corpus* c) {
  const Segmentation s = seg.Segment(text);
  for (const SentenceInfo& si : s.sentences) {
    for (int32_t k = 0; k < si.token_count; ++k) {
      c->stream.push_back(c->Id(s.tokens[si.first_token + k].span.Of(text)));
    }
    c->stream.push_back(-1);
  }
}

void Normalize(float* v, int d) {
  double n = 0;
  for (int i = 0; i < d; ++i) n += double(v[i]) * v[i];
  const float inv = n > 0 ? static_cast<float>(1.0 / std::sqrt(n)) : 0.0f;
  for (int i = 0; i < d; ++i) v[i] *= inv;
}

// Splits `members` (rows of `vec`) in two by spherical 2-means; recurses.
void Bisect(const std::vector<float>& vec, int d, std::vector<int32_t> members,
            const std::string& path, int depth, int min_cluster,
            std::mt19937_64& rng, std::vector<std::string>* paths) {
  if (depth == 0 || static_cast<int>(members.size()) < min_cluster) {
    for (int32_t m : members) (*paths)[m] = path.empty() ? "0" : path;
    return;
  }
  const size_t seed = size_t(members[rng() % members.size()]) * d;
  std::vector<float> c0(vec.begin() + seed, vec.begin() + seed + d);
  std::vector<float> c1(d);
  // Second seed: the member least similar to the first.
  {
    float worst = 2;
    int32_t arg = members[0];
    for (int32_t m : members) {
      float dot = 0;
      for (int i = 0; i < d; ++i) dot += vec[size_t(m) * d + i] * c0[i];
      if (dot < worst) worst = dot, arg = m;
    }
    std::copy(vec.begin() + size_t(arg) * d, vec.begin() + size_t(arg) * d + d,
              c1.begin());
  }
  std::vector<uint8_t> side(members.size(), 0);
  for (int iter = 0; iter < 12; ++iter) {
    std::vector<float> s0(d, 0), s1(d, 0);
    int n0 = 0, n1 = 0;
    for (size_t j = 0; j < members.size(); ++j) {
      const float* v = vec.data() + size_t(members[j]) * d;
      float d0 = 0, d1 = 0;
      for (int i = 0; i < d; ++i) d0 += v[i] * c0[i], d1 += v[i] * c1[i];
      side[j] = d1 > d0;
      float* s = side[j] ? s1.data() : s0.data();
      for (int i = 0; i < d; ++i) s[i] += v[i];
      (side[j] ? n1 : n0)++;
    }
    if (n0 == 0 || n1 == 0) break;
    Normalize(s0.data(), d);
    Normalize(s1.data(), d);
    c0 = s0;
    c1 = s1;
  }
  std::vector<int32_t> a, b;
  for (size_t j = 0; j < members.size(); ++j) {
    (side[j] ? b : a).push_back(members[j]);
  }
  if (a.empty() || b.empty()) {
    for (int32_t m : members) (*paths)[m] = path.empty() ? "0" : path;
    return;
  }
  members.clear();
  members.shrink_to_fit();
  Bisect(vec, d, std::move(a), path + "0", depth - 1, min_cluster, rng, paths);
  Bisect(vec, d, std::move(b), path + "1", depth - 1, min_cluster, rng, paths);
}

int Main() {
  auto seg = Segmenter::Create(SegmenterSpec{});
  if (!seg.ok()) return 1;
  Corpus corpus;
  for (absl::string_view p :
       absl::StrSplit(absl::GetFlag(FLAGS_jsonl), ',', absl::SkipEmpty())) {
    std::ifstream in{std::string(p)};
    if (!in) {
      std::fprintf(stderr, "%s: cannot open\n", std::string(p).c_str());
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      for (const char* key : {"title", "text"}) {
        const std::string t = JsonString(line, key);
        if (!t.empty()) AddText(**seg, t, &corpus);
      }
    }
  }
  for (absl::string_view p :
       absl::StrSplit(absl::GetFlag(FLAGS_bio), ',', absl::SkipEmpty())) {
    std::ifstream in{std::string(p)};
    if (!in) {
      std::fprintf(stderr, "%s: cannot open\n", std::string(p).c_str());
      return 1;
    }
    std::string line, sentence;
    auto flush = [&] {
      if (!sentence.empty()) AddText(**seg, sentence, &corpus);
      sentence.clear();
    };
    while (std::getline(in, line)) {
      const std::string tok = line.substr(0, line.find('\t'));
      if (tok.empty() || tok == "-DOCSTART-") {
        flush();
        continue;
      }
      if (!sentence.empty()) sentence += ' ';
      sentence += tok;
    }
    flush();
  }
  const int V = static_cast<int>(corpus.words.size());
  std::vector<int32_t> by_freq(V);
  for (int i = 0; i < V; ++i) by_freq[i] = i;
  std::sort(by_freq.begin(), by_freq.end(), [&](int32_t a, int32_t b) {
    return corpus.counts[a] != corpus.counts[b]
               ? corpus.counts[a] > corpus.counts[b]
               : corpus.words[a] < corpus.words[b];
  });
  const int C = std::min(absl::GetFlag(FLAGS_contexts), V);
  std::vector<int32_t> ctx_of(V, -1), row_of(V, -1);
  for (int i = 0; i < C; ++i) ctx_of[by_freq[i]] = i;
  std::vector<int32_t> rows;
  for (int i = 0;
       i < V && static_cast<int>(rows.size()) < absl::GetFlag(FLAGS_max_words);
       ++i) {
    if (corpus.counts[by_freq[i]] < absl::GetFlag(FLAGS_min_count)) break;
    row_of[by_freq[i]] = static_cast<int32_t>(rows.size());
    rows.push_back(by_freq[i]);
  }
  const int R = static_cast<int>(rows.size());
  std::fprintf(stderr, "%zu tokens, %d types, clustering %d words\n",
               corpus.stream.size(), V, R);

  // Sparse context counts per clustered word: key = side * (C + 1) +
  // context, where context C stands for the sentence edge; other words are
  // not contexts.
  std::vector<absl::flat_hash_map<int32_t, float>> ctx(R);
  std::vector<double> ctx_total(2 * (C + 1), 0.0);
  double total = 0;
  for (size_t i = 0; i < corpus.stream.size(); ++i) {
    const int32_t w = corpus.stream[i];
    if (w < 0) continue;
    const int32_t l = i > 0 ? corpus.stream[i - 1] : -1;
    const int32_t r = i + 1 < corpus.stream.size() ? corpus.stream[i + 1] : -1;
    const int32_t lk = l < 0 ? C : ctx_of[l];
    const int32_t rk = r < 0 ? C : ctx_of[r];
    total += 1;
    if (lk >= 0) ctx_total[lk] += 1;
    if (rk >= 0) ctx_total[(C + 1) + rk] += 1;
    if (row_of[w] < 0) continue;
    auto& m = ctx[row_of[w]];
    if (lk >= 0) m[lk] += 1;
    if (rk >= 0) m[(C + 1) + rk] += 1;
  }
  const int D = absl::GetFlag(FLAGS_dims);
  std::mt19937_64 rng(static_cast<uint64_t>(absl::GetFlag(FLAGS_seed)));
  std::vector<float> proj(size_t(2 * (C + 1)) * D);
  for (float& p : proj) p = (rng() & 1) ? 1.0f : -1.0f;
  std::vector<float> vec(size_t(R) * D, 0.0f);
  for (int r = 0; r < R; ++r) {
    const double wc = static_cast<double>(corpus.counts[rows[r]]);
    float* v = vec.data() + size_t(r) * D;
    for (const auto& [k, n] : ctx[r]) {
      // Positive pointwise mutual information of word and context.
      const double pmi = std::log(n * total / (wc * ctx_total[k]));
      if (pmi <= 0) continue;
      const float x = static_cast<float>(pmi);
      const float* p = proj.data() + size_t(k) * D;
      for (int i = 0; i < D; ++i) v[i] += x * p[i];
    }
    Normalize(v, D);
  }
  ctx.clear();
  std::vector<int32_t> all(R);
  for (int r = 0; r < R; ++r) all[r] = r;
  std::vector<std::string> paths(R);
  Bisect(vec, D, std::move(all), "", absl::GetFlag(FLAGS_depth),
         absl::GetFlag(FLAGS_min_cluster), rng, &paths);
  std::ofstream out(absl::GetFlag(FLAGS_out));
  if (!out) {
    std::fprintf(stderr, "%s: cannot write\n",
                 absl::GetFlag(FLAGS_out).c_str());
    return 1;
  }
  std::vector<int> order(R);
  for (int r = 0; r < R; ++r) order[r] = r;
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return corpus.words[rows[a]] < corpus.words[rows[b]];
  });
  for (int r : order) out << corpus.words[rows[r]] << '\t' << paths[r] << '\n';
  std::fprintf(stderr, "wrote %d words to %s\n", R,
               absl::GetFlag(FLAGS_out).c_str());
  return 0;
}

}  // namespace
}  // namespace ner
}  // namespace lede

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return lede::ner::Main();
}
