#include "tools/dates/json_lite.h"

#include <cstdlib>

namespace lede {
namespace tools {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  bool Value(JsonValue* v, int depth) {
    if (depth > 64) return false;
    Ws();
    if (p_ >= s_.size()) return false;
    const char c = s_[p_];
    if (c == '{') return Object(v, depth);
    if (c == '[') return Array(v, depth);
    if (c == '"') {
      v->kind = JsonValue::Kind::kString;
      return String(&v->str);
    }
    if (Lit("null")) return true;
    if (Lit("true")) {
      v->kind = JsonValue::Kind::kBool;
      v->b = true;
      return true;
    }
    if (Lit("false")) {
      v->kind = JsonValue::Kind::kBool;
      return true;
    }
    return Number(v);
  }
  bool AtEnd() {
    Ws();
    return p_ == s_.size();
  }

 private:
  void Ws() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' ||
                              s_[p_] == '\n' || s_[p_] == '\r')) {
      ++p_;
    }
  }
  bool Lit(std::string_view w) {
    if (s_.substr(p_, w.size()) != w) return false;
    p_ += w.size();
    return true;
  }
  bool Number(JsonValue* v) {
    const std::string tmp(s_.substr(p_, 64));
    char* end = nullptr;
    v->num = std::strtod(tmp.c_str(), &end);
    if (end == tmp.c_str()) return false;
    p_ += end - tmp.c_str();
    v->kind = JsonValue::Kind::kNumber;
    return true;
  }
  static void Utf8(unsigned cp, std::string* out) {
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
  bool Hex4(unsigned* cp) {
    if (p_ + 4 > s_.size()) return false;
    *cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[p_++];
      *cp <<= 4;
      if (c >= '0' && c <= '9') {
        *cp |= c - '0';
      } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        *cp |= (c | 0x20) - 'a' + 10;
      } else {
        return false;
      }
    }
    return true;
  }
  bool String(std::string* out) {
    ++p_;  // opening quote
    while (p_ < s_.size()) {
      const char c = s_[p_++];
      if (c == '"') return true;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (p_ >= s_.size()) return false;
      const char e = s_[p_++];
      switch (e) {
        case 'n':
          out->push_back('\n');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'u': {
          unsigned cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(p_, 2) == "\\u") {
            p_ += 2;
            unsigned lo;
            if (!Hex4(&lo)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          Utf8(cp, out);
          break;
        }
        default:
          out->push_back(e);
      }
    }
    return false;
  }
  bool Array(JsonValue* v, int depth) {
    v->kind = JsonValue::Kind::kArray;
    ++p_;
    Ws();
    if (p_ < s_.size() && s_[p_] == ']') {
      ++p_;
      return true;
    }
    while (true) {
      v->arr.emplace_back();
      if (!Value(&v->arr.back(), depth + 1)) return false;
      Ws();
      if (p_ >= s_.size()) return false;
      if (s_[p_] == ',') {
        ++p_;
        continue;
      }
      if (s_[p_] == ']') {
        ++p_;
        return true;
      }
      return false;
    }
  }
  bool Object(JsonValue* v, int depth) {
    v->kind = JsonValue::Kind::kObject;
    ++p_;
    Ws();
    if (p_ < s_.size() && s_[p_] == '}') {
      ++p_;
      return true;
    }
    while (true) {
      Ws();
      if (p_ >= s_.size() || s_[p_] != '"') return false;
      std::string key;
      if (!String(&key)) return false;
      Ws();
      if (p_ >= s_.size() || s_[p_] != ':') return false;
      ++p_;
      if (!Value(&v->obj[key], depth + 1)) return false;
      Ws();
      if (p_ >= s_.size()) return false;
      if (s_[p_] == ',') {
        ++p_;
        continue;
      }
      if (s_[p_] == '}') {
        ++p_;
        return true;
      }
      return false;
    }
  }

  std::string_view s_;
  size_t p_ = 0;
};

}  // namespace

bool ParseJson(std::string_view text, JsonValue* out) {
  Parser p(text);
  *out = JsonValue();
  return p.Value(out, 0) && p.AtEnd();
}

}  // namespace tools
}  // namespace lede
