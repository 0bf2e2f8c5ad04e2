#include "tools/summary/json.h"

#include <cstdlib>
#include <fstream>

#include "absl/strings/str_cat.h"

namespace lede::tools {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view in) : in_(in) {}

  absl::StatusOr<JsonValue> ParseDocument() {
    JsonValue v;
    if (!Value(&v, 0)) return Error();
    Space();
    if (pos_ != in_.size()) {
      error_ = "trailing characters";
      return Error();
    }
    return v;
  }

 private:
  absl::Status Error() const {
    return absl::InvalidArgumentError(
        absl::StrCat("JSON error at byte ", pos_, ": ", error_));
  }
  void Space() {
    while (pos_ < in_.size() && (in_[pos_] == ' ' || in_[pos_] == '\t' ||
                                 in_[pos_] == '\n' || in_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Fail(const char* what) {
    if (error_.empty()) error_ = what;
    return false;
  }
  bool Literal(std::string_view word) {
    if (in_.substr(pos_, word.size()) != word) return Fail("bad literal");
    pos_ += word.size();
    return true;
  }
  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  bool Hex4(uint32_t* out) {
    if (pos_ + 4 > in_.size()) return Fail("short \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = in_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= c - '0';
      } else if (c >= 'a' && c <= 'f') {
        v |= c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        v |= c - 'A' + 10;
      } else {
        return Fail("bad \\u escape");
      }
    }
    *out = v;
    return true;
  }
  bool String(std::string* out) {
    ++pos_;  // opening quote
    while (pos_ < in_.size()) {
      char c = in_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (pos_ >= in_.size()) break;
      char e = in_[pos_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out->push_back(e);
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && in_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            uint32_t lo;
            if (!Hex4(&lo)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          return Fail("bad escape");
      }
    }
    return Fail("unterminated string");
  }
  bool Value(JsonValue* v, int depth) {
    if (depth > 64) return Fail("nesting too deep");
    Space();
    if (pos_ >= in_.size()) return Fail("unexpected end");
    char c = in_[pos_];
    if (c == '{') {
      v->type = JsonValue::Type::kObject;
      ++pos_;
      Space();
      if (pos_ < in_.size() && in_[pos_] == '}') {
        ++pos_;
        return true;
      }
      while (true) {
        Space();
        if (pos_ >= in_.size() || in_[pos_] != '"') return Fail("expected key");
        std::string key;
        if (!String(&key)) return false;
        Space();
        if (pos_ >= in_.size() || in_[pos_] != ':') return Fail("expected ':'");
        ++pos_;
        JsonValue member;
        if (!Value(&member, depth + 1)) return false;
        v->object[std::move(key)] = std::move(member);
        Space();
        if (pos_ < in_.size() && in_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < in_.size() && in_[pos_] == '}') {
          ++pos_;
          return true;
        }
        return Fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      v->type = JsonValue::Type::kArray;
      ++pos_;
      Space();
      if (pos_ < in_.size() && in_[pos_] == ']') {
        ++pos_;
        return true;
      }
      while (true) {
        JsonValue item;
        if (!Value(&item, depth + 1)) return false;
        v->array.push_back(std::move(item));
        Space();
        if (pos_ < in_.size() && in_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < in_.size() && in_[pos_] == ']') {
          ++pos_;
          return true;
        }
        return Fail("expected ',' or ']'");
      }
    }
    if (c == '"') {
      v->type = JsonValue::Type::kString;
      return String(&v->string);
    }
    if (c == 't') {
      v->type = JsonValue::Type::kBool;
      v->boolean = true;
      return Literal("true");
    }
    if (c == 'f') {
      v->type = JsonValue::Type::kBool;
      return Literal("false");
    }
    if (c == 'n') return Literal("null");
    size_t end = pos_;
    while (end < in_.size() &&
           (std::isdigit(static_cast<unsigned char>(in_[end])) ||
            in_[end] == '-' || in_[end] == '+' || in_[end] == '.' ||
            in_[end] == 'e' || in_[end] == 'E')) {
      ++end;
    }
    if (end == pos_) return Fail("unexpected character");
    std::string num(in_.substr(pos_, end - pos_));
    v->type = JsonValue::Type::kNumber;
    v->number = std::strtod(num.c_str(), nullptr);
    pos_ = end;
    return true;
  }

  std::string_view in_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

const JsonValue* JsonValue::Find(std::string_view key) const {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &it->second;
}

std::string JsonValue::Str(std::string_view key) const {
  const JsonValue* v = Find(key);
  return v != nullptr && v->type == Type::kString ? v->string : std::string();
}

absl::StatusOr<JsonValue> ParseJson(std::string_view text) {
  return Parser(text).ParseDocument();
}

absl::StatusOr<std::vector<JsonValue>> ReadJsonl(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::vector<JsonValue> out;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto v = ParseJson(line);
    if (!v.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", line_no, ": ", v.status().message()));
    }
    out.push_back(*std::move(v));
  }
  return out;
}

}  // namespace lede::tools
