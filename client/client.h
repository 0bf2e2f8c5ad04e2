#ifndef LEDE_CLIENT_CLIENT_H_
#define LEDE_CLIENT_CLIENT_H_

// The lede client library: a thin, typed layer over the generated gRPC stub.
//
// Example:
//   auto client = lede::Client::Create({.target = "localhost:50051"});
//   if (!client.ok()) return client.status();
//   lede::v1::AnalyzeRequest req;
//   req.mutable_document()->set_content(text);
//   absl::StatusOr<lede::v1::AnalyzeResponse> resp = (*client)->Analyze(req);

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lede/v1/lede.pb.h"

namespace grpc {
class Channel;
}  // namespace grpc

namespace lede {

// ClientOptions
struct ClientOptions {
  // gRPC target: "host:port", "dns:///lede-headless:50051",
  // "ipv4:127.0.0.1:5001,127.0.0.1:5002". Calls are balanced round-robin
  // across every address the target resolves to.
  std::string target = "localhost:50051";
  // Deadline of each unary call, and of each document in a stream (a stream
  // of N documents gets N times this, at least).
  absl::Duration deadline = absl::Seconds(60);
  // Attempts per unary call for UNAVAILABLE (a replica going away), with
  // exponential backoff; streams resend unanswered documents on a new stream
  // as many times.
  int max_attempts = 5;
  // Waits this long for the server at the first call (0: fail fast when it
  // is not up).
  absl::Duration connect_timeout = absl::Seconds(5);
  // TLS: when true (or any file below is set) the channel uses TLS. CA bundle
  // to verify the server (empty: the system roots).
  bool tls = false;
  std::string tls_ca_file;
  // Mutual TLS: the client's PEM certificate chain and key.
  std::string tls_cert_file;
  std::string tls_key_file;
  // Overrides the name checked against the server certificate.
  std::string tls_server_name;
  // Sent as `authorization: Bearer <token>` on every call when not empty.
  std::string bearer_token;
};

// Client
//
// Thread-safe; one Client (one channel) serves any number of threads.
class Client {
 public:
  static absl::StatusOr<std::unique_ptr<Client>> Create(
      const ClientOptions& options);
  ~Client();

  // One document. Errors carry the server's gRPC status and message.
  absl::StatusOr<v1::AnalyzeResponse> Analyze(
      const v1::AnalyzeRequest& request) const;

  // Many documents over AnalyzeStream. `next` fills the next request and
  // returns false when there are no more; `on_response` receives each
  // response in request order (a failed document has `error` set) and may
  // return an error to stop early. At most `window` documents are in flight.
  // If the stream breaks with UNAVAILABLE (a server going away), unanswered
  // documents are resent on a new stream, so each request is answered exactly
  // once, in order. The two callbacks run on different threads but never at
  // the same time, so state they share needs no lock of the caller's.
  absl::Status AnalyzeStream(
      const std::function<bool(v1::AnalyzeRequest*)>& next,
      const std::function<absl::Status(v1::AnalyzeResponse)>& on_response,
      int window = 32) const;

  // Server and model versions.
  absl::StatusOr<v1::ServerInfo> GetInfo() const;

  // grpc.health.v1 Check: OK when the server reports SERVING, UNAVAILABLE
  // (saying the status) otherwise.
  absl::Status CheckHealth() const;

 private:
  explicit Client(const ClientOptions& options);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lede

#endif  // LEDE_CLIENT_CLIENT_H_
