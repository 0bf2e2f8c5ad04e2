// lede: command-line client for lede-server.
//
//   lede analyze [FILE|DIR|-]... [--format=text|json|jsonl] [flags]
//   lede health
//   lede info
//
// Exit codes: 0 all documents analyzed; 1 some documents failed; 2 usage
// error; 3 the server could not be reached or the stream failed; 130
// interrupted (Ctrl-C) after finishing the documents in flight.

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/cli/inputs.h"
#include "client/cli/text_output.h"
#include "client/client.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/util/json_util.h"

ABSL_FLAG(std::string, server, "",
          "lede-server address (host:port, dns:///name:port, "
          "ipv4:a:p,b:p); default $LEDE_SERVER or localhost:50051");
ABSL_FLAG(std::string, format, "",
          "Output: text, json (pretty) or jsonl (one line per document); "
          "default text on a terminal, jsonl otherwise");
ABSL_FLAG(std::string, input_format, "text",
          "Input: text (each file is one document) or jsonl (each line is "
          "{\"id\",\"content\",\"reference_time\",\"language\",\"title\"})");
ABSL_FLAG(std::string, reference_time, "",
          "RFC 3339 date or date-time relative dates resolve against, or "
          "'mtime' for each file's modification time; default: the JSONL "
          "field, else a dateline in the text");
ABSL_FLAG(std::string, features, "",
          "Comma list of summary,entities,dates,quotes; default all");
ABSL_FLAG(int, max_sentences, 0, "Summary length in sentences (default 3)");
ABSL_FLAG(bool, score_order, false, "Summary sentences best first");
ABSL_FLAG(
    std::string, encoding, "utf8",
    "Offset unit in the output: utf8 (bytes), utf16 or utf32 (code points)");
ABSL_FLAG(std::string, language, "", "Document language (only en)");
ABSL_FLAG(absl::Duration, deadline, absl::Seconds(60), "Deadline per document");
ABSL_FLAG(int, in_flight, 32, "Documents in flight at once over the stream");
ABSL_FLAG(
    std::vector<std::string>, include, {},
    "Glob(s) of files to take from directories (comma list), e.g. '*.txt'");
ABSL_FLAG(std::vector<std::string>, exclude, {},
          "Glob(s) of files to skip in directories");
ABSL_FLAG(bool, fail_fast, false, "Stop at the first document that fails");
ABSL_FLAG(
    std::string, progress, "auto",
    "Progress bar on stderr: auto (when stderr is a terminal), always, never");

namespace {

std::atomic<bool> g_interrupted{false};

void OnSigint(int) { g_interrupted = true; }

constexpr int kExitOk = 0, kExitSomeFailed = 1, kExitUsage = 2,
              kExitUnavailable = 3, kExitInterrupted = 130;

int Usage(const std::string& msg) {
  std::fprintf(stderr, "lede: %s\nRun 'lede --help' for usage.\n", msg.c_str());
  return kExitUsage;
}

std::string ServerTarget() {
  std::string s = absl::GetFlag(FLAGS_server);
  if (s.empty()) {
    const char* env = std::getenv("LEDE_SERVER");
    s = env && *env ? env : "localhost:50051";
  }
  return s;
}

lede::ClientOptions MakeClientOptions() {
  lede::ClientOptions o;
  o.target = ServerTarget();
  o.deadline = absl::GetFlag(FLAGS_deadline);
  return o;
}

std::string Unreachable(const absl::Status& s, const std::string& target) {
  if (s.code() == absl::StatusCode::kUnavailable ||
      s.code() == absl::StatusCode::kDeadlineExceeded) {
    return absl::StrCat("cannot reach lede-server at ", target, " (",
                        s.message(),
                        "); start it with 'lede-server' or point --server / "
                        "LEDE_SERVER at a running one");
  }
  return std::string(s.message());
}

std::string MtimeRfc3339(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return "";
  return absl::FormatTime("%Y-%m-%dT%H:%M:%S%Ez", absl::FromTimeT(st.st_mtime),
                          absl::LocalTimeZone());
}

// Progress
//
// A one-line bar on stderr: done/total, documents/s, ETA.
class Progress {
 public:
  Progress(bool on, size_t total)
      : on_(on), total_(total), start_(absl::Now()) {}
  void Update(size_t done) {
    if (!on_) return;
    const absl::Time now = absl::Now();
    if (done != total_ && now - last_ < absl::Milliseconds(100)) return;
    last_ = now;
    const double secs = absl::ToDoubleSeconds(now - start_);
    const double rate = secs > 0 ? done / secs : 0;
    std::string bar;
    const int width = 30;
    const int filled = total_ ? static_cast<int>(width * done / total_) : 0;
    bar.append(filled, '#');
    bar.append(width - filled, '.');
    std::string eta = "?";
    if (rate > 0 && total_ >= done) {
      eta = absl::FormatDuration(
          absl::Seconds(static_cast<int64_t>((total_ - done) / rate)));
    }
    std::fprintf(stderr, "\r[%s] %zu/%zu docs  %.1f docs/s  ETA %s   ",
                 bar.c_str(), done, total_, rate, eta.c_str());
    if (done == total_) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  }
  void Finish() {
    if (on_) std::fprintf(stderr, "\n");
  }

 private:
  bool on_;
  size_t total_;
  absl::Time start_;
  absl::Time last_ = absl::InfinitePast();
};

// A document to send, or a local failure to report in its place.
struct Item {
  lede::v1::AnalyzeRequest request;
  std::string source;
  absl::Status local_error;
};

int Analyze(const std::vector<std::string>& args) {
  const std::string format_flag = absl::GetFlag(FLAGS_format);
  const std::string format =
      format_flag.empty() ? (isatty(1) ? "text" : "jsonl") : format_flag;
  if (format != "text" && format != "json" && format != "jsonl") {
    return Usage("--format must be text, json or jsonl");
  }
  const std::string input_format = absl::GetFlag(FLAGS_input_format);
  if (input_format != "text" && input_format != "jsonl") {
    return Usage("--input_format must be text or jsonl");
  }
  lede::v1::Features features;
  for (absl::string_view f :
       absl::StrSplit(absl::GetFlag(FLAGS_features), ',', absl::SkipEmpty())) {
    if (f == "summary")
      features.set_summary(true);
    else if (f == "entities")
      features.set_entities(true);
    else if (f == "dates")
      features.set_dates(true);
    else if (f == "quotes")
      features.set_quotes(true);
    else
      return Usage(
          absl::StrCat("unknown feature '", f,
                       "' in --features; use summary,entities,dates,quotes"));
  }
  lede::v1::EncodingType encoding;
  const std::string enc = absl::AsciiStrToLower(absl::GetFlag(FLAGS_encoding));
  if (enc == "utf8")
    encoding = lede::v1::UTF8;
  else if (enc == "utf16")
    encoding = lede::v1::UTF16;
  else if (enc == "utf32")
    encoding = lede::v1::UTF32;
  else
    return Usage("--encoding must be utf8, utf16 or utf32");
  const std::string ref_flag = absl::GetFlag(FLAGS_reference_time);

  std::vector<std::string> paths = args;
  if (paths.empty()) {
    if (isatty(0)) return Usage("analyze needs FILE, DIR or - (stdin)");
    paths.push_back("-");
  }
  auto inputs = lede::cli::ExpandInputs(paths, absl::GetFlag(FLAGS_include),
                                        absl::GetFlag(FLAGS_exclude));
  if (!inputs.ok()) {
    std::fprintf(stderr, "lede: %s\n",
                 std::string(inputs.status().message()).c_str());
    return kExitUsage;
  }

  auto client = lede::Client::Create(MakeClientOptions());
  if (!client.ok()) return Usage(std::string(client.status().message()));

  // Items are produced lazily: files are read only when the stream has room.
  size_t file_index = 0;
  std::deque<Item> jsonl_items;  // items parsed from the current JSONL file
  auto make_request = [&](lede::v1::Document doc) {
    Item item;
    item.request.mutable_features()->CopyFrom(features);
    item.request.mutable_summary_options()->set_max_sentences(
        absl::GetFlag(FLAGS_max_sentences));
    if (absl::GetFlag(FLAGS_score_order)) {
      item.request.mutable_summary_options()->set_order(lede::v1::SCORE_ORDER);
    }
    item.request.set_encoding_type(encoding);
    if (!absl::GetFlag(FLAGS_language).empty())
      doc.set_language(absl::GetFlag(FLAGS_language));
    item.request.mutable_document()->Swap(&doc);
    return item;
  };
  auto next_item = [&](Item* out) -> bool {
    for (;;) {
      if (!jsonl_items.empty()) {
        *out = std::move(jsonl_items.front());
        jsonl_items.pop_front();
        return true;
      }
      if (file_index >= inputs->size()) return false;
      const lede::cli::InputFile& in = (*inputs)[file_index++];
      auto content = lede::cli::ReadInput(in);
      if (!content.ok()) {
        out->source = in.path;
        out->local_error = content.status();
        return true;
      }
      if (input_format == "text") {
        lede::v1::Document doc;
        doc.set_id(in.is_stdin ? "-" : in.path);
        doc.set_content(*std::move(content));
        if (ref_flag == "mtime") {
          if (!in.is_stdin) doc.set_reference_time(MtimeRfc3339(in.path));
        } else {
          doc.set_reference_time(ref_flag);
        }
        *out = make_request(std::move(doc));
        out->source = doc.id();
        out->source = out->request.document().id();
        return true;
      }
      int line_no = 0;
      for (absl::string_view line : absl::StrSplit(*content, '\n')) {
        ++line_no;
        if (absl::StripAsciiWhitespace(line).empty()) continue;
        lede::v1::Document doc;
        google::protobuf::util::JsonParseOptions jo;
        jo.ignore_unknown_fields = true;
        const std::string where = absl::StrCat(in.path, ":", line_no);
        auto st = google::protobuf::util::JsonStringToMessage(std::string(line),
                                                              &doc, jo);
        Item item;
        if (!st.ok()) {
          item.source = where;
          item.local_error = absl::InvalidArgumentError(absl::StrCat(
              where,
              ": not a JSON document object: ", st.message().as_string()));
        } else {
          if (doc.id().empty()) doc.set_id(where);
          if (doc.reference_time().empty() && ref_flag != "mtime") {
            doc.set_reference_time(ref_flag);
          } else if (doc.reference_time().empty() && !in.is_stdin) {
            doc.set_reference_time(MtimeRfc3339(in.path));
          }
          item = make_request(std::move(doc));
          item.source = item.request.document().id();
        }
        jsonl_items.push_back(std::move(item));
      }
    }
  };

  const std::string progress_flag = absl::GetFlag(FLAGS_progress);
  const bool progress_on =
      progress_flag == "always" || (progress_flag == "auto" && isatty(2));
  // JSONL inputs hold an unknown number of documents: count files then.
  Progress progress(progress_on, input_format == "text" ? inputs->size() : 0);
  const bool color =
      format == "text" && isatty(1) && !std::getenv("NO_COLOR") &&
      std::string(std::getenv("TERM") ? std::getenv("TERM") : "") != "dumb";
  const bool fail_fast = absl::GetFlag(FLAGS_fail_fast);

  size_t done = 0, failed = 0;
  std::deque<std::string> sent_sources;  // sources of sent documents, in order
  std::deque<Item> local_failures;  // failures not sent, with their position
  std::deque<size_t> local_positions;
  size_t position = 0;  // items taken so far
  std::deque<size_t> sent_positions;

  auto emit = [&](const lede::v1::AnalyzeResponse& r,
                  const std::string& source) {
    ++done;
    const bool is_error = r.has_error() && r.error().code() != 0;
    if (is_error) ++failed;
    if (format == "text") {
      if (is_error) {
        std::fprintf(stderr, "lede: %s: %s: %s\n", source.c_str(),
                     absl::StatusCodeToString(
                         static_cast<absl::StatusCode>(r.error().code()))
                         .c_str(),
                     r.error().message().c_str());
      } else {
        std::fputs(lede::cli::FormatText(r, source, color).c_str(), stdout);
        std::fputs("\n", stdout);
      }
    } else {
      google::protobuf::util::JsonPrintOptions po;
      po.add_whitespace = format == "json";
      std::string json;
      (void)google::protobuf::util::MessageToJsonString(r, &json, po);
      if (!po.add_whitespace) {
        json.erase(std::remove(json.begin(), json.end(), '\n'), json.end());
      }
      std::fputs(json.c_str(), stdout);
      std::fputs("\n", stdout);
    }
    std::fflush(stdout);
    progress.Update(done);
  };
  auto emit_local = [&](const Item& item) {
    lede::v1::AnalyzeResponse r;
    r.set_document_id(item.source);
    r.mutable_error()->set_code(static_cast<int>(item.local_error.code()));
    r.mutable_error()->set_message(std::string(item.local_error.message()));
    emit(r, item.source);
  };
  auto flush_local_before = [&](size_t pos) {
    while (!local_positions.empty() && local_positions.front() < pos) {
      emit_local(local_failures.front());
      local_failures.pop_front();
      local_positions.pop_front();
    }
  };

  bool stop = false;
  absl::Status s = (*client)->AnalyzeStream(
      [&](lede::v1::AnalyzeRequest* req) {
        for (;;) {
          if (g_interrupted || stop) return false;
          Item item;
          if (!next_item(&item)) return false;
          const size_t pos = position++;
          if (!item.local_error.ok()) {
            local_failures.push_back(std::move(item));
            local_positions.push_back(pos);
            if (fail_fast) stop = true;
            continue;
          }
          sent_sources.push_back(item.source);
          sent_positions.push_back(pos);
          *req = std::move(item.request);
          return true;
        }
      },
      [&](lede::v1::AnalyzeResponse r) -> absl::Status {
        flush_local_before(sent_positions.front());
        const std::string source = sent_sources.front();
        sent_sources.pop_front();
        sent_positions.pop_front();
        emit(r, source);
        if (fail_fast && failed > 0) {
          stop = true;
          return absl::AbortedError(
              "stopped at the first failed document (--fail_fast)");
        }
        return absl::OkStatus();
      },
      std::max(1, absl::GetFlag(FLAGS_in_flight)));
  flush_local_before(SIZE_MAX);
  progress.Finish();
  if (!s.ok() && s.code() != absl::StatusCode::kAborted) {
    std::fprintf(stderr, "lede: %s\n", Unreachable(s, ServerTarget()).c_str());
    return kExitUnavailable;
  }
  if (g_interrupted) {
    std::fprintf(stderr, "lede: interrupted after %zu documents\n", done);
    return kExitInterrupted;
  }
  if (failed > 0) {
    std::fprintf(stderr, "lede: %zu of %zu documents failed\n", failed, done);
    return kExitSomeFailed;
  }
  return kExitOk;
}

int Health() {
  auto o = MakeClientOptions();
  o.connect_timeout = absl::Seconds(2);
  auto client = lede::Client::Create(o);
  if (!client.ok()) return Usage(std::string(client.status().message()));
  absl::Status s = (*client)->CheckHealth();
  if (!s.ok()) {
    std::fprintf(stderr, "lede: %s\n", Unreachable(s, o.target).c_str());
    return kExitUnavailable;
  }
  std::printf("SERVING\n");
  return kExitOk;
}

int Info() {
  auto client = lede::Client::Create(MakeClientOptions());
  if (!client.ok()) return Usage(std::string(client.status().message()));
  auto info = (*client)->GetInfo();
  if (!info.ok()) {
    std::fprintf(stderr, "lede: %s\n",
                 Unreachable(info.status(), ServerTarget()).c_str());
    return kExitUnavailable;
  }
  std::string json;
  google::protobuf::util::JsonPrintOptions po;
  po.add_whitespace = true;
  (void)google::protobuf::util::MessageToJsonString(*info, &json, po);
  std::fputs(json.c_str(), stdout);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "lede: analyze news text with a lede-server.\n\n"
      "  lede analyze [FILE|DIR|-]... [--format=text|json|jsonl] [flags]\n"
      "  lede health     # exit 0 when the server is SERVING\n"
      "  lede info       # server and model versions\n\n"
      "Flags may be written with dashes or underscores (--reference-time,\n"
      "--reference_time). Exit codes: 0 ok, 1 some documents failed, 2 usage,\n"
      "3 server unreachable, 130 interrupted.");
  // Accept --flag-name as well as --flag_name.
  std::vector<std::string> storage(argv, argv + argc);
  for (size_t i = 1; i < storage.size(); ++i) {
    std::string& a = storage[i];
    if (a.rfind("--", 0) != 0 || a == "--") continue;
    const size_t eq = a.find('=');
    for (size_t k = 2; k < (eq == std::string::npos ? a.size() : eq); ++k) {
      if (a[k] == '-') a[k] = '_';
    }
  }
  std::vector<char*> fixed;
  for (auto& s : storage) fixed.push_back(s.data());
  std::vector<char*> rest =
      absl::ParseCommandLine(static_cast<int>(fixed.size()), fixed.data());
  if (rest.size() < 2) return Usage("missing command: analyze, health or info");
  const std::string cmd = rest[1];
  std::vector<std::string> args(rest.begin() + 2, rest.end());

  // The CLI reports errors itself; Protobuf's own log lines (e.g. about
  // invalid UTF-8 it is asked to send) would only repeat them.
  google::protobuf::SetLogHandler(nullptr);

  struct sigaction sa = {};
  sa.sa_handler = OnSigint;
  sigaction(SIGINT, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);

  if (cmd == "analyze") return Analyze(args);
  if (cmd == "health")
    return args.empty() ? Health() : Usage("health takes no arguments");
  if (cmd == "info")
    return args.empty() ? Info() : Usage("info takes no arguments");
  return Usage(absl::StrCat("unknown command '", cmd, "'"));
}
