#ifndef LEDE_TOOLS_DATES_JSON_LITE_H_
#define LEDE_TOOLS_DATES_JSON_LITE_H_

// JsonValue
//
// A minimal JSON reader for the evaluation tools (one JSONL record at a
// time). Not for library use: it trusts its input and has no error detail
// beyond success or failure.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lede {
namespace tools {

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool b = false;
  double num = 0;
  std::string str;
  std::vector<JsonValue> arr;
  std::map<std::string, JsonValue> obj;

  bool is_null() const { return kind == Kind::kNull; }
  bool is_string() const { return kind == Kind::kString; }
  bool is_object() const { return kind == Kind::kObject; }
  bool is_number() const { return kind == Kind::kNumber; }
  // The member `key`, or a shared null value.
  const JsonValue& operator[](const std::string& key) const {
    static const JsonValue kNull;
    auto it = obj.find(key);
    return it == obj.end() ? kNull : it->second;
  }
  bool has(const std::string& key) const { return obj.count(key) > 0; }
};

// ParseJson()
//
// Parses one JSON document; false on malformed input.
bool ParseJson(std::string_view text, JsonValue* out);

}  // namespace tools
}  // namespace lede

#endif  // LEDE_TOOLS_DATES_JSON_LITE_H_
