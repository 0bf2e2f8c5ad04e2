// summary_train: fits the summary stage's sentence model, an L2-regularized
// logistic regression over the features of engine/summary/features.h, and
// writes it as a "summary" model file.
//
//   summary_train [--bbc=PATH] [--out=models/summary.bin] [--l2=1.0]
//
// Training data: the BBC News Summary dev categories, train split only
// (articles whose id hash is not 0 mod 5; see tools/summary/summary_data.h),
// each with its headline prepended as the first line (--titles) so that the
// title_sim feature is learned; optionally GUM's train split with greedy
// ROUGE-1 oracle labels (--gum_weight). With --heuristic_prior the L2 penalty
// pulls toward the built-in heuristic weights rather than zero, which keeps
// the position and centrality cues that GUM-style news needs while fitting
// the BBC labels. The shipped model: --heuristic_prior --l2=100.
// A sentence of the project's segmentation is positive when the extractive
// reference contains it. The entity feature is held at weight 0 (the data
// has no entities; the summarizer adds it with a fixed weight). Fitting is
// Newton's method (the problem is small: ~20k rows, 23 features).

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "engine/model/model_file.h"
#include "engine/summary/features.h"
#include "engine/summary/summarizer.h"
#include "engine/text/segmenter.h"
#include "tools/summary/rouge.h"
#include "tools/summary/summary_data.h"

ABSL_FLAG(std::string, bbc,
          lede::tools::SharedDataPath(
              "bbc-news-summary-dev/bbc_news_summary.dev.jsonl"),
          "BBC News Summary dev JSONL");
ABSL_FLAG(std::string, out, "models/summary.bin", "model file to write");
ABSL_FLAG(double, l2, 1.0,
          "L2 penalty (not on the bias), pulling the weights toward the "
          "prior");
ABSL_FLAG(bool, heuristic_prior, false,
          "pull the weights toward Summarizer::HeuristicWeights() instead of "
          "toward zero");
ABSL_FLAG(int, iterations, 25, "Newton iterations");
ABSL_FLAG(std::string, gum,
          lede::tools::SharedDataPath("gum-news/gum_news.jsonl"),
          "GUM news JSONL (its train split adds oracle-labelled articles)");
ABSL_FLAG(double, gum_weight, 0,
          "weight of each GUM sentence relative to a BBC one (0: no GUM)");
ABSL_FLAG(bool, titles, true,
          "prepend each BBC headline as the text's first line, so the "
          "title_sim feature gets a weight");

namespace lede::tools {
namespace {

constexpr int kF = kNumSummaryFeatures;

// Solves A x = b (A symmetric positive definite, kF x kF) in place by
// Gaussian elimination with partial pivoting. Returns false when singular.
bool Solve(std::vector<double>& a, std::vector<double>& b) {
  for (int c = 0; c < kF; ++c) {
    int p = c;
    for (int r = c + 1; r < kF; ++r) {
      if (std::fabs(a[r * kF + c]) > std::fabs(a[p * kF + c])) p = r;
    }
    if (std::fabs(a[p * kF + c]) < 1e-12) return false;
    if (p != c) {
      for (int k = 0; k < kF; ++k) std::swap(a[p * kF + k], a[c * kF + k]);
      std::swap(b[p], b[c]);
    }
    for (int r = c + 1; r < kF; ++r) {
      const double f = a[r * kF + c] / a[c * kF + c];
      for (int k = c; k < kF; ++k) a[r * kF + k] -= f * a[c * kF + k];
      b[r] -= f * b[c];
    }
  }
  for (int c = kF - 1; c >= 0; --c) {
    double s = b[c];
    for (int k = c + 1; k < kF; ++k) s -= a[c * kF + k] * b[k];
    b[c] = s / a[c * kF + c];
  }
  return true;
}

int Main() {
  auto docs = LoadBbc(absl::GetFlag(FLAGS_bbc));
  if (!docs.ok()) {
    std::fprintf(stderr, "%s\n", docs.status().ToString().c_str());
    return 2;
  }
  auto segmenter = Segmenter::Create({});
  if (!segmenter.ok()) return 2;

  std::vector<SummaryFeatureRow> rows;
  std::vector<double> labels;
  int used = 0;
  for (const SummaryDoc& d : *docs) {
    if (d.held_out) continue;
    ++used;
    const std::string text = absl::GetFlag(FLAGS_titles) && !d.title.empty()
                                 ? absl::StrCat(d.title, "\n\n", d.text)
                                 : d.text;
    Segmentation seg = (*segmenter)->Segment(text);
    std::vector<bool> gold = LabelSentences(text, seg, d.reference);
    DocumentFeatures f = ExtractSummaryFeatures(text, seg, {});
    for (size_t c = 0; c < f.candidates.size(); ++c) {
      rows.push_back(f.rows[c]);
      rows.back()[kFeatEntity] = 0;
      labels.push_back(gold[f.candidates[c]] ? 1 : 0);
    }
  }
  std::vector<double> weights(rows.size(), 1.0);
  const double gum_weight = absl::GetFlag(FLAGS_gum_weight);
  int gum_used = 0;
  if (gum_weight > 0) {
    auto gum = LoadGum(absl::GetFlag(FLAGS_gum));
    if (!gum.ok()) {
      std::fprintf(stderr, "%s\n", gum.status().ToString().c_str());
      return 2;
    }
    RougeScorer rouge;
    for (const SummaryDoc& d : *gum) {
      if (d.held_out) continue;
      ++gum_used;
      Segmentation seg = (*segmenter)->Segment(d.text);
      DocumentFeatures f = ExtractSummaryFeatures(d.text, seg, {});
      // Oracle labels: greedily add the candidate that most raises ROUGE-1
      // F1 against the human summary, up to three sentences.
      std::vector<bool> pos(f.candidates.size(), false);
      std::vector<std::string> picked;
      double best = 0;
      for (int round = 0; round < 3; ++round) {
        int arg = -1;
        for (size_t c = 0; c < f.candidates.size(); ++c) {
          if (pos[c]) continue;
          std::vector<std::string> trial = picked;
          trial.emplace_back(seg.sentences[f.candidates[c]].span.Of(d.text));
          const double r1 = rouge.Score(trial, d.reference_sentences).rouge1;
          if (r1 > best) {
            best = r1;
            arg = static_cast<int>(c);
          }
        }
        if (arg < 0) break;
        pos[arg] = true;
        picked.emplace_back(seg.sentences[f.candidates[arg]].span.Of(d.text));
      }
      for (size_t c = 0; c < f.candidates.size(); ++c) {
        rows.push_back(f.rows[c]);
        rows.back()[kFeatEntity] = 0;
        labels.push_back(pos[c] ? 1 : 0);
        weights.push_back(gum_weight);
      }
    }
    std::printf("plus %d GUM train-split articles at weight %g\n", gum_used,
                gum_weight);
  }
  double positives = 0;
  for (double y : labels) positives += y;
  std::printf("training on %d articles, %zu sentences, %.1f%% positive\n", used,
              rows.size(), 100 * positives / rows.size());

  const double l2 = absl::GetFlag(FLAGS_l2);
  std::vector<double> w(kF, 0), prior(kF, 0);
  if (absl::GetFlag(FLAGS_heuristic_prior)) {
    const SummaryFeatureRow h = Summarizer::HeuristicWeights();
    for (int f = 0; f < kF; ++f) prior[f] = f == kFeatBias ? 0 : h[f];
    prior[kFeatEntity] = 0;
  }
  for (int it = 0; it < absl::GetFlag(FLAGS_iterations); ++it) {
    std::vector<double> grad(kF, 0), hess(kF * kF, 0);
    double loss = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      double z = 0;
      for (int f = 0; f < kF; ++f) z += w[f] * rows[i][f];
      const double p = 1 / (1 + std::exp(-z));
      loss -= weights[i] * (labels[i] ? std::log(std::max(p, 1e-12))
                                      : std::log(std::max(1 - p, 1e-12)));
      const double g = weights[i] * (p - labels[i]);
      const double h = weights[i] * p * (1 - p);
      for (int a = 0; a < kF; ++a) {
        if (rows[i][a] == 0) continue;
        grad[a] += g * rows[i][a];
        for (int b = 0; b < kF; ++b)
          hess[a * kF + b] += h * rows[i][a] * rows[i][b];
      }
    }
    for (int f = 0; f < kF; ++f) {
      const double reg = f == kFeatBias ? 1e-6 : l2;
      grad[f] += reg * (w[f] - prior[f]);
      hess[f * kF + f] += reg;
      loss += 0.5 * (f == kFeatBias ? 0 : l2) * (w[f] - prior[f]) *
              (w[f] - prior[f]);
    }
    if (!Solve(hess, grad)) {
      std::fprintf(stderr, "singular Hessian at iteration %d\n", it);
      return 2;
    }
    double step = 0;
    for (int f = 0; f < kF; ++f) {
      w[f] -= grad[f];
      step = std::max(step, std::fabs(grad[f]));
    }
    w[kFeatEntity] = 0;
    std::printf("iteration %d: mean loss %.5f, step %.2g\n", it,
                loss / rows.size(), step);
    if (step < 1e-7) break;
  }

  const auto& names = SummaryFeatureNames();
  ByteWriter nw, ww;
  nw.VarU(kF);
  for (int f = 0; f < kF; ++f) {
    nw.Str(names[f]);
    ww.F32(static_cast<float>(w[f]));
    std::printf("  %-14s %+.4f\n", std::string(names[f]).c_str(), w[f]);
  }
  ModelWriter writer(std::string(kSummaryModelKind), kSummaryModelVersion);
  writer.AddSection("features", nw.data());
  writer.AddSection("weights", ww.data());
  std::string info =
      absl::StrCat("logreg, BBC dev train split, ", used, " articles");
  if (gum_used > 0) {
    absl::StrAppend(&info, ", GUM train ", gum_used, " x", gum_weight);
  }
  absl::StrAppend(
      &info, ", l2=", l2,
      absl::GetFlag(FLAGS_heuristic_prior) ? " toward heuristic" : "");
  writer.AddSection("info", info);
  if (absl::Status s = writer.WriteToFile(absl::GetFlag(FLAGS_out)); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 2;
  }
  std::printf("wrote %s\n", absl::GetFlag(FLAGS_out).c_str());
  return 0;
}

}  // namespace
}  // namespace lede::tools

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return lede::tools::Main();
}
