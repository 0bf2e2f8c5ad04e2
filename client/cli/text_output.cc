#include "client/cli/text_output.h"

#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace lede::cli {
namespace {

struct Style {
  bool on;
  std::string Wrap(const char* code, const std::string& s) const {
    return on ? absl::StrCat("\x1b[", code, "m", s, "\x1b[0m") : s;
  }
  std::string Bold(const std::string& s) const { return Wrap("1", s); }
  std::string Dim(const std::string& s) const { return Wrap("2", s); }
};

const char* TypeColor(v1::EntityType t) {
  switch (t) {
    case v1::PERSON:
      return "36";  // cyan
    case v1::ORGANIZATION:
      return "35";  // magenta
    case v1::LOCATION:
      return "32";  // green
    case v1::NATIONALITY:
      return "33";  // yellow
    case v1::MONEY:
    case v1::PERCENT:
      return "34";  // blue
    default:
      return "37";
  }
}

}  // namespace

std::string FormatText(const v1::AnalyzeResponse& r, const std::string& source,
                       bool color) {
  const Style st{color};
  std::string out;
  std::string header = source.empty() ? r.document_id() : source;
  absl::StrAppend(&out, st.Bold(absl::StrCat("== ", header, " ==")), "\n");
  if (!r.reference_time().empty()) {
    absl::StrAppend(
        &out,
        st.Dim(absl::StrCat(
            "reference time ", r.reference_time(), " (",
            v1::ReferenceTimeSource_Name(r.reference_time_source()), ")")),
        "\n");
  }
  absl::StrAppend(&out, st.Dim(absl::StrCat(r.sentences_size(), " sentences")),
                  "\n");

  absl::StrAppend(&out, "\n", st.Bold("Summary"), "\n");
  if (r.summary().sentences().empty()) absl::StrAppend(&out, "  (none)\n");
  for (const auto& s : r.summary().sentences()) {
    absl::StrAppend(&out, "  - ", s.text(), "\n");
  }

  absl::StrAppend(&out, "\n", st.Bold("Entities"), "\n");
  if (r.entities().empty()) absl::StrAppend(&out, "  (none)\n");
  std::map<int, std::vector<const v1::Entity*>> by_type;
  for (const auto& e : r.entities()) by_type[e.type()].push_back(&e);
  for (const auto& [type, list] : by_type) {
    const auto t = static_cast<v1::EntityType>(type);
    std::string line =
        absl::StrCat("  ", st.Wrap(TypeColor(t), v1::EntityType_Name(t)), ": ");
    bool first = true;
    for (const v1::Entity* e : list) {
      absl::StrAppend(&line, first ? "" : ", ", e->name(), " (",
                      e->mentions_size(), ")");
      first = false;
    }
    absl::StrAppend(&out, line, "\n");
  }

  absl::StrAppend(&out, "\n", st.Bold("Dates"), "\n");
  if (r.dates().empty()) absl::StrAppend(&out, "  (none)\n");
  for (const auto& d : r.dates()) {
    absl::StrAppend(&out, "  ", d.text(), " -> ", st.Wrap("33", d.value()), " ",
                    st.Dim(absl::StrCat(
                        v1::TimeType_Name(d.type()),
                        d.mod().empty() ? "" : absl::StrCat(", ", d.mod()))),
                    "\n");
  }

  absl::StrAppend(&out, "\n", st.Bold("Quotes"), "\n");
  if (r.quotes().empty()) absl::StrAppend(&out, "  (none)\n");
  for (const auto& q : r.quotes()) {
    absl::StrAppend(
        &out, "  \"", q.text(), "\"\n      -- ",
        st.Wrap("36", q.speaker().empty() ? "(unknown speaker)" : q.speaker()),
        q.cue().empty() ? "" : absl::StrCat(" (", q.cue(), ")"), "\n");
  }
  return out;
}

}  // namespace lede::cli
