#ifndef LEDE_ENGINE_TEXT_SEGMENTER_H_
#define LEDE_ENGINE_TEXT_SEGMENTER_H_

#include <memory>
#include <string_view>

#include "absl/status/statusor.h"
#include "engine/analysis.h"

namespace lede {

struct SegmenterSpec {};

// Segmenter
//
// Splits news text into paragraphs, sentences and tokens, with byte offsets
// into the original text. Built for news: abbreviations (U.S., Mr., Gov.,
// Jan.), initials, decimals, quotes and brackets around sentence ends,
// ellipses, datelines ("June 17 (UPI) —") and headline or caption lines
// without final punctuation.
//
// Immutable after Create(); safe to share across threads. Linear in the
// length of the text.
class Segmenter {
 public:
  static absl::StatusOr<std::unique_ptr<Segmenter>> Create(
      const SegmenterSpec& spec);

  // REQUIRES: `text` is valid UTF-8.
  Segmentation Segment(std::string_view text) const;

 private:
  Segmenter() = default;
};

}  // namespace lede

#endif  // LEDE_ENGINE_TEXT_SEGMENTER_H_
