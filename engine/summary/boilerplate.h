#ifndef LEDE_ENGINE_SUMMARY_BOILERPLATE_H_
#define LEDE_ENGINE_SUMMARY_BOILERPLATE_H_

// Page debris detection for the summary stage: the lines a scraped news page
// carries besides its story (captions and photo credits, "Advertising",
// "Read more", bylines, lone datelines, copyright lines, navigation crumbs,
// share prompts). Decided from the form of a sentence and of its paragraph,
// never from a list of one article's words.

#include <string_view>
#include <vector>

#include "engine/analysis.h"

namespace lede {

// DebrisKind
//
// Why a sentence may not enter a summary. `kFragment` (a short line without
// final punctuation, such as a headline) is the only soft kind: the
// summarizer falls back on fragments when a text has no other sentence.
enum class DebrisKind : uint8_t {
  kNone = 0,
  kCaption,     // photo caption: credit, "(L)"/"(R)" markers, caption form
  kCredit,      // "Photo: Reuters", "(Getty Images)", "Pool Photo by ..."
  kPrompt,      // "Advertising", "Read more", "Click here", "Subscribe", ...
  kByline,      // "By Jane Doe"
  kDateline,    // a dateline or date standing alone: "June 17 (UPI) —"
  kCopyright,   // "© 2024 ...", "Copyright ...", "All rights reserved"
  kNavigation,  // "Home > World > Asia"
  kFragment,    // short line without final punctuation (headline, label)
};

// DebrisKindName()
//
// A short lowercase name for `kind` ("caption", "prompt", ...), for tools.
std::string_view DebrisKindName(DebrisKind kind);

// ClassifyDebris()
//
// Returns one `DebrisKind` per sentence of `seg`, in order. Linear in the
// length of the text. Pure function; thread-safe.
//
// Sentence-level rules look at the sentence alone (credit phrases, prompts,
// bylines, copyright, crumbs, lone datelines, missing final punctuation).
// Paragraph-level rules mark every sentence of a short paragraph as a
// caption when the paragraph carries a photo credit or "(L)"/"(R)" markers,
// or reads as a caption (present-tense "X meets with Y during ..." with no
// quote of a source and a last line without final punctuation).
std::vector<DebrisKind> ClassifyDebris(std::string_view text,
                                       const Segmentation& seg);

// ClassifySentenceDebris()
//
// The sentence-level rules alone, applied to one piece of text (trimmed of
// surrounding whitespace first). For tests and tools.
DebrisKind ClassifySentenceDebris(std::string_view sentence);

// Whether `s` holds a double quote mark: '"', “ or ”.
bool HasQuoteMark(std::string_view s);

}  // namespace lede

#endif  // LEDE_ENGINE_SUMMARY_BOILERPLATE_H_
