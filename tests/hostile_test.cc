// Hostile input against a real lede-server: invalid UTF-8, NUL bytes, empty
// and whitespace-only documents, a 10 MiB line without spaces, floods of
// quote marks, brackets and periods, mixed scripts with RTL and emoji, and
// documents at and one byte over the size limit. Each call must end, within
// a bounded time, in OK with sane output (every span slices back to its text
// in the requested unit) or in a clear INVALID_ARGUMENT, and the server must
// keep serving. Under ThreadSanitizer the sizes are a quarter (kShrink).

#include <chrono>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "client/client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lede/v1/lede.pb.h"
#include "tests/testing/server_process.h"
#include "tests/testing/unicode.h"

namespace lede {
namespace {

using test_util::ServerProcess;
using ::testing::HasSubstr;

// ThreadSanitizer instruments every memory access of the server's analysis
// (and of the checks below), and at full size these inputs take over ten
// minutes there. A TSan build divides the big repetition counts and the size
// limit by kShrink: every hostile shape is still sent, at tens to hundreds of
// kilobytes, and the limit cases stay exact because the suite starts the
// server with --max_document_bytes=kLimit. Every other build (the normal one,
// ASan) sends the full sizes.
#if defined(__SANITIZE_THREAD__)  // GCC
#define LEDE_HOSTILE_UNDER_TSAN 1
#elif defined(__has_feature)  // Clang
#if __has_feature(thread_sanitizer)
#define LEDE_HOSTILE_UNDER_TSAN 1
#endif
#endif
#ifdef LEDE_HOSTILE_UNDER_TSAN
constexpr int kShrink = 4;
#else
constexpr int kShrink = 1;
#endif
constexpr int Big(int n) { return n / kShrink; }

constexpr int64_t kLimit = Big(10 << 20);  // the server's default / kShrink
// Generous: the machine is shared and the tests also run under sanitizers.
constexpr absl::Duration kDeadline = absl::Seconds(240);

// Byte offset of every offset in `unit` that starts a character (or ends
// the text); -1 inside a character. Independent of the service's mapper.
std::vector<int64_t> UnitToByte(const std::string& text,
                                v1::EncodingType unit) {
  std::vector<int64_t> map;
  map.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = text[i];
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const int units = unit == v1::UTF8                  ? len
                      : (unit == v1::UTF16 && len == 4) ? 2
                                                        : 1;
    map.push_back(static_cast<int64_t>(i));
    for (int k = 1; k < units; ++k) map.push_back(-1);
    i += len;
  }
  map.push_back(static_cast<int64_t>(text.size()));
  return map;
}

class HostileTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ =
        new ServerProcess({absl::StrCat("--max_document_bytes=", kLimit)});
    ASSERT_TRUE(server_->ok())
        << "lede-server did not start: " << server_->log();
    ClientOptions o;
    o.target = server_->address();
    o.deadline = kDeadline;
    auto c = Client::Create(o);
    ASSERT_TRUE(c.ok()) << c.status();
    client_ = c->release();
  }
  static void TearDownTestSuite() {
    delete client_;
    client_ = nullptr;
    delete server_;
    server_ = nullptr;
  }

  // Sends `content` and returns the status; on OK checks every span of the
  // response against `content` in `unit`. Always checks the time bound and
  // that the server still answers health checks.
  absl::Status Send(const std::string& name, const std::string& content,
                    v1::EncodingType unit = v1::UTF8) {
    SCOPED_TRACE(name);
    v1::AnalyzeRequest req;
    req.mutable_document()->set_content(content);
    req.mutable_document()->set_reference_time("2024-03-03");
    req.set_encoding_type(unit);
    const auto start = std::chrono::steady_clock::now();
    auto r = client_->Analyze(req);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_LT(elapsed, absl::ToChronoSeconds(kDeadline)) << name;
    EXPECT_TRUE(r.ok() ||
                r.status().code() == absl::StatusCode::kInvalidArgument)
        << name << ": " << r.status();
    if (r.ok()) CheckResponse(name, content, unit, *r);
    EXPECT_TRUE(client_->CheckHealth().ok()) << "after " << name;
    return r.status();
  }

  static void CheckResponse(const std::string& name, const std::string& text,
                            v1::EncodingType unit,
                            const v1::AnalyzeResponse& r) {
    const std::vector<int64_t> map = UnitToByte(text, unit);
    const bool small = text.size() <= 4096;
    int failures = 0;
    auto check = [&](const v1::Span& span, const std::string& claimed,
                     const char* what) {
      if (failures > 5) return;  // one broken document, not a million lines
      const int64_t b = span.begin(), e = span.end();
      const bool in_bounds =
          b >= 0 && b <= e && e < static_cast<int64_t>(map.size());
      const bool on_boundary = in_bounds && map[b] >= 0 && map[e] >= 0;
      const bool slices =
          on_boundary && text.compare(map[b], map[e] - map[b], claimed) == 0 &&
          static_cast<int64_t>(claimed.size()) == map[e] - map[b];
      if (!slices) {
        ++failures;
        ADD_FAILURE() << name << ": " << what << " [" << b << ", " << e
                      << ") in " << v1::EncodingType_Name(unit)
                      << (in_bounds ? on_boundary
                                          ? " does not slice to its text"
                                          : " splits a character"
                                    : " is out of bounds");
      }
      if (small) {
        EXPECT_EQ(test_util::SliceInUnit(text, b, e, unit), claimed)
            << name << " " << what;
      }
    };
    int64_t last_end = 0;
    for (const auto& s : r.sentences()) {
      check(s.span(), s.text(), "sentence");
      EXPECT_LE(last_end, s.span().begin()) << name << ": sentences overlap";
      last_end = s.span().end();
    }
    EXPECT_LE(r.summary().sentences_size(), 3) << name;
    for (const auto& s : r.summary().sentences())
      check(s.span(), s.text(), "summary");
    for (const auto& e : r.entities()) {
      for (const auto& m : e.mentions()) check(m.span(), m.text(), "mention");
    }
    for (const auto& d : r.dates()) check(d.span(), d.text(), "date");
    for (const auto& q : r.quotes()) {
      check(q.span(), q.text(), "quote");
      if (!q.speaker_text().empty())
        check(q.speaker_span(), q.speaker_text(), "speaker");
    }
  }

  static ServerProcess* server_;
  static Client* client_;
};
ServerProcess* HostileTest::server_ = nullptr;
Client* HostileTest::client_ = nullptr;

TEST_F(HostileTest, InvalidUtf8IsInvalidArgumentNamingTheOffset) {
  struct Case {
    std::string name;
    std::string content;
    int offset;
  };
  const Case cases[] = {
      {"lone continuation byte", "Start \x80 end.", 6},
      {"continuation bytes only", "\xBF\xBF\xBF", 0},
      {"overlong slash", "A \xC0\xAF B.", 2},
      {"overlong NUL", "x\xC0\x80", 1},
      {"overlong 3-byte", "ab\xE0\x80\xAF", 2},
      {"overlong 4-byte", "abc\xF0\x80\x80\xAF", 3},
      {"high surrogate", "Text \xED\xA0\x80 more.", 5},
      {"low surrogate", "\xED\xBF\xBF", 0},
      {"surrogate pair as CESU-8", "\xED\xA0\xBD\xED\xB8\x80", 0},
      {"above U+10FFFF", "Big \xF4\x90\x80\x80.", 4},
      {"F5 lead byte", "\xF5\x80\x80\x80", 0},
      {"FF byte", "Fine.\xFF", 5},
      {"truncated 2-byte at end", "Caf\xC3", 3},
      {"truncated 3-byte mid text", "Dash \xE2\x80 here.", 5},
      {"truncated 4-byte at end", "Emoji \xF0\x9F\x98", 6},
      {absl::StrCat("invalid after ", Big(1 << 20), " bytes"),
       std::string(Big(1 << 20), 'a') + "\xC3\x28", Big(1 << 20)},
  };
  for (const Case& c : cases) {
    const absl::Status s = Send(c.name, c.content);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument)
        << c.name << ": " << s;
    EXPECT_THAT(std::string(s.message()),
                HasSubstr(absl::StrCat("byte offset ", c.offset)))
        << c.name;
  }
}

TEST_F(HostileTest, NulBytesEmptyAndWhitespaceOnlyAreAnalyzed) {
  const std::pair<const char*, std::string> cases[] = {
      {"NUL bytes only", std::string(1000, '\0')},
      {"NUL bytes inside sentences",
       std::string(
           "Officials met\0 in Oslo.\0\0 \"We agree,\" Ann Berg said.\0", 54)},
      {"empty", ""},
      {"whitespace only",
       " \t\n\r\n\v\f  "
       "\xC2\xA0\xE2\x80\x83\xE2\x80\xA8\xE2\x80\xA9\xE3\x80\x80"},
      {"newlines only", std::string(Big(100000), '\n')},
  };
  for (const auto& [name, content] : cases) {
    for (auto unit : {v1::UTF8, v1::UTF16, v1::UTF32}) {
      EXPECT_TRUE(Send(name, content, unit).ok()) << name;
    }
  }
}

TEST_F(HostileTest, FloodsOfPunctuationAreAnalyzed) {
  std::string quotes;
  const char* marks[] = {
      "\"",       "\xE2\x80\x9C", "\xE2\x80\x9D", "'",
      "\xC2\xAB", "\xC2\xBB",     "\xE2\x80\x98", "\xE2\x80\x99"};
  for (int i = 0; i < Big(200000); ++i) quotes += marks[i % 8];
  std::string quotes_words;
  for (int i = 0; i < Big(200000); ++i)
    quotes_words += i % 2 ? "\" said Ann " : "\"";
  std::string nested =
      std::string(Big(100000), '(') + "core" + std::string(Big(100000), ')');
  std::string mixed_nesting;
  const char* open[] = {"(", "[", "{", "\xE2\x80\x9C", "\xC2\xAB"};
  const char* close[] = {")", "]", "}", "\xE2\x80\x9D", "\xC2\xBB"};
  for (int i = 0; i < Big(100000); ++i) mixed_nesting += open[i % 5];
  mixed_nesting += "Ann Berg said so.";
  for (int i = Big(100000) - 1; i >= 0; --i) mixed_nesting += close[i % 5];
  const std::pair<std::string, std::string> cases[] = {
      {absl::StrCat(Big(200000), " quote marks"), quotes},
      {absl::StrCat(Big(200000), " quote marks between words"),
       quotes_words.substr(0, Big(1 << 20))},
      {absl::StrCat(Big(100000), " nested brackets"), nested},
      {absl::StrCat(Big(100000), " nested mixed brackets and quotes"),
       mixed_nesting},
      {absl::StrCat(Big(1000000), " periods"), std::string(Big(1000000), '.')},
      {absl::StrCat(Big(1000000), " periods with spaces"),
       [] {
         std::string s;
         for (int i = 0; i < Big(500000); ++i) s += ". ";
         return s;
       }()},
  };
  int i = 0;
  for (const auto& [name, content] : cases) {
    const auto unit = static_cast<v1::EncodingType>(i++ % 3);
    EXPECT_TRUE(Send(name, content, unit).ok()) << name;
  }
}

// Hebrew, Arabic, bidi controls, emoji (flag, ZWJ family), Japanese.
constexpr char kMixedScripts[] =
    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
    "\xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D. "  // Hebrew
    "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 "
    "\xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85. "  // Arabic
    "\xE2\x80\xAB"
    "embedded RTL\xE2\x80\xAC and \xE2\x80\x8F marks\xE2\x80\x8E.\n"
    "Maria Ngata said \xE2\x80\x9C\xF0\x9F\x9A\xA2 we sail "
    "\xF0\x9F\x87\xB3\xF0\x9F\x87\xBF\xE2\x80\x9D "
    "on 3 March. "
    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F"
    "\x91\xA7 family.\n"
    "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAF\xE5\xA4\xA7\xE3\x81\x8D\xE3"
    "\x81\x84\xE3\x80\x82 "
    "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0. "
    "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1. "
    "e\xCC\x81\xCC\x81\xCC\x81 Zalgo. "
    "\xF0\x9D\x90\x80\xF0\x9D\x90\x81 math. "
    "\xEF\xBB\xBF"
    "BOM inside. \xF4\x8F\xBF\xBF last code point.";

TEST_F(HostileTest, MixedScriptsRtlAndEmojiSliceBackInEveryUnit) {
  const std::string text = kMixedScripts;
  std::string big;
  while (big.size() < Big(1 << 20)) big += text + "\n";
  for (auto unit : {v1::UTF8, v1::UTF16, v1::UTF32}) {
    EXPECT_TRUE(Send("mixed scripts", text, unit).ok());
  }
  EXPECT_TRUE(
      Send(absl::StrCat(big.size(), " bytes of mixed scripts"), big, v1::UTF16)
          .ok());
}

TEST_F(HostileTest, TenMebibyteLineWithoutSpacesAtTheLimitAndOneByteOver) {
  std::string line;
  line.reserve(kLimit + 1);
  const std::string unit = "Lorem.ipsum,dolor-sit_amet/\xC3\xA9t\xC3\xA9;";
  while (line.size() + unit.size() <= static_cast<size_t>(kLimit)) line += unit;
  line.append(kLimit - line.size(), 'x');
  ASSERT_EQ(line.size(), static_cast<size_t>(kLimit));
  EXPECT_TRUE(
      Send(absl::StrCat(kLimit, "-byte line at the limit"), line, v1::UTF16)
          .ok());
  line += 'x';
  const absl::Status over = Send("one byte over the limit", line);
  EXPECT_EQ(over.code(), absl::StatusCode::kInvalidArgument) << over;
  EXPECT_THAT(std::string(over.message()),
              HasSubstr(absl::StrCat("at most ", kLimit, " bytes")));
  EXPECT_TRUE(Send(absl::StrCat(kLimit, " bytes of one letter"),
                   std::string(kLimit, 'a'))
                  .ok());
}

}  // namespace
}  // namespace lede
