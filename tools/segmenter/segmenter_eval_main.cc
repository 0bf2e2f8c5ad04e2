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
//   segmenter_eval [--golden=FILE] [--spec=FILE] [--gum=FILE]
//                  [--min_golden=N] [--min_spec=N] [--min_gum_f1=F] [--quiet]
//
// GUM news (24 Wikinews articles with gold sentence offsets in code points)
// is scored by sentence boundaries: a boundary is the end offset of a
// sentence, the last one of each document excluded; precision, recall and F1
// over all documents, plus the share of gold sentences reproduced exactly.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "engine/text/char_class.h"
#include "engine/text/segmenter.h"
#include "tools/common/json.h"

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
ABSL_FLAG(std::string, gum, SharedPath("gum-news/gum_news.jsonl"),
          "GUM news JSONL with gold sentence offsets (empty: skip)");
ABSL_FLAG(int, min_golden, 0, "Fail when fewer golden rules pass");
ABSL_FLAG(double, min_gum_f1, 0, "Fail when GUM boundary F1 is lower");
ABSL_FLAG(int, bench_repeats, 0,
          "When > 0, also segment the GUM texts this many times and print "
          "the throughput (MB/s, tokens/s)");
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

struct GumResult {
  int gold = 0, predicted = 0, matched = 0;
  int gold_sentences = 0, exact = 0;
  double F1() const {
    const double p = predicted ? static_cast<double>(matched) / predicted : 0;
    const double r = gold ? static_cast<double>(matched) / gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

GumResult RunGum(const std::string& path, const Segmenter& seg, bool quiet,
                 std::vector<std::string>* bench_texts, bool* io_error) {
  GumResult r;
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    *io_error = true;
    return r;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto rec = tools::ParseJson(line);
    if (!rec.ok()) {
      std::cerr << path << ": " << rec.status() << "\n";
      *io_error = true;
      continue;
    }
    const std::string& text = (*rec)["text"].string;
    bench_texts->push_back(text);
    // Code point index -> byte offset.
    std::vector<int32_t> byte_of;
    for (size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        byte_of.push_back(static_cast<int32_t>(i));
      }
    }
    byte_of.push_back(static_cast<int32_t>(text.size()));
    std::set<std::pair<int32_t, int32_t>> gold_spans;
    std::set<int32_t> gold_ends;
    int32_t last_end = 0;
    for (const auto& s : (*rec)["sentences"].array) {
      if (s.array.size() != 2) continue;
      const size_t b = static_cast<size_t>(s.array[0].number);
      const size_t e = static_cast<size_t>(s.array[1].number);
      if (b >= byte_of.size() || e >= byte_of.size()) continue;
      gold_spans.emplace(byte_of[b], byte_of[e]);
      gold_ends.insert(byte_of[e]);
      last_end = std::max(last_end, byte_of[e]);
    }
    gold_ends.erase(last_end);
    const Segmentation out = seg.Segment(text);
    std::set<int32_t> pred_ends;
    int32_t pred_last = 0;
    for (const SentenceInfo& si : out.sentences) {
      pred_ends.insert(si.span.end);
      pred_last = std::max(pred_last, si.span.end);
      if (gold_spans.count({si.span.begin, si.span.end})) ++r.exact;
    }
    pred_ends.erase(pred_last);
    r.gold_sentences += static_cast<int>(gold_spans.size());
    r.gold += static_cast<int>(gold_ends.size());
    r.predicted += static_cast<int>(pred_ends.size());
    for (int32_t e : pred_ends) {
      if (gold_ends.count(e)) {
        ++r.matched;
      } else if (!quiet) {
        std::cout << "GUM " << (*rec)["id"].string
                  << " extra boundary: " << text.substr(std::max(0, e - 40), 40)
                  << " | " << text.substr(e, 30) << "\n";
      }
    }
    if (!quiet) {
      for (int32_t e : gold_ends) {
        if (!pred_ends.count(e)) {
          std::cout << "GUM " << (*rec)["id"].string << " missed boundary: "
                    << text.substr(std::max(0, e - 40), 40) << " | "
                    << text.substr(e, 30) << "\n";
        }
      }
    }
  }
  const double p = r.predicted ? 100.0 * r.matched / r.predicted : 0;
  const double rc = r.gold ? 100.0 * r.matched / r.gold : 0;
  std::printf(
      "GUM news: boundaries P %.1f%% R %.1f%% F1 %.1f%% (%d gold, %d "
      "predicted, %d matched); exact sentences %d/%d\n",
      p, rc, 100 * r.F1(), r.gold, r.predicted, r.matched, r.exact,
      r.gold_sentences);
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
  GumResult gum;
  if (!absl::GetFlag(FLAGS_gum).empty()) {
    std::vector<std::string> texts;
    gum = RunGum(absl::GetFlag(FLAGS_gum), **news, quiet, &texts, &io_error);
    const int repeats = absl::GetFlag(FLAGS_bench_repeats);
    if (repeats > 0 && !texts.empty()) {
      // CPU time of this process, so that a loaded machine does not count.
      size_t bytes = 0, tokens = 0;
      const std::clock_t start = std::clock();
      for (int r = 0; r < repeats; ++r) {
        for (const std::string& t : texts) {
          tokens += (*news)->Segment(t).tokens.size();
          bytes += t.size();
        }
      }
      const double secs =
          static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
      std::printf(
          "throughput (CPU time): %.1f MB/s, %.2f M tokens/s (%zu bytes)\n",
          bytes / secs / 1e6, tokens / secs / 1e6, bytes);
    }
  }
  if (io_error) return 2;
  if (100 * gum.F1() < absl::GetFlag(FLAGS_min_gum_f1)) {
    std::cout << "GUM boundary F1 below floor "
              << absl::GetFlag(FLAGS_min_gum_f1) << "\n";
    return 1;
  }
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
