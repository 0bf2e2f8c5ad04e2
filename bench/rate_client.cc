// rate_client: open-loop load for lede-server's unary Analyze, with every
// response's gRPC status checked.
//
//   rate_client --server=127.0.0.1:PORT --file=TEXT --rate=DOCS_PER_S
//               [--duration=10] [--warmup=1] [--max_in_flight=256]
//
// Sends one AnalyzeRequest (all analyses, content = TEXT) every 1/rate
// seconds, whatever the responses do (an open loop, unlike h2load's closed
// loop), and times each call from the moment it was due to be sent, so a
// server that falls behind shows in the latency rather than in a lower
// rate (no coordinated omission). Calls of the first --warmup seconds are
// not counted. Prints one line:
//   rate_client: target=R sent=N ok=N failed=N achieved=R/s p50=ms p90=ms
//   p99=ms max=ms [codes=CODE:N,...]
// Exit 1 when any call failed or in-flight calls hit --max_in_flight.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "grpcpp/grpcpp.h"
#include "lede/v1/lede.grpc.pb.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Flags {
  std::string server;
  std::string file;
  double rate = 0;
  double duration = 10;
  double warmup = 1;
  int max_in_flight = 256;
};

bool ParseFlags(int argc, char** argv, Flags* f) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const size_t eq = a.find('=');
    if (a.rfind("--", 0) != 0 || eq == std::string::npos) return false;
    const std::string k = a.substr(2, eq - 2), v = a.substr(eq + 1);
    if (k == "server")
      f->server = v;
    else if (k == "file")
      f->file = v;
    else if (k == "rate")
      f->rate = std::atof(v.c_str());
    else if (k == "duration")
      f->duration = std::atof(v.c_str());
    else if (k == "warmup")
      f->warmup = std::atof(v.c_str());
    else if (k == "max_in_flight")
      f->max_in_flight = std::atoi(v.c_str());
    else
      return false;
  }
  return !f->server.empty() && !f->file.empty() && f->rate > 0 &&
         f->duration > 0;
}

struct Call {
  grpc::ClientContext ctx;
  lede::v1::AnalyzeResponse resp;
  Clock::time_point due;
  bool counted = false;
};

}  // namespace

int main(int argc, char** argv) {
  // As lede-server: no absl::Mutex deadlock detection in gRPC's locks (on
  // by default in Debian's Abseil), so the client takes less of the cores
  // it shares with the server.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  Flags flags;
  if (!ParseFlags(argc, argv, &flags)) {
    std::fprintf(stderr,
                 "usage: rate_client --server=HOST:PORT --file=TEXT "
                 "--rate=DOCS_PER_S [--duration=S] [--warmup=S] "
                 "[--max_in_flight=N]\n");
    return 2;
  }
  std::ifstream in(flags.file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "rate_client: cannot read %s\n", flags.file.c_str());
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  lede::v1::AnalyzeRequest request;
  request.mutable_document()->set_content(ss.str());

  grpc::ChannelArguments chargs;
  chargs.SetMaxReceiveMessageSize(-1);
  chargs.SetMaxSendMessageSize(-1);
  auto channel = grpc::CreateCustomChannel(
      flags.server, grpc::InsecureChannelCredentials(), chargs);
  if (!channel->WaitForConnected(std::chrono::system_clock::now() +
                                 std::chrono::seconds(5))) {
    std::fprintf(stderr, "rate_client: cannot connect to %s\n",
                 flags.server.c_str());
    return 3;
  }
  auto stub = lede::v1::TextAnalytics::NewStub(channel);

  std::mutex mu;
  std::condition_variable done_cv;
  std::vector<double> latencies_ms;
  std::map<int, int> failures;  // gRPC code -> count (counted calls only)
  int in_flight = 0;
  bool overflow = false;
  int64_t sent_counted = 0;

  const auto start = Clock::now();
  const auto warm_end =
      start + std::chrono::duration_cast<Clock::duration>(
                  std::chrono::duration<double>(flags.warmup));
  const auto end =
      warm_end + std::chrono::duration_cast<Clock::duration>(
                     std::chrono::duration<double>(flags.duration));
  const auto period = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(1.0 / flags.rate));

  auto due = start;
  while (due < end) {
    std::this_thread::sleep_until(due);
    {
      std::lock_guard<std::mutex> l(mu);
      if (in_flight >= flags.max_in_flight) {
        overflow = true;
        break;
      }
      ++in_flight;
    }
    auto* call = new Call;
    call->due = due;
    call->counted = due >= warm_end;
    if (call->counted) ++sent_counted;
    call->ctx.set_deadline(std::chrono::system_clock::now() +
                           std::chrono::seconds(60));
    stub->async()->Analyze(
        &call->ctx, &request, &call->resp, [&, call](grpc::Status s) {
          const double ms = std::chrono::duration<double, std::milli>(
                                Clock::now() - call->due)
                                .count();
          std::lock_guard<std::mutex> l(mu);
          if (call->counted) {
            if (s.ok()) {
              latencies_ms.push_back(ms);
            } else {
              ++failures[s.error_code()];
            }
          }
          --in_flight;
          delete call;
          done_cv.notify_all();
        });
    due += period;
  }
  const auto sending_end = Clock::now();
  std::unique_lock<std::mutex> l(mu);
  done_cv.wait_for(l, std::chrono::seconds(120),
                   [&] { return in_flight == 0; });

  std::sort(latencies_ms.begin(), latencies_ms.end());
  auto pct = [&](double p) {
    if (latencies_ms.empty()) return 0.0;
    size_t i = static_cast<size_t>(p / 100.0 * latencies_ms.size());
    return latencies_ms[std::min(i, latencies_ms.size() - 1)];
  };
  int failed = 0;
  std::string codes;
  for (const auto& [code, n] : failures) {
    failed += n;
    codes += (codes.empty() ? "" : ",") + std::to_string(code) + ":" +
             std::to_string(n);
  }
  const double window =
      std::chrono::duration<double>(std::min(sending_end, end) - warm_end)
          .count();
  std::printf(
      "rate_client: target=%.1f sent=%lld ok=%zu failed=%d achieved=%.1f/s "
      "p50=%.3f p90=%.3f p99=%.3f max=%.3f%s%s%s\n",
      flags.rate, static_cast<long long>(sent_counted), latencies_ms.size(),
      failed, window > 0 ? sent_counted / window : 0.0, pct(50), pct(90),
      pct(99), latencies_ms.empty() ? 0.0 : latencies_ms.back(),
      codes.empty() ? "" : " codes=", codes.c_str(),
      overflow ? " OVERFLOW(max_in_flight reached)" : "");
  return (failed || overflow || in_flight) ? 1 : 0;
}
