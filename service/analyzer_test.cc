#include "service/analyzer.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/unicode.h"

namespace lede {
namespace {

using ::testing::HasSubstr;

class AnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status();
    pipeline_ = p->release();
  }
  static void TearDownTestSuite() { delete pipeline_; }

  absl::Status Run(const v1::AnalyzeRequest& req, v1::AnalyzeResponse* resp,
                   int64_t limit = 1 << 20) {
    Analyzer a(pipeline_, limit);
    return a.Analyze(
        req.SerializeAsString(), [] { return false; },
        absl::CancelledError("x"), resp);
  }
  // Wire bytes of a request whose content holds arbitrary bytes.
  static std::string RawRequest(const std::string& content) {
    v1::AnalyzeRequest req;
    req.mutable_document()->set_id("d");
    std::string bytes = req.SerializeAsString();
    // Field 1 (document), length-delimited, holding field 2 (content).
    std::string doc = req.document().SerializeAsString();
    doc += '\x12';
    doc += static_cast<char>(content.size());  // < 128 bytes in these tests
    doc += content;
    std::string out = "\x0a";
    out += static_cast<char>(doc.size());
    out += doc;
    return out;
  }
  static Pipeline* pipeline_;
};
Pipeline* AnalyzerTest::pipeline_ = nullptr;

TEST_F(AnalyzerTest, AnalyzesAndEchoesId) {
  v1::AnalyzeRequest req;
  req.mutable_document()->set_id("doc-1");
  req.mutable_document()->set_content("First sentence. Second one.");
  v1::AnalyzeResponse resp;
  ASSERT_TRUE(Run(req, &resp).ok());
  EXPECT_EQ(resp.document_id(), "doc-1");
  ASSERT_EQ(resp.sentences_size(), 2);
  EXPECT_EQ(resp.sentences(0).text(), "First sentence.");
  EXPECT_EQ(resp.reference_time_source(), v1::NONE);
}

TEST_F(AnalyzerTest, InvalidUtf8IsInvalidArgumentWithOffset) {
  Analyzer a(pipeline_, 1 << 20);
  v1::AnalyzeResponse resp;
  absl::Status s = a.Analyze(
      RawRequest("ok \xC0\xAF"), [] { return false; },
      absl::CancelledError("x"), &resp);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("byte offset 3"));
}

TEST_F(AnalyzerTest, OverLimitNamesTheLimit) {
  v1::AnalyzeRequest req;
  req.mutable_document()->set_content(std::string(101, 'a'));
  v1::AnalyzeResponse resp;
  absl::Status s = Run(req, &resp, 100);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("at most 100 bytes"));
  req.mutable_document()->set_content(std::string(100, 'a'));
  EXPECT_TRUE(Run(req, &resp, 100).ok());
}

TEST_F(AnalyzerTest, RejectsOtherLanguagesAndBadReferenceTime) {
  v1::AnalyzeRequest req;
  req.mutable_document()->set_content("Hola.");
  req.mutable_document()->set_language("es");
  v1::AnalyzeResponse resp;
  EXPECT_THAT(Run(req, &resp).message(), HasSubstr("English only"));
  req.mutable_document()->set_language("en-GB");
  EXPECT_TRUE(Run(req, &resp).ok());
  req.mutable_document()->set_reference_time("June 17");
  EXPECT_EQ(Run(req, &resp).code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(AnalyzerTest, GarbageBytesAreInvalidArgument) {
  Analyzer a(pipeline_, 1 << 20);
  v1::AnalyzeResponse resp;
  EXPECT_EQ(a.Analyze(
                 "\xff\xff\xff", [] { return false; },
                 absl::CancelledError("x"), &resp)
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(AnalyzerTest, OffsetsSliceBackInEveryEncoding) {
  const std::string text =
      "\xF0\x9F\x98\x80 Emoji first. Then \xE2\x80\x9C"
      "curly\xE2\x80\x9D quotes. "
      "Caf\xC3\xA9 last.";
  for (auto enc : {v1::UTF8, v1::UTF16, v1::UTF32}) {
    v1::AnalyzeRequest req;
    req.mutable_document()->set_content(text);
    req.set_encoding_type(enc);
    v1::AnalyzeResponse resp;
    ASSERT_TRUE(Run(req, &resp).ok());
    ASSERT_GE(resp.sentences_size(), 2);
    for (const auto& s : resp.sentences()) {
      const std::string slice =
          test_util::SliceInUnit(text, s.span().begin(), s.span().end(), enc);
      EXPECT_EQ(slice, s.text()) << "encoding " << enc;
    }
  }
}

}  // namespace
}  // namespace lede
