// Fuzzes the segmenter (both line-break modes) on valid UTF-8 text.

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/text/segmenter.h"
#include "engine/text/utf8.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

const lede::Segmenter& Get(bool wrapped) {
  static const lede::Segmenter* modes[2] = {nullptr, nullptr};
  const lede::Segmenter*& s = modes[wrapped ? 1 : 0];
  if (!s) {
    lede::SegmenterSpec spec;
    spec.line_breaks = wrapped ? lede::LineBreakMode::kWrapped
                               : lede::LineBreakMode::kParagraph;
    auto created = lede::Segmenter::Create(spec);
    if (!created.ok()) std::abort();
    s = created->release();
  }
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const bool wrapped = in.ConsumeBool();
  const std::string text = in.ConsumeRemainingBytesAsString();
  if (lede::FirstInvalidUtf8Offset(text) >= 0) return 0;  // REQUIRES valid
  const lede::Segmentation seg = Get(wrapped).Segment(text);
  lede::fuzz::CheckSegmentationOrDie(text, seg);
  return 0;
}
