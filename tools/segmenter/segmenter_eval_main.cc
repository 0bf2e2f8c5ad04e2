// segmenter_eval: scores the Segmenter on Pragmatic Segmenter's English test
// suites (golden rules and the spec cases), from the shared peer-suites data.
//
// Each JSONL record has "text" and the expected "sentences". A record passes
// when the Segmenter's sentences, compared one by one, equal the expected
// ones under this comparison rule:
//   - both sides have every run of whitespace (any Unicode White_Space,
//     newlines included) replaced by one space, and are trimmed;
//   - a backtick compares equal to an apostrophe (upstream's cleaner rewrites
//     ` to ').
// Nothing else is normalized: upstream's other cleaning (dropping TOC dots,
// HTML, PDF artefacts) counts as a failure here. Records with
// "doc_type": "pdf" run with LineBreakMode::kWrapped, the others with the
// default kParagraph.
//
// Prints every failing record (expected and actual sentences) and a total
// "N/M passed" per suite; exits non-zero when a suite is below its floor.
//
// Usage:
//   segmenter_eval [--golden=FILE] [--spec=FILE] [--min_golden=N]
//                  [--min_spec=N] [--quiet]

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "engine/text/char_class.h"
#include "engine/text/segmenter.h"
#include "tools/segmenter/json_value.h"

namespace {

std::string SharedPath(const char* rel) {
  const char* dir = std::getenv("LEDE_SHARED_DIR");
  return absl::StrCat(dir != nullptr ? dir : "../shared", "/data/", rel);
}

}  // namespace

ABSL_FLAG(std::string, golden,
          SharedPath("peer-suites/pragmatic-segmenter-golden-rules-en.jsonl"),
          "Golden rules JSONL");
ABSL_FLAG(std::string, spec,
          SharedPath("peer-suites/pragmatic-segmenter-en-spec.jsonl"),
          "Spec cases JSONL (empty: skip)");
ABSL_FLAG(int, min_golden, 0, "Fail when fewer golden rules pass");
ABSL_FLAG(int, min_spec, 0, "Fail when fewer spec cases pass");
ABSL_FLAG(bool, quiet, false, "Print only the totals");

namespace lede {
namespace {

// Collapses whitespace runs to one space, trims, maps ` to '.
std::string Normalize(std::string_view s) {
  std::string out;
  bool pending_space = false;
  size_t i = 0;
  while (i < s.size()) {
    const int sl = text_internal::SpaceLengthAt(s, i);
    if (sl > 0) {
      pending_space = !out.empty();
      i += sl;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(s[i] == '`' ? '\'' : s[i]);
    ++i;
  }
  return out;
}

struct SuiteResult {
  int passed = 0;
  int total = 0;
};

SuiteResult RunSuite(const std::string& path, const std::string& label,
                     const Segmenter& news, const Segmenter& wrapped,
                     bool quiet, bool* io_error) {
  SuiteResult r;
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    *io_error = true;
    return r;
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    auto rec = tools::ParseJson(line);
    if (!rec.ok()) {
      std::cerr << path << ":" << line_no << ": " << rec.status() << "\n";
      *io_error = true;
      continue;
    }
    const std::string& text = (*rec)["text"].string;
    const bool pdf = (*rec)["doc_type"].string == "pdf";
    std::vector<std::string> expected, actual;
    for (const auto& s : (*rec)["sentences"].array) {
      expected.push_back(Normalize(s.string));
    }
    const Segmentation seg = (pdf ? wrapped : news).Segment(text);
    for (const SentenceInfo& s : seg.sentences) {
      actual.push_back(Normalize(s.span.Of(text)));
    }
    ++r.total;
    if (actual == expected) {
      ++r.passed;
      continue;
    }
    if (quiet) continue;
    std::cout << "FAIL " << label << " #"
              << static_cast<int>((*rec)["number"].number) << " "
              << (*rec)["name"].string << (pdf ? " [pdf]" : "") << "\n";
    for (const auto& s : expected) std::cout << "  want: " << s << "\n";
    for (const auto& s : actual) std::cout << "  got:  " << s << "\n";
  }
  std::cout << label << ": " << r.passed << "/" << r.total << " passed\n";
  return r;
}

int Main() {
  auto news = Segmenter::Create({});
  SegmenterSpec wrapped_spec;
  wrapped_spec.line_breaks = LineBreakMode::kWrapped;
  auto wrapped = Segmenter::Create(wrapped_spec);
  if (!news.ok() || !wrapped.ok()) {
    std::cerr << "cannot create segmenter\n";
    return 2;
  }
  const bool quiet = absl::GetFlag(FLAGS_quiet);
  bool io_error = false;
  const SuiteResult golden =
      RunSuite(absl::GetFlag(FLAGS_golden), "golden rules", **news, **wrapped,
               quiet, &io_error);
  SuiteResult spec;
  if (!absl::GetFlag(FLAGS_spec).empty()) {
    spec = RunSuite(absl::GetFlag(FLAGS_spec), "en spec", **news, **wrapped,
                    quiet, &io_error);
  }
  if (io_error) return 2;
  bool ok = true;
  if (golden.passed < absl::GetFlag(FLAGS_min_golden)) {
    std::cout << "golden rules below floor " << absl::GetFlag(FLAGS_min_golden)
              << "\n";
    ok = false;
  }
  if (spec.passed < absl::GetFlag(FLAGS_min_spec)) {
    std::cout << "en spec below floor " << absl::GetFlag(FLAGS_min_spec)
              << "\n";
    ok = false;
  }
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace lede

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return lede::Main();
}
