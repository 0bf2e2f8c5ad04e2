#include "engine/text/tokenizer.h"

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> out;
  Tokenize(text, 0, static_cast<int32_t>(text.size()), &out);
  return out;
}

// Tokens joined by "|".
std::string Split(std::string_view text) {
  std::vector<std::string> parts;
  for (const Token& t : Tokens(text)) parts.emplace_back(t.span.Of(text));
  return absl::StrJoin(parts, "|");
}

struct Case {
  const char* text;
  const char* tokens;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(Split(c.text), c.tokens) << c.text;
}

TEST(TokenizerTest, SplitsClitics) {
  RunCases({
      {"Putin\u2019s visit", "Putin|\u2019s|visit"},
      {"Putin's visit", "Putin|'s|visit"},
      {"don't", "do|n't"},
      {"Don\u2019t", "Do|n\u2019t"},
      {"can't", "ca|n't"},
      {"they'll we're I'm I've he'd", "they|'ll|we|'re|I|'m|I|'ve|he|'d"},
      {"O'Brien's", "O'Brien|'s"},
      {"JFK Jr.'s book", "JFK|Jr.|'s|book"},
      {"the players' union", "the|players|'|union"},
  });
}

TEST(TokenizerTest, KeepsHyphenatedWordsWhole) {
  RunCases({
      {"Kim Jong-un", "Kim|Jong-un"},
      {"anti-West 20-year-old", "anti-West|20-year-old"},
      {"well\u2010known", "well\u2010known"},
      {"wait -- no", "wait|--|no"},
      {"AT&T and S&P, not R & D", "AT&T|and|S&P|,|not|R|&|D"},
      {"Moscow\u2014Pyongyang", "Moscow|\u2014|Pyongyang"},
  });
}

TEST(TokenizerTest, KeepsAbbreviationPeriods) {
  RunCases({
      {"U.S. officials", "U.S.|officials"},
      {"Mr. Smith", "Mr.|Smith"},
      {"e.g. this", "e.g.|this"},
      {"Ph.D. student", "Ph.D.|student"},
      {"U.S.-led coalition", "U.S.-led|coalition"},
      {"John F. Kennedy", "John|F.|Kennedy"},
      {"No. 5", "No.|5"},
      {"said no.", "said|no|."},
      {"Acme Inc.", "Acme|Inc."},
      {"the end.", "the|end|."},
      {"world.Today", "world|.|Today"},
  });
}

TEST(TokenizerTest, KeepsNumbersWhole) {
  RunCases({
      {"1,000 3.5 2024", "1,000|3.5|2024"},
      {"$50", "$|50"},
      {"76%", "76|%"},
      {"$1.2m", "$|1.2m"},
      {"12:30 05/29/1987", "12:30|05/29/1987"},
      {"1,550,000 shares", "1,550,000|shares"},
      {"1,2", "1|,|2"},
      {"$.50 and .50", "$|.50|and|.50"},
      {"(type 2).10", "(|type|2|)|.|10"},
  });
}

TEST(TokenizerTest, SeparatesQuotesBracketsAndEllipses) {
  RunCases({
      {"\u201CYes,\u201D he said.", "\u201C|Yes|,|\u201D|he|said|."},
      {"\"No\" (really) [sic]", "\"|No|\"|(|really|)|[|sic|]"},
      {"wait...", "wait|..."},
      {"wait\u2026", "wait|\u2026"},
  });
}

TEST(TokenizerTest, KeepsUrlsAndEmailsWhole) {
  RunCases({
      {"mail jane.doe@example.com.", "mail|jane.doe@example.com|."},
      {"see https://x.com/a?b=1.", "see|https://x.com/a?b=1|."},
      {"(www.example.org)", "(|www.example.org|)"},
      {"Amazon.com shares", "Amazon.com|shares"},
  });
}

TEST(TokenizerTest, KeepsGraphemesWhole) {
  RunCases({
      // Family (ZWJ sequence), flag, thumbs up with skin tone.
      {"\U0001F469\u200D\U0001F469\u200D\U0001F467 \U0001F1FA\U0001F1F8"
       "\U0001F44D\U0001F3FD",
       "\U0001F469\u200D\U0001F469\u200D\U0001F467|\U0001F1FA\U0001F1F8|"
       "\U0001F44D\U0001F3FD"},
      {"I \u2764\uFE0F NY", "I|\u2764\uFE0F|NY"},
      {"cafe\u0301 ok", "cafe\u0301|ok"},
      {"\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD.",
       "\u05E9\u05DC\u05D5\u05DD|\u05E2\u05D5\u05DC\u05DD|."},
      {"\u00A9 2024", "\u00A9|2024"},
  });
}

TEST(TokenizerTest, SetsKindAndSpaceBefore) {
  const std::string text = "Hi 1,000 (x) \U0001F642";
  const std::vector<Token> t = Tokens(text);
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].kind, TokenKind::kWord);
  EXPECT_EQ(t[1].kind, TokenKind::kNumber);
  EXPECT_EQ(t[2].kind, TokenKind::kPunctuation);
  EXPECT_EQ(t[5].kind, TokenKind::kOther);
  EXPECT_TRUE(t[0].space_before);
  EXPECT_TRUE(t[2].space_before);
  EXPECT_FALSE(t[3].space_before);
  EXPECT_FALSE(t[4].space_before);
}

TEST(TokenizerTest, TokenizesOnlyTheGivenRange) {
  const std::string text = "skip Mr. Smith skip";
  std::vector<Token> out;
  Tokenize(text, 5, 14, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].span.Of(text), "Mr.");
  EXPECT_EQ(out[1].span.Of(text), "Smith");
}

}  // namespace
}  // namespace lede
