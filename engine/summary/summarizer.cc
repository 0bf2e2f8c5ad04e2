#include "engine/summary/summarizer.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "engine/model/model_file.h"
#include "engine/text/string_view.h"

namespace lede {
namespace {

bool FileExists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

SummaryFeatureRow Summarizer::HeuristicWeights() {
  SummaryFeatureRow w{};
  w[kFeatBias] = -2.0f;
  w[kFeatLead0] = 2.0f;
  w[kFeatLead1] = 0.6f;
  w[kFeatLead2] = 0.3f;
  w[kFeatInvRank] = 1.0f;
  w[kFeatRelPos] = -0.8f;
  w[kFeatParaFirst] = 0.3f;
  w[kFeatCentroid] = 2.5f;
  w[kFeatCentroidRank] = 0.5f;
  w[kFeatLeadSim] = 0.8f;
  w[kFeatLogWords] = 0.5f;
  w[kFeatShort] = -1.0f;
  w[kFeatLong] = -0.3f;
  w[kFeatHasQuote] = -0.2f;
  w[kFeatStartsQuote] = -0.4f;
  w[kFeatDangling] = -0.5f;
  w[kFeatCapitals] = 0.3f;
  w[kFeatMeanTf] = 0.3f;
  w[kFeatSumTf] = 0.5f;
  w[kFeatFragment] = -3.0f;
  w[kFeatTitleSim] = 1.0f;
  return w;
}

std::unique_ptr<Summarizer> Summarizer::FromWeights(
    const SummaryFeatureRow& weights, std::string model_id) {
  std::unique_ptr<Summarizer> s(new Summarizer());
  s->weights_ = weights;
  s->model_id_ = std::move(model_id);
  return s;
}

absl::StatusOr<std::unique_ptr<Summarizer>> Summarizer::Create(
    const SummarySpec& spec) {
  const std::string path =
      spec.model_dir.empty()
          ? std::string()
          : absl::StrCat(spec.model_dir, "/", AsAbsl(kSummaryModelFile));
  if (path.empty() || !FileExists(path)) {
    return FromWeights(HeuristicWeights(), "heuristic");
  }
  auto file = ModelFile::Load(path, kSummaryModelKind, kSummaryModelVersion);
  if (!file.ok()) return file.status();
  auto names = file->Section("features");
  if (!names.ok()) return names.status();
  auto weights = file->Section("weights");
  if (!weights.ok()) return weights.status();
  ByteReader nr(*names);
  const uint64_t count = nr.VarU();
  const auto& expected = SummaryFeatureNames();
  if (count != expected.size()) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": model has ", count, " features, this build computes ",
        expected.size(), "; retrain with tools/summary/summary_train"));
  }
  for (size_t i = 0; i < count; ++i) {
    std::string_view name = nr.Str();
    if (name != expected[i]) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, ": feature ", i, " is '", AsAbsl(name), "', this build has '",
          AsAbsl(expected[i]), "'; retrain with tools/summary/summary_train"));
    }
  }
  SummaryFeatureRow w{};
  ByteReader wr(*weights);
  for (size_t i = 0; i < count; ++i) {
    w[i] = wr.F32();
    if (!std::isfinite(w[i])) {
      return absl::DataLossError(
          absl::StrCat(path, ": weight ", i, " is not finite"));
    }
  }
  if (!nr.ok() || !wr.ok() || !wr.done()) {
    return absl::DataLossError(
        absl::StrCat(path, ": truncated features or weights section"));
  }
  std::string info = "summary.bin v1";
  if (file->HasSection("info")) {
    auto s = file->Section("info");
    if (s.ok()) info = absl::StrCat(info, " (", AsAbsl(*s), ")");
  }
  return FromWeights(w, std::move(info));
}

std::vector<SummarySentence> Summarizer::Summarize(
    std::string_view text, const Segmentation& seg,
    const std::vector<Entity>& entities, const SummaryRequest& request) const {
  std::vector<SummarySentence> out;
  if (request.max_sentences <= 0 || seg.sentences.empty()) return out;
  const DocumentFeatures doc = ExtractSummaryFeatures(text, seg, entities);
  const size_t m = doc.candidates.size();
  if (m == 0) return out;

  std::vector<float> scores(m);
  for (size_t c = 0; c < m; ++c) {
    float z = 0;
    for (int f = 0; f < kNumSummaryFeatures; ++f) {
      if (f == kFeatEntity) continue;
      z += weights_[f] * doc.rows[c][f];
    }
    z += kEntityWeight * doc.rows[c][kFeatEntity];
    z += kLeadBonus * doc.rows[c][kFeatLead0];
    scores[c] = 1.0f / (1.0f + std::exp(-z));
  }
  // Candidates in the order selection considers them: first those the model
  // calls likely summary sentences (score >= kLikelyScore) in document order,
  // then the rest best first (ties to the earlier sentence).
  std::vector<int32_t> order(m);
  for (size_t c = 0; c < m; ++c) order[c] = static_cast<int32_t>(c);
  const auto rest = std::stable_partition(
      order.begin(), order.end(),
      [&](int32_t c) { return scores[c] >= kLikelyScore; });
  std::stable_sort(rest, order.end(),
                   [&](int32_t a, int32_t b) { return scores[a] > scores[b]; });

  // The word budget: kLengthBudget times max_sentences sentences of the
  // document's mean length. The first sentence is always taken.
  double mean_words = 0;
  for (int32_t w : doc.words) mean_words += w;
  mean_words /= static_cast<double>(m);
  const double budget = kLengthBudget * request.max_sentences * mean_words;

  const size_t want = std::min<size_t>(request.max_sentences, m);
  std::vector<int32_t> chosen;
  chosen.reserve(want);
  double words = 0;
  for (int32_t c : order) {
    if (chosen.size() == want) break;
    bool redundant = false;
    for (int32_t k : chosen) {
      if (StemOverlap(doc.stems[c], doc.stems[k]) > kMaxOverlap) {
        redundant = true;
        break;
      }
    }
    if (redundant) continue;
    if (!request.exact_count && !chosen.empty() &&
        words + doc.words[c] > budget) {
      break;
    }
    chosen.push_back(c);
    words += doc.words[c];
  }
  if (request.score_order) {
    std::stable_sort(chosen.begin(), chosen.end(), [&](int32_t a, int32_t b) {
      return scores[a] > scores[b];
    });
  } else {
    std::sort(chosen.begin(), chosen.end());
  }
  out.reserve(chosen.size());
  for (int32_t c : chosen) {
    out.push_back({doc.candidates[c], scores[c]});
  }
  return out;
}

}  // namespace lede
