// Fuzzes the summarizer (with the model in models/summary.bin) on segmented
// valid UTF-8 text, with fuzzed length and order.

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <string>

#include "engine/entities/entity_recognizer.h"
#include "engine/summary/summarizer.h"
#include "engine/text/segmenter.h"
#include "engine/text/utf8.h"
#include "tests/fuzz/fuzz_checks.h"
#include "tests/fuzz/stages_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const lede::Segmenter& segmenter = lede::fuzz::CreatedOrDie(
      lede::Segmenter::Create(lede::SegmenterSpec{}), "segmenter");
  static const lede::EntityRecognizer& recognizer = lede::fuzz::CreatedOrDie(
      lede::EntityRecognizer::Create({lede::DefaultModelDir()}), "entities");
  static const lede::Summarizer& summarizer = lede::fuzz::CreatedOrDie(
      lede::Summarizer::Create({lede::DefaultModelDir()}), "summarizer");
  FuzzedDataProvider in(data, size);
  lede::SummaryRequest req;
  req.max_sentences = in.ConsumeIntegralInRange<int>(0, 1000);
  req.score_order = in.ConsumeBool();
  const bool with_entities = in.ConsumeBool();
  const std::string text = in.ConsumeRemainingBytesAsString();
  if (lede::FirstInvalidUtf8Offset(text) >= 0) return 0;
  const lede::Segmentation seg = segmenter.Segment(text);
  std::vector<lede::Entity> entities;
  if (with_entities) entities = recognizer.Recognize(text, seg);
  const auto summary = summarizer.Summarize(text, seg, entities, req);
  lede::fuzz::CheckSummary(summary, seg, req.max_sentences, req.score_order);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    lede::fuzz::Require(summary.empty(), "summary of an empty text");
  }
  return 0;
}
