#ifndef LEDE_SERVICE_HTML_HTML_TEXT_H_
#define LEDE_SERVICE_HTML_HTML_TEXT_H_

// Article text from an HTML page, for analysis.
//
// The page is parsed with libxml2's lenient HTML parser (as a browser would
// recover from bad markup; no network access, no error output), and the
// article's text is taken out of it:
//
//   - `<article>` is preferred when present (the one holding the most text
//     when there are several), else `<main>` (or `role="main"`), else
//     `<body>`.
//   - Never part of the text: script, style, noscript, template, nav, aside,
//     form, iframe, button, select, svg, object and the like; header and
//     footer (except a header inside the chosen article, which normally
//     holds the headline); elements hidden with `hidden`, `aria-hidden` or
//     `display:none`; navigation, banner and complementary ARIA roles; and
//     boilerplate whose class or id names it (nav, menu, footer, share,
//     social, related, advert, cookie, subscribe, newsletter, sidebar,
//     comments, ...).
//   - Block elements (p, div, h1-h6, li, blockquote, tr, br, ...) become
//     line breaks: one paragraph per line, no blank lines, no trailing
//     newline. Inside a line, runs of white space become one space (except
//     in `<pre>`, whose lines are kept). Character references are decoded;
//     no-break spaces become spaces.
//
// The result is plain UTF-8 text whose offsets the analysis then uses.

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace lede {

// kMaxHtmlDepth
//
// Deepest element nesting that ExtractArticleText() accepts; libxml2 stops
// building the tree there.
inline constexpr int kMaxHtmlDepth = 256;

// HtmlText
struct HtmlText {
  // The article text, one paragraph per line.
  std::string text;
  // The page's `<title>`, white space collapsed; empty when none.
  std::string title;
};

// ExtractArticleText()
//
// Extracts the article text from `html`, which must be UTF-8 (any charset
// the page declares is ignored). Never fails on malformed markup; returns
// INVALID_ARGUMENT when elements nest deeper than kMaxHtmlDepth (the page
// cannot be read whole), naming the limit. Thread-safe.
absl::StatusOr<HtmlText> ExtractArticleText(std::string_view html);

}  // namespace lede

#endif  // LEDE_SERVICE_HTML_HTML_TEXT_H_
