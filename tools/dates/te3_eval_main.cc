// te3_eval: TempEval-3 Task A style scoring of the date stage on TBAQ-cleaned.
//
// Runs DateTagger::Tag over each document's raw text with the document
// creation time as the reference and scores the expressions the way the TE3
// scorer does: relaxed match = any overlap, strict = identical extent;
// micro-averaged P/R/F1; value (and type) accuracy over relaxed matches;
// value F1 = relaxed F1 x value accuracy. The DCT TIMEX (metadata, t0) is not
// in the text and so is excluded.
//
//   te3_eval [--data=FILE] [--split=all|timebank|aquaint] [--errors]
//            [--value_errors] [--context=N]
//            [--min_strict_f1=X] [--min_value_f1=X]
//
// --errors prints every miss, extra, span and value error; --value_errors
// only the value mismatches (the error analysis of normalization), and
// --context=N the text around each.
//
// Exit status 1 when a floor is not met.

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "engine/dates/date_tagger.h"
#include "engine/dates/reference_time.h"
#include "tools/common/json.h"

ABSL_FLAG(std::string, data, "",
          "TBAQ-cleaned JSONL (default "
          "$LEDE_SHARED_DIR/data/tempeval3/tbaq_cleaned.jsonl)");
ABSL_FLAG(std::string, split, "all", "all, timebank or aquaint");
ABSL_FLAG(bool, errors, false, "print span and value errors");
ABSL_FLAG(bool, value_errors, false,
          "print only the value mismatches of relaxed matches (VAL, BOTH)");
ABSL_FLAG(int, context, 0,
          "with --errors or --value_errors: print this many bytes of text "
          "either side of each error on the next line");
ABSL_FLAG(double, min_strict_f1, 0, "fail below this strict F1");
ABSL_FLAG(double, min_value_f1, 0, "fail below this value F1");

namespace lede {
namespace {

const char* TypeName(TimeType t) {
  switch (t) {
    case TimeType::kDate:
      return "DATE";
    case TimeType::kTime:
      return "TIME";
    case TimeType::kDuration:
      return "DURATION";
    case TimeType::kSet:
      return "SET";
    default:
      return "?";
  }
}

// Byte offset of each code point index (plus one past the end).
std::vector<int> CodePointToByte(const std::string& s) {
  std::vector<int> map;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      map.push_back(static_cast<int>(i));
    }
  }
  map.push_back(static_cast<int>(s.size()));
  return map;
}

struct Gold {
  ByteSpan span;
  std::string type, value;
};

struct Counts {
  int gold = 0, sys = 0;
  int strict_sys = 0, strict_gold = 0;
  int relaxed_sys = 0, relaxed_gold = 0;
  int pairs = 0, value_ok = 0, type_ok = 0;
};

bool Exists(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0;
}

void Report(const char* name, const Counts& c) {
  auto f1 = [](double p, double r) {
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  };
  const double sp = c.sys ? double(c.strict_sys) / c.sys : 0;
  const double sr = c.gold ? double(c.strict_gold) / c.gold : 0;
  const double rp = c.sys ? double(c.relaxed_sys) / c.sys : 0;
  const double rr = c.gold ? double(c.relaxed_gold) / c.gold : 0;
  const double va = c.pairs ? double(c.value_ok) / c.pairs : 0;
  const double ta = c.pairs ? double(c.type_ok) / c.pairs : 0;
  absl::PrintF(
      "%-9s %5d %5d | %.3f %.3f %.3f | %.3f %.3f %.3f | %.3f %.3f | %.3f "
      "%.3f\n",
      name, c.gold, c.sys, sp, sr, f1(sp, sr), rp, rr, f1(rp, rr), ta, va,
      f1(rp, rr) * ta, f1(rp, rr) * va);
}

int Main() {
  std::string path = absl::GetFlag(FLAGS_data);
  if (path.empty()) {
    const char* shared = std::getenv("LEDE_SHARED_DIR");
    path = std::string(shared ? shared : "../shared") +
           "/data/tempeval3/tbaq_cleaned.jsonl";
  }
  const std::string dir = path.substr(0, path.rfind('/'));
  // A .gz file (the TE3 silver set) is read through gzip.
  std::vector<std::string> lines;
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0) {
    FILE* p = popen(("gzip -dc '" + path + "'").c_str(), "r");
    if (p == nullptr) return 2;
    std::string cur;
    char buf[1 << 16];
    size_t got;
    while ((got = fread(buf, 1, sizeof(buf), p)) > 0) {
      for (size_t k = 0; k < got; ++k) {
        if (buf[k] == '\n') {
          lines.push_back(std::move(cur));
          cur.clear();
        } else {
          cur.push_back(buf[k]);
        }
      }
    }
    if (!cur.empty()) lines.push_back(std::move(cur));
    if (pclose(p) != 0 || lines.empty()) {
      absl::FPrintF(stderr, "te3_eval: cannot read %s\n", path);
      return 2;
    }
  } else {
    std::ifstream in(path);
    if (!in) {
      absl::FPrintF(stderr, "te3_eval: cannot read %s\n", path);
      return 2;
    }
    std::string l;
    while (std::getline(in, l)) lines.push_back(std::move(l));
  }
  auto tagger = DateTagger::Create(DateSpec{});
  if (!tagger.ok()) return 2;
  const std::string split = absl::GetFlag(FLAGS_split);
  const bool errors = absl::GetFlag(FLAGS_errors);
  const bool value_errors = absl::GetFlag(FLAGS_value_errors);
  const int context = absl::GetFlag(FLAGS_context);
  Counts tb, aq, all;
  int docs = 0;
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    const absl::StatusOr<tools::JsonValue> parsed = tools::ParseJson(line);
    if (!parsed.ok()) {
      absl::FPrintF(stderr, "te3_eval: bad JSON line: %s\n",
                    parsed.status().ToString());
      return 2;
    }
    const tools::JsonValue& doc = *parsed;
    const std::string id = doc["id"].string;
    if (id == "APW20000115.0209") continue;  // duplicate text (SOURCE.md)
    const bool is_aq = Exists(dir + "/TBAQ-cleaned/AQUAINT/" + id + ".tml");
    if (split == "timebank" && is_aq) continue;
    if (split == "aquaint" && !is_aq) continue;
    ++docs;
    const std::string& text = doc["text"].string;
    const std::vector<int> cp = CodePointToByte(text);
    // The text around a span on one line, for error analysis.
    auto print_context = [&](ByteSpan s) {
      if (context <= 0) return;
      const int b = std::max(0, s.begin - context);
      const int e = std::min(static_cast<int>(text.size()), s.end + context);
      std::string line = text.substr(b, s.begin - b) + "[[" +
                         text.substr(s.begin, s.end - s.begin) + "]]" +
                         text.substr(s.end, e - s.end);
      for (char& ch : line) {
        if (ch == '\n') ch = ' ';
      }
      absl::PrintF("      %s\n", line);
    };
    auto ref = ParseReferenceTime(doc["dct"].string);
    if (!ref.ok()) {
      absl::FPrintF(stderr, "te3_eval: %s: bad DCT %s\n", id,
                    doc["dct"].string);
      return 2;
    }
    std::vector<Gold> gold;
    for (const tools::JsonValue& t : doc["timex"].array) {
      if (t["text"].string.empty() || t["tid"].string == "t0") continue;
      const int b = static_cast<int>(t["begin"].number);
      const int e = static_cast<int>(t["end"].number);
      if (b < 0 || e >= static_cast<int>(cp.size())) continue;
      gold.push_back({{cp[b], cp[e]}, t["type"].string, t["value"].string});
    }
    const std::vector<TimeExpression> sys =
        (*tagger)->Tag(text, Segmentation{}, *ref);
    Counts c;
    c.gold = static_cast<int>(gold.size());
    c.sys = static_cast<int>(sys.size());
    auto overlap = [](ByteSpan a, ByteSpan b) {
      return a.begin < b.end && b.begin < a.end;
    };
    std::vector<bool> sys_hit(sys.size());
    for (const Gold& g : gold) {
      int match = -1;
      bool strict = false;
      for (size_t k = 0; k < sys.size(); ++k) {
        if (!overlap(g.span, sys[k].span)) continue;
        sys_hit[k] = true;
        if (match < 0) match = static_cast<int>(k);
        if (sys[k].span == g.span) {
          strict = true;
          match = static_cast<int>(k);
        }
      }
      if (match < 0) {
        if (errors) {
          absl::PrintF("MISS  %s %-28s %s %s\n", id,
                       "\"" + std::string(g.span.Of(text)) + "\"", g.type,
                       g.value);
          print_context(g.span);
        }
        continue;
      }
      ++c.relaxed_gold;
      ++c.pairs;
      if (strict) ++c.strict_gold;
      const TimeExpression& s = sys[match];
      const bool vok = s.value == g.value;
      if (vok) ++c.value_ok;
      if (g.type == TypeName(s.type)) ++c.type_ok;
      if ((errors && (!vok || !strict)) || (value_errors && !vok)) {
        absl::PrintF("%s %s %-28s gold %-9s %-12s sys %-28s %-9s %s\n",
                     strict ? "VAL  " : (vok ? "SPAN " : "BOTH "), id,
                     "\"" + std::string(g.span.Of(text)) + "\"", g.type,
                     g.value, "\"" + std::string(s.span.Of(text)) + "\"",
                     TypeName(s.type), s.value);
        print_context(g.span);
      }
    }
    for (size_t k = 0; k < sys.size(); ++k) {
      if (sys_hit[k]) ++c.relaxed_sys;
      bool strict = false;
      for (const Gold& g : gold) strict |= g.span == sys[k].span;
      if (strict) ++c.strict_sys;
      if (errors && !sys_hit[k]) {
        absl::PrintF("EXTRA %s %-28s %s %s\n", id,
                     "\"" + std::string(sys[k].span.Of(text)) + "\"",
                     TypeName(sys[k].type), sys[k].value);
        print_context(sys[k].span);
      }
    }
    for (Counts* t : {is_aq ? &aq : &tb, &all}) {
      t->gold += c.gold;
      t->sys += c.sys;
      t->strict_sys += c.strict_sys;
      t->strict_gold += c.strict_gold;
      t->relaxed_sys += c.relaxed_sys;
      t->relaxed_gold += c.relaxed_gold;
      t->pairs += c.pairs;
      t->value_ok += c.value_ok;
      t->type_ok += c.type_ok;
    }
  }
  absl::PrintF("TE3 Task A on %s (%d documents)\n", path, docs);
  absl::PrintF("%-9s %5s %5s | %-17s | %-17s | %-11s | %-11s\n", "set", "gold",
               "sys", "strict P R F1", "relaxed P R F1", "type value",
               "typeF1 valF1");
  if (split != "aquaint") Report("timebank", tb);
  if (split != "timebank") Report("aquaint", aq);
  Report("all", all);
  auto f1 = [](double p, double r) {
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  };
  const double strict_f1 =
      f1(all.sys ? double(all.strict_sys) / all.sys : 0,
         all.gold ? double(all.strict_gold) / all.gold : 0);
  const double value_f1 =
      f1(all.sys ? double(all.relaxed_sys) / all.sys : 0,
         all.gold ? double(all.relaxed_gold) / all.gold : 0) *
      (all.pairs ? double(all.value_ok) / all.pairs : 0);
  if (strict_f1 < absl::GetFlag(FLAGS_min_strict_f1) ||
      value_f1 < absl::GetFlag(FLAGS_min_value_f1)) {
    absl::PrintF(
        "FAIL: strict F1 %.3f (floor %.3f), value F1 %.3f (floor %.3f)\n",
        strict_f1, absl::GetFlag(FLAGS_min_strict_f1), value_f1,
        absl::GetFlag(FLAGS_min_value_f1));
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace lede

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return lede::Main();
}
