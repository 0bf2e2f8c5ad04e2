// quotes_peer_suite: runs the direct-quotation cases of textacy and sayswho
// (shared/data/peer-suites/quotes-textacy-sayswho-en.jsonl) through the
// whole lede::Pipeline.
//
// A `direct_quotations` case passes when the DIRECT quotes found are exactly
// the expected ones, in order: same words (marks and edge punctuation
// ignored), speaker tokens equal to the words of `speaker_span` (a leading
// article dropped: "the clown" → "clown"), and the same cue. A
// `speaker_tokens_only` case passes when the speaker tokens of all quotes,
// in order, are the expected ones.
//
// Usage: quotes_peer_suite [--data=FILE.jsonl] [--min_pass=19] [--verbose]

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "engine/pipeline.h"
#include "tools/common/json.h"

ABSL_FLAG(std::string, data, "",
          "suite JSONL (default $LEDE_SHARED_DIR/data/peer-suites/"
          "quotes-textacy-sayswho-en.jsonl)");
ABSL_FLAG(int, min_pass, 0, "fail when fewer cases pass");
ABSL_FLAG(bool, verbose, false, "print every case");
ABSL_FLAG(std::string, model_dir, "", "model directory (default: auto)");

namespace lede::tools {
namespace {

// Words of `s` without quote marks and edge punctuation.
std::string Normalize(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"') continue;
    if (c == 0xE2 && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x9C ||
         static_cast<unsigned char>(s[i + 2]) == 0x9D)) {
      i += 2;
      continue;
    }
    out.push_back(s[i]);
  }
  absl::string_view v = absl::StripAsciiWhitespace(out);
  while (!v.empty() &&
         absl::ascii_ispunct(static_cast<unsigned char>(v.back())))
    v.remove_suffix(1);
  return std::string(v);
}

std::vector<std::string> SpeakerTokens(std::string_view text, const Quote& q) {
  std::vector<std::string> out;
  if (!q.has_speaker_span) return out;
  const std::string_view s = q.speaker_span.Of(text);
  for (absl::string_view t : absl::StrSplit(
           absl::string_view(s.data(), s.size()), ' ', absl::SkipEmpty())) {
    out.emplace_back(t);
  }
  if (!out.empty()) {
    const std::string first = absl::AsciiStrToLower(out[0]);
    if (first == "the" || first == "a" || first == "an") out.erase(out.begin());
  }
  return out;
}

std::vector<std::string> Strings(const JsonValue& v) {
  std::vector<std::string> out;
  for (const JsonValue& s : v.array) out.push_back(s.string);
  return out;
}

int Run() {
  std::string path = absl::GetFlag(FLAGS_data);
  if (path.empty()) {
    const char* shared = std::getenv("LEDE_SHARED_DIR");
    path = std::string(shared ? shared : "../shared") +
           "/data/peer-suites/quotes-textacy-sayswho-en.jsonl";
  }
  auto cases = ReadJsonLines(path);
  if (!cases.ok()) {
    std::fprintf(stderr, "%s\n", std::string(cases.status().message()).c_str());
    return 2;
  }
  PipelineOptions popts;
  popts.model_dir = absl::GetFlag(FLAGS_model_dir);
  auto pipeline = Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(pipeline.status().message()).c_str());
    return 2;
  }
  int passed = 0;
  for (const JsonValue& c : *cases) {
    const std::string& text = c["text"].string;
    AnalyzeOptions opts;
    opts.entities = true;
    opts.quotes = true;
    auto r = (*pipeline)->Analyze(text, opts);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", std::string(r.status().message()).c_str());
      return 2;
    }
    std::vector<const Quote*> quotes;
    for (const Quote& q : r->quotes) {
      if (q.type == QuoteType::kDirect) quotes.push_back(&q);
    }
    std::string why;
    if (c["kind"].string == "speaker_tokens_only") {
      std::vector<std::string> got;
      for (const Quote* q : quotes) {
        for (std::string& t : SpeakerTokens(text, *q)) got.push_back(t);
      }
      const std::vector<std::string> want =
          Strings(c["speaker_tokens_in_order"]);
      if (got != want) {
        why = "speakers [" + absl::StrJoin(got, " ") + "] want [" +
              absl::StrJoin(want, " ") + "]";
      }
    } else {
      const JsonValue& want = c["quotes"];
      if (want.array.size() != quotes.size()) {
        why = "found " + std::to_string(quotes.size()) + " quotes, want " +
              std::to_string(want.array.size());
      }
      for (size_t i = 0; why.empty() && i < quotes.size(); ++i) {
        const Quote& q = *quotes[i];
        const std::string got_text = Normalize(std::string(q.span.Of(text)));
        const std::string want_text = Normalize(want[i]["content"].string);
        const std::string got_spk = absl::StrJoin(SpeakerTokens(text, q), " ");
        const std::string want_spk =
            absl::StrJoin(Strings(want[i]["speaker_tokens"]), " ");
        const std::string want_cue =
            absl::StrJoin(Strings(want[i]["cue_tokens"]), " ");
        if (got_text != want_text) {
          why = "quote [" + got_text + "] want [" + want_text + "]";
        } else if (got_spk != want_spk) {
          why = "speaker [" + got_spk + "] want [" + want_spk + "]";
        } else if (q.cue != want_cue) {
          why = "cue [" + q.cue + "] want [" + want_cue + "]";
        }
      }
    }
    if (why.empty()) ++passed;
    if (!why.empty() || absl::GetFlag(FLAGS_verbose)) {
      std::printf("%s %s: %s\n", why.empty() ? "PASS" : "FAIL",
                  c["source"].string.c_str(), why.c_str());
    }
  }
  std::printf("peer suite: %d/%zu cases pass (%s)\n", passed, cases->size(),
              path.c_str());
  if (passed < absl::GetFlag(FLAGS_min_pass)) {
    std::printf("FAIL: below floor %d\n", absl::GetFlag(FLAGS_min_pass));
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace lede::tools

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return lede::tools::Run();
}
