#ifndef LEDE_ENGINE_ENTITIES_CANONICAL_H_
#define LEDE_ENGINE_ENTITIES_CANONICAL_H_

// Helpers that turn the text of a name mention into comparable pieces: its
// words (without surrounding punctuation or a possessive "'s"), a normalized
// key for hashing, and the word classes the resolver strips or drops
// (function words, time words, titles, page boilerplate).

#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis.h"

namespace lede {

// SplitNameWords()
//
// The words of `span` in `text`: runs of non-space characters, each trimmed
// of surrounding punctuation (quotes, brackets, commas, ...) and of a
// possessive ("Putin's" → "Putin", "Reuters'" → "Reuters"). A final "." is
// kept for abbreviations ("U.S.", "Jr.", "J.") and dropped otherwise
// ("Russia." → "Russia"). Words that become empty are left out. Linear in
// the size of `span`.
std::vector<ByteSpan> SplitNameWords(std::string_view text, ByteSpan span);

// NameKey()
//
// A normalized form of `s` for grouping: case-folded, dots removed,
// hyphens, slashes and runs of whitespace turned into one space, curly
// apostrophes made straight. "U.S." → "us", "Kim Jong-un" → "kim jong un".
std::string NameKey(std::string_view s);

// StartsUpper(), HasUpper(), HasLetter(), HasDigit(), IsLowerWord()
//
// Character-class tests on one word (UTF-8). IsLowerWord() is true for a
// word with letters but no uppercase letter and no digit ("announced").
bool StartsUpper(std::string_view word);
bool HasUpper(std::string_view word);
bool HasLetter(std::string_view word);
bool HasDigit(std::string_view word);
bool IsLowerWord(std::string_view word);

// IsSentenceInitial()
//
// True when only spaces, opening quotes or brackets separate `pos` from the
// start of the text, a line break or a sentence-final mark.
bool IsSentenceInitial(std::string_view text, int32_t pos);

// Word classes. Each takes the NameKey() of a single word.
//
// IsLeadingStopWord(): words a name never starts with ("the", "on", "in",
//   "but", weekdays, ...), stripped from the front of a mention.
// IsNonNameWord(): function words, time words (weekdays, months, "today")
//   and page boilerplate ("advertising", "photo"); a mention made only of
//   these is not an entity.
// IsTimeWord(): weekdays, months and relative day words.
// IsTitleWord(): titles and office words stripped from the front of a
//   person's name ("president", "gen", "secretary", "spokesman").
// IsNameParticle(): lowercase words inside personal names ("de", "van",
//   "al", "bin").
// IsNameSuffix(): "jr", "sr", "ii", "iii", "iv".
bool IsLeadingStopWord(std::string_view key);
bool IsNonNameWord(std::string_view key);
bool IsTimeWord(std::string_view key);
bool IsTitleWord(std::string_view key);
bool IsNameParticle(std::string_view key);
bool IsNameSuffix(std::string_view key);

// IsKnownTheName()
//
// True when "The " + the name with key `rest_key` is the established name
// ("new york times", "hague"), so a leading "The" stays part of it.
bool IsKnownTheName(std::string_view rest_key);

}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_CANONICAL_H_
