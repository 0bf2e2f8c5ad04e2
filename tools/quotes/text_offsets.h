#ifndef LEDE_TOOLS_QUOTES_TEXT_OFFSETS_H_
#define LEDE_TOOLS_QUOTES_TEXT_OFFSETS_H_

// Offset and quotation-mark helpers shared by the quote evaluators.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/analysis.h"

namespace lede::tools {

// CodePointOffsets()
//
// Byte offset of every code point of UTF-8 `text`, plus one entry for the
// end: `result[i]` is where code point `i` starts.
std::vector<int32_t> CodePointOffsets(const std::string& text);

// DoubleMarkAt()
//
// Byte length of the double quotation mark at `i` (" “ ” „ « » or NYT-style
// ''), or 0. Does not read at or past `end`.
int32_t DoubleMarkAt(const std::string& text, int32_t i, int32_t end);

// IsClosingMark()
//
// Whether the mark at [i, i + len) closes a quotation: ” » always; a
// straight mark when a non-space precedes it and a space, punctuation or
// the end follows.
bool IsClosingMark(const std::string& text, int32_t i, int32_t len);

// AtParagraphStart()
//
// Whether only spaces lie between `i` and the previous line break.
bool AtParagraphStart(const std::string& text, int32_t i);

// Trim()
//
// `s` without surrounding whitespace.
ByteSpan Trim(const std::string& text, ByteSpan s);

}  // namespace lede::tools

#endif  // LEDE_TOOLS_QUOTES_TEXT_OFFSETS_H_
