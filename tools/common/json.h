#ifndef LEDE_TOOLS_COMMON_JSON_H_
#define LEDE_TOOLS_COMMON_JSON_H_

// The JSON reader of the evaluation tools (tools/*): their datasets are JSONL
// files, one document per line. Objects, arrays, strings (with \uXXXX escapes
// and surrogate pairs, decoded to UTF-8), numbers (as double), true, false
// and null. Nesting is bounded so hostile input cannot overflow the stack.
// Not for the engine or the service: no writer, and duplicate keys keep the
// last value.

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace lede::tools {

// JsonValue
//
// One parsed value. Lookups return a shared null value when the member or
// element is missing (or this is not an object or array), so they chain
// safely: doc["a"]["b"][0].string.
struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<JsonValue> array;
  std::map<std::string, JsonValue, std::less<>> object;

  bool is_null() const { return kind == Kind::kNull; }
  bool is_bool() const { return kind == Kind::kBool; }
  bool is_number() const { return kind == Kind::kNumber; }
  bool is_string() const { return kind == Kind::kString; }
  bool is_array() const { return kind == Kind::kArray; }
  bool is_object() const { return kind == Kind::kObject; }

  // The member `key` of an object, or a shared null value.
  const JsonValue& operator[](std::string_view key) const;
  // Element `i` of an array, or a shared null value.
  const JsonValue& operator[](size_t i) const;
  // The member `key` of an object, or nullptr when absent.
  const JsonValue* Find(std::string_view key) const;
  // The string member `key`, or "" when absent or not a string.
  std::string Str(std::string_view key) const;
  // The number, truncated toward zero (0 for non-numbers).
  int AsInt() const { return static_cast<int>(number); }
};

// The deepest nesting of arrays and objects ParseJson() accepts.
inline constexpr int kMaxJsonDepth = 200;

// ParseJson()
//
// Parses one complete JSON text (surrounding whitespace allowed).
// INVALID_ARGUMENT names the error and its byte offset.
absl::StatusOr<JsonValue> ParseJson(std::string_view text);

// ReadJsonLines()
//
// Parses every non-blank line of the JSONL file at `path`. NOT_FOUND when
// the file cannot be opened; INVALID_ARGUMENT names the file and line of the
// first malformed one.
absl::StatusOr<std::vector<JsonValue>> ReadJsonLines(const std::string& path);

}  // namespace lede::tools

#endif  // LEDE_TOOLS_COMMON_JSON_H_
