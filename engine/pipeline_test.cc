#include "engine/pipeline.h"

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
