// Fuzzes the quote finder on segmented valid UTF-8 text with the entities
// the entity stage found (as in the pipeline).

#include <cstdint>
#include <string>

#include "engine/entities/entity_recognizer.h"
#include "engine/quotes/quote_finder.h"
#include "engine/text/segmenter.h"
#include "engine/text/utf8.h"
#include "tests/fuzz/fuzz_checks.h"
#include "tests/fuzz/stages_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const lede::Segmenter& segmenter = lede::fuzz::CreatedOrDie(
      lede::Segmenter::Create(lede::SegmenterSpec{}), "segmenter");
  static const lede::EntityRecognizer& recognizer = lede::fuzz::CreatedOrDie(
      lede::EntityRecognizer::Create({lede::DefaultModelDir()}), "entities");
  static const lede::QuoteFinder& finder = lede::fuzz::CreatedOrDie(
      lede::QuoteFinder::Create(lede::QuoteSpec{}), "quotes");
  if (size == 0) return 0;
  // The first byte chooses whether the entity stage runs first.
  const bool with_entities = data[0] & 1;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (lede::FirstInvalidUtf8Offset(text) >= 0) return 0;
  const lede::Segmentation seg = segmenter.Segment(text);
  std::vector<lede::Entity> entities;
  if (with_entities) entities = recognizer.Recognize(text, seg);
  const auto quotes = finder.Find(text, seg, &entities);
  lede::fuzz::CheckQuotes(text, quotes, entities);
  lede::fuzz::CheckEntities(text, entities, /*sorted_by_salience=*/false);
  return 0;
}
