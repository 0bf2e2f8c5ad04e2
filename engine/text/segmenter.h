#ifndef LEDE_ENGINE_TEXT_SEGMENTER_H_
#define LEDE_ENGINE_TEXT_SEGMENTER_H_

#include <memory>
#include <string_view>

#include "absl/status/statusor.h"
#include "engine/analysis.h"

namespace lede {

// LineBreakMode
//
// What a single line break inside the text means.
enum class LineBreakMode {
  // News: one paragraph per line. A line break ends the paragraph, except a
  // soft wrap: the line ends in a space without final punctuation and the
  // next line starts with a lowercase letter or "(".
  kParagraph,
  // Wrapped text (PDF extractions, e-mail): in addition, a single line break
  // followed by a lowercase letter continues the sentence. Blank lines
  // still end paragraphs.
  kWrapped,
};

// SegmenterSpec
//
// Options fixed at Create(). The defaults suit news text.
struct SegmenterSpec {
  LineBreakMode line_breaks = LineBreakMode::kParagraph;
};

// Segmenter
//
// Splits news text into paragraphs, sentences and tokens, with byte offsets
// into the original text (see `Segmentation` in engine/analysis.h for the
// invariants: every token inside one sentence, every sentence inside one
// paragraph, no whitespace at the edges of any span, spans non-empty and in
// order).
//
// Paragraphs end at line breaks (\n, \r\n, \r, U+2029, U+2028, U+0085, form
// feed); see `LineBreakMode` for the exceptions. A line without final
// punctuation (a headline, a caption credit, "Advertising") is its own
// sentence.
//
// Sentences end at . ! ? … and their fullwidth forms, with rules for news:
//   - abbreviations: titles never end a sentence (Mr., Gov., Sen., Mt.);
//     number prefixes only before numbers (No. 5, p. 55); ambiguous ones
//     (U.S., Inc., Co., Jr., Jan., etc., initials) end one only when the
//     next word is a typical sentence start ("The", "He", "But"); a.m./p.m.
//     end one before any capitalized word but a weekday, month or zone,
//     unless the sentence so far is a fronted time ("At 5 a.m. Mr. Smith");
//   - decimals, numbers with separators, e-mail addresses and URLs are single
//     tokens and never split;
//   - quotes and closing brackets right after the final punctuation belong to
//     the sentence they close (“He left.” She stayed.), as do footnote marks
//     (".[1]", ".12"); inside a quotation that closes in the same paragraph,
//     "!" and "?" do not end the sentence (periods do);
//   - a lowercase word, a comma or a digit after "!" or "?" continues the
//     sentence (Yahoo! in, "-- voila! -- you");
//   - ellipses ("...", "…", ". . .") end a sentence only before a
//     capitalized word; ". . . ." (four dots) is a period plus an ellipsis;
//   - list markers ("1.", "2)", "a.", "(b)") and bullets in running text
//     start a new sentence when they form a sequence;
//   - a period with no space after it ends a sentence when a capitalized word
//     follows ("world.Today"), but not inside tokens such as "Jane.Doe@x.com".
// Datelines such as "June 17 (UPI) — For the first time ..." stay in the
// sentence they introduce.
//
// Tokens follow CoNLL conventions; see Tokenize() in engine/text/tokenizer.h.
//
// Immutable after Create(); safe to share across threads. Linear in the
// length of the text; allocates only the result vectors and two scratch
// vectors per call.
class Segmenter {
 public:
  static absl::StatusOr<std::unique_ptr<Segmenter>> Create(
      const SegmenterSpec& spec);

  // REQUIRES: `text` is valid UTF-8 and shorter than 2 GiB.
  Segmentation Segment(std::string_view text) const;

 private:
  explicit Segmenter(const SegmenterSpec& spec) : spec_(spec) {}

  const SegmenterSpec spec_;
};

}  // namespace lede

#endif  // LEDE_ENGINE_TEXT_SEGMENTER_H_
