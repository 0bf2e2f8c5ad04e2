#ifndef LEDE_SERVICE_METRICS_H_
#define LEDE_SERVICE_METRICS_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace lede {

// Metrics
//
// Prometheus metrics, served on their own port by prometheus-cpp:
//   grpc_server_started_total{grpc_service,grpc_method,grpc_type}
//   grpc_server_handled_total{grpc_service,grpc_method,grpc_type,grpc_code}
//   grpc_server_handling_seconds{grpc_service,grpc_method,grpc_type}
//   (histogram) lede_inflight_calls (gauge: calls accepted and not yet
//   answered) lede_documents_analyzed_total{status="ok"|"error"}
//   lede_bytes_analyzed_total
// Stream documents count as calls of method AnalyzeStream. Thread-safe.
class Metrics {
 public:
  // Starts the HTTP endpoint (GET /metrics) on `listen` ("0.0.0.0:9464").
  static absl::StatusOr<std::unique_ptr<Metrics>> Start(
      const std::string& listen);
  // A registry without an endpoint (for tests and when metrics are off).
  static std::unique_ptr<Metrics> Disabled();
  ~Metrics();

  void Started(const char* method);
  void Handled(const char* method, absl::StatusCode code, absl::Duration took,
               size_t bytes);
  void InflightAdd(int delta);
  // The bound port of the endpoint, or 0.
  int port() const;

 private:
  Metrics();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lede

#endif  // LEDE_SERVICE_METRICS_H_
