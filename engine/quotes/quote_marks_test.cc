#include "engine/quotes/quote_marks.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "engine/quotes/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

std::vector<std::string> Runs(const std::string& text) {
  std::vector<std::string> out;
  for (const QuotedRun& r : FindQuotedRuns(text, testing::ParagraphsOf(text))) {
    out.emplace_back(r.content.Of(text));
  }
  return out;
}

struct MarkCase {
  const char* name;
  std::string text;
  std::vector<std::string> runs;
};

class QuoteMarksTest : public ::testing::TestWithParam<MarkCase> {};

TEST_P(QuoteMarksTest, FindsTheQuotedRuns) {
  EXPECT_THAT(Runs(GetParam().text), ElementsAreArray(GetParam().runs));
}

INSTANTIATE_TEST_SUITE_P(
    Marks, QuoteMarksTest,
    ::testing::Values(
        MarkCase{"StraightDouble",
                 "He said, \"We will win.\" Then left.",
                 {"We will win."}},
        MarkCase{"CurlyDouble", "“We will win,” she said.", {"We will win,"}},
        MarkCase{
            "Guillemets", "Il a dit : « Nous gagnerons ».", {"Nous gagnerons"}},
        MarkCase{
            "LowOpeningMark", "Er sagte: „Wir gewinnen.“", {"Wir gewinnen."}},
        MarkCase{"NytDoubleApostrophes",
                 "''This isn't tax reform,'' said Douglas Holtz-Eakin.",
                 {"This isn't tax reform,"}},
        MarkCase{"TwoRunsAroundTheCue",
                 "\"Part one,\" she said, \"part two.\"",
                 {"Part one,", "part two."}},
        MarkCase{"PartialQuoteInsideSentence",
                 "Kirby said the administration is “not concerned "
                 "about the trip,” but added more.",
                 {"not concerned about the trip,"}},
        MarkCase{"InnerSingleQuotesBelongToTheOuterQuote",
                 "“He told me ‘no’ twice,"
                 "” she said.",
                 {"He told me ‘no’ twice,"}},
        MarkCase{"StraightInnerSingles",
                 "He told everyone, \"This 'hamburger with cheese' is good.\"",
                 {"This 'hamburger with cheese' is good."}},
        MarkCase{"SingleQuotesAtTopLevel",
                 "He called it ‘a disaster,’ she said.",
                 {"a disaster,"}},
        MarkCase{
            "PossessiveIsNotAQuote", "Putin’s visit follows Kim’s trip.", {}},
        MarkCase{"DecadeElisionIsNotAQuote",
                 "Music of the ’90s and rock ’n’ "
                 "roll.",
                 {}},
        MarkCase{"PluralPossessiveIsNotAQuote",
                 "The United States' role and the Russians' aims.",
                 {}},
        MarkCase{"PluralPossessiveInsideSingleQuote",
                 "'The States' role is big,' he said.",
                 {"The States' role is big,"}},
        MarkCase{"MultiParagraphQuote",
                 "“First paragraph of the quote.\n"
                 "“Second paragraph,” he said.",
                 {"First paragraph of the quote.\n“Second "
                  "paragraph,"}},
        MarkCase{"MultiParagraphStraightQuote",
                 "\"First.\n\n\"Second.\n\n\"Third,\" he said.",
                 {"First.\n\n\"Second.\n\n\"Third,"}},
        MarkCase{"UnclosedQuoteEndsWithItsParagraph",
                 "He said “this never closes\n"
                 "Next paragraph with “"
                 "a quote” inside.\n"
                 "Plain text.",
                 {"this never closes", "a quote"}},
        MarkCase{"StrayClosingMarkIsIgnored",
                 "'uneasy' on Gilmer street\"\nPolice said \"it is fine.\"",
                 {"uneasy", "it is fine."}},
        MarkCase{"SecondOpenerRestartsAnUnbalancedQuote",
                 "“Never closed. “Closed,” "
                 "he said.",
                 {"Closed,"}},
        MarkCase{"EmptyQuoteIsSkipped", "He said \"\" and left.", {}}),
    [](const ::testing::TestParamInfo<MarkCase>& info) {
      return std::string(info.param.name);
    });

TEST(QuoteMarksLimitsTest, UnbalancedMarkDoesNotSwallowTheArticle) {
  std::string text = "He said \"this is unbalanced.\n";
  for (int i = 0; i < 50; ++i)
    text += "Plain paragraph number " + std::to_string(i) + ".\n";
  const auto runs = FindQuotedRuns(text, testing::ParagraphsOf(text));
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].first_paragraph, 0);
  EXPECT_EQ(runs[0].last_paragraph, 0);
}

// Linear, not quadratic: 200,000 marks cost about ten times what 20,000 do
// (a quadratic pass would cost a hundred times). A ratio, so that a slow or
// sanitizer build does not fail it; the absolute speed is benchmarked in
// bench/quotes_bench.cc.
TEST(QuoteMarksLimitsTest, TwoHundredThousandMarksAreLinear) {
  const std::vector<std::string> patterns = {
      "\"", "“", "”", "'", " \"a\" ", "‘",
  };
  auto time_of = [](const std::string& p, int n, size_t* runs_out) {
    std::string text;
    for (int i = 0; i < n; ++i) text += p;
    double best = 1e9;
    for (int rep = 0; rep < 3; ++rep) {
      const auto start = std::chrono::steady_clock::now();
      const auto runs = FindQuotedRuns(text, testing::ParagraphsOf(text));
      best = std::min(best, std::chrono::duration<double>(
                                std::chrono::steady_clock::now() - start)
                                .count());
      for (size_t i = 1; i < runs.size(); ++i) {
        EXPECT_LE(runs[i - 1].content.end, runs[i].content.begin);
      }
      *runs_out = runs.size();
    }
    return best;
  };
  for (const std::string& p : patterns) {
    size_t runs = 0;
    const double small = time_of(p, 20000, &runs);
    const double large = time_of(p, 200000, &runs);
    EXPECT_LT(large, 30 * std::max(small, 1e-4)) << p;
  }
}

TEST(QuoteMarksLimitsTest, EmptyTextHasNoRuns) {
  EXPECT_THAT(Runs(""), IsEmpty());
  EXPECT_THAT(Runs("\""), IsEmpty());
  EXPECT_THAT(Runs("'"), ElementsAre());
}

}  // namespace
}  // namespace lede
