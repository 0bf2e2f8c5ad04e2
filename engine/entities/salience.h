#ifndef LEDE_ENGINE_ENTITIES_SALIENCE_H_
#define LEDE_ENGINE_ENTITIES_SALIENCE_H_

// Salience: how central each entity is to a document.

#include <string_view>
#include <vector>

#include "engine/analysis.h"

namespace lede {

// ScoreSalience()
//
// Sets `salience` on every entity of `*entities` and sorts them by salience,
// highest first (ties: earlier first mention first). Each entity's raw score
// grows with its number of mentions (proper mentions count fully, nominal
// and pronoun mentions half, on a log scale), with how early its first
// mention comes, with mentions in the lead (the first paragraph, and the
// second too when the first is a short headline) and with its type (people
// and organizations above places, events and nationalities above numbers).
// Scores are then divided by their sum, so every salience is in [0, 1] and
// they sum to 1 (or all are 0 when there are no entities).
//
// REQUIRES: each entity has at least one mention, mentions in document
// order; `seg` is the segmentation of `text` (it may be empty: then the lead
// is the first 300 bytes). Linear in the number of mentions plus
// O(n log n) for the sort.
void ScoreSalience(std::string_view text, const Segmentation& seg,
                   std::vector<Entity>* entities);

}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_SALIENCE_H_
