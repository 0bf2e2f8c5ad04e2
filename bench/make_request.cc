// make_request TEXT_FILE OUT_FILE [--reference_time=RFC3339] [--repeat=N]
//
// Writes the body of one unary gRPC call to /lede.v1.TextAnalytics/Analyze:
// the 5-byte gRPC message prefix (0 = uncompressed, 4-byte big-endian length)
// followed by a serialized AnalyzeRequest whose content is TEXT_FILE and
// whose features are all off (= every analysis). h2load -d sends it as is.
// With --repeat=N the body holds N such messages: the body of one
// /lede.v1.TextAnalytics/AnalyzeStream call that analyzes the text N times.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "lede/v1/lede.pb.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: make_request TEXT_FILE OUT_FILE "
                 "[--reference_time=RFC3339] [--repeat=N]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "make_request: cannot read %s\n", argv[1]);
    return 1;
  }
  std::stringstream ss;
  ss << in.rdbuf();

  lede::v1::AnalyzeRequest req;
  req.mutable_document()->set_id(argv[1]);
  req.mutable_document()->set_content(ss.str());
  int repeat = 1;
  for (int i = 3; i < argc; ++i) {
    const std::string a = argv[i];
    const std::string time_flag = "--reference_time=";
    const std::string repeat_flag = "--repeat=";
    if (a.rfind(time_flag, 0) == 0) {
      req.mutable_document()->set_reference_time(a.substr(time_flag.size()));
    } else if (a.rfind(repeat_flag, 0) == 0) {
      repeat = std::atoi(a.c_str() + repeat_flag.size());
      if (repeat < 1 || repeat > 100000) {
        std::fprintf(stderr, "make_request: --repeat must be 1 to 100000\n");
        return 2;
      }
    } else {
      std::fprintf(stderr, "make_request: unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  std::string msg;
  if (!req.SerializeToString(&msg)) {
    std::fprintf(stderr, "make_request: serialize failed\n");
    return 1;
  }
  const uint32_t n = static_cast<uint32_t>(msg.size());
  std::string body;
  for (int r = 0; r < repeat; ++r) {
    body.push_back('\0');
    body.push_back(static_cast<char>(n >> 24));
    body.push_back(static_cast<char>(n >> 16));
    body.push_back(static_cast<char>(n >> 8));
    body.push_back(static_cast<char>(n));
    body += msg;
  }
  std::ofstream out(argv[2], std::ios::binary);
  out.write(body.data(), static_cast<std::streamsize>(body.size()));
  if (!out) {
    std::fprintf(stderr, "make_request: cannot write %s\n", argv[2]);
    return 1;
  }
  std::printf("%s: %zu bytes (message %u)\n", argv[2], body.size(), n);
  return 0;
}
