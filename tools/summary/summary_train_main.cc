// summary_train: fits the summary stage's sentence model, an L2-regularized
// logistic regression over the features of engine/summary/features.h, and
// writes it as a "summary" model file.
//
//   summary_train [--bbc=PATH] [--out=models/summary.bin] [--l2=1.0]
//
// Training data: the BBC News Summary dev categories, train split only
// (articles whose id hash is not 0 mod 5; see tools/summary/summary_data.h).
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
#include "tools/summary/summary_data.h"

ABSL_FLAG(std::string, bbc,
          lede::tools::SharedDataPath(
              "bbc-news-summary-dev/bbc_news_summary.dev.jsonl"),
          "BBC News Summary dev JSONL");
ABSL_FLAG(std::string, out, "models/summary.bin", "model file to write");
ABSL_FLAG(double, l2, 1.0, "L2 penalty (not on the bias)");
ABSL_FLAG(int, iterations, 25, "Newton iterations");

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
    Segmentation seg = (*segmenter)->Segment(d.text);
    std::vector<bool> gold = LabelSentences(d.text, seg, d.reference);
    DocumentFeatures f = ExtractSummaryFeatures(d.text, seg, {});
    for (size_t c = 0; c < f.candidates.size(); ++c) {
      rows.push_back(f.rows[c]);
      rows.back()[kFeatEntity] = 0;
      labels.push_back(gold[f.candidates[c]] ? 1 : 0);
    }
  }
  double positives = 0;
  for (double y : labels) positives += y;
  std::printf("training on %d articles, %zu sentences, %.1f%% positive\n", used,
              rows.size(), 100 * positives / rows.size());

  const double l2 = absl::GetFlag(FLAGS_l2);
  std::vector<double> w(kF, 0);
  for (int it = 0; it < absl::GetFlag(FLAGS_iterations); ++it) {
    std::vector<double> grad(kF, 0), hess(kF * kF, 0);
    double loss = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      double z = 0;
      for (int f = 0; f < kF; ++f) z += w[f] * rows[i][f];
      const double p = 1 / (1 + std::exp(-z));
      loss -= labels[i] ? std::log(std::max(p, 1e-12))
                        : std::log(std::max(1 - p, 1e-12));
      const double g = p - labels[i], h = p * (1 - p);
      for (int a = 0; a < kF; ++a) {
        if (rows[i][a] == 0) continue;
        grad[a] += g * rows[i][a];
        for (int b = 0; b < kF; ++b)
          hess[a * kF + b] += h * rows[i][a] * rows[i][b];
      }
    }
    for (int f = 0; f < kF; ++f) {
      const double reg = f == kFeatBias ? 1e-6 : l2;
      grad[f] += reg * w[f];
      hess[f * kF + f] += reg;
      loss += 0.5 * (f == kFeatBias ? 0 : l2) * w[f] * w[f];
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
  writer.AddSection("info", absl::StrCat("logreg, BBC dev train split, ", used,
                                         " articles, l2=", l2));
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
