// peer_eval: runs the date stage over other projects' test phrases (Duckling
// and chrono, see shared/data/peer-suites/SOURCE.md) and reports, by kind,
// the share of phrases whose value comes out right.
//
//   peer_eval [--data_dir=DIR] [--suite=duckling|chrono|all] [--errors]
//             [--min_date=X] [--min_duration=X]
//
// The expression taken from a phrase is the longest one found (for a
// chrono range, which asserts an end, the first one: we tag the two ends
// apart, as TimeML does, and chrono's start is the first). Duckling
// records carry a TIMEX3 value ("timex3") compared as a string; intervals
// are counted right when the value equals the interval's start. chrono
// records carry calendar components: each component our value has (year,
// month, day, hour, minute) must equal chrono's, and components chrono
// asserts explicitly must be present (implied defaults such as day 1 or
// noon are compared only at our value's grain). Negative records are right when
// nothing is found. Exit status 1 when the date or duration share of either
// suite is below its floor.

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "engine/dates/date_tagger.h"
#include "engine/dates/reference_time.h"
#include "tools/common/json.h"

ABSL_FLAG(std::string, data_dir, "",
          "peer-suite directory (default $LEDE_SHARED_DIR/data/peer-suites)");
ABSL_FLAG(std::string, suite, "all", "duckling, chrono or all");
ABSL_FLAG(bool, errors, false, "print the phrases we get wrong");
ABSL_FLAG(double, min_date, 0, "fail when a suite's date share is below");
ABSL_FLAG(double, min_duration, 0,
          "fail when a suite's duration share is below");

namespace lede {
namespace {

using tools::JsonValue;

struct Tally {
  int total = 0;
  int right = 0;
};

const TimeExpression* Longest(const std::vector<TimeExpression>& v) {
  const TimeExpression* best = nullptr;
  for (const TimeExpression& e : v) {
    if (best == nullptr || e.span.size() > best->span.size()) best = &e;
  }
  return best;
}

// Calendar components of a TIMEX3 value; -1 where absent or unknown.
struct Parts {
  int year = -1, month = -1, day = -1, hour = -1, minute = -1;
};

int Digits(const std::string& s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

Parts Split(const std::string& v) {
  Parts p;
  p.year = Digits(v, 0, 4);
  if (v.size() >= 7 && v[4] == '-' && v[5] != 'W' && v[5] != 'Q' &&
      v[5] != 'H') {
    p.month = Digits(v, 5, 2);
    if (v.size() >= 10 && v[7] == '-') p.day = Digits(v, 8, 2);
  }
  const size_t t = v.find('T');
  if (t != std::string::npos && t >= 10) {
    p.hour = Digits(v, t + 1, 2);
    if (v.size() >= t + 6 && v[t + 3] == ':') p.minute = Digits(v, t + 4, 2);
  }
  return p;
}

// Seconds in an ISO 8601 duration (years of 365 days, months of 30, as
// Duckling normalizes); -1 when it does not parse or is vague.
double DurationSeconds(const std::string& v) {
  if (v.size() < 3 || v[0] != 'P') return -1;
  double total = 0;
  bool time = false;
  size_t i = 1;
  while (i < v.size()) {
    if (v[i] == 'T') {
      time = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < v.size() && ((v[j] >= '0' && v[j] <= '9') || v[j] == '.')) ++j;
    if (j == i || j >= v.size()) return -1;
    double n = 0;
    if (!absl::SimpleAtod(v.substr(i, j - i), &n)) return -1;
    const double day = 86400;
    switch (v[j]) {
      case 'Y':
        total += n * 365 * day;
        break;
      case 'Q':
        total += n * 90 * day;
        break;
      case 'M':
        total += time ? n * 60 : n * 30 * day;
        break;
      case 'W':
        total += n * 7 * day;
        break;
      case 'D':
        total += n * day;
        break;
      case 'H':
        total += n * 3600;
        break;
      case 'S':
        total += n;
        break;
      default:
        return -1;
    }
    i = j + 1;
  }
  return total;
}

bool SameDuration(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const double x = DurationSeconds(a), y = DurationSeconds(b);
  return x >= 0 && y >= 0 && x == y;
}

// "2014-04-18T12:00:00" → parts.
Parts FromIso(const std::string& s) {
  Parts p;
  p.year = Digits(s, 0, 4);
  p.month = Digits(s, 5, 2);
  p.day = Digits(s, 8, 2);
  if (s.size() >= 16) {
    p.hour = Digits(s, 11, 2);
    p.minute = Digits(s, 14, 2);
  }
  return p;
}

void PrintTable(const char* suite, const std::map<std::string, Tally>& t) {
  absl::PrintF("%-10s %-14s %6s %6s %7s\n", suite, "kind", "total", "right",
               "share");
  for (const auto& [kind, c] : t) {
    absl::PrintF("%-10s %-14s %6d %6d %6.1f%%\n", "", kind, c.total, c.right,
                 c.total ? 100.0 * c.right / c.total : 0.0);
  }
}

std::map<std::string, Tally> RunDuckling(const DateTagger& tagger,
                                         const std::vector<JsonValue>& recs,
                                         bool errors) {
  std::map<std::string, Tally> t;
  for (const JsonValue& r : recs) {
    const std::string kind = r["kind"].string;
    const std::string& text = r["text"].string;
    std::string cat;
    if (kind == "time") {
      const std::string grain = r["expected"]["grain"].string;
      cat = (grain == "hour" || grain == "minute" || grain == "second")
                ? "time"
                : "date";
    } else if (kind == "duration") {
      cat = "duration";
    } else if (kind == "interval" || kind == "open_interval") {
      cat = "interval";
    } else if (kind == "none" || kind == "none_duration") {
      cat = "negative";
    } else {
      continue;  // span checks
    }
    auto ref = ParseReferenceTime(r["ref"].string);
    if (!ref.ok()) continue;
    // Holidays and region-specific corpora are reported apart.
    const std::string section = r["section"].string;
    if (r["expected"].Find("holiday") != nullptr ||
        section.rfind("locale_", 0) == 0) {
      cat += "/holiday+locale";
    }
    const std::vector<TimeExpression> found = tagger.Tag(text, {}, *ref);
    const TimeExpression* e = Longest(found);
    bool ok = false;
    std::string want;
    const JsonValue& x = r["timex3"];
    if (x.is_string()) {
      want = x.string;
    } else if (x.is_object()) {
      want = x.Find("from") != nullptr ? x["from"].string : x["to"].string;
    }
    if (cat == "negative") {
      ok = e == nullptr;
    } else if (e != nullptr) {
      ok = cat == "duration" ? SameDuration(e->value, want) : e->value == want;
    }
    Tally& c = t[cat];
    ++c.total;
    if (ok) ++c.right;
    if (errors && !ok) {
      absl::PrintF("duckling %-9s %-40s want %-18s got %s\n", cat,
                   "\"" + text + "\"", want, e ? e->value : "(none)");
    }
  }
  return t;
}

std::map<std::string, Tally> RunChrono(const DateTagger& tagger,
                                       const std::vector<JsonValue>& recs,
                                       bool errors) {
  std::map<std::string, Tally> t;
  for (const JsonValue& r : recs) {
    const std::string kind = r["kind"].string;
    const std::string& text = r["text"].string;
    ReferenceTime ref;
    if (r["ref"].is_string()) {
      auto p = ParseReferenceTime(r["ref"].string);
      if (p.ok()) ref = *p;
    }
    const std::vector<TimeExpression> found = tagger.Tag(text, {}, ref);
    const JsonValue& x = r["expected"];
    // A range ("10 - 22 August 2012") is two expressions for us, as in
    // TimeML; chrono's start is the first of them.
    const TimeExpression* e = x["end"].is_object() && !found.empty()
                                  ? &found.front()
                                  : Longest(found);
    std::string cat;
    bool ok = false;
    if (kind == "none") {
      cat = "negative";
      ok = e == nullptr;
    } else {
      Parts want;
      bool any = false;
      if (x["start_date"].is_string()) {
        want = FromIso(x["start_date"].string);
        any = true;
        if (want.hour == 12 && want.minute == 0 &&
            x["start"].Find("hour") == nullptr) {
          want.hour = want.minute = -1;  // chrono's implied noon
        }
      }
      const JsonValue& s = x["start"];
      if (s.is_object()) {
        auto get = [&](const char* k, int* f) {
          if (s[k].is_number()) {
            *f = static_cast<int>(s[k].number);
            any = true;
          }
        };
        get("year", &want.year);
        get("month", &want.month);
        get("day", &want.day);
        get("hour", &want.hour);
        get("minute", &want.minute);
      }
      if (!any) continue;  // only span assertions: not a value check
      cat = want.hour >= 0 ? "time" : "date";
      if (e != nullptr) {
        const Parts got = Split(e->value);
        ok = true;
        int compared = 0;
        auto cmp = [&](int g, int w) {
          if (g < 0 || w < 0) return;
          ++compared;
          if (g != w) ok = false;
        };
        cmp(got.year, want.year);
        cmp(got.month, want.month);
        cmp(got.day, want.day);
        cmp(got.hour, want.hour);
        cmp(got.minute, want.minute);
        // Components asserted explicitly must be present; those implied by
        // chrono's defaults (day 1, noon) are compared only at our grain.
        if (s.is_object() && s["day"].is_number() && got.day < 0 &&
            !(want.day == 1 && got.month >= 0)) {
          ok = false;  // chrono's day 1 of a month-level date is implied
        }
        if (s.is_object() && s["hour"].is_number() && got.hour < 0) {
          ok = false;
        }
        if (compared == 0) ok = false;
      }
    }
    Tally& c = t[cat];
    ++c.total;
    if (ok) ++c.right;
    if (errors && !ok) {
      absl::PrintF("chrono %-9s %-50s ref %-20s got %s\n", cat,
                   "\"" + text.substr(0, 60) + "\"", r["ref"].string,
                   e ? e->value + " \"" + std::string(e->span.Of(text)) + "\""
                     : "(none)");
    }
  }
  return t;
}

double Share(const std::map<std::string, Tally>& t, const std::string& k) {
  auto it = t.find(k);
  if (it == t.end() || it->second.total == 0) return 1;
  return double(it->second.right) / it->second.total;
}

int Main() {
  std::string dir = absl::GetFlag(FLAGS_data_dir);
  if (dir.empty()) {
    const char* shared = std::getenv("LEDE_SHARED_DIR");
    dir = std::string(shared ? shared : "../shared") + "/data/peer-suites";
  }
  auto tagger = DateTagger::Create(DateSpec{});
  if (!tagger.ok()) return 2;
  const std::string suite = absl::GetFlag(FLAGS_suite);
  const bool errors = absl::GetFlag(FLAGS_errors);
  const double min_date = absl::GetFlag(FLAGS_min_date);
  const double min_dur = absl::GetFlag(FLAGS_min_duration);
  bool pass = true;
  if (suite == "all" || suite == "duckling") {
    auto recs = tools::ReadJsonLines(dir + "/duckling-en.dev.jsonl");
    if (!recs.ok()) {
      absl::FPrintF(stderr, "peer_eval: %s\n", recs.status().ToString());
      return 2;
    }
    const auto t = RunDuckling(**tagger, *recs, errors);
    PrintTable("duckling", t);
    pass &= Share(t, "date") >= min_date && Share(t, "duration") >= min_dur;
    absl::PrintF("\n");
  }
  if (suite == "all" || suite == "chrono") {
    auto recs = tools::ReadJsonLines(dir + "/chrono-en.dev.jsonl");
    if (!recs.ok()) {
      absl::FPrintF(stderr, "peer_eval: %s\n", recs.status().ToString());
      return 2;
    }
    const auto t = RunChrono(**tagger, *recs, errors);
    PrintTable("chrono", t);
    pass &= Share(t, "date") >= min_date;
  }
  if (!pass) {
    absl::PrintF("FAIL: below floor (date %.3f, duration %.3f)\n", min_date,
                 min_dur);
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
