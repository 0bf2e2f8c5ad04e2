#ifndef LEDE_CLIENT_CLI_TEXT_OUTPUT_H_
#define LEDE_CLIENT_CLI_TEXT_OUTPUT_H_

#include <string>

#include "lede/v1/lede.pb.h"

namespace lede::cli {

// FormatText()
//
// A human-readable rendering of one response: the summary first, then
// entities grouped by type with mention counts, dates with their values,
// quotes with speakers. `color` adds ANSI colours by type.
std::string FormatText(const v1::AnalyzeResponse& response,
                       const std::string& source, bool color);

}  // namespace lede::cli

#endif  // LEDE_CLIENT_CLI_TEXT_OUTPUT_H_
