#ifndef LEDE_ENGINE_SUMMARY_SUMMARIZER_H_
#define LEDE_ENGINE_SUMMARY_SUMMARIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"
#include "engine/summary/features.h"

namespace lede {

struct SummarySpec {
  // Directory holding the summary model (`summary.bin`). Empty, or a
  // directory without that file, means the built-in heuristic weights.
  std::string model_dir;
};

struct SummaryRequest {
  // At most this many sentences; >= 0 (validated by the pipeline). 0 gives
  // an empty summary (the pipeline maps a request's 0 to its default first).
  // Fewer come back when the document's best sentences are long (see the
  // word budget in Summarizer; `exact_count` turns it off).
  int max_sentences = 3;
  // Best first instead of document order.
  bool score_order = false;
  // No word budget: `max_sentences` whenever there are that many candidates
  // (redundant ones are still skipped).
  bool exact_count = false;
};

// Summarizer
//
// Picks the sentences that best summarize a news article, keeping page debris
// (captions, credits, "Advertising", bylines) and near-duplicates out.
//
// Each sentence that is not debris (see engine/summary/boilerplate.h) gets a
// score from a logistic model over the features of engine/summary/features.h:
// position and lead bias, centrality (cosine to the TF-ISF centroid), length
// and form, and entity salience when `entities` is non-empty. The weights
// come from `<model_dir>/summary.bin` when present (trained by
// tools/summary/summary_train; see models/SUMMARY_CARD.md), else from
// built-in heuristic weights. Entity salience always adds a fixed weight on
// top of the model, since the training data carries no entities, and so does
// the lead (`kLeadBonus`).
//
// Selection first goes through the sentences the model calls likely summary
// sentences (score >= kLikelyScore) in document order, as news puts the
// story first, then through the rest best first. It skips a sentence whose
// content stems overlap an already selected sentence too much, so each
// sentence is compared with at most `max_sentences` others, and it stops
// early when the next sentence would take the summary past a word budget of
// `max_sentences` sentences of the document's mean length (times
// kLengthBudget): a document whose best sentences are long gets fewer of
// them. The first sentence is always taken. Time is linear in the length of
// the text (plus a sort of the sentences by score).
//
// Immutable after Create(); safe to share across threads.
class Summarizer {
 public:
  // Errors: a `summary.bin` that exists but is corrupt, of another kind or
  // version, or trained with other features (the message says to retrain).
  static absl::StatusOr<std::unique_ptr<Summarizer>> Create(
      const SummarySpec& spec);

  // Creates a summarizer with explicit `weights` (for the trainer and tests).
  static std::unique_ptr<Summarizer> FromWeights(
      const SummaryFeatureRow& weights, std::string model_id);

  // The built-in heuristic weights used when no model file is present.
  static SummaryFeatureRow HeuristicWeights();

  // Returns up to `request.max_sentences` sentences of `seg` with their
  // scores (probability-like, in (0, 1)), in document order or, with
  // `request.score_order`, best first. Fewer than `max_sentences` when the
  // text has fewer candidates or the word budget (see above) is spent. Empty
  // for an empty text. Never returns debris; a text whose lines are all
  // fragments (no final punctuation) yields its best fragments.
  std::vector<SummarySentence> Summarize(std::string_view text,
                                         const Segmentation& seg,
                                         const std::vector<Entity>& entities,
                                         const SummaryRequest& request) const;

  // "summary.bin v1 (<info>)" or "heuristic", for ServerInfo.
  const std::string& ModelId() const { return model_id_; }

  // Largest overlap (engine/summary/features.h StemOverlap) allowed between
  // two selected sentences.
  static constexpr float kMaxOverlap = 0.6f;
  // Weight of the entity-salience feature added to the model's score.
  static constexpr float kEntityWeight = 1.0f;
  // Added to the first body sentence's score on top of the model: the BBC
  // labels the model learns from barely favour the lead, but a news summary
  // without its lead reads oddly (and GUM's human summaries follow it).
  static constexpr float kLeadBonus = 2.0f;
  // Sentences scoring at least this are taken in document order before the
  // rest. Chosen on GUM's train split and BBC's train split
  // (models/SUMMARY_CARD.md).
  static constexpr float kLikelyScore = 0.7f;
  // The summary's word budget in sentences of the document's mean length,
  // per requested sentence. Chosen like kLikelyScore.
  static constexpr float kLengthBudget = 1.25f;

 private:
  Summarizer() = default;
  SummaryFeatureRow weights_{};
  std::string model_id_;
};

// The model file's kind and version, and its file name inside a model dir.
inline constexpr std::string_view kSummaryModelKind = "summary";
inline constexpr uint32_t kSummaryModelVersion = 1;
inline constexpr std::string_view kSummaryModelFile = "summary.bin";

}  // namespace lede

#endif  // LEDE_ENGINE_SUMMARY_SUMMARIZER_H_
