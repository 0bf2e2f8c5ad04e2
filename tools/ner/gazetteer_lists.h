#ifndef LEDE_TOOLS_NER_GAZETTEER_LISTS_H_
#define LEDE_TOOLS_NER_GAZETTEER_LISTS_H_

// The gazetteer lists of models/gazetteers (written by build_gazetteers.py),
// loaded in the list order the trained model's features refer to.

#include <string>

#include "absl/status/statusor.h"
#include "engine/entities/gazetteer.h"

namespace lede {
namespace ner {

// Reads `<dir>/<list>.txt` for every list, one phrase a line ('#' starts a
// comment line). NOT_FOUND names a missing file.
absl::StatusOr<Gazetteer> LoadGazetteerLists(const std::string& dir);

}  // namespace ner
}  // namespace lede

#endif  // LEDE_TOOLS_NER_GAZETTEER_LISTS_H_
