#include "engine/entities/numeric.h"

#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/str_format.h"

namespace lede {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

// True when `text[pos..]` starts with `word` (ASCII case-insensitively when
// `fold`) and no ASCII letter follows it.
bool WordAt(std::string_view text, size_t pos, std::string_view word,
            bool fold = true) {
  if (pos + word.size() > text.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char a = text[pos + i], b = word[i];
    if (fold ? Lower(a) != Lower(b) : a != b) return false;
  }
  size_t end = pos + word.size();
  return end == text.size() || !IsAlpha(text[end]);
}

// True when `text[..end)` ends with `s` (exactly).
bool EndsWithAt(std::string_view text, size_t end, std::string_view s) {
  return end >= s.size() && text.substr(end - s.size(), s.size()) == s;
}

struct Scale {
  std::string_view word;
  double factor;
};

// Scale words written after the number, separated by a space or hyphen.
constexpr Scale kScaleWords[] = {
    {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
    {"bn", 1e9},       {"mn", 1e6},      {"tn", 1e12},     {"trn", 1e12},
    {"crore", 1e7},    {"lakh", 1e5},
};

// Scale suffixes glued to the number ("3.2m", "10bn"); money only.
constexpr Scale kScaleSuffixes[] = {
    {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
    {"bn", 1e9},       {"mn", 1e6},      {"tn", 1e12},     {"trn", 1e12},
    {"m", 1e6},        {"b", 1e9},       {"k", 1e3},
};

struct Currency {
  std::string_view text;
  std::string_view code;
  double factor = 1;
  // Only money with a scale word or a currency symbol elsewhere: "300 pounds"
  // may be a weight, "3 won" a verb.
  bool needs_scale = false;
};

// Symbols directly before the number (optionally one space between).
constexpr Currency kSymbols[] = {
    {"$", "USD"},   {"€", "EUR"}, {"£", "GBP"},  {"¥", "JPY"},  {"₹", "INR"},
    {"₽", "RUB"}, {"₩", "KRW"}, {"₪", "ILS"},  {"₺", "TRY"},  {"₴", "UAH"},
    {"₦", "NGN"},   {"฿", "THB"}, {"￥", "JPY"}, {"＄", "USD"},
};

// Letters glued before "$" ("US$", "HK$").
constexpr Currency kDollarPrefixes[] = {
    {"U.S.", "USD"}, {"US", "USD"}, {"AU", "AUD"}, {"A", "AUD"},
    {"CA", "CAD"},   {"C", "CAD"},  {"HK", "HKD"}, {"NZ", "NZD"},
    {"SG", "SGD"},   {"S", "SGD"},  {"R", "BRL"},  {"NT", "TWD"},
    {"Mex", "MXN"},
};

constexpr std::string_view kIsoCodes[] = {
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "RUB", "INR", "CHF", "KRW",
    "AUD", "CAD", "HKD", "SGD", "NZD", "BRL", "MXN", "ZAR", "TRY", "UAH",
    "ILS", "SAR", "AED", "SEK", "NOK", "DKK", "PLN", "TWD", "IRR", "KPW",
};

// Currency words after the number (and its scale).
constexpr Currency kCurrencyWords[] = {
    {"dollars", "USD"},
    {"dollar", "USD"},
    {"euros", "EUR"},
    {"euro", "EUR"},
    {"pounds sterling", "GBP"},
    {"sterling", "GBP"},
    {"pounds", "GBP", 1, true},
    {"pound", "GBP", 1, true},
    {"yen", "JPY"},
    {"yuan", "CNY"},
    {"renminbi", "CNY"},
    {"rubles", "RUB"},
    {"ruble", "RUB"},
    {"roubles", "RUB"},
    {"rouble", "RUB"},
    {"rupees", "INR"},
    {"rupee", "INR"},
    {"won", "KRW", 1, true},
    {"francs", "CHF"},
    {"franc", "CHF"},
    {"pesos", "MXN"},
    {"peso", "MXN"},
    {"cents", "USD", 0.01},
    {"cent", "USD", 0.01},
    {"pence", "GBP", 0.01},
    {"shekels", "ILS"},
    {"shekel", "ILS"},
    {"lira", "TRY"},
    {"liras", "TRY"},
    {"hryvnias", "UAH"},
    {"hryvnia", "UAH"},
    {"riyals", "SAR"},
    {"riyal", "SAR"},
    {"dirhams", "AED"},
    {"dirham", "AED"},
    {"reais", "BRL"},
    {"rand", "ZAR"},
    {"naira", "NGN"},
    {"baht", "THB"},
    {"ringgit", "MYR"},
    {"rupiah", "IDR"},
    {"zlotys", "PLN"},
    {"zloty", "PLN"},
};

// Qualifiers before "dollars" that name the currency.
constexpr Currency kDollarQualifiers[] = {
    {"U.S.", "USD"},       {"US", "USD"},          {"American", "USD"},
    {"Australian", "AUD"}, {"Canadian", "CAD"},    {"Hong Kong", "HKD"},
    {"Singapore", "SGD"},  {"New Zealand", "NZD"}, {"Taiwan", "TWD"},
    {"Zimbabwean", "ZWL"},
};

// Percent words after the number.
constexpr std::string_view kPercentWords[] = {
    "percentage points", "percentage point", "percent", "per cent", "pct",
};

// Parses a number at `i`; returns its end and stores its value.
size_t ParseNumber(std::string_view text, size_t i, double* value) {
  std::string digits;
  size_t j = i;
  while (j < text.size() && IsDigit(text[j])) digits.push_back(text[j++]);
  // Thousands groups: ",ddd" not followed by a further digit.
  while (j + 3 < text.size() + 0 && text[j] == ',' && IsDigit(text[j + 1]) &&
         IsDigit(text[j + 2]) && IsDigit(text[j + 3]) &&
         (j + 4 >= text.size() || !IsDigit(text[j + 4]))) {
    digits.append(text.data() + j + 1, 3);
    j += 4;
  }
  if (j + 1 < text.size() && text[j] == '.' && IsDigit(text[j + 1])) {
    digits.push_back('.');
    ++j;
    while (j < text.size() && IsDigit(text[j])) digits.push_back(text[j++]);
  }
  *value = std::strtod(digits.c_str(), nullptr);
  return j;
}

// A currency found before the number: its start and code.
struct Prefix {
  size_t begin = 0;
  std::string_view code;
};

bool FindPrefix(std::string_view text, size_t num_begin, Prefix* out) {
  // The symbol may be glued to the number or one space before it.
  for (size_t end : {num_begin, num_begin > 0 && text[num_begin - 1] == ' '
                                    ? num_begin - 1
                                    : std::string_view::npos}) {
    if (end == std::string_view::npos || end == 0) continue;
    for (const Currency& c : kSymbols) {
      if (!EndsWithAt(text, end, c.text)) continue;
      size_t b = end - c.text.size();
      out->begin = b;
      out->code = c.code;
      if (c.text == "$") {
        for (const Currency& p : kDollarPrefixes) {
          if (EndsWithAt(text, b, p.text) &&
              (b == p.text.size() || !IsAlpha(text[b - p.text.size() - 1]))) {
            out->begin = b - p.text.size();
            out->code = p.code;
            break;
          }
        }
      }
      return true;
    }
    // An ISO code before the number: "USD 5", "EUR3".
    if (end >= 3) {
      std::string_view w = text.substr(end - 3, 3);
      if (end == 3 || !IsAlpha(text[end - 4])) {
        for (std::string_view code : kIsoCodes) {
          if (w == code) {
            out->begin = end - 3;
            out->code = code;
            return true;
          }
        }
      }
    }
  }
  return false;
}

// Skips one separator (a space, or a hyphen when `hyphen`) at `j`.
size_t SkipSeparator(std::string_view text, size_t j, bool hyphen) {
  if (j < text.size() && (text[j] == ' ' || (hyphen && text[j] == '-'))) {
    return j + 1;
  }
  return j;
}

}  // namespace

std::vector<NumericMention> FindNumericMentions(std::string_view text) {
  std::vector<NumericMention> out;
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (!IsDigit(text[i]) ||
        (i > 0 &&
         (IsAlnum(text[i - 1]) || ((text[i - 1] == '.' || text[i - 1] == ',') &&
                                   i > 1 && IsDigit(text[i - 2]))))) {
      ++i;
      continue;
    }
    double value = 0;
    const size_t num_end = ParseNumber(text, i, &value);
    size_t end = num_end;
    double scale = 1;
    bool has_scale = false;

    Prefix prefix;
    const bool has_prefix = FindPrefix(text, i, &prefix);
    // Don't reuse a prefix that belongs to the previous mention.
    const bool prefix_ok =
        has_prefix && (out.empty() || static_cast<size_t>(
                                          out.back().span.end) <= prefix.begin);

    // A glued scale suffix counts only after a currency prefix.
    if (prefix_ok) {
      for (const Scale& s : kScaleSuffixes) {
        if (WordAt(text, end, s.word)) {
          scale = s.factor;
          has_scale = true;
          end += s.word.size();
          break;
        }
      }
    }
    if (!has_scale) {
      size_t j = SkipSeparator(text, end, /*hyphen=*/true);
      if (j != end) {
        for (const Scale& s : kScaleWords) {
          if (WordAt(text, j, s.word)) {
            scale = s.factor;
            has_scale = true;
            end = j + s.word.size();
            break;
          }
        }
      }
    }

    NumericMention m;
    bool found = false;
    if (prefix_ok) {
      m.span = {static_cast<int32_t>(prefix.begin), static_cast<int32_t>(end)};
      m.type = EntityType::kMoney;
      m.normalized =
          absl::StrFormat("%s %.15g", std::string(prefix.code), value * scale);
      found = true;
    } else {
      // Currency after the number: "50 million dollars", "40 EUR".
      size_t j = SkipSeparator(text, end, /*hyphen=*/false);
      std::string_view code;
      double factor = 1;
      size_t cur_end = 0;
      if (j != end) {
        size_t k = j;
        std::string_view qualified;
        for (const Currency& q : kDollarQualifiers) {
          if (text.substr(k, q.text.size()) == q.text &&
              k + q.text.size() < n && text[k + q.text.size()] == ' ' &&
              WordAt(text, k + q.text.size() + 1, "dollars")) {
            qualified = q.code;
            k += q.text.size() + 1;
            break;
          }
        }
        for (const Currency& c : kCurrencyWords) {
          if (!WordAt(text, k, c.text)) continue;
          if (c.needs_scale && !has_scale) break;
          code = qualified.empty() ? c.code : qualified;
          factor = c.factor;
          cur_end = k + c.text.size();
          break;
        }
        if (code.empty()) {
          for (std::string_view iso : kIsoCodes) {
            if (WordAt(text, j, iso, /*fold=*/false)) {
              code = iso;
              cur_end = j + iso.size();
              break;
            }
          }
        }
      }
      if (!code.empty()) {
        m.span = {static_cast<int32_t>(i), static_cast<int32_t>(cur_end)};
        m.type = EntityType::kMoney;
        m.normalized = absl::StrFormat("%s %.15g", std::string(code),
                                       value * scale * factor);
        found = true;
      } else if (!has_scale) {
        // Percent: "%" glued or after a space, or a percent word.
        size_t p = num_end;
        size_t pct_end = 0;
        for (size_t q : {p, SkipSeparator(text, p, /*hyphen=*/false)}) {
          if (text.substr(q, 1) == "%") {
            pct_end = q + 1;
          } else if (text.substr(q, 3) == "％") {
            pct_end = q + 3;
          }
          if (pct_end) break;
        }
        if (!pct_end) {
          size_t q = SkipSeparator(text, p, /*hyphen=*/true);
          if (q != p) {
            for (std::string_view w : kPercentWords) {
              if (WordAt(text, q, w)) {
                pct_end = q + w.size();
                break;
              }
            }
          }
        }
        if (pct_end) {
          m.span = {static_cast<int32_t>(i), static_cast<int32_t>(pct_end)};
          m.type = EntityType::kPercent;
          m.normalized = absl::StrFormat("%.15g%%", value);
          found = true;
        }
      }
    }
    if (found) {
      i = static_cast<size_t>(m.span.end);
      out.push_back(std::move(m));
    } else {
      i = num_end;
    }
  }
  return out;
}

}  // namespace lede
