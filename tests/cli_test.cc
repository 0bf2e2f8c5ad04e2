// End-to-end tests of the `lede` CLI against a real lede-server: directory
// and JSONL input, text and HTML output (rendered in headless Chromium when
// it is installed), HTML input, progress and Ctrl-C.

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "client/client.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "lede/v1/lede.pb.h"
#include "tests/testing/server_process.h"
#include "tests/testing/unicode.h"

namespace lede {
namespace {

using test_util::RunCommand;
using test_util::ServerProcess;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kArticle[] =
    "WELLINGTON, March 3 (Lede) \xE2\x80\x94 The harbour board voted on Monday "
    "to rebuild the old ferry terminal, a project expected to cost $40 "
    "million.\n"
    "\xE2\x80\x9CWe have waited 20 years for this,\xE2\x80\x9D board chair "
    "Maria Ngata said. Work starts in September.\n"
    "Ngata\xE2\x80\x99s deputy, Tom Reid, told reporters the tender opens next "
    "week. The <script>alert(1)</script> & \"quotes\" stay text.\n";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string SourceDir() {
  const char* d = std::getenv("LEDE_SOURCE_DIR");
  return d ? d : ".";
}

std::vector<std::string> Lines(const std::string& s) {
  return absl::StrSplit(s, '\n', absl::SkipEmpty());
}

// Parses one JSONL output line; fails the test when it is not a whole
// AnalyzeResponse object.
v1::AnalyzeResponse ParseLine(const std::string& line) {
  v1::AnalyzeResponse r;
  auto st = google::protobuf::util::JsonStringToMessage(line, &r);
  EXPECT_TRUE(st.ok()) << st.message() << " in line: " << line;
  return r;
}

// --- A tiny PNG reader: 8-bit RGB/RGBA, non-interlaced -------------------

struct Png {
  uint32_t width = 0, height = 0;
  std::vector<uint32_t> pixels;  // 0xRRGGBB
};

uint32_t Be32(const std::string& s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 24) |
         (uint32_t(uint8_t(s[at + 1])) << 16) |
         (uint32_t(uint8_t(s[at + 2])) << 8) | uint32_t(uint8_t(s[at + 3]));
}

bool DecodePng(const std::string& data, Png* out, std::string* error) {
  if (data.size() < 8 || data.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) {
    *error = "not a PNG";
    return false;
  }
  std::string idat;
  int bit_depth = 0, color_type = 0, interlace = 0;
  for (size_t at = 8; at + 12 <= data.size();) {
    const uint32_t len = Be32(data, at);
    const std::string type = data.substr(at + 4, 4);
    if (at + 12 + len > data.size()) break;
    if (type == "IHDR") {
      out->width = Be32(data, at + 8);
      out->height = Be32(data, at + 12);
      bit_depth = uint8_t(data[at + 16]);
      color_type = uint8_t(data[at + 17]);
      interlace = uint8_t(data[at + 20]);
    } else if (type == "IDAT") {
      idat.append(data, at + 8, len);
    }
    at += 12 + len;
  }
  const int channels = color_type == 2 ? 3 : color_type == 6 ? 4 : 0;
  if (bit_depth != 8 || channels == 0 || interlace != 0 || out->width == 0) {
    *error = absl::StrCat("unsupported PNG: depth ", bit_depth, " colour type ",
                          color_type, " interlace ", interlace);
    return false;
  }
  const size_t stride = size_t(out->width) * channels;
  std::string raw((stride + 1) * out->height, '\0');
  uLongf raw_len = raw.size();
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_len,
                 reinterpret_cast<const Bytef*>(idat.data()),
                 idat.size()) != Z_OK ||
      raw_len != raw.size()) {
    *error = "bad image data";
    return false;
  }
  std::vector<uint8_t> prev(stride, 0), cur(stride);
  out->pixels.reserve(size_t(out->width) * out->height);
  for (uint32_t y = 0; y < out->height; ++y) {
    const uint8_t filter = raw[y * (stride + 1)];
    const uint8_t* in =
        reinterpret_cast<const uint8_t*>(raw.data()) + y * (stride + 1) + 1;
    for (size_t i = 0; i < stride; ++i) {
      const int a = i >= size_t(channels) ? cur[i - channels] : 0;
      const int b = prev[i];
      const int c = i >= size_t(channels) ? prev[i - channels] : 0;
      int pred = 0;
      switch (filter) {
        case 1:
          pred = a;
          break;
        case 2:
          pred = b;
          break;
        case 3:
          pred = (a + b) / 2;
          break;
        case 4: {
          const int p = a + b - c;
          const int pa = std::abs(p - a), pb = std::abs(p - b),
                    pc = std::abs(p - c);
          pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
      }
      cur[i] = uint8_t(in[i] + pred);
    }
    for (uint32_t x = 0; x < out->width; ++x) {
      const uint8_t* p = &cur[x * channels];
      out->pixels.push_back((uint32_t(p[0]) << 16) | (uint32_t(p[1]) << 8) |
                            p[2]);
    }
    std::swap(prev, cur);
  }
  return true;
}

// --- Fixture ---------------------------------------------------------------

class CliE2ETest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess({"--max_document_bytes=2000000"});
    ASSERT_TRUE(server_->ok())
        << "lede-server did not start: " << server_->log();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    char tmpl[] = "/tmp/lede_cli_test_XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }

  // The CLI command line, for /bin/sh.
  std::string Lede(const std::string& args) const {
    return absl::StrCat(test_util::CliBinary(),
                        " --server=", server_->address(), " ", args);
  }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }

  static ServerProcess* server_;
  std::string dir_;
};
ServerProcess* CliE2ETest::server_ = nullptr;

TEST_F(CliE2ETest, DirectoryPipedWritesJsonlInOrderWithoutProgress) {
  std::system(("mkdir -p " + Path("docs/sub")).c_str());
  WriteFile(Path("docs/a.txt"), "First document. Two sentences.");
  WriteFile(Path("docs/sub/b.txt"), "Second document.");
  WriteFile(Path("docs/c.txt"), "Third document, on Monday.");
  WriteFile(Path("docs/skip.md"), "Not this one.");
  // stderr is a pipe here: --progress=auto must print nothing there.
  auto r = RunCommand(Lede("analyze --include='*.txt' " + Path("docs") + " 2>" +
                           Path("err.txt") + " | cat"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto lines = Lines(r.output);
  ASSERT_EQ(lines.size(), 3u) << r.output;
  EXPECT_EQ(ParseLine(lines[0]).document_id(), Path("docs/a.txt"));
  EXPECT_EQ(ParseLine(lines[1]).document_id(), Path("docs/c.txt"));
  EXPECT_EQ(ParseLine(lines[2]).document_id(), Path("docs/sub/b.txt"));
  EXPECT_EQ(ReadFile(Path("err.txt")), "");
}

TEST_F(CliE2ETest, ProgressAlwaysShowsCountsRateAndASummaryLine) {
  std::system(("mkdir -p " + Path("docs")).c_str());
  for (int i = 0; i < 5; ++i) {
    WriteFile(Path(absl::StrCat("docs/", i, ".txt")), "A short document.");
  }
  auto r = RunCommand(Lede("analyze --progress=always --format=jsonl " +
                           Path("docs") + " 2>&1 >/dev/null"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("/5 ["));
  EXPECT_THAT(r.output, HasSubstr("docs/s"));
  EXPECT_THAT(r.output, HasSubstr("lede: 5 documents in"));
}

TEST_F(CliE2ETest, JsonlInAndOutWithFailuresInTheMiddle) {
  const std::string in =
      WriteFile(Path("in.jsonl"),
                "{\"id\":\"one\",\"content\":\"Good text.\","
                "\"reference_time\":\"2024-06-17\"}\n"
                "{\"id\":\"two\",\"content\":\"Bad reference.\","
                "\"reference_time\":\"soon\"}\n"
                "this line is not JSON\n"
                "\n"
                "{\"id\":\"four\",\"content\":\"<p>Good <b>HTML</b>.</p>\","
                "\"contentType\":\"HTML\"}\n"
                "{\"id\":\"five\",\"content\":\"Good again.\"}\n");
  auto r = RunCommand(Lede("analyze --input-format=jsonl --format=jsonl " + in +
                           " 2>" + Path("err.txt")));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  const auto lines = Lines(r.output);
  ASSERT_EQ(lines.size(), 5u) << r.output;
  const auto one = ParseLine(lines[0]);
  EXPECT_EQ(one.document_id(), "one");
  EXPECT_FALSE(one.has_error());
  const auto two = ParseLine(lines[1]);
  EXPECT_EQ(two.document_id(), "two");
  EXPECT_EQ(two.error().code(), 3);  // INVALID_ARGUMENT
  EXPECT_THAT(two.error().message(), HasSubstr("reference_time"));
  const auto bad = ParseLine(lines[2]);
  EXPECT_EQ(bad.document_id(), in + ":3");
  EXPECT_THAT(bad.error().message(), HasSubstr("not a JSON document"));
  const auto four = ParseLine(lines[3]);
  EXPECT_EQ(four.text(), "Good HTML.");
  EXPECT_EQ(ParseLine(lines[4]).document_id(), "five");
  EXPECT_THAT(ReadFile(Path("err.txt")), HasSubstr("2 of 5 documents failed"));
}

TEST_F(CliE2ETest, FailFastStopsAtTheFirstFailure) {
  const std::string in = WriteFile(
      Path("in.jsonl"),
      "{\"id\":\"one\",\"content\":\"Good.\"}\n"
      "{\"id\":\"two\",\"content\":\"Bad.\",\"language\":\"xx\"}\n"
      "{\"id\":\"three\",\"content\":\"Never sent, or not printed.\"}\n");
  auto r =
      RunCommand(Lede("analyze --input-format=jsonl --in-flight=1 "
                      "--fail-fast --format=jsonl " +
                      in + " 2>/dev/null"));
  EXPECT_EQ(r.exit_code, 1);
  const auto lines = Lines(r.output);
  ASSERT_EQ(lines.size(), 2u) << r.output;
  EXPECT_EQ(ParseLine(lines[1]).document_id(), "two");
}

TEST_F(CliE2ETest, TextOutputPlainWhenPipedColouredOnRequest) {
  const std::string f = WriteFile(Path("a.txt"), kArticle);
  auto r = RunCommand(
      Lede("analyze --format=text --reference-time=2024-03-03 " + f));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string& out = r.output;
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  const size_t summary = out.find("Summary"), entities = out.find("Entities"),
               dates = out.find("Dates"), quotes = out.find("Quotes");
  ASSERT_NE(summary, std::string::npos) << out;
  EXPECT_LT(summary, entities);
  EXPECT_LT(entities, dates);
  EXPECT_LT(dates, quotes);
  EXPECT_THAT(out, HasSubstr("  1. "));
  EXPECT_THAT(out, HasSubstr("Ngata ("));     // mention counts
  EXPECT_THAT(out, HasSubstr("Person"));      // grouped by type
  EXPECT_THAT(out, HasSubstr("2024-03-03"));  // "March 3" normalized
  EXPECT_THAT(out, HasSubstr("\xE2\x80\x94 Maria Ngata"));  // speaker

  auto colored = RunCommand(Lede(
      "analyze --format=text --color=always --reference-time=2024-03-03 " + f));
  EXPECT_THAT(colored.output, HasSubstr("\x1b[1;36m"));
  // NO_COLOR wins over a terminal, and --color=auto is plain when piped.
  auto no_color =
      RunCommand("NO_COLOR=1 " + Lede("analyze --format=text " + f));
  EXPECT_EQ(no_color.output.find('\x1b'), std::string::npos);
}

TEST_F(CliE2ETest, HtmlInputThroughTheServer) {
  const std::string page =
      SourceDir() + "/tests/fixtures/html/harbour_article.html";
  auto r =
      RunCommand(Lede("analyze --format=jsonl --encoding=utf16 "
                      "--reference-time=2024-03-03 " +
                      page));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto resp = ParseLine(r.output);
  ASSERT_FALSE(resp.has_error()) << resp.error().message();
  EXPECT_THAT(resp.text(), HasSubstr("Maria Ngata said."));
  EXPECT_THAT(resp.text(), Not(HasSubstr("cookies")));
  EXPECT_THAT(resp.text(), Not(HasSubstr("<")));
  // Every span slices the extracted text.
  bool saw_ngata = false;
  for (const auto& e : resp.entities()) {
    for (const auto& m : e.mentions()) {
      EXPECT_EQ(test_util::SliceInUnit(resp.text(), m.span().begin(),
                                       m.span().end(), v1::UTF16),
                m.text());
      saw_ngata |= m.text() == "Maria Ngata";
    }
  }
  EXPECT_TRUE(saw_ngata);
  for (const auto& s : resp.sentences()) {
    EXPECT_EQ(test_util::SliceInUnit(resp.text(), s.span().begin(),
                                     s.span().end(), v1::UTF16),
              s.text());
  }
  // The same page sent as text is analyzed with its markup.
  auto as_text =
      RunCommand(Lede("analyze --format=jsonl --content-type=text " + page));
  EXPECT_EQ(ParseLine(as_text.output).text(), "");
}

TEST_F(CliE2ETest, HostileHtmlIsInvalidArgumentAndTheServerGoesOn) {
  auto client = Client::Create({.target = server_->address()});
  ASSERT_TRUE(client.ok());
  v1::AnalyzeRequest req;
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  req.mutable_document()->set_content(deep + "text");
  req.mutable_document()->set_content_type(v1::HTML);
  auto r = (*client)->Analyze(req);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("nested more than 256"));
  req.mutable_document()->set_content("<p>Still <i>serving</i>.</p>");
  auto ok = (*client)->Analyze(req);
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->text(), "Still serving.");
}

TEST_F(CliE2ETest, HtmlOutputEscapesAndHighlights) {
  const std::string f = WriteFile(Path("a.txt"), kArticle);
  auto r =
      RunCommand(Lede("analyze --format=html --reference-time=2024-03-03 " + f +
                      " > " + Path("page.html")));
  ASSERT_EQ(r.exit_code, 0);
  const std::string html = ReadFile(Path("page.html"));
  EXPECT_TRUE(absl::StartsWith(html, "<!DOCTYPE html>"));
  EXPECT_TRUE(absl::EndsWith(html, "</html>\n"));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr("class=\"e e-PERSON\" title=\"Person \xC2\xB7 "
                              "Maria Ngata\""));
  EXPECT_THAT(html, HasSubstr("class=\"t\" title=\"DATE \xC2\xB7 2024-03-03"));
  EXPECT_THAT(html, HasSubstr("class=\"q\""));
  EXPECT_THAT(html, HasSubstr("<div class=\"summary\">"));
  // Balanced spans.
  size_t opens = 0, closes = 0;
  for (size_t p = 0; (p = html.find("<span", p)) != std::string::npos; ++p) {
    ++opens;
  }
  for (size_t p = 0; (p = html.find("</span>", p)) != std::string::npos; ++p) {
    ++closes;
  }
  EXPECT_EQ(opens, closes);
}

TEST_F(CliE2ETest, HtmlOutputDirWritesAPagePerDocument) {
  std::system(("mkdir -p " + Path("docs")).c_str());
  WriteFile(Path("docs/one.txt"), "Tom Reid visited Paris on Monday.");
  WriteFile(Path("docs/two.html"),
            "<html><body><nav>Menu</nav><article><p>Maria Ngata spoke in "
            "Berlin.</p></article></body></html>");
  auto r = RunCommand(Lede("analyze --format=html --output-dir=" + Path("out") +
                           " " + Path("docs")));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "");
  const std::string one = ReadFile(Path("out/one.html"));
  const std::string two = ReadFile(Path("out/two.html"));
  EXPECT_THAT(one, HasSubstr("Tom Reid"));
  EXPECT_THAT(two, HasSubstr("Maria Ngata"));
  EXPECT_THAT(two, Not(HasSubstr("Menu</")));
}

// Renders the HTML output in headless Chromium: the DOM has the highlights,
// and the screenshot shows them (many colours, not a blank page).
TEST_F(CliE2ETest, HtmlOutputRendersInHeadlessChromium) {
  const std::string chromium = "/usr/bin/chromium";
  if (access(chromium.c_str(), X_OK) != 0) {
    GTEST_SKIP() << "Chromium is not installed (apt-get install -y chromium); "
                    "skipping the browser check of --format=html";
  }
  const std::string f = WriteFile(Path("a.txt"), kArticle);
  ASSERT_EQ(RunCommand(Lede("analyze --format=html "
                            "--reference-time=2024-03-03 " +
                            f + " > " + Path("page.html")))
                .exit_code,
            0);
  const std::string flags =
      "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update "
      "--disable-sync --hide-scrollbars --user-data-dir=" +
      Path("profile");
  const std::string url = "file://" + Path("page.html");
  auto dom = RunCommand(absl::StrCat("timeout 120 ", chromium, " ", flags,
                                     " --dump-dom ", url, " 2>/dev/null"));
  ASSERT_EQ(dom.exit_code, 0) << dom.output;
  EXPECT_THAT(dom.output, HasSubstr("class=\"e e-PERSON\""));
  EXPECT_THAT(dom.output, HasSubstr("class=\"e e-LOCATION\""));
  EXPECT_THAT(dom.output, HasSubstr("class=\"t\" title=\"DATE"));
  EXPECT_THAT(dom.output, HasSubstr("class=\"q\""));
  // The article's "<script>" stayed text: no script element in the DOM.
  EXPECT_THAT(dom.output, HasSubstr("&lt;script&gt;alert(1)"));
  EXPECT_THAT(dom.output, Not(HasSubstr("<script>")));

  const std::string png = Path("page.png");
  auto shot = RunCommand(
      absl::StrCat("timeout 120 ", chromium, " ", flags, " --screenshot=", png,
                   " --window-size=1200,1600 ", url, " >/dev/null 2>&1"));
  ASSERT_EQ(shot.exit_code, 0);
  Png image;
  std::string error;
  ASSERT_TRUE(DecodePng(ReadFile(png), &image, &error)) << error;
  EXPECT_EQ(image.width, 1200u);
  EXPECT_EQ(image.height, 1600u);
  // A blank page is one colour; text alone gives greys. Highlights add the
  // legend's and the spans' colours: count clearly coloured (non-grey) ones.
  std::set<uint32_t> colors;
  size_t tinted = 0;
  for (uint32_t p : image.pixels) {
    colors.insert(p);
    const int r = p >> 16, g = (p >> 8) & 0xFF, b = p & 0xFF;
    if (std::max({r, g, b}) - std::min({r, g, b}) > 40) ++tinted;
  }
  EXPECT_GT(colors.size(), 50u);
  EXPECT_GT(tinted, 5000u) << "too few highlighted pixels";
}

// Ctrl-C while many documents are in flight: the CLI stops, every line it
// wrote is a whole JSON document, and it exits 130.
TEST_F(CliE2ETest, SigintLeavesOnlyWholeLinesAndExits130) {
  {
    std::ofstream in(Path("many.jsonl"));
    for (int i = 0; i < 20000; ++i) {
      in << "{\"id\":\"doc-" << i
         << "\",\"content\":\"The council met in Wellington on Monday. "
            "Mayor Tory Whanau said the budget of $3 million was "
            "approved. \\\"We are pleased,\\\" she said.\"}\n";
    }
  }
  const std::string out = Path("out.jsonl");
  const std::string cli = test_util::CliBinary();
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 2);
    std::vector<std::string> args = {cli,
                                     "--server=" + server_->address(),
                                     "analyze",
                                     "--input-format=jsonl",
                                     "--format=jsonl",
                                     "--in-flight=16",
                                     Path("many.jsonl")};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  ASSERT_GT(pid, 0);
  // Wait for some output, then interrupt.
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < give_up) {
    struct stat st;
    if (stat(out.c_str(), &st) == 0 && st.st_size > 20000) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGINT);
  int status = 0;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool exited = false;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!exited) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  ASSERT_TRUE(exited) << "lede did not stop after SIGINT";
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  const std::string output = ReadFile(out);
  ASSERT_FALSE(output.empty());
  EXPECT_EQ(output.back(), '\n') << "last line cut";
  const auto lines = Lines(output);
  EXPECT_LT(lines.size(), 20000u) << "finished before the interrupt";
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto r = ParseLine(lines[i]);
    ASSERT_EQ(r.document_id(), absl::StrCat("doc-", i));
    ASSERT_FALSE(r.has_error()) << r.error().message();
  }
}

}  // namespace
}  // namespace lede
