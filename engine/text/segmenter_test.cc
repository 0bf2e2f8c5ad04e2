#include "engine/text/segmenter.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  auto seg = Segmenter::Create({});
  EXPECT_TRUE(seg.ok());
  std::vector<std::string> out;
  for (const auto& s : (*seg)->Segment(text).sentences) {
    out.emplace_back(s.span.Of(text));
  }
  return out;
}

TEST(SegmenterTest, SplitsSimpleSentences) {
  EXPECT_THAT(Sentences("Hello World. My name is Jonas."),
              ::testing::ElementsAre("Hello World.", "My name is Jonas."));
}

TEST(SegmenterTest, EmptyAndWhitespaceOnlyTextHaveNoSentences) {
  EXPECT_TRUE(Sentences("").empty());
  EXPECT_TRUE(Sentences(" \n\n\t ").empty());
}

TEST(SegmenterTest, TokensLieInsideTheirSentence) {
  const std::string text = "One two. Three, four!\nFive";
  auto seg = Segmenter::Create({});
  ASSERT_TRUE(seg.ok());
  Segmentation s = (*seg)->Segment(text);
  for (const auto& sent : s.sentences) {
    for (int i = 0; i < sent.token_count; ++i) {
      const Token& t = s.tokens[sent.first_token + i];
      EXPECT_GE(t.span.begin, sent.span.begin);
      EXPECT_LE(t.span.end, sent.span.end);
      EXPECT_FALSE(t.span.empty());
    }
  }
}

}  // namespace
}  // namespace lede
