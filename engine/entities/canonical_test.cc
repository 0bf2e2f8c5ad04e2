#include "engine/entities/canonical.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

using ::testing::ElementsAreArray;

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  for (ByteSpan w :
       SplitNameWords(text, {0, static_cast<int32_t>(text.size())})) {
    out.emplace_back(w.Of(text));
  }
  return out;
}

struct WordsCase {
  std::string text;
  std::vector<std::string> words;
};

class SplitNameWordsTest : public ::testing::TestWithParam<WordsCase> {};

TEST_P(SplitNameWordsTest, TrimsPunctuationAndPossessives) {
  EXPECT_THAT(Words(GetParam().text), ElementsAreArray(GetParam().words));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SplitNameWordsTest,
    ::testing::Values(
        WordsCase{"Vladimir Putin", {"Vladimir", "Putin"}},
        WordsCase{"Putin's", {"Putin"}},
        WordsCase{"Putin\xE2\x80\x99s", {"Putin"}},
        WordsCase{"Reuters'", {"Reuters"}},
        WordsCase{"Kim Jong-un,", {"Kim", "Jong-un"}}, WordsCase{"(L", {"L"}},
        WordsCase{"\xE2\x80\x9CUkraine\xE2\x80\x9D", {"Ukraine"}},
        WordsCase{"Russia.", {"Russia"}}, WordsCase{"U.S.", {"U.S."}},
        WordsCase{"Lloyd J. Austin Jr.", {"Lloyd", "J.", "Austin", "Jr."}},
        WordsCase{"AT&T", {"AT&T"}}, WordsCase{" \xE2\x80\x94 ", {}}));

struct KeyCase {
  std::string text;
  std::string key;
};

class NameKeyTest : public ::testing::TestWithParam<KeyCase> {};

TEST_P(NameKeyTest, Normalizes) {
  EXPECT_EQ(NameKey(GetParam().text), GetParam().key);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NameKeyTest,
    ::testing::Values(KeyCase{"U.S.", "us"},
                      KeyCase{"Kim Jong-un", "kim jong un"},
                      KeyCase{"Kim  Jong\nUn", "kim jong un"},
                      KeyCase{"O\xE2\x80\x99"
                              "Brien",
                              "o'brien"},
                      KeyCase{"\xC3\x96ZIL", "\xC3\xB6zil"},
                      KeyCase{"Kremlin/UPI", "kremlin upi"}));

TEST(CanonicalTest, WordClasses) {
  EXPECT_TRUE(IsTitleWord("president"));
  EXPECT_TRUE(IsTitleWord("gen"));
  EXPECT_FALSE(IsTitleWord("putin"));
  EXPECT_TRUE(IsTimeWord("tuesday"));
  EXPECT_TRUE(IsNonNameWord("advertising"));
  EXPECT_TRUE(IsNonNameWord("the"));
  EXPECT_FALSE(IsNonNameWord("kremlin"));
  EXPECT_TRUE(IsLeadingStopWord("on"));
  EXPECT_TRUE(IsNameParticle("al"));
  EXPECT_TRUE(IsNameSuffix("jr"));
  EXPECT_TRUE(IsKnownTheName("new york times"));
  EXPECT_FALSE(IsKnownTheName("kremlin"));
}

TEST(CanonicalTest, CharacterClasses) {
  EXPECT_TRUE(StartsUpper("Putin"));
  EXPECT_TRUE(StartsUpper("\xC3\x96zil"));
  EXPECT_FALSE(StartsUpper("iPhone"));
  EXPECT_TRUE(HasUpper("iPhone"));
  EXPECT_TRUE(IsLowerWord("announced"));
  EXPECT_FALSE(IsLowerWord("al-Assad"));
  EXPECT_FALSE(IsLowerWord("2023"));
  EXPECT_TRUE(HasDigit("F-16"));
}

TEST(CanonicalTest, SentenceInitial) {
  const std::string text =
      "The Kremlin said. \xE2\x80\x9CThe end\" of The Times";
  EXPECT_TRUE(IsSentenceInitial(text, 0));
  EXPECT_TRUE(IsSentenceInitial(text, text.find("\xE2\x80\x9CThe") + 3));
  EXPECT_FALSE(IsSentenceInitial(text, text.find("The Times")));
}

}  // namespace
}  // namespace lede
