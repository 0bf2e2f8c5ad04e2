#include "engine/entities/numeric.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

struct Case {
  std::string text;
  std::string span;  // expected mention text; empty: none expected
  EntityType type;
  std::string normalized;
};

class NumericTest : public ::testing::TestWithParam<Case> {};

TEST_P(NumericTest, FindsTheExpressionAndNormalizesIt) {
  const Case& c = GetParam();
  std::vector<NumericMention> got = FindNumericMentions(c.text);
  if (c.span.empty()) {
    EXPECT_TRUE(got.empty())
        << c.text << " → " << std::string(got[0].span.Of(c.text));
    return;
  }
  ASSERT_EQ(got.size(), 1u) << c.text;
  EXPECT_EQ(got[0].span.Of(c.text), c.span);
  EXPECT_EQ(got[0].type, c.type) << c.text;
  EXPECT_EQ(got[0].normalized, c.normalized) << c.text;
}

constexpr EntityType kM = EntityType::kMoney;
constexpr EntityType kP = EntityType::kPercent;

INSTANTIATE_TEST_SUITE_P(
    Money, NumericTest,
    ::testing::Values(
        Case{"back a $50 billion loan", "$50 billion", kM, "USD 50000000000"},
        Case{"raised €3.2m from", "€3.2m", kM, "EUR 3200000"},
        Case{"a US$1.5 trillion plan", "US$1.5 trillion", kM,
             "USD 1500000000000"},
        Case{"paid 50 million dollars.", "50 million dollars", kM,
             "USD 50000000"},
        Case{"costs £300 a month", "£300", kM, "GBP 300"},
        Case{"lost ¥10bn.", "¥10bn", kM, "JPY 10000000000"},
        Case{"worth 3 billion U.S. dollars", "3 billion U.S. dollars", kM,
             "USD 3000000000"},
        Case{"for HK$ 20 each", "HK$ 20", kM, "HKD 20"},
        Case{"a USD 5 million deal", "USD 5 million", kM, "USD 5000000"},
        Case{"sold for 40 EUR", "40 EUR", kM, "EUR 40"},
        Case{"200 euros", "200 euros", kM, "EUR 200"},
        Case{"10 million yen", "10 million yen", kM, "JPY 10000000"},
        Case{"$1,250,000 in cash", "$1,250,000", kM, "USD 1250000"},
        Case{"5 million pounds", "5 million pounds", kM, "GBP 5000000"},
        Case{"50 cents", "50 cents", kM, "USD 0.5"},
        Case{"a $5.7-billion deal", "$5.7-billion", kM, "USD 5700000000"}));

INSTANTIATE_TEST_SUITE_P(
    Percent, NumericTest,
    ::testing::Values(Case{"rose 76% in", "76%", kP, "76%"},
                      Case{"rose 76 percent in", "76 percent", kP, "76%"},
                      Case{"fell 12.5 per cent.", "12.5 per cent", kP, "12.5%"},
                      Case{"up 3 pct", "3 pct", kP, "3%"},
                      Case{"a 76-percent share", "76-percent", kP, "76%"},
                      Case{"by 2 percentage points", "2 percentage points", kP,
                           "2%"}));

INSTANTIATE_TEST_SUITE_P(
    NotNumericEntities, NumericTest,
    ::testing::Values(Case{"in 1961, 2000 and 2001", "", kM, ""},
                      Case{"weighs 300 pounds", "", kM, ""},
                      Case{"ran 5m in", "", kM, ""},
                      Case{"F-16 jets", "", kM, ""},
                      Case{"a 10 million population", "", kM, ""}));

TEST(NumericMentionsTest, FindsSeveralInDocumentOrder) {
  const std::string text = "Sales rose 5% to $3bn; margins hit 12 per cent.";
  std::vector<NumericMention> got = FindNumericMentions(text);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].span.Of(text), "5%");
  EXPECT_EQ(got[1].span.Of(text), "$3bn");
  EXPECT_EQ(got[2].span.Of(text), "12 per cent");
}

TEST(NumericMentionsTest, EmptyTextHasNone) {
  EXPECT_TRUE(FindNumericMentions("").empty());
}

}  // namespace
}  // namespace lede
