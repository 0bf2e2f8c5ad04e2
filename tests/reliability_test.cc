// Overload, deadlines, shutdown, replicas and metrics against real
// lede-server processes.

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "client/client.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "lede/v1/lede.grpc.pb.h"
#include "tests/testing/http_get.h"
#include "tests/testing/server_process.h"

namespace lede {
namespace {

using test_util::RunCommand;
using test_util::ServerProcess;
using ::testing::HasSubstr;

// A large article-like document (~`bytes` bytes) that takes real work.
std::string BigDocument(size_t bytes) {
  const std::string para =
      "The committee met on Tuesday in Geneva, where Maria Lopez said the "
      "talks "
      "would resume next month. \"We are close,\" she told reporters, adding "
      "that "
      "funding of $3.5 billion was agreed.\n";
  std::string out;
  while (out.size() + para.size() <= bytes) out += para;
  return out;
}

std::unique_ptr<Client> Connect(const std::string& target,
                                absl::Duration deadline) {
  ClientOptions o;
  o.target = target;
  o.deadline = deadline;
  auto c = Client::Create(o);
  EXPECT_TRUE(c.ok());
  return *std::move(c);
}

v1::AnalyzeRequest Request(std::string content) {
  v1::AnalyzeRequest r;
  r.mutable_document()->set_content(std::move(content));
  r.mutable_document()->set_reference_time("2024-06-17");
  return r;
}

TEST(OverloadTest, BeyondTheCapCallsGetResourceExhaustedQuickly) {
  ServerProcess server({"--worker_threads=1", "--max_queued_calls=1"});
  ASSERT_TRUE(server.ok()) << server.log();
  // Long enough to occupy the one worker while the 12 calls pile up, short
  // enough that the two admitted ones finish well within the deadline even
  // in a TSan build, where everything runs some twenty times slower.
  auto client = Connect(server.address(), absl::Seconds(120));
  const auto req = Request(BigDocument(64 << 10));
  std::vector<absl::Status> results(12);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back(
        [&, i] { results[i] = client->Analyze(req).status(); });
  }
  for (auto& t : threads) t.join();
  int ok = 0, exhausted = 0;
  std::string others;
  for (const auto& r : results) {
    if (r.ok()) {
      ++ok;
    } else if (r.code() == absl::StatusCode::kResourceExhausted) {
      ++exhausted;
    } else {
      absl::StrAppend(&others, r.ToString(), "\n");
    }
  }
  EXPECT_EQ(ok + exhausted, static_cast<int>(results.size())) << others;
  EXPECT_GE(ok, 1);
  EXPECT_GE(exhausted, 1);
  const absl::Status health = client->CheckHealth();
  EXPECT_TRUE(health.ok()) << health << "\n" << server.log();
}

TEST(DeadlineTest, HugeDocumentWithShortDeadlineFreesItsWorker) {
  ServerProcess server({"--worker_threads=1"});
  ASSERT_TRUE(server.ok()) << server.log();
  auto hurried = Connect(server.address(), absl::Milliseconds(50));
  const absl::Time start = absl::Now();
  auto r = hurried->Analyze(Request(BigDocument(10 << 20)));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  // The single worker must come free for the next call, promptly: the
  // stages poll the deadline between sentences, so the worker does not
  // finish the 10 MiB analysis (many seconds) first.
  auto patient = Connect(server.address(), absl::Seconds(30));
  auto next = patient->Analyze(Request("A short document."));
  EXPECT_TRUE(next.ok()) << next.status();
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

// A client that cancels a stream while its documents wait for the one
// worker: gRPC destroys the call's context once the stream is done, and the
// analyses still queued must neither touch it (a use-after-free that
// crashed the server) nor run for nothing, so the worker comes free.
TEST(StreamCancelTest, CancellingWithAnalysesQueuedKeepsTheServerServing) {
  ServerProcess server({"--worker_threads=1", "--stream_window=16"});
  ASSERT_TRUE(server.ok()) << server.log();
  auto channel =
      grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
  auto stub = v1::TextAnalytics::NewStub(channel);
  const auto req = Request(BigDocument(64 << 10));
  for (int round = 0; round < 3; ++round) {
    grpc::ClientContext ctx;
    auto stream = stub->AnalyzeStream(&ctx);
    for (int i = 0; i < 16; ++i) ASSERT_TRUE(stream->Write(req));
    absl::SleepFor(absl::Milliseconds(50));  // the first analysis starts
    ctx.TryCancel();
    EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
  const absl::Time cancelled = absl::Now();
  auto client = Connect(server.address(), absl::Seconds(60));
  auto next = client->Analyze(Request("A short document."));
  EXPECT_TRUE(next.ok()) << next.status() << "\n" << server.log();
  // Not the 48 abandoned analyses first (seconds, and minutes under TSan).
  EXPECT_LT(absl::Now() - cancelled, absl::Seconds(20));
  EXPECT_TRUE(client->CheckHealth().ok()) << server.log();
}

TEST(ShutdownTest, SigtermLetsInFlightCallsFinishAndRefusesNewOnes) {
  ServerProcess server({"--worker_threads=1", "--grace_period=120s",
                        "--metrics_listen=127.0.0.1:0"});
  ASSERT_TRUE(server.ok()) << server.log();
  auto client = Connect(server.address(), absl::Seconds(120));
  absl::Status in_flight;
  // Big enough to stay in flight for a good many polls below (some 0.3 s
  // in a release build, seconds under the sanitizers).
  std::thread call([&] {
    in_flight = client->Analyze(Request(BigDocument(2 << 20))).status();
  });
  // SIGTERM only once the server counts the call as in flight (a fixed sleep
  // is too short in a sanitizer build: the call then arrives after the
  // GOAWAY and is refused, which is right but not what this tests).
  const std::string log = server.log();
  const size_t at = log.find("metrics on port ");
  if (at == std::string::npos) call.join();
  ASSERT_NE(at, std::string::npos) << log;
  const int port = std::stoi(log.substr(at + 16));
  bool seen = false;
  for (int i = 0; i < 3000 && !seen; ++i) {
    const std::string body = test_util::HttpGet(port, "/metrics");
    for (absl::string_view line : absl::StrSplit(body, '\n')) {
      if (absl::StartsWith(line, "lede_inflight_calls") &&
          !absl::EndsWith(line, " 0")) {
        seen = true;
      }
    }
    if (!seen) absl::SleepFor(absl::Milliseconds(10));
  }
  if (!seen) call.join();  // a failed ASSERT must not leave it joinable
  ASSERT_TRUE(seen) << "the call never showed as in flight";
  kill(server.pid(), SIGTERM);
  call.join();
  EXPECT_TRUE(in_flight.ok()) << in_flight << "\n" << server.log();
  const int status =
      server.Stop(0, std::chrono::seconds(120));  // already signalled
  ASSERT_NE(status, -1);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  auto after = Connect(server.address(), absl::Seconds(1));
  EXPECT_FALSE(after->Analyze(Request("Too late.")).ok());
}

TEST(ReplicaTest, KillingOneOfTwoServersMidRunLosesNothing) {
  ServerProcess a({"--log_level=info"}), b({"--log_level=info"});
  ASSERT_TRUE(a.ok() && b.ok());
  char tmpl[] = "/tmp/lede_replicas_XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  const std::string in = dir + "/in.jsonl", out = dir + "/out.jsonl";
  {
    std::ofstream f(in);
    for (int i = 0; i < 5000; ++i) {
      f << "{\"id\":\"doc-" << i << "\",\"content\":\"Report " << i
        << ". Officials in Lagos said on Monday that talks would resume. "
           "\\\"We are "
           "ready,\\\" Ade Bello told reporters.\"}\n";
    }
  }
  const std::string cmd = absl::StrCat(
      test_util::CliBinary(), " --server=ipv4:", a.address(), ",", b.address(),
      " analyze --input-format=jsonl --format=jsonl --in_flight=8 ", in, " > ",
      out, " 2> ", dir, "/err.txt");
  std::thread cli([&] { RunCommand(cmd); });
  // Wait until the run is well under way, then kill the busy replica.
  for (int i = 0; i < 600; ++i) {
    std::ifstream f(out);
    const std::string s((std::istreambuf_iterator<char>(f)), {});
    if (std::count(s.begin(), s.end(), '\n') >= 1000) break;
    absl::SleepFor(absl::Milliseconds(10));
  }
  ServerProcess& busy =
      a.log().find("AnalyzeStream") != std::string::npos ? a : b;
  busy.Stop(SIGKILL, std::chrono::seconds(5));
  cli.join();
  std::ifstream f(out);
  std::string line;
  int n = 0;
  while (std::getline(f, line)) {
    EXPECT_THAT(line, HasSubstr(absl::StrCat("\"documentId\":\"doc-", n, "\"")))
        << n;
    EXPECT_EQ(line.find("\"error\""), std::string::npos) << line;
    ++n;
  }
  EXPECT_EQ(n, 5000);
  std::system(("rm -rf " + dir).c_str());
}

TEST(MetricsTest, EndpointCountsCallsByStatus) {
  ServerProcess server({"--metrics_listen=127.0.0.1:0", "--log_level=info"});
  ASSERT_TRUE(server.ok()) << server.log();
  auto client = Connect(server.address(), absl::Seconds(10));
  ASSERT_TRUE(client->Analyze(Request("Fine.")).ok());
  auto bad = Request("x");
  bad.mutable_document()->set_language("de");
  EXPECT_FALSE(client->Analyze(bad).ok());
  // The port is in the server's start-up line.
  const std::string log = server.log();
  const size_t at = log.find("metrics on port ");
  ASSERT_NE(at, std::string::npos) << log;
  const int port = std::stoi(log.substr(at + 16));
  const std::string body = test_util::HttpGet(port, "/metrics");
  EXPECT_THAT(body, HasSubstr("grpc_server_handled_total"));
  EXPECT_THAT(body, HasSubstr("grpc_code=\"OK\""));
  EXPECT_THAT(body, HasSubstr("grpc_code=\"INVALID_ARGUMENT\""));
  EXPECT_THAT(body, HasSubstr("grpc_server_handling_seconds_bucket"));
  EXPECT_THAT(body, HasSubstr("lede_documents_analyzed_total"));
  EXPECT_THAT(body, HasSubstr("lede_inflight_calls"));
}

TEST(LoggingTest, CallLogsCarryNoDocumentContent) {
  ServerProcess server({"--log_level=info"});
  ASSERT_TRUE(server.ok());
  auto client = Connect(server.address(), absl::Seconds(10));
  ASSERT_TRUE(client->Analyze(Request("Secret-Marker-42 visited Oslo.")).ok());
  absl::SleepFor(absl::Milliseconds(100));
  const std::string log = server.log();
  EXPECT_THAT(log, HasSubstr("\"method\":\"Analyze\""));
  EXPECT_THAT(log, HasSubstr("\"request_id\""));
  EXPECT_EQ(log.find("Secret-Marker-42"), std::string::npos);
}

}  // namespace
}  // namespace lede
