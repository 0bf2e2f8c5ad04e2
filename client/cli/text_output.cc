#include "client/cli/text_output.h"

#include <algorithm>
#include <map>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace lede::cli {
namespace {

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

const char* TypeColor(v1::EntityType t) {
  switch (t) {
    case v1::PERSON:
      return "1;36";  // bold cyan
    case v1::ORGANIZATION:
      return "1;35";  // bold magenta
    case v1::LOCATION:
      return "1;32";  // bold green
    case v1::NATIONALITY:
      return "33";  // yellow
    case v1::EVENT:
      return "1;31";  // bold red
    case v1::WORK_OF_ART:
      return "35";  // magenta
    case v1::PRODUCT:
      return "36";  // cyan
    case v1::MONEY:
    case v1::PERCENT:
      return "1;34";  // bold blue
    default:
      return "37";
  }
}

const char* TypeLabel(v1::EntityType t) {
  switch (t) {
    case v1::PERSON:
      return "Person";
    case v1::ORGANIZATION:
      return "Organization";
    case v1::LOCATION:
      return "Location";
    case v1::NATIONALITY:
      return "Nationality";
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
      return "Unknown";
  }
}

// Columns `s` takes on a terminal: one per code point (no East Asian width).
size_t Columns(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string PadRight(const std::string& s, size_t width) {
  const size_t cols = Columns(s);
  return cols >= width ? s : s + std::string(width - cols, ' ');
}

struct Style {
  bool on;
  std::string Wrap(const char* code, const std::string& s) const {
    return on && !s.empty() ? absl::StrCat("\x1b[", code, "m", s, "\x1b[0m")
                            : s;
  }
  std::string Heading(const std::string& s) const { return Wrap("1;4", s); }
  std::string Bold(const std::string& s) const { return Wrap("1", s); }
  std::string Dim(const std::string& s) const { return Wrap("2", s); }
};

// A run of text that wraps as a unit, with the colour it is shown in.
struct Piece {
  std::string text;
  const char* color = nullptr;  // nullptr: default colour
};

// Lays `pieces` out after `first` (already `first_cols` wide), breaking
// between words at `width` columns (0: never) with `indent` spaces on
// continuation lines. Colour codes are added after measuring.
std::string Flow(const std::vector<Piece>& pieces, size_t first_cols,
                 size_t indent, int width, const Style& st) {
  std::string out;
  size_t col = first_cols;
  bool first_word = true;
  for (const Piece& p : pieces) {
    for (absl::string_view w : absl::StrSplit(p.text, ' ')) {
      const std::string word(w);
      const size_t cols = Columns(word);
      const bool space = !first_word;
      if (width > 0 && col > indent && col + space + cols > size_t(width)) {
        absl::StrAppend(&out, "\n", std::string(indent, ' '));
        col = indent;
      } else if (space) {
        out += ' ';
        ++col;
      }
      absl::StrAppend(&out, p.color ? st.Wrap(p.color, word) : word);
      col += cols;
      first_word = false;
    }
  }
  return out;
}

}  // namespace

std::string FormatText(const v1::AnalyzeResponse& r, const std::string& source,
                       const TextOptions& options) {
  const Style st{options.color};
  const int width = options.width;
  std::string out;
  const std::string header = source.empty() ? r.document_id() : source;
  absl::StrAppend(&out, st.Bold(absl::StrCat("== ", header, " ==")), "\n");
  if (r.has_error() && r.error().code() != 0) {
    absl::StrAppend(
        &out,
        st.Wrap("1;31", absl::StatusCodeToString(
                            static_cast<absl::StatusCode>(r.error().code()))),
        ": ", r.error().message(), "\n");
    return out;
  }
  std::string meta = absl::StrCat(r.sentences_size(), " sentences");
  if (!r.reference_time().empty()) {
    absl::StrAppend(&meta, ", reference time ", r.reference_time(), " (",
                    absl::AsciiStrToLower(v1::ReferenceTimeSource_Name(
                        r.reference_time_source())),
                    ")");
  }
  absl::StrAppend(&out, st.Dim(meta), "\n");

  absl::StrAppend(&out, "\n", st.Heading("Summary"), "\n");
  if (r.summary().sentences().empty()) absl::StrAppend(&out, "  (none)\n");
  int n = 0;
  for (const auto& s : r.summary().sentences()) {
    const std::string num = absl::StrCat("  ", ++n, ". ");
    absl::StrAppend(
        &out, num, Flow({{s.text()}}, num.size(), num.size(), width, st), "\n");
  }

  absl::StrAppend(&out, "\n", st.Heading("Entities"), "\n");
  if (r.entities().empty()) absl::StrAppend(&out, "  (none)\n");
  std::map<int, std::vector<const v1::Entity*>> by_type;
  for (const auto& e : r.entities()) by_type[e.type()].push_back(&e);
  constexpr size_t kLabelCols = 16;
  for (v1::EntityType t : kEntityOrder) {
    auto it = by_type.find(t);
    if (it == by_type.end()) continue;
    std::vector<Piece> pieces;
    for (size_t i = 0; i < it->second.size(); ++i) {
      const v1::Entity* e = it->second[i];
      pieces.push_back({e->name(), TypeColor(t)});
      pieces.push_back({absl::StrCat("(", e->mentions_size(), ")",
                                     i + 1 < it->second.size() ? "," : "")});
    }
    absl::StrAppend(
        &out, "  ", st.Wrap(TypeColor(t), PadRight(TypeLabel(t), kLabelCols)),
        Flow(pieces, 2 + kLabelCols, 2 + kLabelCols, width, st), "\n");
  }

  absl::StrAppend(&out, "\n", st.Heading("Dates"), "\n");
  if (r.dates().empty()) absl::StrAppend(&out, "  (none)\n");
  size_t text_cols = 0, value_cols = 0;
  for (const auto& d : r.dates()) {
    text_cols = std::max(text_cols, Columns(d.text()));
    value_cols = std::max(value_cols, Columns(d.value()));
  }
  text_cols = std::min<size_t>(text_cols, 32);
  for (const auto& d : r.dates()) {
    std::string kind = absl::AsciiStrToLower(v1::TimeType_Name(d.type()));
    if (!d.mod().empty()) absl::StrAppend(&kind, ", ", d.mod());
    absl::StrAppend(
        &out, "  ", PadRight(d.text(), text_cols), "  ",
        st.Wrap("1;33",
                PadRight(d.value().empty() ? "?" : d.value(), value_cols)),
        "  ", st.Dim(kind), "\n");
  }

  absl::StrAppend(&out, "\n", st.Heading("Quotes"), "\n");
  if (r.quotes().empty()) absl::StrAppend(&out, "  (none)\n");
  for (const auto& q : r.quotes()) {
    const bool direct = q.type() != v1::INDIRECT;
    const std::string quoted =
        direct ? absl::StrCat("\xE2\x80\x9C", q.text(), "\xE2\x80\x9D")
               : q.text();
    absl::StrAppend(&out, "  ", Flow({{quoted, "32"}}, 2, 3, width, st), "\n");
    std::string who = absl::StrCat(
        "      \xE2\x80\x94 ",
        st.Wrap(TypeColor(v1::PERSON),
                q.speaker().empty() ? "(unknown speaker)" : q.speaker()));
    if (!q.cue().empty()) absl::StrAppend(&who, " ", st.Dim(q.cue()));
    if (!direct) absl::StrAppend(&who, " ", st.Dim("(indirect)"));
    absl::StrAppend(&out, who, "\n");
  }
  return out;
}

}  // namespace lede::cli
