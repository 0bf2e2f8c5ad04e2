#include "service/analyzer.h"

#include "absl/strings/str_cat.h"
#include "engine/text/string_view.h"
#include "engine/text/utf8.h"
#include "service/convert.h"
#include "service/html/html_text.h"
#include "service/raw_request.pb.h"

namespace lede {
namespace {

// Validates a short string field, naming it in the error.
absl::Status CheckField(std::string_view name, const std::string& value) {
  const int64_t bad = FirstInvalidUtf8Offset(value);
  if (bad < 0) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(AsAbsl(name),
                   " is not valid UTF-8 (first bad byte at offset ", bad, ")"));
}

// `Document.content_type` (field 6). The raw mirror does not declare it yet,
// so it arrives among the unknown fields; the last value on the wire wins, as
// for a declared field.
}  // namespace

absl::Status Analyzer::Analyze(std::string_view request_bytes,
                               const std::function<bool()>& interrupted,
                               const absl::Status& interrupted_status,
                               v1::AnalyzeResponse* response,
                               std::string* document_id) const {
  internal::RawAnalyzeRequest req;
  if (!req.ParseFromArray(request_bytes.data(),
                          static_cast<int>(request_bytes.size()))) {
    return absl::InvalidArgumentError(
        "request is not a valid lede.v1.AnalyzeRequest message");
  }
  const internal::RawDocument& doc = req.document();
  if (absl::Status s = CheckField("document.id", doc.id()); !s.ok()) return s;
  if (document_id) *document_id = doc.id();
  response->set_document_id(doc.id());
  if (static_cast<int64_t>(doc.content().size()) > max_document_bytes_) {
    return absl::InvalidArgumentError(absl::StrCat(
        "document.content is ", doc.content().size(),
        " bytes; this server accepts at most ", max_document_bytes_,
        " bytes (--max_document_bytes); split the document"));
  }
  for (const auto& [name, value] :
       {std::pair<std::string_view, const std::string*>{
            "document.reference_time", &doc.reference_time()},
        {"document.language", &doc.language()},
        {"document.title", &doc.title()}}) {
    if (absl::Status s = CheckField(name, *value); !s.ok()) return s;
  }
  if (absl::Status s = ValidateLanguage(doc.language()); !s.ok()) return s;
  if (!v1::EncodingType_IsValid(req.encoding_type())) {
    return absl::InvalidArgumentError(
        absl::StrCat("encoding_type ", req.encoding_type(),
                     " is unknown; use UTF8, UTF16 or UTF32"));
  }
  if (absl::Status s = ValidateUtf8(doc.content()); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("document.", s.message()));
  }

  // Proto3 enums are open: an unknown number arrives as is.
  const int content_type = doc.content_type();
  if (content_type != v1::PLAIN_TEXT && content_type != v1::HTML) {
    return absl::InvalidArgumentError(
        absl::StrCat("document.content_type ", content_type,
                     " is unknown; use PLAIN_TEXT or HTML"));
  }
  // The text that is analyzed and that offsets index into.
  std::string_view text = doc.content();
  std::string extracted;
  if (content_type == v1::HTML) {
    auto html = ExtractArticleText(doc.content());
    if (!html.ok()) {
      return absl::Status(
          html.status().code(),
          absl::StrCat("document.content: ", html.status().message()));
    }
    extracted = std::move(html->text);
    text = extracted;
  }

  AnalyzeOptions options = ToAnalyzeOptions(
      req.features(), req.summary_options(), doc.reference_time());
  options.interrupted = interrupted;
  options.interrupted_status = interrupted_status;
  auto result = pipeline_->Analyze(text, options);
  if (!result.ok()) return result.status();
  FillResponse(text, *result, req.encoding_type(), response);
  if (content_type == v1::HTML) response->set_text(std::move(extracted));
  return absl::OkStatus();
}

}  // namespace lede
