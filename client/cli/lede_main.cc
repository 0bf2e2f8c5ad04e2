// lede: command-line client for lede-server.
//
//   lede analyze [FILE|DIR|-]... [--format=text|json|jsonl|html] [flags]
//   lede health
//   lede info
//
// Exit codes: 0 all documents analyzed; 1 some documents failed; 2 usage
// error; 3 the server could not be reached or the stream failed; 130
// interrupted (Ctrl-C): output stops after the last whole document, a second
// Ctrl-C kills at once; 141 stdout was closed (e.g. `| head`).
// See docs/cli.md.

#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/cli/html_output.h"
#include "client/cli/inputs.h"
#include "client/cli/text_output.h"
#include "client/client.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/util/json_util.h"

ABSL_FLAG(std::string, server, "",
          "lede-server address (host:port, dns:///name:port, "
          "ipv4:a:p,b:p); default $LEDE_SERVER or localhost:50051");
ABSL_FLAG(std::string, format, "",
          "Output: text (for people), json (pretty), jsonl (one line per "
          "document) or html (one page with a section per document, the "
          "text highlighted); default text on a terminal, jsonl otherwise");
ABSL_FLAG(std::string, output_dir, "",
          "With --format=html: write one page per document into this "
          "directory (created if missing) instead of one page to stdout");
ABSL_FLAG(std::string, content_type, "auto",
          "auto (.html/.htm/.xhtml files are HTML, the rest plain text; JSONL "
          "documents as their contentType says), text, or html");
ABSL_FLAG(std::string, color, "auto",
          "Colours in text output: auto (when stdout is a terminal and "
          "NO_COLOR is unset), always, never");
ABSL_FLAG(std::string, input_format, "text",
          "Input: text (each file is one document) or jsonl (each line is "
          "{\"id\",\"content\",\"reference_time\",\"language\",\"title\"})");
ABSL_FLAG(std::string, reference_time, "",
          "RFC 3339 date or date-time relative dates resolve against, or "
          "'mtime' for each file's modification time; default: the JSONL "
          "field, else a dateline in the text");
ABSL_FLAG(std::string, features, "",
          "Comma list of summary,entities,dates,quotes; default all");
ABSL_FLAG(int, max_sentences, 0,
          "Most summary sentences (default 3; fewer when they are long)");
ABSL_FLAG(bool, score_order, false, "Summary sentences best first");
ABSL_FLAG(bool, exact_count, false,
          "Summary of --max_sentences sentences even when they are long (no "
          "word budget)");
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
    "Progress line on stderr (done/total, docs/s, ETA): auto (when stderr is "
    "a terminal), always, never");

namespace {

// Set by the first SIGINT; read by the stream's threads (lock-free atomic,
// so safe in a signal handler).
std::atomic<bool> g_interrupted{false};

void OnSigint(int) { g_interrupted = true; }

constexpr int kExitOk = 0, kExitSomeFailed = 1, kExitUsage = 2,
              kExitUnavailable = 3, kExitInterrupted = 130,
              kExitBrokenOutput = 141;

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
// One status line on stderr, redrawn at most ten times a second: done/total,
// a bar, documents/s, ETA and failures; done and rate only when the total is
// unknown. Off when stderr is not a terminal (unless --progress=always).
class Progress {
 public:
  Progress(bool on, size_t total) : on_(on), total_(total) {}

  bool on() const { return on_; }
  void set_total(size_t total) { total_ = total; }

  void Update(size_t done, size_t failed, bool force = false) {
    if (!on_) return;
    const absl::Time now = absl::Now();
    if (!force && now - last_ < absl::Milliseconds(100)) return;
    last_ = now;
    done_ = done;
    failed_ = failed;
    Draw(now);
  }

  // Erases the line so that other output can take its place; Redraw() puts
  // it back.
  void Clear() {
    if (on_ && drawn_) std::fputs("\r\x1b[K", stderr);
    drawn_ = false;
  }
  void Redraw() {
    if (on_) Draw(absl::Now());
  }

  // Replaces the line with a final one: "N documents in Xs (R/s), F failed".
  void Finish(size_t done, size_t failed) {
    if (!on_) return;
    Clear();
    const double secs = absl::ToDoubleSeconds(absl::Now() - start_);
    std::fprintf(stderr, "lede: %zu document%s in %.1fs (%.1f/s)", done,
                 done == 1 ? "" : "s", secs, secs > 0 ? done / secs : 0.0);
    if (failed) std::fprintf(stderr, ", %zu failed", failed);
    std::fputs("\n", stderr);
    std::fflush(stderr);
  }

 private:
  void Draw(absl::Time now) {
    const double secs = absl::ToDoubleSeconds(now - start_);
    const double rate = secs > 0.2 ? done_ / secs : 0;
    std::string line;
    if (total_ > 0) {
      const size_t done = std::min(done_, total_);
      const int width = 24;
      const int filled = static_cast<int>(width * done / total_);
      std::string eta = "--";
      if (rate > 0) {
        eta = absl::FormatDuration(
            absl::Seconds(static_cast<int64_t>((total_ - done) / rate + 0.5)));
      }
      line = absl::StrFormat("%zu/%zu [%s%s] %3d%%  %.1f docs/s  ETA %s", done,
                             total_, std::string(filled, '#'),
                             std::string(width - filled, '.'),
                             static_cast<int>(100 * done / total_), rate, eta);
    } else {
      line = absl::StrFormat("%zu docs  %.1f docs/s", done_, rate);
    }
    if (failed_) absl::StrAppend(&line, "  ", failed_, " failed");
    // Never wider than the terminal: a wrapped line cannot be redrawn.
    struct winsize ws;
    if (ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1 &&
        line.size() >= ws.ws_col) {
      line.resize(ws.ws_col - 1);
    }
    std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
    std::fflush(stderr);
    drawn_ = true;
  }

  bool on_;
  size_t total_;
  size_t done_ = 0;
  size_t failed_ = 0;
  bool drawn_ = false;
  const absl::Time start_ = absl::Now();
  absl::Time last_ = absl::InfinitePast();
};

// Non-blank lines of the JSONL inputs, when that is cheap to learn (regular
// files, 64 MiB in all at most); 0 when unknown.
size_t CountJsonlDocuments(const std::vector<lede::cli::InputFile>& inputs) {
  constexpr int64_t kMaxBytes = int64_t{64} << 20;
  int64_t bytes = 0;
  for (const auto& in : inputs) {
    struct stat st;
    if (in.is_stdin || stat(in.path.c_str(), &st) != 0 ||
        !S_ISREG(st.st_mode)) {
      return 0;
    }
    bytes += st.st_size;
  }
  if (bytes > kMaxBytes) return 0;
  size_t n = 0;
  for (const auto& in : inputs) {
    std::ifstream f(in.path, std::ios::binary);
    std::string line;
    while (std::getline(f, line)) {
      if (!absl::StripAsciiWhitespace(line).empty()) ++n;
    }
  }
  return n;
}

bool IsHtmlPath(const std::string& path) {
  const std::string lower = absl::AsciiStrToLower(path);
  return absl::EndsWith(lower, ".html") || absl::EndsWith(lower, ".htm") ||
         absl::EndsWith(lower, ".xhtml");
}

// A file name for a document's page in --output_dir: its base name with
// anything but [A-Za-z0-9._-] replaced, ".html" appended; "-2", "-3", ...
// before the extension when taken.
std::string PageFileName(const std::string& source,
                         std::set<std::string>* taken) {
  std::string base = source;
  const size_t slash = base.find_last_of('/');
  if (slash != std::string::npos) base = base.substr(slash + 1);
  for (const char* ext : {".html", ".htm", ".txt", ".jsonl"}) {
    if (absl::EndsWith(base, ext) && base.size() > strlen(ext)) {
      base.resize(base.size() - strlen(ext));
      break;
    }
  }
  for (char& c : base) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '.' &&
        c != '_' && c != '-') {
      c = '_';
    }
  }
  if (base.empty() || base[0] == '.') base = "doc" + base;
  if (base.size() > 100) base.resize(100);
  std::string name = base + ".html";
  for (int i = 2; taken->count(name); ++i) {
    name = absl::StrCat(base, "-", i, ".html");
  }
  taken->insert(name);
  return name;
}

// A document to send, or a local failure to report in its place.
struct Item {
  lede::v1::AnalyzeRequest request;
  std::string source;
  absl::Status local_error;
};

// What the output needs of a document once its response arrives.
struct Pending {
  size_t position;      // order among all items, sent or not
  std::string source;   // file name or JSONL id, for messages and headings
  std::string content;  // the text sent (--format=html only)
};

int Analyze(const std::vector<std::string>& args) {
  const std::string format_flag = absl::GetFlag(FLAGS_format);
  const std::string format =
      format_flag.empty() ? (isatty(1) ? "text" : "jsonl") : format_flag;
  if (format != "text" && format != "json" && format != "jsonl" &&
      format != "html") {
    return Usage("--format must be text, json, jsonl or html");
  }
  const std::string output_dir = absl::GetFlag(FLAGS_output_dir);
  if (!output_dir.empty() && format != "html") {
    return Usage("--output_dir works with --format=html only");
  }
  const std::string input_format = absl::GetFlag(FLAGS_input_format);
  if (input_format != "text" && input_format != "jsonl") {
    return Usage("--input_format must be text or jsonl");
  }
  const std::string content_type = absl::GetFlag(FLAGS_content_type);
  if (content_type != "auto" && content_type != "text" &&
      content_type != "html") {
    return Usage("--content_type must be auto, text or html");
  }
  const std::string color_flag = absl::GetFlag(FLAGS_color);
  if (color_flag != "auto" && color_flag != "always" && color_flag != "never") {
    return Usage("--color must be auto, always or never");
  }
  const std::string progress_flag = absl::GetFlag(FLAGS_progress);
  if (progress_flag != "auto" && progress_flag != "always" &&
      progress_flag != "never") {
    return Usage("--progress must be auto, always or never");
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
  // HTML pages slice the text by the spans: bytes make that direct.
  if (format == "html") encoding = lede::v1::UTF8;
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
  if (!output_dir.empty()) {
    struct stat st;
    if (stat(output_dir.c_str(), &st) != 0 &&
        mkdir(output_dir.c_str(), 0777) != 0) {
      std::fprintf(stderr, "lede: cannot create --output_dir %s: %s\n",
                   output_dir.c_str(), std::strerror(errno));
      return kExitUsage;
    }
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
    if (absl::GetFlag(FLAGS_exact_count)) {
      item.request.mutable_summary_options()->set_exact_count(true);
    }
    item.request.set_encoding_type(encoding);
    if (!absl::GetFlag(FLAGS_language).empty())
      doc.set_language(absl::GetFlag(FLAGS_language));
    item.source = doc.id();
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
        if (content_type == "html" ||
            (content_type == "auto" && !in.is_stdin && IsHtmlPath(in.path))) {
          doc.set_content_type(lede::v1::HTML);
        }
        if (ref_flag == "mtime") {
          if (!in.is_stdin) doc.set_reference_time(MtimeRfc3339(in.path));
        } else {
          doc.set_reference_time(ref_flag);
        }
        *out = make_request(std::move(doc));
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
          if (doc.reference_time().empty()) {
            if (ref_flag != "mtime") {
              doc.set_reference_time(ref_flag);
            } else if (!in.is_stdin) {
              doc.set_reference_time(MtimeRfc3339(in.path));
            }
          }
          if (content_type == "html" &&
              doc.content_type() == lede::v1::PLAIN_TEXT) {
            doc.set_content_type(lede::v1::HTML);
          }
          item = make_request(std::move(doc));
        }
        jsonl_items.push_back(std::move(item));
      }
    }
  };

  const bool progress_on =
      progress_flag == "always" || (progress_flag == "auto" && isatty(2));
  Progress progress(progress_on, 0);
  if (progress_on) {
    progress.set_total(input_format == "text" ? inputs->size()
                                              : CountJsonlDocuments(*inputs));
  }
  // The progress line must leave the terminal before a document is printed
  // to it, then come back.
  const bool shares_terminal = progress_on && output_dir.empty() && isatty(1);
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  const bool color =
      format == "text" &&
      (color_flag == "always" ||
       (color_flag == "auto" && isatty(1) && !(no_color && *no_color) &&
        !(term && std::string(term) == "dumb")));
  lede::cli::TextOptions text_options;
  text_options.color = color;
  if (isatty(1)) {
    struct winsize ws;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) {
      text_options.width = std::min<int>(ws.ws_col, 120);
    }
  }
  const bool fail_fast = absl::GetFlag(FLAGS_fail_fast);
  const bool keep_content = format == "html";

  size_t done = 0, failed = 0;
  bool output_broken = false;  // stdout closed (e.g. piped into head)
  std::set<std::string> page_names;
  std::deque<Pending> sent;            // sent documents, in order
  std::deque<Item> local_failures;     // failures not sent, in order
  std::deque<size_t> local_positions;  // ... and their positions
  size_t position = 0;                 // items taken so far

  auto write_stdout = [&](const std::string& s) {
    if (output_broken) return;
    if (shares_terminal) progress.Clear();
    if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size() ||
        std::fflush(stdout) != 0) {
      output_broken = true;
    }
    if (shares_terminal) progress.Redraw();
  };

  if (format == "html" && output_dir.empty()) {
    write_stdout(
        lede::cli::HtmlPageStart(inputs->size() == 1 && input_format == "text"
                                     ? absl::StrCat("lede: ", (*inputs)[0].path)
                                     : "lede analysis"));
  }

  auto emit = [&](const lede::v1::AnalyzeResponse& r, const std::string& source,
                  const std::string& content) {
    ++done;
    const bool is_error = r.has_error() && r.error().code() != 0;
    if (is_error) ++failed;
    if (format == "text") {
      if (is_error) {
        if (progress.on()) progress.Clear();
        std::fprintf(stderr, "lede: %s: %s: %s\n", source.c_str(),
                     absl::StatusCodeToString(
                         static_cast<absl::StatusCode>(r.error().code()))
                         .c_str(),
                     r.error().message().c_str());
      } else {
        write_stdout(
            absl::StrCat(lede::cli::FormatText(r, source, text_options), "\n"));
      }
    } else if (format == "html") {
      // For HTML input the server returns the text it extracted.
      const std::string& text = r.text().empty() ? content : r.text();
      const std::string section =
          lede::cli::HtmlDocumentSection(r, text, source);
      if (output_dir.empty()) {
        write_stdout(section);
      } else {
        const std::string path =
            absl::StrCat(output_dir, "/", PageFileName(source, &page_names));
        std::ofstream f(path, std::ios::binary);
        f << lede::cli::HtmlPageStart(absl::StrCat("lede: ", source)) << section
          << lede::cli::HtmlPageEnd();
        if (!f) {
          std::fprintf(stderr, "lede: cannot write %s\n", path.c_str());
          output_broken = true;
        }
      }
    } else {
      google::protobuf::util::JsonPrintOptions po;
      po.add_whitespace = format == "json";
      std::string json;
      (void)google::protobuf::util::MessageToJsonString(r, &json, po);
      if (!po.add_whitespace) {
        json.erase(std::remove(json.begin(), json.end(), '\n'), json.end());
      }
      json += '\n';
      write_stdout(json);
    }
    progress.Update(done, failed);
  };
  auto emit_local = [&](const Item& item) {
    lede::v1::AnalyzeResponse r;
    r.set_document_id(item.source);
    r.mutable_error()->set_code(static_cast<int>(item.local_error.code()));
    r.mutable_error()->set_message(std::string(item.local_error.message()));
    emit(r, item.source, "");
  };
  auto flush_local_before = [&](size_t pos) {
    while (!local_positions.empty() && local_positions.front() < pos) {
      emit_local(local_failures.front());
      local_failures.pop_front();
      local_positions.pop_front();
    }
  };

  bool stop = false;
  progress.Update(0, 0, /*force=*/true);
  absl::Status s = (*client)->AnalyzeStream(
      [&](lede::v1::AnalyzeRequest* req) {
        for (;;) {
          if (g_interrupted || stop || output_broken) return false;
          Item item;
          if (!next_item(&item)) return false;
          const size_t pos = position++;
          if (!item.local_error.ok()) {
            local_failures.push_back(std::move(item));
            local_positions.push_back(pos);
            if (fail_fast) stop = true;
            continue;
          }
          sent.push_back({pos, item.source,
                          keep_content ? item.request.document().content()
                                       : std::string()});
          *req = std::move(item.request);
          return true;
        }
      },
      [&](lede::v1::AnalyzeResponse r) -> absl::Status {
        Pending p = std::move(sent.front());
        sent.pop_front();
        flush_local_before(p.position);
        emit(r, p.source, p.content);
        if (g_interrupted) return absl::CancelledError("interrupted");
        if (output_broken) return absl::CancelledError("output closed");
        if (fail_fast && failed > 0) {
          stop = true;
          return absl::AbortedError(
              "stopped at the first failed document (--fail_fast)");
        }
        return absl::OkStatus();
      },
      std::max(1, absl::GetFlag(FLAGS_in_flight)));
  // Local failures after the last sent document (none when interrupted: the
  // output stops where the input was cut).
  if (!g_interrupted && !output_broken) flush_local_before(SIZE_MAX);
  if (format == "html" && output_dir.empty()) {
    write_stdout(lede::cli::HtmlPageEnd());
  }
  progress.Finish(done, failed);
  if (output_broken) return kExitBrokenOutput;
  if (g_interrupted) {
    std::fprintf(stderr,
                 "lede: interrupted after %zu document%s; the output holds "
                 "each of them whole\n",
                 done, done == 1 ? "" : "s");
    return kExitInterrupted;
  }
  if (!s.ok() && s.code() != absl::StatusCode::kAborted) {
    std::fprintf(stderr, "lede: %s\n", Unreachable(s, ServerTarget()).c_str());
    return kExitUnavailable;
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
      "  lede analyze [FILE|DIR|-]... [--format=text|json|jsonl|html] "
      "[flags]\n"
      "  lede health     # exit 0 when the server is SERVING\n"
      "  lede info       # server and model versions\n\n"
      "Flags may be written with dashes or underscores (--reference-time,\n"
      "--reference_time). Exit codes: 0 ok, 1 some documents failed, 2 usage,\n"
      "3 server unreachable, 130 interrupted, 141 output closed.\n"
      "Examples: docs/cli.md.");
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
  // Debian's Abseil keeps absl::Mutex deadlock detection on (the debug
  // default): a global lock graph updated on every lock gRPC takes.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  if (rest.size() < 2) return Usage("missing command: analyze, health or info");
  const std::string cmd = rest[1];
  std::vector<std::string> args(rest.begin() + 2, rest.end());

  // The CLI reports errors itself; Protobuf's own log lines (e.g. about
  // invalid UTF-8 it is asked to send) would only repeat them.
  google::protobuf::SetLogHandler(nullptr);

  // The first Ctrl-C stops cleanly; SA_RESETHAND makes a second one kill.
  struct sigaction sa = {};
  sa.sa_handler = OnSigint;
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);

  if (cmd == "analyze") return Analyze(args);
  if (cmd == "health")
    return args.empty() ? Health() : Usage("health takes no arguments");
  if (cmd == "info")
    return args.empty() ? Info() : Usage("info takes no arguments");
  return Usage(absl::StrCat("unknown command '", cmd, "'"));
}
