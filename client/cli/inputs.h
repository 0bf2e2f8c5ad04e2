#ifndef LEDE_CLIENT_CLI_INPUTS_H_
#define LEDE_CLIENT_CLI_INPUTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace lede::cli {

// InputFile
//
// One document source named on the command line: a path, or "-" for stdin.
struct InputFile {
  std::string path;
  bool is_stdin = false;
};

// ExpandInputs()
//
// Expands FILE, DIR (recursively, in sorted order, skipping hidden entries)
// and "-" into the list of documents to read. `include`/`exclude` are glob
// patterns (fnmatch, matched against the path relative to the directory and
// against the base name) that apply to files found in directories; files
// named explicitly are always taken. Errors name the missing path.
absl::StatusOr<std::vector<InputFile>> ExpandInputs(
    const std::vector<std::string>& args,
    const std::vector<std::string>& include,
    const std::vector<std::string>& exclude);

// ReadInput()
//
// The whole content of `in` (stdin when `is_stdin`).
absl::StatusOr<std::string> ReadInput(const InputFile& in);

}  // namespace lede::cli

#endif  // LEDE_CLIENT_CLI_INPUTS_H_
