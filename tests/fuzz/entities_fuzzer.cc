// Fuzzes the entity recognizer (statistical tagger, gazetteers, resolver)
// on segmented valid UTF-8 text.

#include <cstdint>
#include <string>

#include "engine/entities/entity_recognizer.h"
#include "engine/text/segmenter.h"
#include "engine/text/utf8.h"
#include "tests/fuzz/fuzz_checks.h"
#include "tests/fuzz/stages_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const lede::Segmenter& segmenter = lede::fuzz::CreatedOrDie(
      lede::Segmenter::Create(lede::SegmenterSpec{}), "segmenter");
  static const lede::EntityRecognizer& recognizer = lede::fuzz::CreatedOrDie(
      lede::EntityRecognizer::Create({lede::DefaultModelDir()}), "entities");
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (lede::FirstInvalidUtf8Offset(text) >= 0) return 0;
  const lede::Segmentation seg = segmenter.Segment(text);
  const auto entities = recognizer.Recognize(text, seg);
  lede::fuzz::CheckEntities(text, entities, /*sorted_by_salience=*/true);
  return 0;
}
