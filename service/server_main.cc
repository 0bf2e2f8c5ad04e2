// lede-server: the lede gRPC service.
//
//   lede-server --listen=0.0.0.0:50051 --worker_threads=2
//
// SIGTERM or SIGINT: health turns NOT_SERVING, new calls are refused and
// in-flight calls get --grace_period to finish.

#include <pthread.h>

#include <csignal>
#include <cstdio>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "engine/pipeline.h"
#include "service/server.h"

ABSL_FLAG(std::string, listen, "0.0.0.0:50051",
          "Address to listen on, host:port; port 0 picks a free port");
ABSL_FLAG(int, worker_threads, 0, "Analysis threads; 0 = one per core");
ABSL_FLAG(int, max_queued_calls, 0,
          "Unary calls waiting for a worker beyond which calls get "
          "RESOURCE_EXHAUSTED; 0 = 64 per worker thread");
ABSL_FLAG(int64_t, max_document_bytes, int64_t{10} << 20,
          "Largest accepted document, in bytes (default 10 MiB)");
ABSL_FLAG(int, stream_window, 16,
          "Documents of one AnalyzeStream analyzed concurrently");
ABSL_FLAG(std::string, model_dir, "",
          "Model directory (default: $LEDE_MODEL_DIR, else the build's or "
          "installed models/)");
ABSL_FLAG(absl::Duration, grace_period, absl::Seconds(10),
          "On SIGTERM, how long in-flight calls may take to finish");
ABSL_FLAG(std::string, log_level, "info",
          "Per-call logs on stderr: info (every call), warning (failures), "
          "error (internal errors), off");
ABSL_FLAG(std::string, port_file, "",
          "If set, write the bound port to this file once serving (for "
          "scripts that start the server on port 0)");
ABSL_FLAG(std::string, metrics_listen, "",
          "Serve Prometheus metrics (GET /metrics) on this host:port, e.g. "
          "0.0.0.0:9464; empty = off");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain: serve TLS (with --tls_key)");
ABSL_FLAG(std::string, tls_key, "", "PEM private key for --tls_cert");
ABSL_FLAG(
    std::string, tls_client_ca, "",
    "PEM CA bundle: require client certificates signed by it (mutual TLS)");
ABSL_FLAG(std::string, auth_tokens_file, "",
          "File of bearer tokens, one per line: calls without 'authorization: "
          "Bearer <token>' get UNAUTHENTICATED (health checks stay open)");
ABSL_FLAG(absl::Duration, max_connection_age, absl::ZeroDuration(),
          "Close client connections after this age (0 = never) so "
          "round-robin clients pick up new replicas; in-flight calls get "
          "--max_connection_age_grace");
ABSL_FLAG(absl::Duration, max_connection_age_grace, absl::Seconds(30),
          "Grace for in-flight calls when a connection reaches its age");
ABSL_FLAG(bool, version, false, "Print the version and exit");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "lede-server: gRPC service for news text analysis (summary, entities, "
      "dates, quotes).\nUsage: lede-server [--listen=HOST:PORT] [flags]");
  absl::ParseCommandLine(argc, argv);
  // Debian's Abseil is built with absl::Mutex deadlock detection on (the
  // debug default), which makes every lock gRPC takes update a global lock
  // graph; a release server does not need it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  if (absl::GetFlag(FLAGS_version)) {
    std::printf("%s\n", lede::VersionString().c_str());
    return 0;
  }
  const std::string level = absl::GetFlag(FLAGS_log_level);
  if (level != "info" && level != "warning" && level != "error" &&
      level != "off") {
    std::fprintf(
        stderr,
        "lede-server: --log_level must be info, warning, error or off\n");
    return 2;
  }

  // Handle SIGTERM/SIGINT on this thread only: block them before any other
  // thread starts, then wait for one with sigwait().
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  lede::ServerOptions options;
  options.listen_address = absl::GetFlag(FLAGS_listen);
  options.worker_threads = absl::GetFlag(FLAGS_worker_threads);
  options.max_queued_calls = absl::GetFlag(FLAGS_max_queued_calls);
  options.max_document_bytes = absl::GetFlag(FLAGS_max_document_bytes);
  options.stream_window = absl::GetFlag(FLAGS_stream_window);
  options.model_dir = absl::GetFlag(FLAGS_model_dir);
  options.log_level = level;
  options.metrics_listen = absl::GetFlag(FLAGS_metrics_listen);
  options.tls_cert_file = absl::GetFlag(FLAGS_tls_cert);
  options.tls_key_file = absl::GetFlag(FLAGS_tls_key);
  options.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca);
  options.auth_tokens_file = absl::GetFlag(FLAGS_auth_tokens_file);
  options.max_connection_age = absl::GetFlag(FLAGS_max_connection_age);
  options.max_connection_age_grace =
      absl::GetFlag(FLAGS_max_connection_age_grace);
  auto server = lede::LedeServer::BuildAndStart(options);
  if (!server.ok()) {
    std::fprintf(stderr, "lede-server: %s\n",
                 std::string(server.status().message()).c_str());
    return 1;
  }
  std::fprintf(
      stderr, "lede-server: %s serving on %s (port %d%s)%s\n",
      lede::VersionString().c_str(), options.listen_address.c_str(),
      (*server)->port(), options.tls_cert_file.empty() ? "" : ", TLS",
      (*server)->metrics_port()
          ? (" metrics on port " + std::to_string((*server)->metrics_port()))
                .c_str()
          : "");
  if (const std::string pf = absl::GetFlag(FLAGS_port_file); !pf.empty()) {
    const std::string tmp = pf + ".tmp";
    if (FILE* f = std::fopen(tmp.c_str(), "w")) {
      std::fprintf(f, "%d\n", (*server)->port());
      std::fclose(f);
      std::rename(tmp.c_str(), pf.c_str());
    }
  }

  int sig = 0;
  sigwait(&signals, &sig);
  std::fprintf(stderr, "lede-server: %s received, shutting down (grace %s)\n",
               sig == SIGTERM ? "SIGTERM" : "SIGINT",
               absl::FormatDuration(absl::GetFlag(FLAGS_grace_period)).c_str());
  (*server)->Shutdown(absl::GetFlag(FLAGS_grace_period));
  (*server)->Wait();
  std::fprintf(stderr, "lede-server: stopped\n");
  return 0;
}
