#include "client/client.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "lede/v1/lede.grpc.pb.h"

namespace lede {
namespace {

absl::Status FromGrpc(const grpc::Status& s) {
  if (s.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(s.error_code()),
                      s.error_message());
}

std::chrono::system_clock::time_point DeadlineIn(absl::Duration d) {
  return std::chrono::system_clock::now() + absl::ToChronoMicroseconds(d);
}

std::string ServiceConfig(int max_attempts) {
  // Round-robin over all resolved addresses; unary calls retried on
  // UNAVAILABLE. gRPC caps maxAttempts at 5.
  return absl::StrFormat(
      R"({"loadBalancingConfig":[{"round_robin":{}}],)"
      R"("methodConfig":[{"name":[{"service":"lede.v1.TextAnalytics","method":"Analyze"},)"
      R"({"service":"lede.v1.TextAnalytics","method":"GetInfo"}],)"
      R"("retryPolicy":{"maxAttempts":%d,"initialBackoff":"0.05s",)"
      R"("maxBackoff":"2s","backoffMultiplier":2,)"
      R"("retryableStatusCodes":["UNAVAILABLE"]}}]})",
      std::max(2, std::min(5, max_attempts)));
}

absl::StatusOr<std::string> ReadPem(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> ChannelCredentials(
    const ClientOptions& o, grpc::ChannelArguments* args) {
  const bool tls = o.tls || !o.tls_ca_file.empty() || !o.tls_cert_file.empty();
  if (!tls) return grpc::InsecureChannelCredentials();
  if (o.tls_cert_file.empty() != o.tls_key_file.empty()) {
    return absl::InvalidArgumentError(
        "TLS client certificate and key go together");
  }
  grpc::SslCredentialsOptions ssl;
  if (!o.tls_ca_file.empty()) {
    auto ca = ReadPem(o.tls_ca_file);
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *ca;
  }
  if (!o.tls_cert_file.empty()) {
    auto cert = ReadPem(o.tls_cert_file);
    if (!cert.ok()) return cert.status();
    auto key = ReadPem(o.tls_key_file);
    if (!key.ok()) return key.status();
    ssl.pem_cert_chain = *cert;
    ssl.pem_private_key = *key;
  }
  if (!o.tls_server_name.empty()) {
    args->SetSslTargetNameOverride(o.tls_server_name);
  }
  return grpc::SslCredentials(ssl);
}

}  // namespace

struct Client::Impl {
  ClientOptions options;
  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<v1::TextAnalytics::Stub> stub;
  std::unique_ptr<grpc::health::v1::Health::Stub> health;

  void Authorize(grpc::ClientContext* ctx) const {
    if (!options.bearer_token.empty()) {
      ctx->AddMetadata("authorization", "Bearer " + options.bearer_token);
    }
  }

  void Prepare(grpc::ClientContext* ctx, absl::Duration deadline) const {
    ctx->set_deadline(DeadlineIn(deadline));
    Authorize(ctx);
    // Wait for a replica to come up (or back) rather than failing at once.
    ctx->set_wait_for_ready(options.connect_timeout > absl::ZeroDuration());
  }
};

Client::Client(const ClientOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
}
Client::~Client() = default;

absl::StatusOr<std::unique_ptr<Client>> Client::Create(
    const ClientOptions& options) {
  if (options.target.empty()) {
    return absl::InvalidArgumentError("client target is empty; use host:port");
  }
  if (options.deadline <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("client deadline must be positive");
  }
  std::unique_ptr<Client> c(new Client(options));
  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(ServiceConfig(options.max_attempts));
  args.SetMaxReceiveMessageSize(-1);
  args.SetMaxSendMessageSize(-1);
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 1);
  auto creds = ChannelCredentials(options, &args);
  if (!creds.ok()) return creds.status();
  c->impl_->channel = grpc::CreateCustomChannel(options.target, *creds, args);
  c->impl_->stub = v1::TextAnalytics::NewStub(c->impl_->channel);
  c->impl_->health = grpc::health::v1::Health::NewStub(c->impl_->channel);
  return c;
}

absl::StatusOr<v1::AnalyzeResponse> Client::Analyze(
    const v1::AnalyzeRequest& request) const {
  grpc::ClientContext ctx;
  impl_->Prepare(&ctx, impl_->options.deadline);
  v1::AnalyzeResponse response;
  grpc::Status s = impl_->stub->Analyze(&ctx, request, &response);
  if (!s.ok()) return FromGrpc(s);
  return response;
}

absl::StatusOr<v1::ServerInfo> Client::GetInfo() const {
  grpc::ClientContext ctx;
  impl_->Prepare(&ctx, std::min(impl_->options.deadline, absl::Seconds(10)));
  v1::ServerInfo info;
  grpc::Status s = impl_->stub->GetInfo(&ctx, v1::GetInfoRequest(), &info);
  if (!s.ok()) return FromGrpc(s);
  return info;
}

absl::Status Client::CheckHealth() const {
  grpc::ClientContext ctx;
  ctx.set_deadline(
      DeadlineIn(std::max(impl_->options.connect_timeout, absl::Seconds(1))));
  ctx.set_wait_for_ready(impl_->options.connect_timeout > absl::ZeroDuration());
  grpc::health::v1::HealthCheckRequest req;
  grpc::health::v1::HealthCheckResponse resp;
  grpc::Status s = impl_->health->Check(&ctx, req, &resp);
  if (!s.ok()) return FromGrpc(s);
  if (resp.status() != grpc::health::v1::HealthCheckResponse::SERVING) {
    return absl::UnavailableError(absl::StrCat(
        "server is ", grpc::health::v1::HealthCheckResponse::ServingStatus_Name(
                          resp.status())));
  }
  return absl::OkStatus();
}

absl::Status Client::AnalyzeStream(
    const std::function<bool(v1::AnalyzeRequest*)>& next,
    const std::function<absl::Status(v1::AnalyzeResponse)>& on_response,
    int window) const {
  if (window < 1) window = 1;
  // Requests sent but not yet answered, oldest first; resent on a new stream
  // when one breaks.
  std::deque<v1::AnalyzeRequest> unanswered;
  bool input_done = false;
  int failures_without_progress = 0;
  // `next` runs on the writer thread and `on_response` on this one; the
  // caller's state they share is guarded here, so they never run at once.
  std::mutex callback_mu;

  for (;;) {
    if (!impl_->channel->WaitForConnected(
            DeadlineIn(impl_->options.connect_timeout))) {
      return absl::UnavailableError(
          absl::StrCat("no connection to ", impl_->options.target, " within ",
                       absl::FormatDuration(impl_->options.connect_timeout)));
    }
    grpc::ClientContext ctx;
    // No overall deadline: a stream lives as long as documents keep coming.
    // Instead a watchdog cancels it when the oldest unanswered document has
    // waited longer than the per-document deadline.
    ctx.set_wait_for_ready(true);
    impl_->Authorize(&ctx);
    auto stream = impl_->stub->AnalyzeStream(&ctx);

    std::mutex mu;
    std::condition_variable cv;
    size_t in_flight = 0;  // written on this stream, not yet answered
    bool stop_writing = false;
    absl::Status writer_error;
    std::deque<v1::AnalyzeRequest> resend(unanswered.begin(), unanswered.end());
    absl::Time last_progress = absl::Now();  // last answer (or first send)

    std::thread writer([&] {
      for (;;) {
        v1::AnalyzeRequest req;
        {
          std::unique_lock<std::mutex> l(mu);
          cv.wait(l, [&] {
            return stop_writing || in_flight < static_cast<size_t>(window);
          });
          if (stop_writing) break;
          if (!resend.empty()) {
            req = std::move(resend.front());
            resend.pop_front();
          } else if (input_done) {
            break;
          } else {
            l.unlock();
            bool more;
            {
              std::lock_guard<std::mutex> cl(callback_mu);
              more = next(&req);
            }
            l.lock();
            if (!more) {
              input_done = true;
              break;
            }
            unanswered.push_back(req);
          }
          if (in_flight == 0) last_progress = absl::Now();
          ++in_flight;
        }
        if (!stream->Write(req)) break;  // the stream broke; Finish() says why
      }
      stream->WritesDone();
    });

    bool reading_done = false;
    bool watchdog_fired = false;
    std::thread watchdog([&] {
      std::unique_lock<std::mutex> l(mu);
      while (!reading_done) {
        cv.wait_for(l, std::chrono::milliseconds(200));
        if (in_flight > 0 &&
            absl::Now() - last_progress > impl_->options.deadline) {
          watchdog_fired = true;
          ctx.TryCancel();
          return;
        }
      }
    });

    v1::AnalyzeResponse resp;
    absl::Status callback_error;
    bool progressed = false;
    while (stream->Read(&resp)) {
      v1::AnalyzeResponse out = std::move(resp);
      resp.Clear();
      {
        std::lock_guard<std::mutex> l(mu);
        --in_flight;
        unanswered.pop_front();
        last_progress = absl::Now();
      }
      cv.notify_all();
      progressed = true;
      {
        std::lock_guard<std::mutex> cl(callback_mu);
        callback_error = on_response(std::move(out));
      }
      if (!callback_error.ok()) {
        ctx.TryCancel();
        break;
      }
    }
    {
      std::lock_guard<std::mutex> l(mu);
      stop_writing = true;
      reading_done = true;
    }
    cv.notify_all();
    writer.join();
    watchdog.join();
    grpc::Status status = stream->Finish();
    if (!callback_error.ok()) return callback_error;
    if (watchdog_fired) {
      return absl::DeadlineExceededError(absl::StrCat(
          "no answer for a document within ",
          absl::FormatDuration(impl_->options.deadline), " (--deadline)"));
    }
    bool done;
    {
      std::lock_guard<std::mutex> l(mu);
      done = input_done && unanswered.empty();
    }
    if (status.ok() && done) return absl::OkStatus();
    const bool retryable =
        status.error_code() == grpc::StatusCode::UNAVAILABLE ||
        (status.ok() && !done);
    if (!retryable) return FromGrpc(status);
    failures_without_progress = progressed ? 1 : failures_without_progress + 1;
    if (failures_without_progress >= impl_->options.max_attempts) {
      return status.ok()
                 ? absl::UnavailableError(
                       "stream ended before all documents were answered")
                 : FromGrpc(status);
    }
    absl::SleepFor(absl::Milliseconds(50 * failures_without_progress));
  }
}

}  // namespace lede
