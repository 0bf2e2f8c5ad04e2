#ifndef LEDE_TOOLS_SUMMARY_ROUGE_H_
#define LEDE_TOOLS_SUMMARY_ROUGE_H_

// ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (Lin 2004), computed the way Google's
// rouge_score package does: lowercase, every character other than an ASCII
// letter or digit is a separator, tokens longer than three characters
// Porter-stemmed (Snowball's "porter" algorithm), no stopword removal.

#include <string>
#include <string_view>
#include <vector>

namespace lede::tools {

struct RougeScores {
  double rouge1 = 0;  // F1 in [0, 1]
  double rouge2 = 0;
  double rougeL = 0;  // summary-level LCS (ROUGE-Lsum)
};

// RougeScorer
//
// Not thread-safe (owns a stemmer); use one per thread.
class RougeScorer {
 public:
  RougeScorer();
  ~RougeScorer();
  RougeScorer(const RougeScorer&) = delete;
  RougeScorer& operator=(const RougeScorer&) = delete;

  // The tokens of `s` after lowercasing, splitting and stemming.
  std::vector<std::string> Tokenize(std::string_view s);

  // Scores `candidate` against `reference`, each a list of sentences.
  RougeScores Score(const std::vector<std::string>& candidate,
                    const std::vector<std::string>& reference);

 private:
  struct Impl;
  Impl* impl_;
};

// CountWords()
//
// Whitespace-separated words in `s` (the unit of length-limited ROUGE).
int CountWords(std::string_view s);

// TruncateToWords()
//
// The first `budget` words of `sentences`, read in order, as sentences again
// (a sentence cut short keeps its first words; sentences past the budget are
// dropped). Words are whitespace-separated; each kept sentence is its words
// joined by single spaces. Length-limited ROUGE compares summaries cut to the
// same budget, so that a longer summary is not judged on extra words.
std::vector<std::string> TruncateToWords(
    const std::vector<std::string>& sentences, int budget);

}  // namespace lede::tools

#endif  // LEDE_TOOLS_SUMMARY_ROUGE_H_
