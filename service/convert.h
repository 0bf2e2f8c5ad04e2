#ifndef LEDE_SERVICE_CONVERT_H_
#define LEDE_SERVICE_CONVERT_H_

#include <string_view>

#include "absl/status/status.h"
#include "engine/pipeline.h"
#include "lede/v1/lede.pb.h"

namespace lede {

// ToAnalyzeOptions()
//
// The engine's options for a request (feature flags, summary options,
// reference time). Validation of values is the pipeline's job.
AnalyzeOptions ToAnalyzeOptions(const v1::Features& features,
                                const v1::SummaryOptions& summary,
                                std::string reference_time);

// ValidateLanguage()
//
// OK for "", "en" and "en-*" (any case); INVALID_ARGUMENT otherwise.
absl::Status ValidateLanguage(std::string_view language);

// FillResponse()
//
// Writes `result` for `text` into `response`, converting every byte span to
// `encoding` and filling each `text` field with the slice it points at.
void FillResponse(std::string_view text, const AnalysisResult& result,
                  v1::EncodingType encoding, v1::AnalyzeResponse* response);

}  // namespace lede

#endif  // LEDE_SERVICE_CONVERT_H_
