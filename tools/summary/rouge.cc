#include "tools/summary/rouge.h"

#include <libstemmer.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"

namespace lede::tools {

struct RougeScorer::Impl {
  sb_stemmer* stemmer = sb_stemmer_new("porter", "UTF_8");
  absl::flat_hash_map<std::string, std::string> cache;
};

RougeScorer::RougeScorer() : impl_(new Impl) {}
RougeScorer::~RougeScorer() {
  if (impl_->stemmer != nullptr) sb_stemmer_delete(impl_->stemmer);
  delete impl_;
}

std::vector<std::string> RougeScorer::Tokenize(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !absl::ascii_isalnum(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && absl::ascii_isalnum(s[j])) ++j;
    if (j == i) break;
    std::string w(s.substr(i, j - i));
    absl::AsciiStrToLower(&w);
    if (w.size() > 3 && impl_->stemmer != nullptr) {
      auto it = impl_->cache.find(w);
      if (it == impl_->cache.end()) {
        const sb_symbol* st = sb_stemmer_stem(
            impl_->stemmer, reinterpret_cast<const sb_symbol*>(w.data()),
            static_cast<int>(w.size()));
        std::string stem(reinterpret_cast<const char*>(st),
                         sb_stemmer_length(impl_->stemmer));
        it = impl_->cache.emplace(w, std::move(stem)).first;
      }
      w = it->second;
    }
    out.push_back(std::move(w));
    i = j;
  }
  return out;
}

namespace {

double F1(double hits, double cand, double ref) {
  if (hits <= 0 || cand <= 0 || ref <= 0) return 0;
  const double p = hits / cand, r = hits / ref;
  return 2 * p * r / (p + r);
}

double NGramF1(const std::vector<std::string>& c,
               const std::vector<std::string>& r, int n) {
  auto grams = [n](const std::vector<std::string>& t) {
    std::map<std::vector<std::string>, int> g;
    for (size_t i = 0; i + n <= t.size(); ++i) {
      g[std::vector<std::string>(t.begin() + i, t.begin() + i + n)]++;
    }
    return g;
  };
  auto gc = grams(c), gr = grams(r);
  double hits = 0, total_c = 0, total_r = 0;
  for (const auto& [k, v] : gc) total_c += v;
  for (const auto& [k, v] : gr) {
    total_r += v;
    auto it = gc.find(k);
    if (it != gc.end()) hits += std::min(v, it->second);
  }
  return F1(hits, total_c, total_r);
}

// Positions of `ref` on one longest common subsequence with `cand`.
std::vector<size_t> LcsPositions(const std::vector<std::string>& ref,
                                 const std::vector<std::string>& cand) {
  const size_t n = ref.size(), m = cand.size();
  std::vector<std::vector<int>> t(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      t[i][j] = ref[i - 1] == cand[j - 1] ? t[i - 1][j - 1] + 1
                                          : std::max(t[i - 1][j], t[i][j - 1]);
    }
  }
  std::vector<size_t> pos;
  size_t i = n, j = m;
  while (i > 0 && j > 0) {
    if (ref[i - 1] == cand[j - 1]) {
      pos.push_back(i - 1);
      --i;
      --j;
    } else if (t[i - 1][j] >= t[i][j - 1]) {
      --i;
    } else {
      --j;
    }
  }
  return pos;
}

}  // namespace

RougeScores RougeScorer::Score(const std::vector<std::string>& candidate,
                               const std::vector<std::string>& reference) {
  std::vector<std::vector<std::string>> cs, rs;
  std::vector<std::string> call, rall;
  for (const std::string& s : candidate) {
    cs.push_back(Tokenize(s));
    call.insert(call.end(), cs.back().begin(), cs.back().end());
  }
  for (const std::string& s : reference) {
    rs.push_back(Tokenize(s));
    rall.insert(rall.end(), rs.back().begin(), rs.back().end());
  }
  RougeScores out;
  out.rouge1 = NGramF1(call, rall, 1);
  out.rouge2 = NGramF1(call, rall, 2);
  // ROUGE-Lsum: per reference sentence, the union of its LCS hits with each
  // candidate sentence, with token counts clipped across the summary.
  std::map<std::string, int> cand_left, ref_left;
  for (const auto& t : call) cand_left[t]++;
  for (const auto& t : rall) ref_left[t]++;
  double hits = 0;
  for (const auto& r : rs) {
    std::vector<bool> in_union(r.size(), false);
    for (const auto& c : cs) {
      for (size_t p : LcsPositions(r, c)) in_union[p] = true;
    }
    for (size_t p = 0; p < r.size(); ++p) {
      if (!in_union[p]) continue;
      const std::string& tok = r[p];
      if (cand_left[tok] > 0 && ref_left[tok] > 0) {
        ++hits;
        --cand_left[tok];
        --ref_left[tok];
      }
    }
  }
  out.rougeL = F1(hits, call.size(), rall.size());
  return out;
}

int CountWords(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::vector<std::string> TruncateToWords(
    const std::vector<std::string>& sentences, int budget) {
  std::vector<std::string> out;
  int used = 0;
  for (const std::string& s : sentences) {
    if (used >= budget) break;
    std::string kept;
    size_t i = 0;
    while (i < s.size() && used < budget) {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
      if (i == s.size()) break;
      const size_t b = i;
      while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
      if (!kept.empty()) kept.push_back(' ');
      kept.append(s, b, i - b);
      ++used;
    }
    if (!kept.empty()) out.push_back(std::move(kept));
  }
  return out;
}

}  // namespace lede::tools
