#ifndef LEDE_ENGINE_QUOTES_QUOTE_MARKS_H_
#define LEDE_ENGINE_QUOTES_QUOTE_MARKS_H_

// Quotation marks: finding them and pairing them into quoted runs. The first
// half of the quote stage, with no knowledge of speakers or cues.

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/analysis.h"

namespace lede {

// QuotedRun
//
// One contiguous run of words inside quotation marks. `content` excludes the
// marks and surrounding whitespace; `open` and `close` are the marks
// themselves (`close` is empty when the run was never closed and was bounded
// by its paragraph).
struct QuotedRun {
  ByteSpan content;
  ByteSpan open;
  ByteSpan close;
  int32_t first_paragraph = 0;  // index into Segmentation::paragraphs
  int32_t last_paragraph = 0;   // > first_paragraph for multi-paragraph runs
  bool single = false;          // ‘…’ or '…' at top level
};

// FindQuotedRuns()
//
// Pairs the quotation marks of `text` into runs, in document order, never
// overlapping.
//
// Double marks: straight `"`, NYT-style `''`, curly `“ ”`, low `„` and
// guillemets `« »`. A straight mark opens or closes by what flanks it.
// Single marks (`‘ ’`, straight `'`, `‹ ›`) make a run only at top level and
// only when they look like quotation marks rather than apostrophes
// ("Putin’s", "’90s", "rock ’n’ roll", "the States’ role"); inside a double
// run they are part of it.
//
// A double run that is still open at the end of its paragraph continues into
// the next paragraph when that paragraph opens with a double mark (the news
// convention for a quote of several paragraphs); otherwise it ends with its
// paragraph, so an unbalanced mark never swallows the rest of the text.
//
// Linear in the length of `text`. REQUIRES: `seg` is the segmentation of
// `text` (only its paragraphs are used).
std::vector<QuotedRun> FindQuotedRuns(std::string_view text,
                                      const Segmentation& seg);

}  // namespace lede

#endif  // LEDE_ENGINE_QUOTES_QUOTE_MARKS_H_
