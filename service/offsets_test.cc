#include "service/offsets.h"

#include <string>

#include "gtest/gtest.h"

namespace lede {
namespace {

TEST(OffsetMapperTest, CountsBytesUtf16UnitsAndCodePoints) {
  // "a" (1 byte) "é" (2) "“" (3) "😀" (4, a surrogate pair in UTF-16) "z".
  const std::string text = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80z";
  const int32_t bytes[] = {0, 1, 3, 6, 10, 11};
  const int32_t utf16[] = {0, 1, 2, 3, 5, 6};
  const int32_t utf32[] = {0, 1, 2, 3, 4, 5};
  OffsetMapper b(text, v1::UTF8), u16(text, v1::UTF16), u32(text, v1::UTF32);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(b.Map(bytes[i]), bytes[i]);
    EXPECT_EQ(u16.Map(bytes[i]), utf16[i]) << i;
    EXPECT_EQ(u32.Map(bytes[i]), utf32[i]) << i;
  }
}

TEST(OffsetMapperTest, WorksAcrossBlockBoundaries) {
  std::string text;
  for (int i = 0; i < 1000; ++i)
    text +=
        "\xE2\x80\x9C"
        "ab";  // 5 bytes, 3 units
  OffsetMapper u16(text, v1::UTF16);
  for (int i = 0; i <= 1000; ++i) EXPECT_EQ(u16.Map(i * 5), i * 3);
  EXPECT_EQ(u16.Map(static_cast<int32_t>(text.size())), 3000);
}

}  // namespace
}  // namespace lede
