#ifndef LEDE_SERVICE_SERVER_H_
#define LEDE_SERVICE_SERVER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace lede {

// ServerOptions
//
// Everything lede-server's flags set. Defaults match the flags' defaults.
struct ServerOptions {
  // host:port to listen on; port 0 picks a free port (see LedeServer::port()).
  std::string listen_address = "0.0.0.0:50051";
  // Analysis threads; 0 means one per core.
  int worker_threads = 0;
  // Calls waiting for a worker beyond which unary calls get
  // RESOURCE_EXHAUSTED; 0 means 64 per worker.
  int max_queued_calls = 0;
  // Largest accepted Document.content, bytes.
  int64_t max_document_bytes = int64_t{10} << 20;
  // Documents of one AnalyzeStream analyzed concurrently.
  int stream_window = 16;
  // Model directory; empty means lede::DefaultModelDir().
  std::string model_dir;
  // Per-call log lines on stderr (no document content): "info" logs every
  // call, "warning" only failures, "error" only internal errors, "off".
  std::string log_level = "info";
  // Prometheus endpoint host:port; empty turns metrics off.
  std::string metrics_listen;
  // TLS: PEM server certificate chain and private key files. Both or neither.
  std::string tls_cert_file;
  std::string tls_key_file;
  // Mutual TLS: PEM CA bundle; clients must present a certificate it signed.
  std::string tls_client_ca_file;
  // Bearer tokens, one per line; when set, TextAnalytics calls without a
  // valid `authorization: Bearer <token>` get UNAUTHENTICATED (health
  // checking stays open for probes).
  std::string auth_tokens_file;
  // When positive, connections are closed (with GOAWAY, in-flight calls get
  // `max_connection_age_grace`) after this age, so round-robin clients
  // rediscover replicas added by an autoscaler.
  absl::Duration max_connection_age = absl::ZeroDuration();
  absl::Duration max_connection_age_grace = absl::Seconds(30);
};

// LedeServer
//
// The lede gRPC server: TextAnalytics, grpc.health.v1 and server reflection.
// Thread-safe.
class LedeServer {
 public:
  // Loads models, binds, starts serving and marks the health status SERVING.
  static absl::StatusOr<std::unique_ptr<LedeServer>> BuildAndStart(
      const ServerOptions& options);
  ~LedeServer();

  // The bound port.
  int port() const;
  // The bound metrics port, or 0 when metrics are off.
  int metrics_port() const;

  // Graceful shutdown: health turns NOT_SERVING, new calls are refused,
  // in-flight calls get until `grace` to finish, then are cancelled.
  void Shutdown(absl::Duration grace);

  // Blocks until the server has shut down.
  void Wait();

 private:
  LedeServer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// VersionString()
//
// "lede 0.1.0 (models: entities: ...)" for --version and GetInfo.
std::string VersionString();

}  // namespace lede

#endif  // LEDE_SERVICE_SERVER_H_
