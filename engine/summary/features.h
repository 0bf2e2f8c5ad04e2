#ifndef LEDE_ENGINE_SUMMARY_FEATURES_H_
#define LEDE_ENGINE_SUMMARY_FEATURES_H_

// Sentence features of the summary stage, shared by the summarizer and its
// trainer (tools/summary) so both see exactly the same numbers.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/analysis.h"
#include "engine/summary/boilerplate.h"

namespace lede {

// SummaryFeature
//
// Indices into a feature row. Every value lies roughly in [0, 1]. The order
// and names are part of the model format: a model file lists the names it
// was trained with and the loader refuses a mismatch.
enum SummaryFeature : int {
  kFeatBias = 0,      // always 1
  kFeatLead0,         // first body sentence
  kFeatLead1,         // second body sentence
  kFeatLead2,         // third body sentence
  kFeatInvRank,       // 1 / (1 + position among body sentences)
  kFeatRelPos,        // position among body sentences / count
  kFeatParaFirst,     // first body sentence of its paragraph
  kFeatCentroid,      // cosine to the document's TF-ISF centroid
  kFeatCentroidRank,  // 1 - rank of that cosine / count
  kFeatLeadSim,       // cosine to the first body sentence
  kFeatLogWords,      // log(1 + words) / 4
  kFeatShort,         // fewer than 8 words
  kFeatLong,          // more than 40 words
  kFeatHasQuote,      // contains a quotation mark
  kFeatStartsQuote,   // opens with a quotation mark
  kFeatDangling,      // opens with a pronoun or connective ("He", "But")
  kFeatNumbers,       // share of number tokens
  kFeatCapitals,      // share of capitalized words after the first
  kFeatMeanTf,        // mean log document frequency of its content stems
  kFeatSumTf,         // summed document frequency of its stems / maximum
  kFeatParaRel,       // paragraph index / paragraph count
  kFeatEntity,        // summed salience of entities mentioned, capped at 1
  kFeatFragment,      // a fragment admitted only because nothing else is
  kFeatTitleSim,      // cosine to the headline (a leading fragment line)
  kNumSummaryFeatures,
};

// SummaryFeatureNames()
//
// The names of the features, in `SummaryFeature` order.
const std::array<std::string_view, kNumSummaryFeatures>& SummaryFeatureNames();

using SummaryFeatureRow = std::array<float, kNumSummaryFeatures>;

// DocumentFeatures
//
// The summarizable sentences of one text with their features.
struct DocumentFeatures {
  // One per sentence of the segmentation.
  std::vector<DebrisKind> debris;
  // Indices of the sentences that may enter a summary, in document order:
  // the sentences without debris, or, when there are none, the fragments.
  std::vector<int32_t> candidates;
  // One row per candidate.
  std::vector<SummaryFeatureRow> rows;
  // Per candidate: its sorted, distinct content-stem ids (for redundancy).
  std::vector<std::vector<int32_t>> stems;
  // Per candidate: its number of words (tokens with a letter or digit).
  std::vector<int32_t> words;
};

// ExtractSummaryFeatures()
//
// Classifies debris and computes the features of every candidate sentence.
// Linear in the length of the text (plus a sort of the candidates). `entities`
// may be empty. Thread-safe. The only state kept between calls is a bounded
// per-thread table of the stems of words already seen (features.cc,
// WordStems), which saves stemming them again and cannot change a result.
DocumentFeatures ExtractSummaryFeatures(std::string_view text,
                                        const Segmentation& seg,
                                        const std::vector<Entity>& entities);

// StemOverlap()
//
// Redundancy of two sorted stem-id sets: the larger of their Jaccard index
// and their containment |A ∩ B| / min(|A|, |B|) scaled by 0.85. In [0, 1].
float StemOverlap(const std::vector<int32_t>& a, const std::vector<int32_t>& b);

}  // namespace lede

#endif  // LEDE_ENGINE_SUMMARY_FEATURES_H_
