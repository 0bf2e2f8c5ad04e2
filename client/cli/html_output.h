#ifndef LEDE_CLIENT_CLI_HTML_OUTPUT_H_
#define LEDE_CLIENT_CLI_HTML_OUTPUT_H_

// `lede analyze --format=html`: self-contained HTML pages (inline CSS, no
// scripts, no external resources) showing the analyzed text with every
// entity mention, date and quote highlighted in place by type, a legend,
// hover titles with the canonical name or normalized value, and the summary
// on top.
//
// A page is HtmlPageStart() + one HtmlDocumentSection() per document +
// HtmlPageEnd(), so a stream of documents is written as it arrives.

#include <string>
#include <string_view>

#include "lede/v1/lede.pb.h"

namespace lede::cli {

// HtmlEscape()
//
// `s` with &, <, >, " and ' replaced by character references; safe in text
// and in quoted attribute values.
std::string HtmlEscape(std::string_view s);

// HtmlPageStart() / HtmlPageEnd()
//
// The page's head (title, style sheet, legend) and its closing tags.
std::string HtmlPageStart(std::string_view title);
std::string HtmlPageEnd();

// HtmlDocumentSection()
//
// One document as a `<section class="doc">`: heading (`source`), summary,
// entities by type, then `text` (the analyzed text: `response.text()` for
// HTML input, else the content sent) with highlights, one `<p>` per line.
// Spans must be UTF-8 byte offsets (request `encoding_type: UTF8`); spans
// outside `text` are clamped and empty ones skipped. Overlapping spans that
// do not nest are split so the markup stays well-formed. A response with
// `error` set renders as the error message.
std::string HtmlDocumentSection(const v1::AnalyzeResponse& response,
                                std::string_view text, std::string_view source);

}  // namespace lede::cli

#endif  // LEDE_CLIENT_CLI_HTML_OUTPUT_H_
