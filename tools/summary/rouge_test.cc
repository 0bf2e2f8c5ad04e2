#include "tools/summary/rouge.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/summary/summary_data.h"

namespace lede::tools {
namespace {

using ::testing::DoubleNear;
using ::testing::ElementsAre;

TEST(RougeTest, IdenticalTextsScoreOne) {
  RougeScorer r;
  RougeScores s =
      r.Score({"The cat sat on the mat."}, {"The cat sat on the mat."});
  EXPECT_DOUBLE_EQ(s.rouge1, 1);
  EXPECT_DOUBLE_EQ(s.rouge2, 1);
  EXPECT_DOUBLE_EQ(s.rougeL, 1);
}

TEST(RougeTest, DisjointTextsScoreZero) {
  RougeScorer r;
  RougeScores s = r.Score({"alpha beta"}, {"gamma delta"});
  EXPECT_EQ(s.rouge1, 0);
  EXPECT_EQ(s.rouge2, 0);
  EXPECT_EQ(s.rougeL, 0);
}

TEST(RougeTest, LowercasesSplitsAndStemsLongTokens) {
  RougeScorer r;
  EXPECT_THAT(r.Tokenize("Running $10.9bn.For CATS"),
              ElementsAre("run", "10", "9bn", "for", "cat"));
}

TEST(RougeTest, PartialOverlapMatchesHandCount) {
  RougeScorer r;
  // Candidate: the cat was found under the bed (7 tokens); reference: the cat
  // was under the bed (6). Unigram hits 6: P 6/7, R 1. Bigrams: 4 of 6 and 5.
  RougeScores s = r.Score({"the cat was found under the bed"},
                          {"the cat was under the bed"});
  EXPECT_THAT(s.rouge1, DoubleNear(2 * (6.0 / 7) / (6.0 / 7 + 1), 1e-9));
  EXPECT_THAT(
      s.rouge2,
      DoubleNear(2 * (4.0 / 6) * (4.0 / 5) / (4.0 / 6 + 4.0 / 5), 1e-9));
  EXPECT_THAT(s.rougeL, DoubleNear(s.rouge1, 1e-9));
}

TEST(RougeTest, SummaryLevelLcsIgnoresSentenceOrder) {
  RougeScorer r;
  RougeScores s = r.Score({"second sentence here", "first sentence there"},
                          {"first sentence there", "second sentence here"});
  EXPECT_DOUBLE_EQ(s.rougeL, 1);
}

TEST(SummaryDataTest, LabelsFindSentencesInGluedReference) {
  const std::string text =
      "Profits rose 5% to $1.2bn. Shares fell. The "
      "chief executive resigned on Monday.";
  Segmentation seg;
  seg.sentences.push_back({{0, 26}, 0, 0, 0});
  seg.sentences.push_back({{27, 39}, 0, 0, 0});
  seg.sentences.push_back({{40, 77}, 0, 0, 0});
  EXPECT_THAT(LabelSentences(text, seg,
                             "The chief executive resigned on Monday.Profits "
                             "rose 5% to $1.2bn."),
              ElementsAre(true, false, true));
}

TEST(RougeTest, CountsWhitespaceWords) {
  EXPECT_EQ(CountWords(""), 0);
  EXPECT_EQ(CountWords("  one\ttwo\nthree  "), 3);
}

TEST(RougeTest, TruncatesSentencesToAWordBudget) {
  const std::vector<std::string> s = {"One two  three.", "Four five six."};
  EXPECT_THAT(TruncateToWords(s, 0), ElementsAre());
  EXPECT_THAT(TruncateToWords(s, 2), ElementsAre("One two"));
  EXPECT_THAT(TruncateToWords(s, 4), ElementsAre("One two three.", "Four"));
  EXPECT_THAT(TruncateToWords(s, 100),
              ElementsAre("One two three.", "Four five six."));
}

}  // namespace
}  // namespace lede::tools
