// The CLI's --format=html rendering: escaping, nesting, overlapping spans.

#include "client/cli/html_output.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

void SetSpan(v1::Span* s, int begin, int end) {
  s->set_begin(begin);
  s->set_end(end);
}

// The highlighted text part of a section.
std::string TextPart(const std::string& section) {
  const size_t at = section.find("<h3>Text</h3>\n");
  EXPECT_NE(at, std::string::npos);
  const size_t end = section.rfind("\n</div>");
  return section.substr(at + 14, end - at - 14);
}

// Counts of <span and </span> balance and never go negative.
bool WellNested(const std::string& html) {
  int depth = 0;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 5, "<span") == 0) ++depth;
    if (html.compare(i, 7, "</span>") == 0 && --depth < 0) return false;
    if (html.compare(i, 4, "</p>") == 0 && depth != 0) return false;
  }
  return depth == 0;
}

TEST(HtmlOutputTest, EscapesTextAndAttributes) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  v1::AnalyzeResponse r;
  auto* e = r.add_entities();
  e->set_name("\"><script>x</script>");
  e->set_type(v1::PERSON);
  SetSpan(e->add_mentions()->mutable_span(), 0, 3);
  const std::string html = HtmlDocumentSection(r, "<b>&</b>", "<doc & \"id\">");
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(TextPart(html), Not(HasSubstr("<b>")));
  EXPECT_THAT(html, HasSubstr("&lt;doc &amp; &quot;id&quot;&gt;"));
  EXPECT_THAT(TextPart(html),
              HasSubstr("<span class=\"e e-PERSON\" title=\"Person \xC2\xB7 "
                        "&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&lt;b&gt;"
                        "</span>&amp;&lt;/b&gt;"));
}

TEST(HtmlOutputTest, NestsEntitiesInsideQuotes) {
  //                 0         1         2
  //                 012345678901234567890123456
  const std::string text = "\"Ann Lee came on Monday,\" X";
  v1::AnalyzeResponse r;
  auto* q = r.add_quotes();
  SetSpan(q->mutable_span(), 1, 23);
  q->set_speaker("X");
  auto* e = r.add_entities();
  e->set_type(v1::PERSON);
  e->set_name("Ann Lee");
  SetSpan(e->add_mentions()->mutable_span(), 1, 8);
  auto* d = r.add_dates();
  SetSpan(d->mutable_span(), 17, 23);
  d->set_value("2024-03-04");
  d->set_type(v1::DATE);
  const std::string part = TextPart(HtmlDocumentSection(r, text, "doc"));
  EXPECT_TRUE(WellNested(part)) << part;
  EXPECT_EQ(part,
            "<p>&quot;<span class=\"q\" title=\"Quote \xC2\xB7 X\">"
            "<span class=\"e e-PERSON\" title=\"Person \xC2\xB7 Ann Lee\">"
            "Ann Lee</span> came on <span class=\"t\" title=\"DATE \xC2\xB7 "
            "2024-03-04\">Monday</span></span>,&quot; X</p>");
}

TEST(HtmlOutputTest, SplitsOverlappingSpansThatDoNotNest) {
  const std::string text = "abcdefgh";
  v1::AnalyzeResponse r;
  auto* e = r.add_entities();
  e->set_type(v1::ORGANIZATION);
  SetSpan(e->add_mentions()->mutable_span(), 0, 5);  // abcde
  auto* d = r.add_dates();
  SetSpan(d->mutable_span(), 3, 8);  // defgh
  const std::string part = TextPart(HtmlDocumentSection(r, text, "doc"));
  EXPECT_TRUE(WellNested(part)) << part;
  // "de" is in both; the date is split around the entity's end.
  EXPECT_THAT(part, HasSubstr(">abc<span class=\"t\""));
  EXPECT_THAT(part, HasSubstr(">de</span></span><span class=\"t\""));
  EXPECT_THAT(part, HasSubstr(">fgh</span></p>"));
}

TEST(HtmlOutputTest, LinesBecomeParagraphsAndSpansCrossThem) {
  const std::string text = "one two\nthree";
  v1::AnalyzeResponse r;
  auto* s = r.mutable_summary()->add_sentences();
  SetSpan(s->mutable_span(), 4, 13);  // "two\nthree"
  const std::string part = TextPart(HtmlDocumentSection(r, text, "doc"));
  EXPECT_TRUE(WellNested(part)) << part;
  EXPECT_THAT(part, HasSubstr("<p>one <span class=\"sum\""));
  EXPECT_THAT(part, HasSubstr(">two</span></p>\n<p><span class=\"sum\""));
  EXPECT_THAT(part, HasSubstr(">three</span></p>"));
}

TEST(HtmlOutputTest, BadSpansAreClampedOrSkipped) {
  const std::string text = "short";
  v1::AnalyzeResponse r;
  auto* e = r.add_entities();
  SetSpan(e->add_mentions()->mutable_span(), 2, 99);
  SetSpan(e->add_mentions()->mutable_span(), 4, 1);
  SetSpan(e->add_mentions()->mutable_span(), -5, 0);
  const std::string part = TextPart(HtmlDocumentSection(r, text, "doc"));
  EXPECT_TRUE(WellNested(part)) << part;
  EXPECT_THAT(part, HasSubstr("<p>sh<span"));
  EXPECT_THAT(part, HasSubstr(">ort</span></p>"));
}

TEST(HtmlOutputTest, ErrorResponseShowsTheMessage) {
  v1::AnalyzeResponse r;
  r.mutable_error()->set_code(3);
  r.mutable_error()->set_message("bad <thing>");
  const std::string html = HtmlDocumentSection(r, "", "doc");
  EXPECT_THAT(html, HasSubstr("INVALID_ARGUMENT: bad &lt;thing&gt;"));
}

TEST(HtmlOutputTest, PageIsComplete) {
  const std::string page = HtmlPageStart("t <1>") + HtmlPageEnd();
  EXPECT_THAT(page, HasSubstr("<title>t &lt;1&gt;</title>"));
  EXPECT_THAT(page, HasSubstr("class=\"legend\""));
  EXPECT_THAT(page, Not(HasSubstr("<script")));
  EXPECT_THAT(page, HasSubstr("</html>"));
}

}  // namespace
}  // namespace lede::cli
