#ifndef LEDE_ENGINE_TEXT_SEGMENTATION_CHECKS_H_
#define LEDE_ENGINE_TEXT_SEGMENTATION_CHECKS_H_

// Test helper: the structural invariants of a `Segmentation` (see
// engine/analysis.h), checked in one linear pass. For tests and fuzzers.

#include <string>
#include <string_view>

#include "engine/analysis.h"

namespace lede {

// CheckSegmentation()
//
// Returns an empty string when `seg` is a valid segmentation of `text`, else
// a description of the first violation. Checks: spans non-empty, in order,
// on code point boundaries and without whitespace at either edge; tokens
// contain no whitespace; every token inside its sentence and every sentence
// inside its paragraph, with consistent indexes and counts; tokens cover
// every non-whitespace code point of every paragraph.
std::string CheckSegmentation(std::string_view text, const Segmentation& seg);

}  // namespace lede

#endif  // LEDE_ENGINE_TEXT_SEGMENTATION_CHECKS_H_
