#include "engine/text/utf8.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

using ::testing::HasSubstr;

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(ValidateUtf8("").ok());
  EXPECT_TRUE(
      ValidateUtf8("plain ASCII text, long enough for the fast path").ok());
  EXPECT_TRUE(
      ValidateUtf8("Putin\xE2\x80\x99s \xE2\x80\x9Cvisit\xE2\x80\x9D").ok());
  EXPECT_TRUE(ValidateUtf8("emoji \xF0\x9F\x98\x80 and \xF4\x8F\xBF\xBF").ok());
  EXPECT_TRUE(ValidateUtf8(std::string("nul\0inside", 10)).ok());
}

struct BadCase {
  const char* name;
  std::string text;
  int64_t offset;
};

TEST(Utf8Test, ReportsOffsetOfFirstBadSequence) {
  const BadCase cases[] = {
      {"lone continuation", "ab\x80", 2},
      {"overlong two-byte", "x\xC0\xAF", 1},
      {"overlong three-byte", "\xE0\x80\xAF", 0},
      {"overlong four-byte", "\xF0\x80\x80\xAF", 0},
      {"surrogate", "abcd\xED\xA0\x80", 4},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"truncated at end", "abcdefghij\xE2\x80", 10},
      {"truncated mid", "\xE2\x80x", 0},
      {"invalid lead", "0123456789\xFF", 10},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FirstInvalidUtf8Offset(c.text), c.offset) << c.name;
    absl::Status s = ValidateUtf8(c.text);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << c.name;
    EXPECT_THAT(s.message(),
                HasSubstr("byte offset " + std::to_string(c.offset)))
        << c.name;
  }
}

TEST(Utf8Test, DecodesAndFindsBoundaries) {
  std::string s = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80";
  int len;
  EXPECT_EQ(DecodeUtf8(s, 0, &len), U'a');
  EXPECT_EQ(len, 1);
  EXPECT_EQ(DecodeUtf8(s, 1, &len), U'\u00E9');
  EXPECT_EQ(len, 2);
  EXPECT_EQ(DecodeUtf8(s, 3, &len), U'\u201C');
  EXPECT_EQ(len, 3);
  EXPECT_EQ(DecodeUtf8(s, 6, &len), U'\U0001F600');
  EXPECT_EQ(len, 4);
  EXPECT_EQ(DecodeUtf8Before(s, s.size(), &len), U'\U0001F600');
  EXPECT_TRUE(IsUtf8Boundary(s, 3));
  EXPECT_FALSE(IsUtf8Boundary(s, 4));
}

}  // namespace
}  // namespace lede
