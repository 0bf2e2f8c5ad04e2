#include "service/metrics.h"

#include <array>
#include <map>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "prometheus/counter.h"
#include "prometheus/exposer.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace lede {
namespace {

const char* TypeOf(const std::string& method) {
  return method == "AnalyzeStream" ? "bidi_stream" : "unary";
}

}  // namespace

struct Metrics::Impl {
  std::shared_ptr<prometheus::Registry> registry =
      std::make_shared<prometheus::Registry>();
  std::unique_ptr<prometheus::Exposer> exposer;
  prometheus::Family<prometheus::Counter>* started = nullptr;
  prometheus::Family<prometheus::Counter>* handled = nullptr;
  prometheus::Family<prometheus::Histogram>* seconds = nullptr;
  prometheus::Gauge* inflight = nullptr;
  prometheus::Counter* docs_ok = nullptr;
  prometheus::Counter* docs_error = nullptr;
  prometheus::Counter* bytes = nullptr;
  // Label lookups take a lock inside prometheus-cpp; cache the children.
  std::mutex mu;
  std::map<std::pair<std::string, int>, prometheus::Counter*> handled_by;
  std::map<std::string, prometheus::Histogram*> seconds_by;
  std::map<std::string, prometheus::Counter*> started_by;
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {
  auto& r = *impl_->registry;
  impl_->started = &prometheus::BuildCounter()
                        .Name("grpc_server_started_total")
                        .Help("RPCs (stream documents) started on the server.")
                        .Register(r);
  impl_->handled =
      &prometheus::BuildCounter()
           .Name("grpc_server_handled_total")
           .Help("RPCs (stream documents) completed, by gRPC status code.")
           .Register(r);
  impl_->seconds = &prometheus::BuildHistogram()
                        .Name("grpc_server_handling_seconds")
                        .Help("Time from receiving a request to answering it.")
                        .Register(r);
  impl_->inflight = &prometheus::BuildGauge()
                         .Name("lede_inflight_calls")
                         .Help("Analyses accepted and not yet answered.")
                         .Register(r)
                         .Add({});
  auto& docs = prometheus::BuildCounter()
                   .Name("lede_documents_analyzed_total")
                   .Help("Documents analyzed, by outcome.")
                   .Register(r);
  impl_->docs_ok = &docs.Add({{"status", "ok"}});
  impl_->docs_error = &docs.Add({{"status", "error"}});
  impl_->bytes = &prometheus::BuildCounter()
                      .Name("lede_bytes_analyzed_total")
                      .Help("Bytes of request payload received for analysis.")
                      .Register(r)
                      .Add({});
}

Metrics::~Metrics() = default;

absl::StatusOr<std::unique_ptr<Metrics>> Metrics::Start(
    const std::string& listen) {
  std::unique_ptr<Metrics> m(new Metrics());
  try {
    // prometheus-cpp (civetweb) reports bind failures by exception; keep
    // them from crossing this API.
    m->impl_->exposer = std::make_unique<prometheus::Exposer>(listen);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve metrics on ", listen, ": ", e.what()));
  }
  m->impl_->exposer->RegisterCollectable(m->impl_->registry);
  return m;
}

std::unique_ptr<Metrics> Metrics::Disabled() {
  return std::unique_ptr<Metrics>(new Metrics());
}

int Metrics::port() const {
  if (!impl_->exposer) return 0;
  auto ports = impl_->exposer->GetListeningPorts();
  return ports.empty() ? 0 : ports.front();
}

void Metrics::Started(const char* method) {
  prometheus::Counter* c;
  {
    std::lock_guard<std::mutex> l(impl_->mu);
    auto& slot = impl_->started_by[method];
    if (!slot) {
      slot = &impl_->started->Add({{"grpc_service", "lede.v1.TextAnalytics"},
                                   {"grpc_method", method},
                                   {"grpc_type", TypeOf(method)}});
    }
    c = slot;
  }
  c->Increment();
}

void Metrics::Handled(const char* method, absl::StatusCode code,
                      absl::Duration took, size_t bytes) {
  prometheus::Counter* c;
  prometheus::Histogram* h;
  {
    std::lock_guard<std::mutex> l(impl_->mu);
    auto& slot = impl_->handled_by[{method, static_cast<int>(code)}];
    if (!slot) {
      slot =
          &impl_->handled->Add({{"grpc_service", "lede.v1.TextAnalytics"},
                                {"grpc_method", method},
                                {"grpc_type", TypeOf(method)},
                                {"grpc_code", absl::StatusCodeToString(code)}});
    }
    c = slot;
    auto& hs = impl_->seconds_by[method];
    if (!hs) {
      hs = &impl_->seconds->Add({{"grpc_service", "lede.v1.TextAnalytics"},
                                 {"grpc_method", method},
                                 {"grpc_type", TypeOf(method)}},
                                prometheus::Histogram::BucketBoundaries{
                                    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                    0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10});
    }
    h = hs;
  }
  c->Increment();
  h->Observe(absl::ToDoubleSeconds(took));
  (code == absl::StatusCode::kOk ? impl_->docs_ok : impl_->docs_error)
      ->Increment();
  impl_->bytes->Increment(static_cast<double>(bytes));
}

void Metrics::InflightAdd(int delta) { impl_->inflight->Increment(delta); }

}  // namespace lede
