#ifndef LEDE_TESTS_TESTING_UNICODE_H_
#define LEDE_TESTS_TESTING_UNICODE_H_

// Test helpers that slice UTF-8 text by offsets in another unit, written
// independently of the service's OffsetMapper so tests check it.

#include <string>

#include "lede/v1/lede.pb.h"

namespace lede::test_util {

// SliceInUnit()
//
// The UTF-8 text of `[begin, end)` where offsets count in `unit`.
inline std::string SliceInUnit(const std::string& text, int begin, int end,
                               v1::EncodingType unit) {
  if (unit == v1::UTF8) return text.substr(begin, end - begin);
  std::string out;
  int pos = 0;  // offset in `unit` of byte i
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = text[i];
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const int units = (unit == v1::UTF16 && len == 4) ? 2 : 1;
    if (pos >= begin && pos + units <= end) out.append(text, i, len);
    pos += units;
    i += len;
  }
  return out;
}

}  // namespace lede::test_util

#endif  // LEDE_TESTS_TESTING_UNICODE_H_
