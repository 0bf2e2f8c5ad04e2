#ifndef LEDE_ENGINE_QUOTES_QUOTE_FINDER_H_
#define LEDE_ENGINE_QUOTES_QUOTE_FINDER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"

namespace lede {

struct QuoteSpec {};

// QuoteFinder
//
// Finds quotations and attributes each to a speaker entity and a cue.
//
// Immutable after Create(); safe to share across threads.
class QuoteFinder {
 public:
  static absl::StatusOr<std::unique_ptr<QuoteFinder>> Create(const QuoteSpec& spec);

  // Quotes in document order. The mentions that name speakers but are not yet
  // mentions of their entity ("he", "the spokesman") are added to that entity
  // in `*entities` (typed PRONOUN or NOMINAL, keeping document order), so
  // every `Quote::speaker_span` is a mention of the entity named by
  // `Quote::speaker`.
  std::vector<Quote> Find(std::string_view text, const Segmentation& seg,
                          std::vector<Entity>* entities) const;

 private:
  QuoteFinder() = default;
};

}  // namespace lede

#endif  // LEDE_ENGINE_QUOTES_QUOTE_FINDER_H_
