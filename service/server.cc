#include "service/server.h"

#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "engine/pipeline.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "lede/v1/lede.grpc.pb.h"
#include "service/analyzer.h"
#include "service/auth.h"
#include "service/metrics.h"
#include "service/tsan_annotations.h"
#include "service/worker_pool.h"

#ifndef LEDE_VERSION
#define LEDE_VERSION "0.0.0"
#endif

namespace lede {
namespace {

using RawReactor = grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>;

grpc::Status ToGrpcStatus(const absl::Status& s) {
  return grpc::Status(static_cast<grpc::StatusCode>(s.code()),
                      std::string(s.message()));
}

std::string Flatten(const grpc::ByteBuffer& buf) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buf.Dump(&slices).ok()) return out;
  out.reserve(buf.Length());
  for (const auto& s : slices) {
    out.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  return out;
}

grpc::ByteBuffer ToByteBuffer(const google::protobuf::Message& m) {
  std::string bytes = m.SerializeAsString();
  grpc::Slice slice(std::move(bytes));
  return grpc::ByteBuffer(&slice, 1);
}

enum class LogLevel { kInfo, kWarning, kError, kOff };

LogLevel ParseLogLevel(const std::string& s) {
  if (s == "warning") return LogLevel::kWarning;
  if (s == "error") return LogLevel::kError;
  if (s == "off") return LogLevel::kOff;
  return LogLevel::kInfo;
}

std::atomic<uint64_t> g_request_id{0};

// One structured line per call (or per stream document); never content.
void LogCall(LogLevel level, const char* method, uint64_t id, size_t bytes,
             absl::Duration took, const absl::Status& status) {
  const bool internal = status.code() == absl::StatusCode::kInternal ||
                        status.code() == absl::StatusCode::kUnknown;
  if (level == LogLevel::kOff) return;
  if (level == LogLevel::kError && !internal) return;
  if (level == LogLevel::kWarning && status.ok()) return;
  std::fprintf(
      stderr,
      "{\"ts\":\"%s\",\"level\":\"%s\",\"request_id\":%llu,"
      "\"method\":\"%s\",\"bytes\":%zu,\"duration_ms\":%.3f,"
      "\"status\":\"%s\"}\n",
      absl::FormatTime(absl::RFC3339_full, absl::Now(), absl::UTCTimeZone())
          .c_str(),
      status.ok() ? "info"
      : internal  ? "error"
                  : "warning",
      static_cast<unsigned long long>(id), method, bytes,
      absl::ToDoubleMilliseconds(took),
      absl::StatusCodeToString(status.code()).c_str());
}

// CallRecord
//
// One call (or stream document) from arrival to answer: counts it in the
// metrics when it starts and, in Done(), logs it and records its outcome.
class CallRecord {
 public:
  CallRecord(Metrics* metrics, LogLevel level, const char* method, size_t bytes)
      : metrics_(metrics),
        level_(level),
        method_(method),
        bytes_(bytes),
        id_(++g_request_id),
        start_(absl::Now()) {
    metrics_->Started(method_);
    metrics_->InflightAdd(1);
  }
  void Done(const absl::Status& status) {
    const absl::Duration took = absl::Now() - start_;
    metrics_->InflightAdd(-1);
    metrics_->Handled(method_, status.code(), took, bytes_);
    LogCall(level_, method_, id_, bytes_, took, status);
  }

 private:
  Metrics* metrics_;
  LogLevel level_;
  const char* method_;
  size_t bytes_;
  uint64_t id_;
  absl::Time start_;
};

// Finishes a stream at once with `status` (rejected calls).
class RejectedStream : public RawReactor {
 public:
  explicit RejectedStream(const grpc::Status& status) {
    LEDE_TSAN_RELEASE(this);
    Finish(status);
  }
  void OnDone() override {
    LEDE_TSAN_ACQUIRE(this);
    delete this;
  }
};

class Service final
    : public v1::TextAnalytics::WithRawCallbackMethod_Analyze<
          v1::TextAnalytics::WithRawCallbackMethod_AnalyzeStream<
              v1::TextAnalytics::WithCallbackMethod_GetInfo<
                  v1::TextAnalytics::Service>>> {
 public:
  Service(const Analyzer* analyzer, WorkerPool* pool, int stream_window,
          LogLevel log_level, std::vector<std::string> models, Metrics* metrics,
          const TokenAuthenticator* auth)
      : analyzer_(analyzer),
        pool_(pool),
        stream_window_(stream_window),
        log_level_(log_level),
        models_(std::move(models)),
        metrics_(metrics),
        auth_(auth) {}

  // UNAUTHENTICATED unless token auth is off or the call carries a valid
  // bearer token.
  grpc::Status Authenticate(grpc::CallbackServerContext* ctx) const {
    if (!auth_) return grpc::Status::OK;
    const auto& md = ctx->client_metadata();
    auto it = md.find("authorization");
    if (it != md.end() &&
        auth_->Check(std::string_view(it->second.data(), it->second.size()))) {
      return grpc::Status::OK;
    }
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "missing or invalid bearer token: send metadata "
                        "'authorization: Bearer <token>'");
  }

  grpc::ServerUnaryReactor* Analyze(grpc::CallbackServerContext* ctx,
                                    const grpc::ByteBuffer* request,
                                    grpc::ByteBuffer* response) override {
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    if (grpc::Status auth = Authenticate(ctx); !auth.ok()) {
      reactor->Finish(auth);
      return reactor;
    }
    auto bytes = std::make_shared<std::string>(Flatten(*request));
    auto record = std::make_shared<CallRecord>(metrics_, log_level_, "Analyze",
                                               bytes->size());
    auto task = [this, ctx, reactor, response, bytes, record] {
      absl::Status status;
      v1::AnalyzeResponse out;
      if (ctx->IsCancelled()) {
        status = absl::CancelledError("call cancelled before analysis started");
      } else {
        status = RunAnalysis(
            ctx->deadline(), [ctx] { return ctx->IsCancelled(); }, *bytes, &out,
            nullptr);
      }
      if (status.ok()) *response = ToByteBuffer(out);
      record->Done(status);
      reactor->Finish(ToGrpcStatus(status));
    };
    if (!pool_->TrySubmit(std::move(task))) {
      const absl::Status busy = absl::ResourceExhaustedError(
          "server is at its limit of queued analyses; retry with backoff or "
          "add replicas");
      record->Done(busy);
      reactor->Finish(ToGrpcStatus(busy));
    }
    return reactor;
  }

  RawReactor* AnalyzeStream(grpc::CallbackServerContext* ctx) override {
    if (grpc::Status auth = Authenticate(ctx); !auth.ok()) {
      return new RejectedStream(auth);
    }
    return new StreamReactor(this, ctx);
  }

  grpc::ServerUnaryReactor* GetInfo(grpc::CallbackServerContext* ctx,
                                    const v1::GetInfoRequest*,
                                    v1::ServerInfo* info) override {
    if (grpc::Status auth = Authenticate(ctx); !auth.ok()) {
      grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
      reactor->Finish(auth);
      return reactor;
    }
    info->set_version(LEDE_VERSION);
    for (const auto& m : models_) info->add_models(m);
    info->set_max_document_bytes(analyzer_->max_document_bytes());
    info->set_build(VersionString());
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

 private:
  // Runs one analysis, honouring the call's deadline and `cancelled`.
  template <typename Cancelled>
  absl::Status RunAnalysis(std::chrono::system_clock::time_point deadline,
                           const Cancelled& cancelled, const std::string& bytes,
                           v1::AnalyzeResponse* out,
                           std::string* doc_id) const {
    auto expired = [deadline] {
      return deadline != std::chrono::system_clock::time_point::max() &&
             std::chrono::system_clock::now() >= deadline;
    };
    if (expired()) {
      return absl::DeadlineExceededError(
          "deadline passed before analysis started");
    }
    bool deadline_hit = false;
    auto interrupted = [&] {
      if (cancelled()) return true;
      if (expired()) deadline_hit = true;
      return deadline_hit;
    };
    absl::Status s = analyzer_->Analyze(
        bytes, interrupted, absl::CancelledError("analysis interrupted"), out,
        doc_id);
    if (s.code() == absl::StatusCode::kCancelled && deadline_hit) {
      return absl::DeadlineExceededError("deadline exceeded during analysis");
    }
    return s;
  }

  // StreamReactor
  //
  // Reads ahead up to `stream_window_` documents, analyzes them on the pool
  // and writes responses strictly in request order. Deletes itself once
  // gRPC is done with it and no analysis still refers to it.
  //
  // Analyses may still be queued or running after OnDone(), when gRPC has
  // already destroyed the call's ServerContext: so they never touch it.
  // They read the deadline copied at the start and `cancelled_`, which
  // OnCancel(), a failed write and OnDone() set.
  //
  // TSan annotations (service/tsan_annotations.h): &read_buf_ orders each
  // StartRead before its OnReadDone, &write_buf_ each StartWrite before its
  // OnWriteDone, and `this` the construction and each Finish before OnCancel
  // and OnDone, and OnCancel before OnDone; OnDone also acquires both
  // buffers, as gRPC calls it after every operation has completed.
  class StreamReactor : public RawReactor {
   public:
    StreamReactor(Service* service, grpc::CallbackServerContext* ctx)
        : service_(service), deadline_(ctx->deadline()) {
      LEDE_TSAN_RELEASE(this);
      LEDE_TSAN_RELEASE(&read_buf_);
      StartRead(&read_buf_);
    }

    void OnReadDone(bool ok) override {
      LEDE_TSAN_ACQUIRE(&read_buf_);
      if (!ok) {
        bool finish;
        {
          std::lock_guard<std::mutex> l(mu_);
          reads_done_ = true;
          finish = ShouldFinishLocked();
        }
        if (finish) {
          LEDE_TSAN_RELEASE(this);
          Finish(grpc::Status::OK);
        }
        return;
      }
      auto slot = std::make_shared<Slot>();
      auto bytes = std::make_shared<std::string>(Flatten(read_buf_));
      bool read_more;
      {
        std::lock_guard<std::mutex> l(mu_);
        slots_.push_back(slot);
        ++outstanding_;
        read_more = static_cast<int>(slots_.size()) < service_->stream_window_;
        reading_paused_ = !read_more;
      }
      auto record =
          std::make_shared<CallRecord>(service_->metrics_, service_->log_level_,
                                       "AnalyzeStream", bytes->size());
      service_->pool_->Submit([this, slot, bytes, record] {
        v1::AnalyzeResponse out;
        std::string doc_id;
        absl::Status s =
            cancelled_.load(std::memory_order_relaxed)
                ? absl::CancelledError("stream cancelled")
                : service_->RunAnalysis(
                      deadline_,
                      [this] {
                        return cancelled_.load(std::memory_order_relaxed);
                      },
                      *bytes, &out, &doc_id);
        if (!s.ok()) {
          out.Clear();
          out.set_document_id(doc_id);
          out.mutable_error()->set_code(static_cast<int>(s.code()));
          out.mutable_error()->set_message(std::string(s.message()));
        }
        record->Done(s);
        slot->response = ToByteBuffer(out);
        slot->ready = true;
        OnSlotReady();
      });
      if (read_more) {
        LEDE_TSAN_RELEASE(&read_buf_);
        StartRead(&read_buf_);
      }
    }

    void OnWriteDone(bool ok) override {
      LEDE_TSAN_ACQUIRE(&write_buf_);
      bool write = false, read = false, finish = false, failed = false;
      {
        std::lock_guard<std::mutex> l(mu_);
        writing_ = false;
        if (!ok) {
          failed_ = true;  // the client went away; stop reading and writing
          cancelled_ = true;
        } else {
          slots_.pop_front();
          if (reading_paused_ && !reads_done_) {
            reading_paused_ = false;
            read = true;
          }
          write = PrepareWriteLocked();
        }
        finish = ShouldFinishLocked();
        failed = failed_;
      }
      if (write) {
        LEDE_TSAN_RELEASE(&write_buf_);
        StartWrite(&write_buf_);
      }
      if (read) {
        LEDE_TSAN_RELEASE(&read_buf_);
        StartRead(&read_buf_);
      }
      if (finish) {
        LEDE_TSAN_RELEASE(this);
        Finish(failed ? grpc::Status(grpc::StatusCode::CANCELLED,
                                     "client stopped reading")
                      : grpc::Status::OK);
      }
    }

    void OnDone() override {
      LEDE_TSAN_ACQUIRE(this);
      LEDE_TSAN_ACQUIRE(&read_buf_);
      LEDE_TSAN_ACQUIRE(&write_buf_);
      bool del;
      {
        std::lock_guard<std::mutex> l(mu_);
        done_ = true;
        cancelled_ = true;  // analyses not yet started need not run
        del = outstanding_ == 0;
      }
      if (del) delete this;
    }

    void OnCancel() override {
      LEDE_TSAN_ACQUIRE(this);
      cancelled_ = true;
      // gRPC runs OnCancel() before OnDone(), which acquires `this`.
      LEDE_TSAN_RELEASE(this);
    }

   private:
    struct Slot {
      std::atomic<bool> ready{false};
      grpc::ByteBuffer response;
    };

    void OnSlotReady() {
      bool write, finish, del;
      {
        std::lock_guard<std::mutex> l(mu_);
        --outstanding_;
        write = !done_ && PrepareWriteLocked();
        finish = !done_ && ShouldFinishLocked();
        del = done_ && outstanding_ == 0;
      }
      if (del) {
        delete this;
        return;
      }
      if (write) {
        LEDE_TSAN_RELEASE(&write_buf_);
        StartWrite(&write_buf_);
      }
      if (finish) {
        LEDE_TSAN_RELEASE(this);
        Finish(grpc::Status::OK);
      }
    }

    // Takes the next in-order response when it is ready and no write is in
    // flight.
    bool PrepareWriteLocked() {
      if (writing_ || failed_ || slots_.empty() || !slots_.front()->ready) {
        return false;
      }
      writing_ = true;
      write_buf_ = slots_.front()->response;
      return true;
    }

    bool ShouldFinishLocked() {
      if (finished_ || writing_) return false;
      if (failed_ || (reads_done_ && slots_.empty())) {
        finished_ = true;
        return true;
      }
      return false;
    }

    Service* service_;
    const std::chrono::system_clock::time_point deadline_;
    std::atomic<bool> cancelled_{false};
    grpc::ByteBuffer read_buf_;
    grpc::ByteBuffer write_buf_;
    std::mutex mu_;
    std::deque<std::shared_ptr<Slot>> slots_;
    int outstanding_ = 0;
    bool reads_done_ = false;
    bool reading_paused_ = false;
    bool writing_ = false;
    bool failed_ = false;
    bool finished_ = false;
    bool done_ = false;
  };

  const Analyzer* analyzer_;
  WorkerPool* pool_;
  const int stream_window_;
  const LogLevel log_level_;
  const std::vector<std::string> models_;
  Metrics* metrics_;
  const TokenAuthenticator* auth_;
};

absl::StatusOr<std::string> ReadFile(const std::string& path,
                                     const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return absl::NotFoundError(
        absl::StrCat("cannot read ", what, " file ", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Insecure, TLS or mutual TLS, from the options.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentials(
    const ServerOptions& o) {
  if (o.tls_cert_file.empty() != o.tls_key_file.empty()) {
    return absl::InvalidArgumentError("--tls_cert and --tls_key go together");
  }
  if (o.tls_cert_file.empty()) {
    if (!o.tls_client_ca_file.empty()) {
      return absl::InvalidArgumentError(
          "--tls_client_ca needs --tls_cert and --tls_key");
    }
    return grpc::InsecureServerCredentials();
  }
  auto cert = ReadFile(o.tls_cert_file, "TLS certificate");
  if (!cert.ok()) return cert.status();
  auto key = ReadFile(o.tls_key_file, "TLS key");
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl(
      GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  if (!o.tls_client_ca_file.empty()) {
    auto ca = ReadFile(o.tls_client_ca_file, "client CA");
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *ca;
    ssl.client_certificate_request =
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  ssl.pem_key_cert_pairs.push_back({*key, *cert});
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

struct LedeServer::Impl {
  std::unique_ptr<Metrics> metrics;
  std::unique_ptr<TokenAuthenticator> auth;
  std::unique_ptr<Pipeline> pipeline;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<Service> service;
  std::unique_ptr<grpc::Server> server;
  // Destroyed first: before the service and analyzer its queued tasks use,
  // and before the server whose calls they finish. ~LedeServer has waited
  // for every call, so the workers are idle; joining them orders their last
  // Finish() before the server's deletion in a way TSan can see (gRPC's own
  // ordering of the two is inside uninstrumented libgrpc).
  std::unique_ptr<WorkerPool> pool;
  int port = 0;
  std::once_flag shutdown_once;
};

LedeServer::LedeServer() : impl_(std::make_unique<Impl>()) {}

LedeServer::~LedeServer() {
  if (!impl_->server) return;  // BuildAndStart failed before serving
  Shutdown(absl::ZeroDuration());
  impl_->server->Wait();
}

std::string VersionString() { return absl::StrCat("lede ", LEDE_VERSION); }

absl::StatusOr<std::unique_ptr<LedeServer>> LedeServer::BuildAndStart(
    const ServerOptions& options) {
  if (options.max_document_bytes <= 0 ||
      options.max_document_bytes > (int64_t{1} << 30)) {
    return absl::InvalidArgumentError(
        "--max_document_bytes must be between 1 and 1073741824");
  }
  if (!options.model_dir.empty()) {
    struct stat st;
    if (stat(options.model_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--model_dir ", options.model_dir, " is not a directory"));
    }
  }
  std::unique_ptr<LedeServer> s(new LedeServer());
  Impl& impl = *s->impl_;
  PipelineOptions po;
  po.model_dir = options.model_dir;
  auto pipeline = Pipeline::Create(po);
  if (!pipeline.ok()) return pipeline.status();
  impl.pipeline = *std::move(pipeline);
  impl.analyzer = std::make_unique<Analyzer>(impl.pipeline.get(),
                                             options.max_document_bytes);
  int threads = options.worker_threads;
  if (threads <= 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const int queued =
      options.max_queued_calls > 0 ? options.max_queued_calls : 64 * threads;
  impl.pool =
      std::make_unique<WorkerPool>(threads, static_cast<size_t>(queued));
  if (!options.metrics_listen.empty()) {
    auto m = Metrics::Start(options.metrics_listen);
    if (!m.ok()) return m.status();
    impl.metrics = *std::move(m);
  } else {
    impl.metrics = Metrics::Disabled();
  }
  if (!options.auth_tokens_file.empty()) {
    auto a = TokenAuthenticator::FromFile(options.auth_tokens_file);
    if (!a.ok()) return a.status();
    impl.auth = *std::move(a);
  }
  auto creds = ServerCredentials(options);
  if (!creds.ok()) return creds.status();
  impl.service = std::make_unique<Service>(
      impl.analyzer.get(), impl.pool.get(), std::max(1, options.stream_window),
      ParseLogLevel(options.log_level), impl.pipeline->ModelIds(),
      impl.metrics.get(), impl.auth.get());

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen_address, *creds, &impl.port);
  // Room for the other fields beyond the document limit, so a document a
  // little over the limit gets lede's INVALID_ARGUMENT naming the limit.
  const int64_t max_message = options.max_document_bytes + (int64_t{1} << 20);
  builder.SetMaxReceiveMessageSize(
      static_cast<int>(std::min<int64_t>(max_message, INT32_MAX)));
  builder.SetMaxSendMessageSize(-1);
  if (options.max_connection_age > absl::ZeroDuration()) {
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS,
                               static_cast<int>(absl::ToInt64Milliseconds(
                                   options.max_connection_age)));
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
                               static_cast<int>(absl::ToInt64Milliseconds(
                                   options.max_connection_age_grace)));
  }
  builder.RegisterService(impl.service.get());
  impl.server = builder.BuildAndStart();
  if (!impl.server || impl.port == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen_address,
                     " (address in use or not available)"));
  }
  impl.server->GetHealthCheckService()->SetServingStatus(true);
  return s;
}

int LedeServer::port() const { return impl_->port; }

int LedeServer::metrics_port() const { return impl_->metrics->port(); }

void LedeServer::Shutdown(absl::Duration grace) {
  std::call_once(impl_->shutdown_once, [&] {
    impl_->server->GetHealthCheckService()->SetServingStatus(false);
    impl_->server->Shutdown(std::chrono::system_clock::now() +
                            absl::ToChronoMilliseconds(grace));
  });
}

void LedeServer::Wait() { impl_->server->Wait(); }

}  // namespace lede
