#include "engine/pipeline.h"

#include <chrono>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status();
    pipeline_ = p->release();
  }
  static void TearDownTestSuite() { delete pipeline_; }
  static Pipeline* pipeline_;
};
Pipeline* PipelineTest::pipeline_ = nullptr;

TEST_F(PipelineTest, SegmentsSentences) {
  auto r = pipeline_->Analyze("One sentence. Another one.", {});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->segmentation.sentences.size(), 2u);
}

TEST_F(PipelineTest, RejectsInvalidUtf8WithOffset) {
  auto r = pipeline_->Analyze("abc\xC0\xAF", {});
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), ::testing::HasSubstr("byte offset 3"));
}

TEST_F(PipelineTest, RejectsBadOptions) {
  AnalyzeOptions o;
  o.max_sentences = -1;
  EXPECT_EQ(pipeline_->Analyze("x", o).status().code(),
            absl::StatusCode::kInvalidArgument);
  o.max_sentences = 0;
  o.reference_time = "last Tuesday";
  EXPECT_EQ(pipeline_->Analyze("x", o).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(PipelineTest, StopsWhenInterrupted) {
  AnalyzeOptions o;
  o.interrupted = [] { return true; };
  o.interrupted_status = absl::DeadlineExceededError("deadline");
  EXPECT_EQ(pipeline_->Analyze("Some text.", o).status().code(),
            absl::StatusCode::kDeadlineExceeded);
}

// A check that fires during the entity stage stops it between sentences:
// the analysis returns long before a whole one would have finished.
TEST_F(PipelineTest, StopsInsideALongStage) {
  std::string text;
  while (text.size() < (1 << 20)) {
    text +=
        "Maria Ngata said on Monday that the harbour board in Wellington would "
        "rebuild the ferry terminal. \"We have waited,\" she told reporters.\n";
  }
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point a) {
    return std::chrono::duration<double>(Clock::now() - a).count();
  };
  auto start = Clock::now();
  ASSERT_TRUE(pipeline_->Analyze(text, {}).ok());
  const double whole = seconds(start);

  // The first call is the check after segmentation; the second comes from
  // inside the tagger, after 16 sentences.
  int calls = 0;
  AnalyzeOptions o;
  o.interrupted = [&calls] { return ++calls >= 2; };
  o.interrupted_status = absl::DeadlineExceededError("deadline");
  start = Clock::now();
  EXPECT_EQ(pipeline_->Analyze(text, o).status().code(),
            absl::StatusCode::kDeadlineExceeded);
  EXPECT_LT(seconds(start), whole / 4) << "whole analysis: " << whole << " s";
}

TEST_F(PipelineTest, ReportsRequestReferenceTime) {
  AnalyzeOptions o;
  o.reference_time = "2024-06-17";
  auto r = pipeline_->Analyze("Text.", o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->reference.source, ReferenceTime::Source::kRequest);
  EXPECT_EQ(r->reference.ToString(), "2024-06-17");
}

}  // namespace
}  // namespace lede
