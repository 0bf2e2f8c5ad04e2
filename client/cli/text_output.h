#ifndef LEDE_CLIENT_CLI_TEXT_OUTPUT_H_
#define LEDE_CLIENT_CLI_TEXT_OUTPUT_H_

#include <string>

#include "lede/v1/lede.pb.h"

namespace lede::cli {

// TextOptions
struct TextOptions {
  // ANSI colours: entities by type, dates, quotes and speakers, headings.
  bool color = false;
  // Wrap long lines (summary, entity lists, quotes) at this many columns,
  // with a hanging indent; 0 never wraps (the default when piped, so each
  // item stays on one line for grep).
  int width = 0;
};

// FormatText()
//
// A human-readable rendering of one response: a heading (`source`, else the
// document id) with sentence count and reference time; the summary; entities
// grouped by type (person, organization, location, ... in a fixed order),
// most salient first, each with its mention count; dates with their
// normalized values, type and modifier; quotes with speaker and cue. Empty
// sections say "(none)". A response with `error` set renders as the error.
std::string FormatText(const v1::AnalyzeResponse& response,
                       const std::string& source, const TextOptions& options);

}  // namespace lede::cli

#endif  // LEDE_CLIENT_CLI_TEXT_OUTPUT_H_
