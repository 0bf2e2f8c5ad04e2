// quotes_dump: prints the quotes the whole lede::Pipeline finds in text
// files, one line each (type, speaker, speaker span, cue, text), for error
// analysis and for checking an article by hand.
//
// With --expect_speakers (comma-separated), exits non-zero unless the DIRECT
// quotes of the files, in order, have exactly these speakers.
//
// Usage: quotes_dump FILE... [--indirect] [--expect_speakers=A,B,...]

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "engine/pipeline.h"

ABSL_FLAG(bool, indirect, false, "also print INDIRECT quotes");
ABSL_FLAG(std::string, expect_speakers, "",
          "comma-separated speakers the DIRECT quotes must have, in order");
ABSL_FLAG(std::string, model_dir, "", "model directory (default: auto)");

namespace lede::tools {
namespace {

int Run(const std::vector<char*>& files) {
  PipelineOptions popts;
  popts.model_dir = absl::GetFlag(FLAGS_model_dir);
  auto pipeline = Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(pipeline.status().message()).c_str());
    return 2;
  }
  std::vector<std::string> speakers;
  for (size_t i = 1; i < files.size(); ++i) {
    std::ifstream in(files[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot open %s\n", files[i]);
      return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    AnalyzeOptions opts;
    opts.entities = true;
    opts.quotes = true;
    auto r = (*pipeline)->Analyze(text, opts);
    if (!r.ok()) {
      std::fprintf(stderr, "%s: %s\n", files[i],
                   std::string(r.status().message()).c_str());
      return 2;
    }
    for (const Quote& q : r->quotes) {
      const bool direct = q.type == QuoteType::kDirect;
      if (!direct && !absl::GetFlag(FLAGS_indirect)) continue;
      if (direct) speakers.push_back(q.speaker);
      std::string t(q.span.Of(text).substr(0, 100));
      for (char& c : t) c = c == '\n' ? ' ' : c;
      const std::string span =
          q.has_speaker_span ? std::string(q.speaker_span.Of(text)) : "";
      std::printf("%s\t%s\t[%s]\t%s\t%s\n", direct ? "DIRECT" : "INDIRECT",
                  q.speaker.c_str(), span.c_str(), q.cue.c_str(), t.c_str());
    }
  }
  const std::string expect = absl::GetFlag(FLAGS_expect_speakers);
  if (!expect.empty()) {
    const std::vector<std::string> want = absl::StrSplit(expect, ',');
    if (want != speakers) {
      std::printf("FAIL: speakers [%s], expected [%s]\n",
                  absl::StrJoin(speakers, ",").c_str(), expect.c_str());
      return 1;
    }
    std::printf("speakers as expected\n");
  }
  return 0;
}

}  // namespace
}  // namespace lede::tools

int main(int argc, char** argv) {
  std::vector<char*> files = absl::ParseCommandLine(argc, argv);
  return lede::tools::Run(files);
}
