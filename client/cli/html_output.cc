#include "client/cli/html_output.h"

#include <algorithm>
#include <map>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace lede::cli {
namespace {

// One highlight: a byte range of the text and how to show it.
struct Mark {
  size_t begin;
  size_t end;
  int rank;  // among marks with the same range: lower opens first (outer)
  std::string cls;
  std::string title;
};

constexpr v1::EntityType kEntityOrder[] = {v1::PERSON,
                                           v1::ORGANIZATION,
                                           v1::LOCATION,
                                           v1::NATIONALITY,
                                           v1::EVENT,
                                           v1::WORK_OF_ART,
                                           v1::PRODUCT,
                                           v1::MONEY,
                                           v1::PERCENT,
                                           v1::OTHER,
                                           v1::ENTITY_TYPE_UNSPECIFIED};

std::string EntityClass(v1::EntityType t) {
  return absl::StrCat("e e-", v1::EntityType_Name(t));
}

std::string Label(v1::EntityType t) {
  switch (t) {
    case v1::PERSON:
      return "Person";
    case v1::ORGANIZATION:
      return "Organization";
    case v1::LOCATION:
      return "Location";
    case v1::NATIONALITY:
      return "Nationality / group";
    case v1::EVENT:
      return "Event";
    case v1::WORK_OF_ART:
      return "Work of art";
    case v1::PRODUCT:
      return "Product";
    case v1::MONEY:
      return "Money";
    case v1::PERCENT:
      return "Percent";
    case v1::OTHER:
      return "Other";
    default:
      return "Entity";
  }
}

constexpr char kStyle[] = R"css(
:root { color-scheme: light; }
body { font: 17px/1.6 Georgia, 'DejaVu Serif', serif; margin: 0; background: #fafafa; color: #1d1d1d; }
header.top { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: .5em 2em; z-index: 2; }
header.top h1 { font: 600 1.1em/1.3 system-ui, 'DejaVu Sans', sans-serif; margin: 0 0 .3em; }
.legend { font: .8em/1.9 system-ui, 'DejaVu Sans', sans-serif; }
.legend span { margin-right: .6em; white-space: nowrap; }
main { max-width: 52em; margin: 0 auto; padding: 1em 2em 4em; }
nav.toc { font: .9em system-ui, 'DejaVu Sans', sans-serif; }
section.doc { background: #fff; border: 1px solid #e3e3e3; border-radius: 6px; padding: 1em 2em; margin: 1.5em 0; }
section.doc > h2 { font: 600 1.15em system-ui, 'DejaVu Sans', sans-serif; margin: .2em 0; overflow-wrap: anywhere; }
.meta { color: #666; font: .85em system-ui, 'DejaVu Sans', sans-serif; }
.summary { background: #fff8e1; border-left: 4px solid #f4b400; padding: .4em 1em; margin: 1em 0; }
.summary h3, .entities h3, .text h3 { font: 600 .9em system-ui, 'DejaVu Sans', sans-serif; text-transform: uppercase; letter-spacing: .05em; color: #555; margin: .4em 0; }
.summary ol { margin: .2em 0; padding-left: 1.4em; }
.entities { font: .9em/1.7 system-ui, 'DejaVu Sans', sans-serif; }
.entities ul { list-style: none; padding: 0; margin: 0; }
.entities li b { display: inline-block; min-width: 9em; }
.text p { margin: 0 0 .9em; overflow-wrap: anywhere; }
.error { color: #a00000; font-family: monospace; white-space: pre-wrap; }
.e { border-radius: 3px; padding: 0 1px; border-bottom: 2px solid rgba(0,0,0,.25); }
.e-PERSON { background: #cfe5ff; border-bottom-color: #2f6fbf; }
.e-ORGANIZATION { background: #f6d3f4; border-bottom-color: #a43aa0; }
.e-LOCATION { background: #c8f0cf; border-bottom-color: #2c8a3c; }
.e-NATIONALITY { background: #ffe0b3; border-bottom-color: #c27a00; }
.e-EVENT { background: #ffd2d2; border-bottom-color: #c03030; }
.e-WORK_OF_ART { background: #e0d8ff; border-bottom-color: #5b47b5; }
.e-PRODUCT { background: #cdeeee; border-bottom-color: #2a8585; }
.e-MONEY { background: #dcebc3; border-bottom-color: #5f8a1e; }
.e-PERCENT { background: #ebe2c6; border-bottom-color: #8a7430; }
.e-OTHER, .e-ENTITY_TYPE_UNSPECIFIED { background: #e4e4e4; }
.t { background: #fff19a; border-bottom: 2px dashed #b59300; }
.q { background: #e9f6ec; font-style: italic; box-shadow: 0 2px 0 #3a9a52; }
.sum { text-decoration: underline 2px #f4b400; text-underline-offset: .35em; }
.legend .sum { text-decoration: none; border-bottom: 2px solid #f4b400; }
[title] { cursor: help; }
)css";

std::string TimeTitle(const v1::TimeExpression& d) {
  return absl::StrCat(v1::TimeType_Name(d.type()), " \xC2\xB7 ",
                      d.value().empty() ? "(no value)" : d.value(),
                      d.mod().empty() ? "" : absl::StrCat(" (", d.mod(), ")"));
}

std::string QuoteTitle(const v1::Quote& q) {
  std::string t = absl::StrCat(
      q.type() == v1::INDIRECT ? "Indirect quote" : "Quote", " \xC2\xB7 ",
      q.speaker().empty() ? "speaker unknown" : q.speaker());
  if (!q.cue().empty()) absl::StrAppend(&t, " (", q.cue(), ")");
  return t;
}

std::vector<Mark> CollectMarks(const v1::AnalyzeResponse& r, size_t size) {
  std::vector<Mark> marks;
  auto add = [&](const v1::Span& s, int rank, std::string cls,
                 std::string title) {
    const size_t b = std::min<size_t>(std::max(0, s.begin()), size);
    const size_t e = std::min<size_t>(std::max(0, s.end()), size);
    if (b >= e) return;
    marks.push_back({b, e, rank, std::move(cls), std::move(title)});
  };
  for (const auto& s : r.summary().sentences()) {
    add(s.span(), 0, "sum",
        absl::StrFormat("Summary sentence (score %.3f)", s.score()));
  }
  for (const auto& q : r.quotes()) add(q.span(), 1, "q", QuoteTitle(q));
  for (const auto& e : r.entities()) {
    const std::string title =
        absl::StrCat(Label(e.type()), " \xC2\xB7 ", e.name());
    for (const auto& m : e.mentions()) {
      add(m.span(), 2, EntityClass(e.type()), title);
    }
  }
  for (const auto& d : r.dates()) add(d.span(), 3, "t", TimeTitle(d));
  std::stable_sort(marks.begin(), marks.end(),
                   [](const Mark& a, const Mark& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     if (a.end != b.end) return a.end > b.end;
                     return a.rank < b.rank;
                   });
  return marks;
}

std::string OpenTag(const Mark& m) {
  return absl::StrCat("<span class=\"", m.cls, "\" title=\"",
                      HtmlEscape(m.title), "\">");
}

// The text with every mark as a <span>, one <p> per line. A sweep over the
// boundaries keeps a stack of open marks; a mark that ends while marks opened
// after it are still open closes them, ends, and reopens them, so spans that
// overlap without nesting become well-formed fragments; line breaks close and
// reopen everything the same way.
std::string Highlight(std::string_view text, const std::vector<Mark>& marks) {
  std::vector<size_t> cuts = {0, text.size()};
  for (const Mark& m : marks) {
    cuts.push_back(m.begin);
    cuts.push_back(m.end);
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      cuts.push_back(i);
      cuts.push_back(i + 1);
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::string out = "<p>";
  std::vector<const Mark*> open;
  size_t next = 0;
  auto close_all = [&] {
    for (size_t i = open.size(); i > 0; --i) out += "</span>";
  };
  auto reopen_all = [&] {
    for (const Mark* m : open) out += OpenTag(*m);
  };
  for (size_t c = 0; c + 1 < cuts.size(); ++c) {
    const size_t a = cuts[c], b = cuts[c + 1];
    // Close what ends here (and reopen what was opened after it).
    size_t first_done = open.size();
    for (size_t i = 0; i < open.size(); ++i) {
      if (open[i]->end <= a) {
        first_done = i;
        break;
      }
    }
    if (first_done < open.size()) {
      for (size_t i = open.size(); i > first_done; --i) out += "</span>";
      std::vector<const Mark*> keep;
      for (size_t i = first_done; i < open.size(); ++i) {
        if (open[i]->end > a) keep.push_back(open[i]);
      }
      open.resize(first_done);
      for (const Mark* m : keep) {
        open.push_back(m);
        out += OpenTag(*m);
      }
    }
    while (next < marks.size() && marks[next].begin <= a) {
      if (marks[next].end > a) {
        open.push_back(&marks[next]);
        out += OpenTag(marks[next]);
      }
      ++next;
    }
    if (b == a + 1 && text[a] == '\n') {
      close_all();
      out += "</p>\n<p>";
      reopen_all();
      continue;
    }
    out += HtmlEscape(text.substr(a, b - a));
  }
  close_all();
  out += "</p>";
  // Text ending in a line break has no last paragraph.
  constexpr std::string_view kEmpty = "\n<p></p>";
  if (out.size() > kEmpty.size() &&
      out.compare(out.size() - kEmpty.size(), kEmpty.size(), kEmpty) == 0) {
    out.resize(out.size() - kEmpty.size());
  }
  return out;
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string HtmlPageStart(std::string_view title) {
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<meta name=\"generator\" content=\"lede\">\n"
      "<title>",
      HtmlEscape(title), "</title>\n<style>", kStyle,
      "</style>\n</head>\n<body>\n<header class=\"top\">\n<h1>",
      HtmlEscape(title), "</h1>\n<div class=\"legend\">");
  for (v1::EntityType t : kEntityOrder) {
    if (t == v1::ENTITY_TYPE_UNSPECIFIED) continue;
    absl::StrAppend(&out, "<span class=\"", EntityClass(t), "\">", Label(t),
                    "</span> ");
  }
  absl::StrAppend(&out,
                  "<span class=\"t\">Date / time</span> "
                  "<span class=\"q\">Quote</span> "
                  "<span class=\"sum\">Summary sentence</span> "
                  "<span>(hover for names and values)</span>",
                  "</div>\n</header>\n<main>\n");
  return out;
}

std::string HtmlPageEnd() { return "</main>\n</body>\n</html>\n"; }

std::string HtmlDocumentSection(const v1::AnalyzeResponse& r,
                                std::string_view text,
                                std::string_view source) {
  std::string out = absl::StrCat("<section class=\"doc\">\n<h2>",
                                 HtmlEscape(source), "</h2>\n");
  if (r.has_error() && r.error().code() != 0) {
    absl::StrAppend(&out, "<p class=\"error\">",
                    HtmlEscape(absl::StatusCodeToString(
                        static_cast<absl::StatusCode>(r.error().code()))),
                    ": ", HtmlEscape(r.error().message()),
                    "</p>\n</section>\n");
    return out;
  }
  std::string meta = absl::StrCat(r.sentences_size(), " sentences");
  if (!r.reference_time().empty()) {
    absl::StrAppend(
        &meta, " \xC2\xB7 reference time ", r.reference_time(), " (",
        absl::AsciiStrToLower(
            v1::ReferenceTimeSource_Name(r.reference_time_source())),
        ")");
  }
  absl::StrAppend(&out, "<div class=\"meta\">", HtmlEscape(meta), "</div>\n");

  absl::StrAppend(&out, "<div class=\"summary\"><h3>Summary</h3>");
  if (r.summary().sentences().empty()) {
    absl::StrAppend(&out, "<p>(none)</p>");
  } else {
    absl::StrAppend(&out, "<ol>");
    for (const auto& s : r.summary().sentences()) {
      absl::StrAppend(&out, "<li>", HtmlEscape(s.text()), "</li>");
    }
    absl::StrAppend(&out, "</ol>");
  }
  absl::StrAppend(&out, "</div>\n");

  if (!r.entities().empty()) {
    std::map<int, std::vector<const v1::Entity*>> by_type;
    for (const auto& e : r.entities()) by_type[e.type()].push_back(&e);
    absl::StrAppend(&out, "<div class=\"entities\"><h3>Entities</h3><ul>");
    for (v1::EntityType t : kEntityOrder) {
      auto it = by_type.find(t);
      if (it == by_type.end()) continue;
      absl::StrAppend(&out, "<li><b>", Label(t), "</b> ");
      bool first = true;
      for (const v1::Entity* e : it->second) {
        absl::StrAppend(&out, first ? "" : ", ", "<span class=\"",
                        EntityClass(t), "\">", HtmlEscape(e->name()),
                        "</span> \xC3\x97", e->mentions_size());
        first = false;
      }
      absl::StrAppend(&out, "</li>");
    }
    absl::StrAppend(&out, "</ul></div>\n");
  }

  absl::StrAppend(&out, "<div class=\"text\"><h3>Text</h3>\n",
                  Highlight(text, CollectMarks(r, text.size())),
                  "\n</div>\n</section>\n");
  return out;
}

}  // namespace lede::cli
