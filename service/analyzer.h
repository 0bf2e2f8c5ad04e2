#ifndef LEDE_SERVICE_ANALYZER_H_
#define LEDE_SERVICE_ANALYZER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "engine/pipeline.h"
#include "lede/v1/lede.pb.h"

namespace lede {

// Analyzer
//
// Turns the wire bytes of one `lede.v1.AnalyzeRequest` into an
// `AnalyzeResponse`: parses them leniently (string fields as bytes, so
// invalid UTF-8 is reported with its offset instead of failing the parse),
// validates sizes, language and UTF-8, extracts the article text from HTML
// content (`content_type: HTML`, returned in `AnalyzeResponse.text`), runs
// the pipeline and converts spans to the requested unit. No gRPC inside, so
// it is tested directly.
//
// Thread-safe; does not own the pipeline, which must outlive it.
class Analyzer {
 public:
  Analyzer(const Pipeline* pipeline, int64_t max_document_bytes)
      : pipeline_(pipeline), max_document_bytes_(max_document_bytes) {}

  // Fills `response` or returns the status the call should fail with.
  // `interrupted` is polled during the analysis; when it returns true the
  // analysis stops with `interrupted_status`.
  absl::Status Analyze(std::string_view request_bytes,
                       const std::function<bool()>& interrupted,
                       const absl::Status& interrupted_status,
                       v1::AnalyzeResponse* response,
                       std::string* document_id = nullptr) const;

  int64_t max_document_bytes() const { return max_document_bytes_; }

 private:
  const Pipeline* pipeline_;
  int64_t max_document_bytes_;
};

}  // namespace lede

#endif  // LEDE_SERVICE_ANALYZER_H_
