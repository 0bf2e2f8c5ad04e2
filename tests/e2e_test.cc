// End-to-end tests: a real lede-server process on loopback, the real client
// library and the real `lede` CLI.

#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "client/client.h"
#include "engine/pipeline.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "lede/v1/lede.grpc.pb.h"
#include "service/convert.h"
#include "tests/testing/server_process.h"
#include "tests/testing/unicode.h"

namespace lede {
namespace {

using test_util::RunCommand;
using test_util::ServerProcess;
using ::testing::HasSubstr;

constexpr char kArticle[] =
    "WELLINGTON, March 3 (Lede) \xE2\x80\x94 The harbour board voted on Monday "
    "to "
    "rebuild the old ferry terminal, a project expected to cost $40 million.\n"
    "\xE2\x80\x9CWe have waited 20 years for this,\xE2\x80\x9D board chair "
    "Maria "
    "Ngata said. \xF0\x9F\x9A\xA2 Work starts in September.\n"
    "Ngata\xE2\x80\x99s deputy, Tom Reid, told reporters the tender opens next "
    "week.\n";

ClientOptions Options(const ServerProcess& server) {
  ClientOptions o;
  o.target = server.address();
  o.deadline = absl::Seconds(30);
  return o;
}

v1::AnalyzeRequest Request(const std::string& content,
                           v1::EncodingType enc = v1::UTF8) {
  v1::AnalyzeRequest r;
  r.mutable_document()->set_content(content);
  r.mutable_document()->set_reference_time("2024-03-03");
  r.set_encoding_type(enc);
  return r;
}

class E2ETest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess({"--max_document_bytes=100000"});
    ASSERT_TRUE(server_->ok())
        << "lede-server did not start: " << server_->log();
    auto c = Client::Create(Options(*server_));
    ASSERT_TRUE(c.ok());
    client_ = c->release();
  }
  static void TearDownTestSuite() {
    delete client_;
    delete server_;
  }
  static ServerProcess* server_;
  static Client* client_;
};
ServerProcess* E2ETest::server_ = nullptr;
Client* E2ETest::client_ = nullptr;

TEST_F(E2ETest, HealthAndInfo) {
  EXPECT_TRUE(client_->CheckHealth().ok());
  auto info = client_->GetInfo();
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->max_document_bytes(), 100000);
  EXPECT_FALSE(info->version().empty());
}

TEST_F(E2ETest, AnalyzesAnArticle) {
  auto r = client_->Analyze(Request(kArticle));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_GE(r->sentences_size(), 4);
  EXPECT_EQ(r->reference_time(), "2024-03-03");
  EXPECT_EQ(r->reference_time_source(), v1::REQUEST);
}

TEST_F(E2ETest, InvalidUtf8IsInvalidArgumentNamingTheOffset) {
  auto r = client_->Analyze(Request("Fine text, then \xC3\x28 broken."));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("byte offset 16"));
}

TEST_F(E2ETest, OverLimitDocumentGetsAClearError) {
  auto r = client_->Analyze(Request(std::string(100001, 'a')));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("at most 100000 bytes"));
  auto ok = client_->Analyze(Request(std::string(100000, 'a')));
  EXPECT_TRUE(ok.ok()) << ok.status();
}

TEST_F(E2ETest, BadReferenceTimeAndLanguageAreInvalidArgument) {
  auto req = Request("Text.");
  req.mutable_document()->set_reference_time("next Tuesday");
  EXPECT_EQ(client_->Analyze(req).status().code(),
            absl::StatusCode::kInvalidArgument);
  req = Request("Texte.");
  req.mutable_document()->set_language("fr");
  auto r = client_->Analyze(req);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("English"));
}

TEST_F(E2ETest, DeadlineIsHonoured) {
  // gRPC rounds deadlines up to the millisecond, so a tiny deadline on a
  // one-millisecond article can still be met: a document that takes far
  // longer than the deadline instead.
  ClientOptions o = Options(*server_);
  o.deadline = absl::Milliseconds(5);
  auto c = Client::Create(o);
  ASSERT_TRUE(c.ok());
  std::string big;  // under the fixture's 100,000-byte limit
  while (big.size() + sizeof(kArticle) < 90000) big += kArticle;
  auto r = (*c)->Analyze(Request(big));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDeadlineExceeded);
}

TEST_F(E2ETest, StreamAnswersThousandDocumentsInOrder) {
  int sent = 0;
  std::vector<std::string> ids;
  absl::Status s = client_->AnalyzeStream(
      [&](v1::AnalyzeRequest* req) {
        if (sent == 1000) return false;
        *req = Request(
            absl::StrCat("Document number ", sent, ". It has two sentences."));
        req->mutable_document()->set_id(absl::StrCat("doc-", sent));
        // Every 100th document is invalid: it must fail alone.
        if (sent % 100 == 7) req->mutable_document()->set_language("xx");
        ++sent;
        return true;
      },
      [&](v1::AnalyzeResponse r) {
        ids.push_back(r.document_id());
        const int n = static_cast<int>(ids.size()) - 1;
        if (n % 100 == 7) {
          EXPECT_EQ(r.error().code(),
                    static_cast<int>(absl::StatusCode::kInvalidArgument));
        } else {
          EXPECT_EQ(r.error().code(), 0) << r.error().message();
          EXPECT_EQ(r.sentences_size(), 2);
        }
        return absl::OkStatus();
      },
      16);
  ASSERT_TRUE(s.ok()) << s;
  ASSERT_EQ(ids.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(ids[i], absl::StrCat("doc-", i));
}

// Every span in the response, with the text it claims.
std::vector<std::pair<v1::Span, std::string>> AllSpans(
    const v1::AnalyzeResponse& r) {
  std::vector<std::pair<v1::Span, std::string>> out;
  for (const auto& s : r.sentences()) out.emplace_back(s.span(), s.text());
  for (const auto& s : r.summary().sentences())
    out.emplace_back(s.span(), s.text());
  for (const auto& e : r.entities()) {
    for (const auto& m : e.mentions()) out.emplace_back(m.span(), m.text());
  }
  for (const auto& d : r.dates()) out.emplace_back(d.span(), d.text());
  for (const auto& q : r.quotes()) {
    out.emplace_back(q.span(), q.text());
    if (!q.speaker_text().empty())
      out.emplace_back(q.speaker_span(), q.speaker_text());
  }
  return out;
}

TEST_F(E2ETest, OffsetsSliceBackInAllThreeEncodings) {
  for (auto enc : {v1::UTF8, v1::UTF16, v1::UTF32}) {
    auto r = client_->Analyze(Request(kArticle, enc));
    ASSERT_TRUE(r.ok()) << r.status();
    const auto spans = AllSpans(*r);
    ASSERT_FALSE(spans.empty());
    for (const auto& [span, text] : spans) {
      EXPECT_LE(span.begin(), span.end());
      EXPECT_EQ(test_util::SliceInUnit(kArticle, span.begin(), span.end(), enc),
                text)
          << "encoding " << v1::EncodingType_Name(enc);
    }
  }
}

TEST_F(E2ETest, ServerResultEqualsInProcessResult) {
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  auto req = Request(kArticle, v1::UTF16);
  auto local = (*pipeline)->Analyze(
      kArticle, ToAnalyzeOptions(req.features(), req.summary_options(),
                                 req.document().reference_time()));
  ASSERT_TRUE(local.ok());
  v1::AnalyzeResponse expected;
  FillResponse(kArticle, *local, v1::UTF16, &expected);
  auto remote = client_->Analyze(req);
  ASSERT_TRUE(remote.ok());
  EXPECT_EQ(remote->SerializeAsString(), expected.SerializeAsString());
}

TEST_F(E2ETest, ServerKeepsServingAfterHostileInput) {
  const std::string hostile[] = {
      std::string(50000, '.'),
      std::string(50000, '"'),
      std::string(50000, '('),
      std::string("\0\0\0", 3),
      "   \n\n\t  ",
      "",
      "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D mixed \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A "
      "\xF0\x9F\x98\x80."};
  for (const auto& h : hostile) {
    auto r = client_->Analyze(Request(h));
    EXPECT_TRUE(r.ok()) << r.status();
  }
  EXPECT_TRUE(client_->CheckHealth().ok());
}

// --- CLI ---------------------------------------------------------------

std::string Cli() { return test_util::CliBinary(); }

std::string WriteTemp(const std::string& dir, const std::string& name,
                      const std::string& content) {
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

class CliTest : public E2ETest {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lede_cli_XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }
  std::string Lede(const std::string& args) {
    return absl::StrCat(Cli(), " --server=", server_->address(), " ", args);
  }
  std::string dir_;
};

TEST_F(CliTest, AnalyzesADirectoryToJsonlInOrder) {
  std::system(("mkdir -p " + dir_ + "/docs/sub").c_str());
  WriteTemp(dir_, "docs/a.txt", "First document. Two sentences.");
  WriteTemp(dir_, "docs/sub/b.txt", "Second document.");
  WriteTemp(dir_, "docs/skip.md", "Not this one.");
  auto r = RunCommand(
      Lede("analyze --format=jsonl --include='*.txt' " + dir_ + "/docs"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::vector<std::string> lines =
      absl::StrSplit(r.output, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 2u) << r.output;
  EXPECT_THAT(lines[0], HasSubstr("docs/a.txt"));
  EXPECT_THAT(lines[1], HasSubstr("docs/sub/b.txt"));
  EXPECT_THAT(lines[0], HasSubstr("\"sentences\""));
}

TEST_F(CliTest, JsonlInputWithAFailingDocumentInTheMiddle) {
  const std::string in =
      WriteTemp(dir_, "in.jsonl",
                "{\"id\":\"one\",\"content\":\"Good "
                "text.\",\"reference_time\":\"2024-06-17\"}\n"
                "{\"id\":\"two\",\"content\":\"Bad "
                "reference.\",\"reference_time\":\"soon\"}\n"
                "{\"id\":\"three\",\"content\":\"Good again.\"}\n");
  auto r =
      RunCommand(Lede("analyze --input-format=jsonl --format=jsonl " + in));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  std::vector<std::string> lines =
      absl::StrSplit(r.output, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 3u) << r.output;
  EXPECT_THAT(lines[0], HasSubstr("\"documentId\":\"one\""));
  EXPECT_THAT(lines[1], HasSubstr("\"error\""));
  EXPECT_THAT(lines[1], HasSubstr("reference_time"));
  EXPECT_THAT(lines[2], HasSubstr("\"documentId\":\"three\""));
}

TEST_F(CliTest, TextOutputWithoutColourWhenPiped) {
  const std::string f = WriteTemp(dir_, "a.txt", kArticle);
  auto r = RunCommand(
      Lede("analyze --format=text --reference-time=2024-03-03 " + f));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("Summary"));
  EXPECT_THAT(r.output, HasSubstr("Entities"));
  EXPECT_EQ(r.output.find('\x1b'), std::string::npos);
}

TEST_F(CliTest, StdinAndInvalidUtf8) {
  auto r = RunCommand("printf 'ok \\303\\050' | " +
                      Lede("analyze --format=jsonl -"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("byte offset 3"));
}

TEST_F(CliTest, HealthAndUnreachableServer) {
  auto ok = RunCommand(Lede("health"));
  EXPECT_EQ(ok.exit_code, 0);
  EXPECT_THAT(ok.output, HasSubstr("SERVING"));
  auto down = RunCommand(
      Cli() + " --server=127.0.0.1:1 --deadline=2s analyze - < /dev/null",
      true);
  EXPECT_EQ(down.exit_code, 3) << down.output;
  EXPECT_THAT(down.output, HasSubstr("cannot reach lede-server"));
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunCommand(Lede("analyze --format=xml -") + " < /dev/null", true)
                .exit_code,
            2);
  EXPECT_EQ(RunCommand(Lede("frobnicate"), true).exit_code, 2);
  EXPECT_EQ(RunCommand(Lede("analyze /no/such/file"), true).exit_code, 2);
}

// --- Shutdown ------------------------------------------------------------

TEST(ShutdownTest, SigtermStopsCleanly) {
  ServerProcess server;
  ASSERT_TRUE(server.ok());
  auto c = Client::Create(Options(server));
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE((*c)->Analyze(Request("Hello there.")).ok());
  const int status = server.Stop(SIGTERM, std::chrono::seconds(15));
  ASSERT_NE(status, -1) << "server did not exit after SIGTERM";
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace lede
