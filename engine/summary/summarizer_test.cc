#include "engine/summary/summarizer.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/model/model_file.h"
#include "engine/text/segmenter.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

class SummarizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto seg = Segmenter::Create({});
    ASSERT_TRUE(seg.ok());
    segmenter_ = *std::move(seg);
    // The heuristic weights: these tests are about behaviour, not the model.
    summarizer_ = Summarizer::FromWeights(Summarizer::HeuristicWeights(), "t");
  }

  std::vector<SummarySentence> Run(const std::string& text, int max,
                                   bool score_order = false,
                                   const std::vector<Entity>& entities = {},
                                   bool exact_count = false) {
    seg_ = segmenter_->Segment(text);
    SummaryRequest req;
    req.max_sentences = max;
    req.score_order = score_order;
    req.exact_count = exact_count;
    return summarizer_->Summarize(text, seg_, entities, req);
  }

  std::vector<std::string> Texts(const std::string& text,
                                 const std::vector<SummarySentence>& s) {
    std::vector<std::string> out;
    for (const SummarySentence& x : s) {
      out.emplace_back(seg_.sentences[x.sentence_index].span.Of(text));
    }
    return out;
  }

  std::unique_ptr<Segmenter> segmenter_;
  std::unique_ptr<Summarizer> summarizer_;
  Segmentation seg_;
};

constexpr char kCaptionedArticle[] =
    "Mayor Ann Lee (L) shakes hands with Governor Bo Park (R) during the "
    "opening of the Harbor Bridge on May 2, 2023, in Portsmouth. On Monday, "
    "the bridge will close for repairs after cracks were found in two of its "
    "piers. File Photo by Sam Cole/UPI\n"
    "The Harbor Bridge (C, 2023) will close for six weeks of repairs, the "
    "state said. Photo: Reuters\n"
    "Portsmouth, May 9 (UPI) \xE2\x80\x94\n"
    "The Harbor Bridge will close on Monday for six weeks of repairs after "
    "inspectors found cracks in two of its piers, the state transport "
    "department said.\n"
    "Advertising\n"
    "About 40,000 drivers cross the bridge each day, and officials said "
    "detours through the city center would add up to half an hour to a "
    "commute.\n"
    "\"We cannot take any chances with a structure this busy,\" transport "
    "secretary Dana Ortiz said.\n"
    "Read more: Bridge inspections lag across the state\n"
    "The bridge opened a year ago at a cost of $310 million and had been "
    "hailed as a model for the region's harbor crossings.\n"
    "By Jane Doe\n"
    "\xC2\xA9 2023 United Press International\n";

TEST_F(SummarizerTest, CaptionsCreditsAndPromptsNeverEnterTheSummary) {
  const std::string text = kCaptionedArticle;
  for (int max : {1, 3, 5, 20}) {
    std::vector<std::string> got = Texts(text, Run(text, max));
    ASSERT_FALSE(got.empty());
    for (const std::string& s : got) {
      EXPECT_EQ(s.find("Photo"), std::string::npos) << s;
      EXPECT_EQ(s.find("(L)"), std::string::npos) << s;
      EXPECT_EQ(s.find("(C, 2023)"), std::string::npos) << s;
      EXPECT_NE(s, "Advertising");
      EXPECT_EQ(s.find("Read more"), std::string::npos) << s;
      EXPECT_EQ(s.find("By Jane"), std::string::npos) << s;
      EXPECT_EQ(s.find("\xC2\xA9"), std::string::npos) << s;
      EXPECT_NE(s.rfind("Portsmouth, May 9", 0), 0u) << s;
    }
  }
}

TEST_F(SummarizerTest, LeadBodySentenceOpensTheSummary) {
  const std::string text = kCaptionedArticle;
  std::vector<std::string> got = Texts(text, Run(text, 3));
  ASSERT_THAT(got, SizeIs(3));
  EXPECT_EQ(got[0].rfind("The Harbor Bridge will close on Monday", 0), 0u)
      << got[0];
}

TEST_F(SummarizerTest, NearDuplicateSentencesAreNotBothSelected) {
  const std::string text =
      "The central bank raised interest rates by half a point on Thursday to "
      "fight inflation.\n"
      "The central bank raised interest rates by half a point on Thursday in "
      "a fight against inflation.\n"
      "Economists had expected a smaller rise after prices cooled in March.\n"
      "Mortgage lenders said they would pass the rise on to borrowers within "
      "days.\n";
  std::vector<SummarySentence> got = Run(text, 3);
  ASSERT_THAT(got, SizeIs(3));
  std::vector<int32_t> idx;
  for (const auto& s : got) idx.push_back(s.sentence_index);
  EXPECT_THAT(idx, ElementsAre(0, 2, 3));
}

TEST_F(SummarizerTest, StemOverlapSeesInflectedRepeats) {
  EXPECT_GT(StemOverlap({1, 2, 3, 4, 5}, {1, 2, 3, 4, 5, 6}),
            Summarizer::kMaxOverlap);
  EXPECT_LT(StemOverlap({1, 2, 3, 4, 5}, {6, 7, 8, 9, 1}),
            Summarizer::kMaxOverlap);
  EXPECT_EQ(StemOverlap({}, {1}), 0);
}

TEST_F(SummarizerTest, EmptyTextGivesNothing) {
  EXPECT_THAT(Run("", 3), IsEmpty());
  EXPECT_THAT(Run("   \n\n  ", 3), IsEmpty());
}

TEST_F(SummarizerTest, OneSentenceTextGivesThatSentence) {
  const std::string text = "The council approved the budget on Tuesday.";
  std::vector<SummarySentence> got = Run(text, 3);
  ASSERT_THAT(got, SizeIs(1));
  EXPECT_EQ(got[0].sentence_index, 0);
  EXPECT_GT(got[0].score, 0);
  EXPECT_LT(got[0].score, 1);
}

// A news page as GUM's Wikinews texts come: headline, date line, a caption
// paragraph with a clip credit, then the story.
constexpr char kNewsPage[] =
    "Harbour board approves new ferry terminal\n\n"
    "Monday, March 4, 2024\n\n"
    "Opening night, March 1, 2024, of the harbour exhibit at the city museum. "
    "Video: Jane Doe.\n\n"
    "The Wellington Harbour Board voted on Monday to build a new ferry "
    "terminal at the eastern wharf, ending a decade of debate.\n\n"
    "The terminal will cost about $120 million and open in 2027, the board "
    "said.\n\n"
    "Ferry operators welcomed the decision, saying the old terminal could no "
    "longer handle larger ships.\n";

TEST_F(SummarizerTest, NewsPageHeadlineDatelineAndCaptionStayOut) {
  const std::string text = kNewsPage;
  for (int max : {1, 3, 10}) {
    std::vector<std::string> got = Texts(text, Run(text, max));
    ASSERT_FALSE(got.empty());
    EXPECT_EQ(got[0].rfind("The Wellington Harbour Board voted", 0), 0u)
        << got[0];
    for (const std::string& s : got) {
      EXPECT_EQ(s.find("Harbour board approves"), std::string::npos) << s;
      EXPECT_EQ(s.find("March 4, 2024"), std::string::npos) << s;
      EXPECT_EQ(s.find("Opening night"), std::string::npos) << s;
      EXPECT_EQ(s.find("Video:"), std::string::npos) << s;
    }
  }
}

TEST_F(SummarizerTest, TinyTextsAreSummarized) {
  // Tiny inputs: a lone word, a two-word fragment, two short sentences.
  EXPECT_THAT(Run("Hello", 3), SizeIs(1));
  EXPECT_THAT(Run("Rates rise", 3), SizeIs(1));
  EXPECT_THAT(Run("Rates rose. Stocks fell.", 3), SizeIs(2));
}

TEST_F(SummarizerTest, HeadlineOnlyTextFallsBackOnTheFragment) {
  EXPECT_THAT(Run("Council approves budget", 3), SizeIs(1));
}

TEST_F(SummarizerTest, DebrisOnlyTextGivesNothing) {
  EXPECT_THAT(Run("Advertising\nPhoto: Reuters\nRead more\n", 3), IsEmpty());
}

struct BoundCase {
  int max;
  size_t expected;
};

class MaxSentencesTest : public SummarizerTest,
                         public ::testing::WithParamInterface<BoundCase> {};

TEST_P(MaxSentencesTest, ReturnsAtMostMaxSentences) {
  std::string text;
  for (int i = 0; i < 6; ++i) {
    absl::StrAppend(&text, "Story sentence number ", i, " tells about topic", i,
                    " with words", i * 7, " and more", i * 13, ".\n");
  }
  EXPECT_THAT(Run(text, GetParam().max), SizeIs(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(Bounds, MaxSentencesTest,
                         ::testing::Values(BoundCase{-1, 0}, BoundCase{0, 0},
                                           BoundCase{1, 1}, BoundCase{3, 3},
                                           BoundCase{6, 6},
                                           BoundCase{1000, 6}));

// Three long sentences (30 words or more) among short ones: three of them
// would be over the budget of three sentences of the document's mean length
// (Summarizer::kLengthBudget), so two come back.
TEST_F(SummarizerTest, LongBestSentencesGiveFewerThanMaxSentences) {
  std::string text =
      "The city council approved a plan on Monday to rebuild the eastern "
      "harbour wall, which storms damaged last winter, at a cost of about "
      "forty million dollars spread over the next five years.\n"
      "Engineers told the meeting that waves had already washed away parts "
      "of the old stone pier and that fishing boats could not safely use "
      "the northern berths until repairs were finished.\n"
      "Shop owners along the waterfront welcomed the vote but asked for "
      "temporary parking and cheaper ferry tickets while the construction "
      "crews closed the main promenade during the busy summer months.\n";
  for (const char* s :
       {"Heavy rain fell across the region for the whole week.",
        "Several shops in the old town opened late on Tuesday.",
        "Buses on the coast road ran slowly because of floods.",
        "Two schools near the river stayed shut for three days."}) {
    absl::StrAppend(&text, s, "\n");
  }
  std::vector<SummarySentence> got = Run(text, 3);
  ASSERT_THAT(got, SizeIs(2));
  EXPECT_EQ(got[0].sentence_index, 0);
  // Asked for one, still one; asked for more, the budget grows with it.
  EXPECT_THAT(Run(text, 1), SizeIs(1));
  EXPECT_THAT(Run(text, 7), SizeIs(7));
  // Without the budget, as many as asked for.
  EXPECT_THAT(Run(text, 3, false, {}, /*exact_count=*/true), SizeIs(3));
}

// With every sentence scored a likely summary sentence
// (>= Summarizer::kLikelyScore), the story's order decides, not the score.
TEST_F(SummarizerTest, LikelySentencesAreTakenInDocumentOrder) {
  SummaryFeatureRow w{};
  w[kFeatBias] = 3.0f;
  w[kFeatSumTf] = 2.0f;
  summarizer_ = Summarizer::FromWeights(w, "t");
  const std::string text =
      "The council approved the new budget on Monday.\n"
      "The mayor said the vote came after months of talks.\n"
      "Residents will see lower fees for parking next year.\n"
      "The budget budget council council approved approved the new budget "
      "council plan.\n";
  std::vector<SummarySentence> got = Run(text, 3, /*score_order=*/true);
  ASSERT_THAT(got, SizeIs(3));
  std::vector<int32_t> idx;
  for (const auto& s : got) idx.push_back(s.sentence_index);
  std::sort(idx.begin(), idx.end());
  EXPECT_THAT(idx, ElementsAre(0, 1, 2));
  for (size_t i = 1; i < got.size(); ++i) {
    EXPECT_GE(got[i - 1].score, got[i].score);
  }
}

TEST_F(SummarizerTest, DocumentOrderByDefaultAndBestFirstOnRequest) {
  const std::string text = kCaptionedArticle;
  std::vector<SummarySentence> doc = Run(text, 4);
  std::vector<SummarySentence> best = Run(text, 4, /*score_order=*/true);
  ASSERT_THAT(doc, SizeIs(4));
  ASSERT_THAT(best, SizeIs(4));
  for (size_t i = 1; i < doc.size(); ++i) {
    EXPECT_LT(doc[i - 1].sentence_index, doc[i].sentence_index);
    EXPECT_GE(best[i - 1].score, best[i].score);
  }
}

TEST_F(SummarizerTest, SalientEntityLiftsItsSentence) {
  const std::string text =
      "The city council met on Tuesday to discuss the annual budget plan.\n"
      "Members argued for hours about road repairs and school funding.\n"
      "Acme Corp offered to pay for a new library in the eastern district.\n"
      "The meeting ended late in the evening without any final vote.\n";
  std::vector<SummarySentence> without = Run(text, 1, true);
  ASSERT_THAT(without, SizeIs(1));
  EXPECT_EQ(without[0].sentence_index, 0);
  Entity acme;
  acme.name = "Acme Corp";
  acme.salience = 1.0f;
  const int32_t at = static_cast<int32_t>(text.find("Acme"));
  acme.mentions.push_back({{at, at + 9}, MentionType::kProper});
  std::vector<SummarySentence> lifted = Run(text, 4, true, {acme});
  ASSERT_THAT(lifted, SizeIs(4));
  float acme_score = 0, other = 0;
  for (const auto& s : lifted) {
    if (s.sentence_index == 2) acme_score = s.score;
    if (s.sentence_index == 1) other = s.score;
  }
  EXPECT_GT(acme_score, other);
}

// Synthetic prose: sentences of 8 to 23 words drawn from a 3,000-word
// vocabulary with a fixed linear congruential generator.
std::string SyntheticText(int sentences) {
  static constexpr const char* kSyllables[] = {"ka", "lo", "mi",  "ren", "tu",
                                               "sa", "vo", "del", "ni",  "po"};
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    const int words = 8 + next() % 16;
    for (int w = 0; w < words; ++w) {
      const uint32_t id = next() % 3000;
      std::string word =
          absl::StrCat(kSyllables[id % 10], kSyllables[(id / 10) % 10],
                       kSyllables[(id / 100) % 10]);
      if (w == 0) word[0] = static_cast<char>(word[0] - 'a' + 'A');
      absl::StrAppend(&text, word, w + 1 == words ? "." : " ");
    }
    absl::StrAppend(&text, i % 5 == 4 ? "\n" : " ");
  }
  return text;
}

TEST_F(SummarizerTest, HugeDocumentIsSummarized) {
  const std::string text = SyntheticText(50000);
  std::vector<SummarySentence> got = Run(text, 5);
  EXPECT_THAT(got, SizeIs(5));
  EXPECT_GE(seg_.sentences.size(), 50000u);
}

TEST_F(SummarizerTest, RepetitiveHugeDocumentStaysBounded) {
  // Every sentence repeats the first: one survives redundancy, and each of
  // the 50,000 candidates is compared with the selected ones only.
  std::string text;
  for (int i = 0; i < 50000; ++i) {
    absl::StrAppend(&text, "The river rose again near the old town bridge.",
                    i % 5 == 4 ? "\n" : " ");
  }
  EXPECT_THAT(Run(text, 5), SizeIs(1));
}

TEST_F(SummarizerTest, MalformedEntitySpansAreIgnored) {
  const std::string text =
      "The council met on Tuesday.\nIt approved the budget for next year.\n";
  Entity e;
  e.salience = 5.0f;  // out of range: clamped
  e.mentions.push_back({{-10, -2}, MentionType::kProper});
  e.mentions.push_back({{1000, 1010}, MentionType::kProper});
  e.mentions.push_back({{27, 27}, MentionType::kProper});  // between sentences
  EXPECT_THAT(Run(text, 2, false, {e}), SizeIs(2));
}

TEST_F(SummarizerTest, NonLatinTextIsSummarized) {
  const std::string text =
      "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD0\xBF\xD1\x80\xD0"
      "\xB8\xD0\xB5\xD1\x85\xD0\xB0\xD0\xBB \xD0\xB2 \xD0\x9F\xD1\x85"
      "\xD0\xB5\xD0\xBD\xD1\x8C\xD1\x8F\xD0\xBD.\n"
      "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAF\xE6\x99\xB4\xE3\x82\x8C"
      "\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82 Tokyo is sunny today.\n";
  std::vector<SummarySentence> got = Run(text, 3);
  EXPECT_FALSE(got.empty());
}

// Random lines of words, digits, punctuation and blank lines: every result
// is a valid, distinct sentence index in document order, never debris.
TEST_F(SummarizerTest, RandomTextKeepsOutputInvariants) {
  static constexpr const char* kPieces[] = {
      "The",  "council",      "said",        "Photo:", "Reuters", "(L)",
      "By",   "Jane",         "Advertising", "\"We",   "won,\"",  "1,000",
      "3.5",  "U.S.",         "Read",        "more",   "...",     "--",
      ">",    "\xE2\x80\x94", "\xC2\xA9",    "today.", "fell.",   "rose!",
      "why?", "\n",           "\n\n"};
  uint32_t state = 7;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int n = next() % 120;
    for (int i = 0; i < n; ++i) {
      absl::StrAppend(
          &text, kPieces[next() % (sizeof(kPieces) / sizeof(kPieces[0]))], " ");
    }
    const int max = static_cast<int>(next() % 6);
    std::vector<SummarySentence> got = Run(text, max, round % 2 == 1);
    ASSERT_LE(got.size(), static_cast<size_t>(max)) << text;
    std::vector<DebrisKind> debris = ClassifyDebris(text, seg_);
    std::vector<int32_t> seen;
    for (const SummarySentence& s : got) {
      ASSERT_GE(s.sentence_index, 0) << text;
      ASSERT_LT(s.sentence_index, static_cast<int32_t>(seg_.sentences.size()));
      const DebrisKind k = debris[s.sentence_index];
      EXPECT_TRUE(k == DebrisKind::kNone || k == DebrisKind::kFragment)
          << DebrisKindName(k) << " in " << text;
      seen.push_back(s.sentence_index);
    }
    std::vector<int32_t> sorted = seen;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
    if (round % 2 == 0) {
      EXPECT_EQ(seen, sorted);
    }
  }
}

// The shared sample article (read in place, never copied), when present.
TEST(SummarizerSampleTest, SampleArticleKeepsLeadAndDropsCaptions) {
  const char* env = std::getenv("LEDE_SHARED_DIR");
  const std::string path =
      std::string(env != nullptr && *env ? env : "../shared") +
      "/examples/000_8fd7e038f81185b7.txt";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "no " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  auto seg = Segmenter::Create({});
  ASSERT_TRUE(seg.ok());
  Segmentation sg = (*seg)->Segment(text);
  SummarySpec spec;
  spec.model_dir = "models";
  auto summarizer = Summarizer::Create(spec);
  ASSERT_TRUE(summarizer.ok()) << summarizer.status();
  SummaryRequest req;
  bool lead = false;
  for (const SummarySentence& s : (*summarizer)->Summarize(text, sg, {}, req)) {
    const std::string got(sg.sentences[s.sentence_index].span.Of(text));
    lead |= got.find("For the first time in 20 years") != std::string::npos;
    EXPECT_EQ(got.find("Photo"), std::string::npos) << got;
    EXPECT_EQ(got.find("(L"), std::string::npos) << got;
    EXPECT_NE(got, "Advertising");
  }
  EXPECT_TRUE(lead);
}

TEST(SummarizerCreateTest, MissingModelFallsBackOnHeuristic) {
  SummarySpec spec;
  spec.model_dir = "/nonexistent/lede/models";
  auto s = Summarizer::Create(spec);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ((*s)->ModelId(), "heuristic");
}

TEST(SummarizerCreateTest, ModelWithOtherFeaturesIsRefused) {
  const std::string dir = ::testing::TempDir();
  ModelWriter w(std::string(kSummaryModelKind), kSummaryModelVersion);
  ByteWriter names;
  names.VarU(1);
  names.Str("bias");
  w.AddSection("features", names.data());
  ByteWriter weights;
  weights.F32(1);
  w.AddSection("weights", weights.data());
  ASSERT_TRUE(w.WriteToFile(absl::StrCat(dir, "/summary.bin")).ok());
  SummarySpec spec;
  spec.model_dir = dir;
  auto s = Summarizer::Create(spec);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(SummarizerCreateTest, ShippedModelLoads) {
  SummarySpec spec;
  spec.model_dir = "models";  // tests run from the repository root
  auto s = Summarizer::Create(spec);
  ASSERT_TRUE(s.ok()) << s.status();
}

}  // namespace
}  // namespace lede
