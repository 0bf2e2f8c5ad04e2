// ExtractArticleText(): fixture pages in tests/fixtures/html/ and small
// hostile inputs.

#include "service/html/html_text.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Fixture(const std::string& name) {
  const char* src = std::getenv("LEDE_SOURCE_DIR");
  const std::string path =
      absl::StrCat(src ? src : ".", "/tests/fixtures/html/", name);
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "missing fixture " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n');
}

std::string Text(const std::string& html) {
  auto r = ExtractArticleText(html);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? r->text : "";
}

TEST(HtmlTextTest, NewsPageKeepsTheArticleOnly) {
  auto r = ExtractArticleText(Fixture("harbour_article.html"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->title,
            "Harbour board backs ferry terminal rebuild | The Wellington "
            "Ledger");
  EXPECT_THAT(
      Lines(r->text),
      ElementsAre(
          "Harbour board backs ferry terminal rebuild", "By Aroha Smith",
          "WELLINGTON, March 3 \xE2\x80\x94 The harbour board voted on Monday "
          "to rebuild the old ferry terminal, a project expected to cost $40 "
          "million.",
          "The old terminal in 1998.",
          "\xE2\x80\x9CWe have waited 20 years for this,\xE2\x80\x9D board "
          "chair Maria Ngata said. Work starts in September.",
          "Ngata\xE2\x80\x99s deputy, Tom Reid, told reporters the tender "
          "opens next week.",
          "Bids close in May.", "Cost: $40 million", "Opening: 2027 & beyond"));
}

TEST(HtmlTextTest, DropsBoilerplateScriptsAndHiddenText) {
  const std::string text = Text(Fixture("harbour_article.html"));
  for (const char* gone :
       {"cookies", "Accept", "Sport", "Home", "Share on Facebook",
        "ADVERTISEMENT", "Pull quote", "Hidden paragraph", "JavaScript",
        "cycleway", "Most read", "newsletter", "2024 The Wellington",
        "tracking", "analytics", "font-family"}) {
    EXPECT_THAT(text, Not(HasSubstr(gone)));
  }
}

TEST(HtmlTextTest, UsesMainWithoutArticleAndKeepsTablesAndPre) {
  auto r = ExtractArticleText(Fixture("main_no_article.html"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->title, "Rates rise");
  EXPECT_THAT(
      Lines(r->text),
      ElementsAre("Central bank lifts rates",
                  "The Reserve Bank raised its cash rate to 5.5 per "
                  "cent on Wednesday.",
                  "Governor Adrian Orr said inflation was still too "
                  "high.",
                  "Rate 5.5%", "Previous 5.25%", "line one", "line two"));
}

TEST(HtmlTextTest, RecoversFromBrokenMarkup) {
  // libxml2 leaves a reference without its ';' as written ("&amp ").
  EXPECT_THAT(
      Lines(Text(Fixture("broken_markup.html"))),
      ElementsAre("First paragraph with bold and italic text",
                  "Second paragraph &amp unterminated entity \xC2\xA9 and "
                  "ABC.",
                  "Third paragraph", "Fourth <not a tag>"));
}

TEST(HtmlTextTest, BodyWithoutBlocksAndFragments) {
  EXPECT_EQ(Text("Just   some\n text."), "Just some text.");
  EXPECT_EQ(Text("<b>Bold</b> start. <i>Italic</i> end."),
            "Bold start. Italic end.");
  EXPECT_EQ(Text("one<br>two<br><br><br>three"), "one\ntwo\nthree");
  EXPECT_EQ(Text("<div>  <p>  </p> </div>"), "");
  EXPECT_EQ(Text(""), "");
}

TEST(HtmlTextTest, PrefersTheLongestArticle) {
  EXPECT_EQ(Text("<article><p>Teaser.</p></article>"
                 "<article><p>The real story is longer.</p></article>"),
            "The real story is longer.");
}

TEST(HtmlTextTest, KeepsTextWhenEveryBlockLooksLikeBoilerplate) {
  EXPECT_EQ(Text("<div class='main-sidebar-layout'><p>Story text.</p></div>"),
            "Story text.");
}

TEST(HtmlTextTest, DeclaredCharsetIsIgnoredContentIsUtf8) {
  EXPECT_EQ(Text("<meta charset='iso-8859-1'><p>caf\xC3\xA9</p>"),
            "caf\xC3\xA9");
}

TEST(HtmlTextTest, HostileNestingIsAClearError) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  auto r = ExtractArticleText(html);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("256"));
  // Just under the limit is fine.
  std::string ok;
  for (int i = 0; i < 200; ++i) ok += "<div>";
  ok += "shallow enough";
  EXPECT_EQ(Text(ok), "shallow enough");
}

TEST(HtmlTextTest, HostileInputsNeverCrash) {
  const std::string inputs[] = {
      std::string(100000, '<'),
      std::string("<p>nul\0byte</p>", 15),
      "<<<>>><</>",
      "<!--",
      "<![CDATA[x",
      "<script>",
      "&#0;&#xD800;&#99999999;&bogus;",
      std::string(20000, '&'),
      "<table><td><td><tr><p><li><li><dd>",
      "<svg><p>in svg</p></svg>after",
  };
  for (const auto& in : inputs) {
    auto r = ExtractArticleText(in);
    (void)r;
  }
  std::string many;
  for (int i = 0; i < 50000; ++i) many += "<p>x</p><i>y";
  EXPECT_TRUE(ExtractArticleText(many).ok());
}

}  // namespace
}  // namespace lede
