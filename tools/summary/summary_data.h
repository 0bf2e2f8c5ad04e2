#ifndef LEDE_TOOLS_SUMMARY_SUMMARY_DATA_H_
#define LEDE_TOOLS_SUMMARY_SUMMARY_DATA_H_

// The summary tools' view of the shared datasets: BBC News Summary (dev
// categories, extractive references) and GUM news (one human sentence per
// article), plus the train/held-out split and sentence labels.

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"

namespace lede::tools {

// SummaryDoc
//
// One article with its reference summary.
struct SummaryDoc {
  std::string id;
  std::string category;   // BBC category; "gum" for GUM
  std::string title;      // BBC: the headline, which `text` lacks
  std::string text;       // the raw article text, as the service would get it
  std::string reference;  // the reference summary text
  // The reference split into sentences, in document order (for ROUGE-Lsum).
  std::vector<std::string> reference_sentences;
  // Number of reference sentences: the k of Lead-k.
  int reference_count = 0;
  // True for the held-out part of BBC (see IsHeldOut) and for GUM articles
  // of GUM's dev and test splits.
  bool held_out = false;
};

// IsHeldOut()
//
// The BBC split: an article is held out when the FNV-1a 64-bit hash of its
// id ("business/001") is 0 modulo 5, about a fifth of each category.
bool IsHeldOut(std::string_view id);

// LoadBbc() / LoadGum()
//
// Read the shared JSONL files (see their SOURCE.md).
absl::StatusOr<std::vector<SummaryDoc>> LoadBbc(const std::string& path);
absl::StatusOr<std::vector<SummaryDoc>> LoadGum(const std::string& path);

// NormalizeForMatch()
//
// Lowercased ASCII letters and digits only, everything else dropped, so that
// a sentence can be found inside a reference whose sentences were glued
// together without spaces.
std::string NormalizeForMatch(std::string_view s);

// LabelSentences()
//
// For each sentence of `seg`: true when its normalized text (at least 10
// characters) occurs in the normalized `reference`, i.e. the extractive
// reference contains it.
std::vector<bool> LabelSentences(std::string_view text, const Segmentation& seg,
                                 std::string_view reference);

// SharedDataPath()
//
// `$LEDE_SHARED_DIR/data/<relative>`, or `../shared/data/<relative>` when the
// variable is unset.
std::string SharedDataPath(std::string_view relative);

}  // namespace lede::tools

#endif  // LEDE_TOOLS_SUMMARY_SUMMARY_DATA_H_
