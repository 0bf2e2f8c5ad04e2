#ifndef LEDE_ENGINE_SUMMARY_SUMMARIZER_H_
#define LEDE_ENGINE_SUMMARY_SUMMARIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"

namespace lede {

struct SummarySpec {
  // Directory holding the summary model, if the summarizer uses one.
  std::string model_dir;
};

struct SummaryRequest {
  // At most this many sentences; >= 0 (validated by the pipeline).
  int max_sentences = 3;
  // Best first instead of document order.
  bool score_order = false;
};

// Summarizer
//
// Picks the sentences that best summarize a news article, keeping page debris
// (captions, credits, "Advertising", bylines) and near-duplicates out.
//
// Immutable after Create(); safe to share across threads.
class Summarizer {
 public:
  static absl::StatusOr<std::unique_ptr<Summarizer>> Create(const SummarySpec& spec);

  std::vector<SummarySentence> Summarize(std::string_view text,
                                         const Segmentation& seg,
                                         const std::vector<Entity>& entities,
                                         const SummaryRequest& request) const;

 private:
  Summarizer() = default;
};

}  // namespace lede

#endif  // LEDE_ENGINE_SUMMARY_SUMMARIZER_H_
