#include "tools/quotes/text_offsets.h"

namespace lede::tools {

std::vector<int32_t> CodePointOffsets(const std::string& text) {
  std::vector<int32_t> off;
  off.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      off.push_back(static_cast<int32_t>(i));
    }
  }
  off.push_back(static_cast<int32_t>(text.size()));
  return off;
}

int32_t DoubleMarkAt(const std::string& text, int32_t i, int32_t end) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == '"') return 1;
  if (c == '\'' && i + 1 < end && text[i + 1] == '\'') return 2;
  if (c == 0xE2 && i + 2 < end &&
      static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const unsigned char d = static_cast<unsigned char>(text[i + 2]);
    if (d == 0x9C || d == 0x9D || d == 0x9E) return 3;
  }
  if (c == 0xC2 && i + 1 < end) {
    const unsigned char d = static_cast<unsigned char>(text[i + 1]);
    if (d == 0xAB || d == 0xBB) return 2;
  }
  return 0;
}

namespace {
bool Space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
}  // namespace

bool IsClosingMark(const std::string& text, int32_t i, int32_t len) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == 0xE2) return static_cast<unsigned char>(text[i + 2]) == 0x9D;
  if (c == 0xC2) return static_cast<unsigned char>(text[i + 1]) == 0xBB;
  if (c == 0xE2 || c == 0xC2) return false;
  const bool space_before = i == 0 || Space(text[i - 1]);
  const size_t after = i + len;
  const bool open_after =
      after < text.size() && !Space(text[after]) &&
      std::string(".,;:!?)").find(text[after]) == std::string::npos;
  return !space_before && !open_after;
}

bool AtParagraphStart(const std::string& text, int32_t i) {
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  return i == 0 || text[i - 1] == '\n';
}

ByteSpan Trim(const std::string& text, ByteSpan s) {
  while (s.begin < s.end && Space(text[s.begin])) ++s.begin;
  while (s.end > s.begin && Space(text[s.end - 1])) --s.end;
  return s;
}

}  // namespace lede::tools
