#ifndef LEDE_TOOLS_QUOTES_JSON_H_
#define LEDE_TOOLS_QUOTES_JSON_H_

// A small JSON reader for the evaluation data (one document per JSONL
// line). Only what the evaluators need: objects, arrays, strings (with
// \u escapes and surrogate pairs), numbers, booleans and null.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace lede::tools {

// JsonValue
//
// A parsed JSON value. Accessors return a shared null value when the
// requested member or element is missing, so lookups chain safely.
struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<JsonValue> array;
  std::map<std::string, JsonValue> object;

  bool is_null() const { return kind == Kind::kNull; }
  const JsonValue& operator[](const std::string& key) const;
  const JsonValue& operator[](size_t i) const;
  int AsInt() const { return static_cast<int>(number); }
};

// ParseJson()
//
// Parses one JSON text. INVALID_ARGUMENT names the byte offset of an error.
absl::StatusOr<JsonValue> ParseJson(std::string_view text);

// ReadJsonLines()
//
// Parses every non-empty line of the file at `path`.
absl::StatusOr<std::vector<JsonValue>> ReadJsonLines(const std::string& path);

}  // namespace lede::tools

#endif  // LEDE_TOOLS_QUOTES_JSON_H_
