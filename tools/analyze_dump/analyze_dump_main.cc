// analyze_dump: the service's whole answer for each text file, as protobuf
// text format, without a server: every entity, date, quote and summary
// sentence with its offsets. For checking that a change leaves the output
// byte-identical over a folder of texts (diff two runs).
//
// Usage: analyze_dump [--reference_time=RFC3339] FILE...
//
// Each file is analyzed as a plain-text AnalyzeRequest with all analyses on
// (reference time 2024-06-20T12:00:00Z unless given), through
// lede::Analyzer, so validation, HTML handling and offset conversion are the
// server's own. Models come from $LEDE_MODEL_DIR or the default model
// directory.

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/pipeline.h"
#include "google/protobuf/text_format.h"
#include "lede/v1/lede.pb.h"
#include "service/analyzer.h"

int main(int argc, char** argv) {
  std::string reference_time = "2024-06-20T12:00:00Z";
  int first = 1;
  const std::string flag = "--reference_time=";
  if (argc > 1 && std::string(argv[1]).rfind(flag, 0) == 0) {
    reference_time = std::string(argv[1]).substr(flag.size());
    first = 2;
  }
  if (first >= argc) {
    std::fprintf(stderr,
                 "usage: analyze_dump [--reference_time=RFC3339] FILE...\n");
    return 2;
  }
  auto pipeline = lede::Pipeline::Create(lede::PipelineOptions{});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "analyze_dump: %s\n",
                 std::string(pipeline.status().message()).c_str());
    return 1;
  }
  const lede::Analyzer analyzer(pipeline->get(), int64_t{1} << 30);
  const std::function<bool()> never = [] { return false; };
  int failures = 0;
  for (int i = first; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "analyze_dump: cannot read %s\n", argv[i]);
      ++failures;
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    lede::v1::AnalyzeRequest req;
    req.mutable_document()->set_id(argv[i]);
    req.mutable_document()->set_content(ss.str());
    req.mutable_document()->set_reference_time(reference_time);
    lede::v1::AnalyzeResponse response;
    const absl::Status s =
        analyzer.Analyze(req.SerializeAsString(), never,
                         absl::CancelledError("interrupted"), &response);
    std::string text;
    if (s.ok()) {
      google::protobuf::TextFormat::PrintToString(response, &text);
    } else {
      text = "error: " + s.ToString() + "\n";
    }
    std::printf("# %s\n%s", argv[i], text.c_str());
  }
  return failures == 0 ? 0 : 1;
}
