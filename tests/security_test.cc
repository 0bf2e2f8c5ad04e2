// TLS, mutual TLS and bearer tokens, with certificates made at test time by
// openssl.

#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "client/client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/server_process.h"

namespace lede {
namespace {

using test_util::RunCommand;
using test_util::ServerProcess;

class SecurityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    char tmpl[] = "/tmp/lede_tls_XXXXXX";
    dir_ = new std::string(mkdtemp(tmpl));
    const std::string d = *dir_;
    // A CA, a server certificate for localhost/127.0.0.1, a client cert.
    const std::string script = absl::StrCat(
        "set -e; cd ", d, "; ",
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "
        "/CN=lede-test-ca "
        "-keyout ca.key -out ca.pem; ",
        "printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > san.ext; ",
        "openssl req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout "
        "server.key -out server.csr; ",
        "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key "
        "-CAcreateserial -days 2 "
        "-extfile san.ext -out server.pem; ",
        "openssl req -newkey rsa:2048 -nodes -subj /CN=lede-client -keyout "
        "client.key -out client.csr; ",
        "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key "
        "-CAcreateserial -days 2 "
        "-out client.pem; ",
        "printf '# tokens\\ngood-token\\n' > tokens.txt");
    auto r = RunCommand("bash -c \"" + script + "\"", true);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  static void TearDownTestSuite() {
    std::system(("rm -rf " + *dir_).c_str());
    delete dir_;
  }
  static std::string F(const std::string& name) { return *dir_ + "/" + name; }
  static absl::Status Call(const ClientOptions& o) {
    auto c = Client::Create(o);
    if (!c.ok()) return c.status();
    v1::AnalyzeRequest req;
    req.mutable_document()->set_content("Secure hello.");
    return (*c)->Analyze(req).status();
  }
  static ClientOptions Base(const ServerProcess& s) {
    ClientOptions o;
    o.target = "localhost:" + std::to_string(s.port());
    o.deadline = absl::Seconds(10);
    o.connect_timeout = absl::Seconds(2);
    return o;
  }
  static std::string* dir_;
};
std::string* SecurityTest::dir_ = nullptr;

TEST_F(SecurityTest, TlsServesClientsThatTrustTheCa) {
  ServerProcess server(
      {"--tls_cert=" + F("server.pem"), "--tls_key=" + F("server.key")});
  ASSERT_TRUE(server.ok()) << server.log();
  ClientOptions o = Base(server);
  o.tls_ca_file = F("ca.pem");
  EXPECT_TRUE(Call(o).ok());
  ClientOptions plain = Base(server);
  EXPECT_FALSE(Call(plain).ok());  // plaintext to a TLS port fails
}

TEST_F(SecurityTest, MutualTlsRequiresAClientCertificate) {
  ServerProcess server({"--tls_cert=" + F("server.pem"),
                        "--tls_key=" + F("server.key"),
                        "--tls_client_ca=" + F("ca.pem")});
  ASSERT_TRUE(server.ok()) << server.log();
  ClientOptions without = Base(server);
  without.tls_ca_file = F("ca.pem");
  EXPECT_FALSE(Call(without).ok());
  ClientOptions with = without;
  with.tls_cert_file = F("client.pem");
  with.tls_key_file = F("client.key");
  EXPECT_TRUE(Call(with).ok());
}

TEST_F(SecurityTest, BearerTokensGuardTheApiButNotHealth) {
  ServerProcess server({"--auth_tokens_file=" + F("tokens.txt")});
  ASSERT_TRUE(server.ok()) << server.log();
  ClientOptions o = Base(server);
  EXPECT_EQ(Call(o).code(), absl::StatusCode::kUnauthenticated);
  o.bearer_token = "wrong-token";
  EXPECT_EQ(Call(o).code(), absl::StatusCode::kUnauthenticated);
  o.bearer_token = "good-token";
  EXPECT_TRUE(Call(o).ok());
  ClientOptions anonymous = Base(server);
  auto c = Client::Create(anonymous);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE((*c)->CheckHealth().ok());
  // Streams are guarded too.
  absl::Status s = (*c)->AnalyzeStream(
      [n = 0](v1::AnalyzeRequest* r) mutable {
        r->mutable_document()->set_content("x");
        return n++ < 1;
      },
      [](v1::AnalyzeResponse) { return absl::OkStatus(); });
  EXPECT_EQ(s.code(), absl::StatusCode::kUnauthenticated);
}

TEST_F(SecurityTest, BadTlsFlagsFailAtStartWithAClearMessage) {
  auto r = RunCommand(test_util::ServerBinary() +
                          " --listen=127.0.0.1:0 --tls_cert=" + F("server.pem"),
                      true);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_THAT(r.output,
              ::testing::HasSubstr("--tls_cert and --tls_key go together"));
}

}  // namespace
}  // namespace lede
