#include "engine/summary/boilerplate.h"

#include <string>
#include <vector>

#include "engine/text/segmenter.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

struct DebrisCase {
  std::string line;
  DebrisKind kind;
};

class SentenceDebrisTest : public ::testing::TestWithParam<DebrisCase> {};

TEST_P(SentenceDebrisTest, ClassifiesLine) {
  EXPECT_EQ(ClassifySentenceDebris(GetParam().line), GetParam().kind)
      << GetParam().line << " → "
      << DebrisKindName(ClassifySentenceDebris(GetParam().line));
}

INSTANTIATE_TEST_SUITE_P(
    Lines, SentenceDebrisTest,
    ::testing::Values(
        // Credits.
        DebrisCase{"File Pool Photo by Kremlin/UPI", DebrisKind::kCredit},
        DebrisCase{"Photo: Reuters", DebrisKind::kCredit},
        DebrisCase{"(Getty Images)", DebrisKind::kCredit},
        DebrisCase{"Image: United States Navy.", DebrisKind::kCredit},
        DebrisCase{"The mayor at the opening. AFP Photo", DebrisKind::kCredit},
        DebrisCase{"Video: Miharris & Acphillips.", DebrisKind::kCredit},
        DebrisCase{"Audio: Jkthom.", DebrisKind::kCredit},
        // Prompts.
        DebrisCase{"Advertising", DebrisKind::kPrompt},
        DebrisCase{"ADVERTISEMENT", DebrisKind::kPrompt},
        DebrisCase{"Read more:", DebrisKind::kPrompt},
        DebrisCase{"Read more: Storm batters coast", DebrisKind::kPrompt},
        DebrisCase{"Click here to get our newsletter.", DebrisKind::kPrompt},
        DebrisCase{"Subscribe", DebrisKind::kPrompt},
        DebrisCase{"Share this article", DebrisKind::kPrompt},
        DebrisCase{"Follow us on Twitter.", DebrisKind::kPrompt},
        DebrisCase{"Video: watch the full interview with the coach here",
                   DebrisKind::kPrompt},
        // Bylines.
        DebrisCase{"By Jane Doe", DebrisKind::kByline},
        DebrisCase{"By Jane Doe and John Roe, Reuters", DebrisKind::kByline},
        DebrisCase{"Reporting by Jane Doe; Editing by John Roe",
                   DebrisKind::kByline},
        // Datelines and dates alone.
        DebrisCase{"June 17 (UPI) \xE2\x80\x94", DebrisKind::kDateline},
        DebrisCase{"WASHINGTON (Reuters) -", DebrisKind::kDateline},
        DebrisCase{"Friday, July 21, 2017", DebrisKind::kDateline},
        DebrisCase{"Updated: 10:30 a.m. June 5", DebrisKind::kDateline},
        // Copyright and navigation.
        DebrisCase{"\xC2\xA9 2024 United Press International",
                   DebrisKind::kCopyright},
        DebrisCase{"Copyright 2005 The Associated Press.",
                   DebrisKind::kCopyright},
        DebrisCase{"Home > World > Asia", DebrisKind::kNavigation},
        DebrisCase{"News | Sport | Weather", DebrisKind::kNavigation},
        // Phrases are found anywhere in a line, in any case, even inside a
        // word (the one-pass search must match substring search).
        DebrisCase{"Telephoto by Sam Lee", DebrisKind::kCredit},
        DebrisCase{"A GETTY IMAGES handout", DebrisKind::kCredit},
        DebrisCase{"Ann Lee in Paris. Smith/AFP", DebrisKind::kCredit},
        DebrisCase{"The minister, pictured: at the dock, said the port "
                   "would open.",
                   DebrisKind::kCredit},
        DebrisCase{"\xC2\xA9 Lede Wire", DebrisKind::kCopyright},
        DebrisCase{"ALL RIGHTS RESERVED.", DebrisKind::kCopyright},
        DebrisCase{"APPHOTO", DebrisKind::kFragment},
        // Headlines and labels.
        DebrisCase{"Putin heads to North Korea", DebrisKind::kFragment},
        // Body sentences stay.
        DebrisCase{"By Monday, the storm had moved out to sea.",
                   DebrisKind::kNone},
        DebrisCase{"The firm said advertising revenue rose 8%.",
                   DebrisKind::kNone},
        DebrisCase{"Readers who subscribe to the paper will pay more.",
                   DebrisKind::kNone},
        DebrisCase{"\"We are ready,\" she said.", DebrisKind::kNone},
        DebrisCase{"Sales fell in June.", DebrisKind::kNone},
        DebrisCase{"It was the photo of the year, and everyone said so at "
                   "length in the papers.",
                   DebrisKind::kNone},
        DebrisCase{"The video: a clip of the crash, was shown in court.",
                   DebrisKind::kNone},
        DebrisCase{"Profits at the firm jumped 76% to $1.13bn in the "
                   "three months to December, it said on Friday.",
                   DebrisKind::kNone}));

struct ParagraphCase {
  std::string name;
  std::string text;
  // Expected debris per sentence, as DebrisKindName() strings.
  std::vector<std::string> kinds;
};

class ParagraphDebrisTest : public ::testing::TestWithParam<ParagraphCase> {};

TEST_P(ParagraphDebrisTest, MarksWholeCaptionParagraphs) {
  auto segmenter = Segmenter::Create({});
  ASSERT_TRUE(segmenter.ok());
  const std::string& text = GetParam().text;
  Segmentation seg = (*segmenter)->Segment(text);
  std::vector<DebrisKind> kinds = ClassifyDebris(text, seg);
  std::vector<std::string> names;
  for (DebrisKind k : kinds) names.emplace_back(DebrisKindName(k));
  // Segmenters differ on where a credit ends; compare the first and last.
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.front(), GetParam().kinds.front()) << GetParam().name;
  EXPECT_EQ(names.back(), GetParam().kinds.back()) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Paragraphs, ParagraphDebrisTest,
    ::testing::Values(
        ParagraphCase{"credit_marks_caption",
                      "Mayor Ann Lee (L) meets with Governor Bo Park (R) "
                      "during a visit to the harbor on May 2, 2023. The "
                      "two will meet again on Friday. File Photo by Sam "
                      "Cole/UPI",
                      {"caption", "credit"}},
        ParagraphCase{"caption_verb_and_open_end",
                      "Firefighters walks through the ruins of the mill in "
                      "Dayton on Tuesday",
                      {"caption", "caption"}},
        ParagraphCase{"party_marker_in_body_stays",
                      "Sen. Ann Lee (R) said the bill would pass. The vote "
                      "is on Friday.",
                      {"none", "none"}},
        ParagraphCase{"clip_credit_marks_caption",
                      "Opening night, January 23, 2014, of the Andy Warhol "
                      "exhibit at the University of Southern Indiana. Video: "
                      "Miharris & Acphillips.",
                      {"caption", "credit"}},
        ParagraphCase{"quoted_paragraph_keeps_body",
                      "\"We will rebuild,\" the mayor said. Photo: Reuters",
                      {"none", "credit"}}));

}  // namespace
}  // namespace lede
