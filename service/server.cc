#include "service/server.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <mutex>
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

class Service final
    : public v1::TextAnalytics::WithRawCallbackMethod_Analyze<
          v1::TextAnalytics::WithRawCallbackMethod_AnalyzeStream<
              v1::TextAnalytics::WithCallbackMethod_GetInfo<
                  v1::TextAnalytics::Service>>> {
 public:
  Service(const Analyzer* analyzer, WorkerPool* pool, int stream_window,
          LogLevel log_level, std::vector<std::string> models)
      : analyzer_(analyzer),
        pool_(pool),
        stream_window_(stream_window),
        log_level_(log_level),
        models_(std::move(models)) {}

  grpc::ServerUnaryReactor* Analyze(grpc::CallbackServerContext* ctx,
                                    const grpc::ByteBuffer* request,
                                    grpc::ByteBuffer* response) override {
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    const uint64_t id = ++g_request_id;
    const absl::Time start = absl::Now();
    auto bytes = std::make_shared<std::string>(Flatten(*request));
    auto task = [this, ctx, reactor, response, bytes, id, start] {
      absl::Status status;
      v1::AnalyzeResponse out;
      if (ctx->IsCancelled()) {
        status = absl::CancelledError("call cancelled before analysis started");
      } else {
        status = RunAnalysis(ctx, *bytes, &out);
      }
      if (status.ok()) *response = ToByteBuffer(out);
      LogCall(log_level_, "Analyze", id, bytes->size(), absl::Now() - start,
              status);
      reactor->Finish(ToGrpcStatus(status));
    };
    if (!pool_->TrySubmit(std::move(task))) {
      const absl::Status busy = absl::ResourceExhaustedError(
          "server is at its limit of queued analyses; retry with backoff or "
          "add replicas");
      LogCall(log_level_, "Analyze", id, bytes->size(), absl::Now() - start,
              busy);
      reactor->Finish(ToGrpcStatus(busy));
    }
    return reactor;
  }

  RawReactor* AnalyzeStream(grpc::CallbackServerContext* ctx) override {
    return new StreamReactor(this, ctx);
  }

  grpc::ServerUnaryReactor* GetInfo(grpc::CallbackServerContext* ctx,
                                    const v1::GetInfoRequest*,
                                    v1::ServerInfo* info) override {
    info->set_version(LEDE_VERSION);
    for (const auto& m : models_) info->add_models(m);
    info->set_max_document_bytes(analyzer_->max_document_bytes());
    info->set_build(VersionString());
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

 private:
  // Runs one analysis, honouring the call's deadline and cancellation.
  absl::Status RunAnalysis(grpc::CallbackServerContext* ctx,
                           const std::string& bytes,
                           v1::AnalyzeResponse* out) const {
    const auto deadline = ctx->deadline();
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
      if (ctx->IsCancelled()) return true;
      if (expired()) deadline_hit = true;
      return deadline_hit;
    };
    absl::Status s = analyzer_->Analyze(
        bytes, interrupted, absl::CancelledError("analysis interrupted"), out);
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
  class StreamReactor : public RawReactor {
   public:
    StreamReactor(Service* service, grpc::CallbackServerContext* ctx)
        : service_(service), ctx_(ctx) {
      StartRead(&read_buf_);
    }

    void OnReadDone(bool ok) override {
      if (!ok) {
        bool finish;
        {
          std::lock_guard<std::mutex> l(mu_);
          reads_done_ = true;
          finish = ShouldFinishLocked();
        }
        if (finish) Finish(grpc::Status::OK);
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
      const uint64_t id = ++g_request_id;
      const absl::Time start = absl::Now();
      service_->pool_->Submit([this, slot, bytes, id, start] {
        v1::AnalyzeResponse out;
        std::string doc_id;
        absl::Status s =
            ctx_->IsCancelled()
                ? absl::CancelledError("stream cancelled")
                : service_->RunAnalysisForStream(ctx_, *bytes, &out, &doc_id);
        if (!s.ok()) {
          out.Clear();
          out.set_document_id(doc_id);
          out.mutable_error()->set_code(static_cast<int>(s.code()));
          out.mutable_error()->set_message(std::string(s.message()));
        }
        LogCall(service_->log_level_, "AnalyzeStream", id, bytes->size(),
                absl::Now() - start, s);
        slot->response = ToByteBuffer(out);
        slot->ready = true;
        OnSlotReady();
      });
      if (read_more) StartRead(&read_buf_);
    }

    void OnWriteDone(bool ok) override {
      bool write = false, read = false, finish = false;
      {
        std::lock_guard<std::mutex> l(mu_);
        writing_ = false;
        if (!ok) {
          failed_ = true;  // the client went away; stop reading and writing
        } else {
          slots_.pop_front();
          if (reading_paused_ && !reads_done_) {
            reading_paused_ = false;
            read = true;
          }
          write = PrepareWriteLocked();
        }
        finish = ShouldFinishLocked();
      }
      if (write) StartWrite(&write_buf_);
      if (read) StartRead(&read_buf_);
      if (finish)
        Finish(failed_ ? grpc::Status(grpc::StatusCode::CANCELLED,
                                      "client stopped reading")
                       : grpc::Status::OK);
    }

    void OnDone() override {
      bool del;
      {
        std::lock_guard<std::mutex> l(mu_);
        done_ = true;
        del = outstanding_ == 0;
      }
      if (del) delete this;
    }

    void OnCancel() override {}

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
      if (write) StartWrite(&write_buf_);
      if (finish) Finish(grpc::Status::OK);
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
    grpc::CallbackServerContext* ctx_;
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

  absl::Status RunAnalysisForStream(grpc::CallbackServerContext* ctx,
                                    const std::string& bytes,
                                    v1::AnalyzeResponse* out,
                                    std::string* doc_id) const {
    const auto deadline = ctx->deadline();
    bool deadline_hit = false;
    auto interrupted = [&] {
      if (ctx->IsCancelled()) return true;
      if (deadline != std::chrono::system_clock::time_point::max() &&
          std::chrono::system_clock::now() >= deadline) {
        deadline_hit = true;
      }
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

  const Analyzer* analyzer_;
  WorkerPool* pool_;
  const int stream_window_;
  const LogLevel log_level_;
  const std::vector<std::string> models_;
};

}  // namespace

struct LedeServer::Impl {
  std::unique_ptr<Pipeline> pipeline;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<Service> service;
  // Destroyed before the service and analyzer its queued tasks use.
  std::unique_ptr<WorkerPool> pool;
  std::unique_ptr<grpc::Server> server;
  int port = 0;
  std::once_flag shutdown_once;
};

LedeServer::LedeServer() : impl_(std::make_unique<Impl>()) {}

LedeServer::~LedeServer() {
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
  impl.service = std::make_unique<Service>(
      impl.analyzer.get(), impl.pool.get(), std::max(1, options.stream_window),
      ParseLogLevel(options.log_level), impl.pipeline->ModelIds());

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen_address,
                           grpc::InsecureServerCredentials(), &impl.port);
  // Room for the other fields beyond the document limit, so a document a
  // little over the limit gets lede's INVALID_ARGUMENT naming the limit.
  const int64_t max_message = options.max_document_bytes + (int64_t{1} << 20);
  builder.SetMaxReceiveMessageSize(
      static_cast<int>(std::min<int64_t>(max_message, INT32_MAX)));
  builder.SetMaxSendMessageSize(-1);
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

void LedeServer::Shutdown(absl::Duration grace) {
  std::call_once(impl_->shutdown_once, [&] {
    impl_->server->GetHealthCheckService()->SetServingStatus(false);
    impl_->server->Shutdown(std::chrono::system_clock::now() +
                            absl::ToChronoMilliseconds(grace));
  });
}

void LedeServer::Wait() { impl_->server->Wait(); }

}  // namespace lede
