#ifndef LEDE_TOOLS_SUMMARY_JSON_H_
#define LEDE_TOOLS_SUMMARY_JSON_H_

// A small JSON reader for the tools' JSONL datasets: one value per line,
// parsed into a tree. Not for the engine or the service.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace lede::tools {

// JsonValue
//
// A parsed JSON value. Objects keep their members in a map.
struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<JsonValue> array;
  std::map<std::string, JsonValue, std::less<>> object;

  // The member `key` of an object, or nullptr.
  const JsonValue* Find(std::string_view key) const;
  // The string member `key`, or "" when absent or not a string.
  std::string Str(std::string_view key) const;
};

// ParseJson()
//
// Parses one JSON text (RFC 8259, with \u escapes and surrogate pairs).
// INVALID_ARGUMENT names the byte offset of the first error.
absl::StatusOr<JsonValue> ParseJson(std::string_view text);

// ReadJsonl()
//
// Parses every non-empty line of the file at `path`.
absl::StatusOr<std::vector<JsonValue>> ReadJsonl(const std::string& path);

}  // namespace lede::tools

#endif  // LEDE_TOOLS_SUMMARY_JSON_H_
