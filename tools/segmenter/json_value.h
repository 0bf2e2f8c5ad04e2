#ifndef LEDE_TOOLS_SEGMENTER_JSON_VALUE_H_
#define LEDE_TOOLS_SEGMENTER_JSON_VALUE_H_

// A minimal JSON reader for the evaluation tools' JSONL inputs: objects,
// arrays, strings (with \uXXXX escapes and surrogate pairs, decoded to
// UTF-8), numbers, true, false and null. Not a general-purpose library: no
// writer, numbers as double, duplicate keys keep the last value.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace lede {
namespace tools {

// JsonValue
//
// One parsed value. Accessors return an empty/default value on a type
// mismatch, so lookups on optional fields need no checks.
struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<JsonValue> array;
  std::map<std::string, JsonValue, std::less<>> object;

  // Member `key` of an object, or a null value.
  const JsonValue& operator[](std::string_view key) const;
  bool IsString() const { return type == Type::kString; }
  bool IsArray() const { return type == Type::kArray; }
};

// ParseJson()
//
// Parses one complete JSON text (surrounding whitespace allowed). Errors are
// INVALID_ARGUMENT naming the byte offset.
absl::StatusOr<JsonValue> ParseJson(std::string_view text);

}  // namespace tools
}  // namespace lede

#endif  // LEDE_TOOLS_SEGMENTER_JSON_VALUE_H_
