#ifndef LEDE_ENGINE_TEXT_TOKENIZER_H_
#define LEDE_ENGINE_TEXT_TOKENIZER_H_

// Tokenize()
//
// Appends the CoNLL-style tokens of `text[begin, end)` to `*tokens`, in order,
// as spans into `text`. Whitespace separates tokens and belongs to none;
// every other byte of the range lies in exactly one token, and no token
// splits a UTF-8 sequence or a grapheme's combining marks.
//
// Rules, in the order they are tried at a token start:
//   - URLs (http://..., www....), e-mail addresses and bare domains with a
//     common top-level domain are one token, minus trailing punctuation.
//   - Clitics split off a word: "Putin’s" → "Putin" "’s", "don't" → "do"
//     "n't" ('s 'm 'd 'll 're 've n't, ASCII or curly apostrophe).
//   - Dotted abbreviations keep their periods: "U.S.", "e.g.", "Ph.D.",
//     "U.S.-led";
//     so do single letters ("E.") and known abbreviations ("Mr.", "Inc.";
//     "No." only before a number).
//   - Words and numbers run over letters, digits and marks, with inner
//     hyphens ("Jong-un", "20-year-old"), inner apostrophes ("O'Brien"),
//     "&" between capitals ("AT&T") and,
//     between digits, "." "," (before three digits) ":" "/": "1,000" "3.5"
//     "12:30" "05/29/1987".
//   - A run of periods ("...") or of hyphens ("--") is one token; "…" too.
//   - Any other punctuation or symbol character is its own token; emoji and
//     other symbols are one token per grapheme (with modifiers, ZWJ
//     sequences and flags).
//
// `space_before` is true for the first token of the range and after
// whitespace. Linear in `end - begin`; allocates only by growing `*tokens`.
// REQUIRES: `text` is valid UTF-8 and `begin`, `end` are code point
// boundaries.

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/analysis.h"

namespace lede {

void Tokenize(std::string_view text, int32_t begin, int32_t end,
              std::vector<Token>* tokens);

}  // namespace lede

#endif  // LEDE_ENGINE_TEXT_TOKENIZER_H_
