// Fuzzes the service's Analyzer with raw wire bytes of an AnalyzeRequest
// (every encoding, plain text and HTML). On success every span of the
// response, converted back from the response's unit, must slice out exactly
// its `text` on code point boundaries.

#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/pipeline.h"
#include "lede/v1/lede.pb.h"
#include "service/analyzer.h"
#include "service/raw_request.pb.h"
#include "tests/fuzz/fuzz_checks.h"
#include "tests/fuzz/stages_common.h"
#include "tests/testing/unicode.h"

namespace {

using lede::fuzz::Require;

// Byte offset of `offset` counted in `unit`, or -1 when it falls inside a
// character or past the end.
int64_t ToByteOffset(const std::string& text, int64_t offset,
                     lede::v1::EncodingType unit) {
  if (unit == lede::v1::UTF8) {
    return lede::fuzz::OnBoundary(text, offset) ? offset : -1;
  }
  int64_t pos = 0;
  for (size_t i = 0; i <= text.size();) {
    if (pos == offset) return static_cast<int64_t>(i);
    if (pos > offset || i == text.size()) return -1;
    const unsigned char c = text[i];
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    pos += (unit == lede::v1::UTF16 && len == 4) ? 2 : 1;
    i += len;
  }
  return -1;
}

void CheckSpan(const std::string& text, lede::v1::EncodingType unit,
               const lede::v1::Span& span, const std::string& claimed,
               const char* what) {
  const std::string where =
      std::string(what) + " [" + std::to_string(span.begin()) + ", " +
      std::to_string(span.end()) + ") in " + lede::v1::EncodingType_Name(unit);
  Require(span.begin() >= 0 && span.begin() <= span.end(),
          where + ": bad span");
  const int64_t b = ToByteOffset(text, span.begin(), unit);
  const int64_t e = ToByteOffset(text, span.end(), unit);
  Require(b >= 0 && e >= 0, where + ": not on a character boundary");
  Require(text.compare(b, e - b, claimed) == 0 &&
              static_cast<int64_t>(claimed.size()) == e - b,
          where + ": text '" + claimed + "' is not the slice");
  Require(lede::test_util::SliceInUnit(text, span.begin(), span.end(), unit) ==
              claimed,
          where + ": SliceInUnit disagrees");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const lede::Pipeline& pipeline =
      lede::fuzz::CreatedOrDie(lede::Pipeline::Create({}), "pipeline");
  static const lede::Analyzer analyzer(&pipeline, /*max_document_bytes=*/4096);
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  lede::v1::AnalyzeResponse response;
  const absl::Status s = analyzer.Analyze(
      bytes, [] { return false; }, absl::CancelledError("cancelled"),
      &response);
  if (!s.ok()) {
    Require(s.code() == absl::StatusCode::kInvalidArgument,
            "unexpected status " + s.ToString());
    Require(!s.message().empty(), "error without a message");
    return 0;
  }
  lede::internal::RawAnalyzeRequest req;
  Require(req.ParseFromString(bytes), "accepted bytes do not parse");
  const auto unit = static_cast<lede::v1::EncodingType>(req.encoding_type());
  // HTML content is analyzed as the extracted text, returned in `text`.
  const std::string& text =
      response.text().empty() ? req.document().content() : response.text();
  for (const auto& s : response.sentences()) {
    CheckSpan(text, unit, s.span(), s.text(), "sentence");
  }
  for (const auto& s : response.summary().sentences()) {
    CheckSpan(text, unit, s.span(), s.text(), "summary sentence");
    Require(s.sentence_index() >= 0 &&
                s.sentence_index() < response.sentences_size(),
            "summary sentence index out of range");
  }
  for (const auto& e : response.entities()) {
    for (const auto& m : e.mentions()) {
      CheckSpan(text, unit, m.span(), m.text(), "mention");
    }
  }
  for (const auto& d : response.dates()) {
    CheckSpan(text, unit, d.span(), d.text(), "date");
  }
  for (const auto& q : response.quotes()) {
    CheckSpan(text, unit, q.span(), q.text(), "quote");
    if (!q.speaker_text().empty()) {
      CheckSpan(text, unit, q.speaker_span(), q.speaker_text(), "speaker span");
    }
  }
  std::string wire;
  Require(response.SerializeToString(&wire), "response does not serialize");
  return 0;
}
