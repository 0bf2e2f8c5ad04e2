#ifndef LEDE_ENGINE_PIPELINE_H_
#define LEDE_ENGINE_PIPELINE_H_

// Pipeline: the only place that knows the order of the engine's stages.
//
//   UTF-8 check → segmentation → reference time (request or dateline)
//     → entities → dates → quotes (adds speaker mentions to entities)
//     → summary
//
// Each stage runs only when requested or needed by a requested stage (quotes
// need entities).

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"
#include "engine/dates/reference_time.h"

namespace lede {

class Segmenter;
class EntityRecognizer;
class DateTagger;
class QuoteFinder;
class Summarizer;

struct PipelineOptions {
  // Directory with the model files (see models/README in the source tree).
  std::string model_dir;
};

// AnalyzeOptions
//
// What one call asks for. All four feature flags false means all of them.
struct AnalyzeOptions {
  bool summary = false;
  bool entities = false;
  bool dates = false;
  bool quotes = false;
  // At most this many summary sentences (fewer when they are long; see
  // Summarizer). 0 means the default (3). Negative or above
  // kMaxSummarySentences: INVALID_ARGUMENT.
  int max_sentences = 0;
  bool summary_score_order = false;
  // No word budget: `max_sentences` whenever there are that many candidates.
  bool summary_exact_count = false;
  // RFC 3339; empty means "look for a dateline".
  std::string reference_time;
  // Polled between stages, and between sentences inside the long stages
  // (engine/text/cancel.h); when it returns true the analysis stops and
  // Analyze() returns `interrupted_status`. Called from the analyzing thread.
  std::function<bool()> interrupted;
  absl::Status interrupted_status = absl::CancelledError("analysis cancelled");
};

inline constexpr int kDefaultSummarySentences = 3;
inline constexpr int kMaxSummarySentences = 1000;

// AnalysisResult
//
// All spans are byte offsets into the analyzed text.
struct AnalysisResult {
  Segmentation segmentation;
  ReferenceTime reference;
  std::vector<Entity> entities;          // empty unless requested
  std::vector<TimeExpression> dates;     // empty unless requested
  std::vector<Quote> quotes;             // empty unless requested
  std::vector<SummarySentence> summary;  // empty unless requested
};

// Pipeline
//
// Built once with Create() (loads models), then immutable and safe to share
// across threads.
class Pipeline {
 public:
  static absl::StatusOr<std::unique_ptr<Pipeline>> Create(
      const PipelineOptions& options);
  ~Pipeline();

  // Analyzes `text`. Errors: INVALID_ARGUMENT for invalid UTF-8 (naming the
  // byte offset), a malformed reference time, or out-of-range options; the
  // interrupted status when `options.interrupted` fires.
  absl::StatusOr<AnalysisResult> Analyze(std::string_view text,
                                         const AnalyzeOptions& options) const;

  // One line per loaded model, for ServerInfo.
  std::vector<std::string> ModelIds() const;

 private:
  Pipeline();
  std::unique_ptr<Segmenter> segmenter_;
  std::unique_ptr<EntityRecognizer> entities_;
  std::unique_ptr<DateTagger> dates_;
  std::unique_ptr<QuoteFinder> quotes_;
  std::unique_ptr<Summarizer> summarizer_;
};

// DefaultModelDir()
//
// $LEDE_MODEL_DIR when set; else the source tree's models/ when running from
// a build tree; else the installed models directory.
std::string DefaultModelDir();

}  // namespace lede

#endif  // LEDE_ENGINE_PIPELINE_H_
