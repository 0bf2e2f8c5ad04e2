#ifndef LEDE_ENGINE_TEXT_ABBREVIATIONS_H_
#define LEDE_ENGINE_TEXT_ABBREVIATIONS_H_

// Word lists the segmenter consults around periods: English news
// abbreviations by how they behave before a sentence boundary, and the
// capitalized words that usually start a sentence. Lookups ignore ASCII case
// and never allocate; the lists are compiled in and immutable, so every
// function here is thread-safe.

#include <string_view>

namespace lede {

// AbbreviationClass
//
// How an abbreviation (written with its period) relates to sentence ends.
enum class AbbreviationClass {
  kNone,          // not a known abbreviation
  kTitle,         // precedes a name, never ends a sentence: Mr. Dr. Gov. Mt.
  kNumberPrefix,  // an abbreviation only before a number: No. 5, p. 55, Art. 3
  kNoBreak,       // never ends a sentence: vs. cf. viz.
  kAmbiguous,     // may end a sentence: Inc. Co. Jr. etc. Jan. St.
};

// LookupAbbreviation()
//
// Class of `word` (without its period), e.g. "Mr" → kTitle, "inc" →
// kAmbiguous.
AbbreviationClass LookupAbbreviation(std::string_view word);

// IsSentenceStarter()
//
// True for words that, capitalized after an ambiguous abbreviation, signal a
// new sentence ("The", "He", "But", "In", ...): function words, pronouns,
// common sentence adverbs and quantifiers. Case-insensitive.
bool IsSentenceStarter(std::string_view word);

// ContinuesTimeExpression()
//
// True for capitalized words that commonly follow "a.m."/"p.m." inside the
// same sentence: weekdays, months, time-zone names ("Monday", "Eastern").
bool ContinuesTimeExpression(std::string_view word);

}  // namespace lede

#endif  // LEDE_ENGINE_TEXT_ABBREVIATIONS_H_
