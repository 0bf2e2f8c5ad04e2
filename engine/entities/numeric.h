#ifndef LEDE_ENGINE_ENTITIES_NUMERIC_H_
#define LEDE_ENGINE_ENTITIES_NUMERIC_H_

// Rules for the numeric entity types, MONEY and PERCENT, which the trained
// tagger does not produce.

#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis.h"

namespace lede {

// NumericMention
//
// One MONEY or PERCENT expression. `normalized` identifies the amount: for
// money an ISO 4217 code, a space and the amount in units of that currency
// ("USD 50000000000" for "$50 billion", "EUR 3200000" for "€3.2m"); for a
// percentage the number followed by "%" ("12.5%" for "12.5 per cent").
struct NumericMention {
  ByteSpan span;
  EntityType type = EntityType::kMoney;  // kMoney or kPercent
  std::string normalized;
};

// FindNumericMentions()
//
// Finds money and percentages in `text`, in document order and without
// overlaps. Recognized forms:
//
//   money:   a currency symbol or prefix before the number ("$50", "€3.2m",
//            "US$1.5 trillion", "HK$ 20", "£300", "¥10bn"); an ISO code
//            before or after it ("USD 5 million", "40 EUR"); a currency word
//            after it ("50 million dollars", "3 billion U.S. dollars",
//            "200 euros", "10 million yen"). Scale words and suffixes
//            (thousand, million, billion, trillion, k, m, mn, bn, tn) are
//            part of the span and of the amount. "pounds" counts as money
//            only with a scale word or "sterling" ("300 pounds" may be a
//            weight).
//   percent: "76%", "76 %", "76 percent", "12.5 per cent", "3 pct",
//            "2 percentage points".
//
// Numbers are digits with optional "," thousands separators and a "."
// decimal part; numbers written in words are not recognized. Linear in the
// length of `text`; `text` need not be valid UTF-8.
std::vector<NumericMention> FindNumericMentions(std::string_view text);

}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_NUMERIC_H_
