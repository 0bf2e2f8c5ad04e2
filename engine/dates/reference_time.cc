#include "engine/dates/reference_time.h"

#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/text/string_view.h"

namespace lede {
namespace {

// Reads exactly `digits` decimal digits at `*pos`.
bool ReadInt(std::string_view s, size_t* pos, int digits, int* out) {
  if (*pos + digits > s.size()) return false;
  int v = 0;
  for (int i = 0; i < digits; ++i) {
    char c = s[*pos + i];
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + (c - '0');
  }
  *pos += digits;
  *out = v;
  return true;
}

bool Expect(std::string_view s, size_t* pos, char c) {
  if (*pos < s.size() && s[*pos] == c) {
    ++*pos;
    return true;
  }
  return false;
}

absl::Status Bad(std::string_view text, std::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(
      "reference_time \"", AsAbsl(text.substr(0, 64)),
      "\" is not an RFC 3339 date or date-time (", AsAbsl(why),
      "); use a form like 2024-06-17 or 2024-06-17T09:30:00-04:00"));
}

}  // namespace

absl::StatusOr<ReferenceTime> ParseReferenceTime(std::string_view text) {
  ReferenceTime ref;
  std::string_view s = AsStd(absl::StripAsciiWhitespace(AsAbsl(text)));
  if (s.empty()) return ref;
  size_t pos = 0;
  int y, mo, d;
  if (!ReadInt(s, &pos, 4, &y) || !Expect(s, &pos, '-') ||
      !ReadInt(s, &pos, 2, &mo) || !Expect(s, &pos, '-') ||
      !ReadInt(s, &pos, 2, &d)) {
    return Bad(text, "expected YYYY-MM-DD");
  }
  if (mo < 1 || mo > 12) return Bad(text, "month out of range");
  const absl::CivilDay day(y, mo, d);
  if (day.year() != y || day.month() != mo || day.day() != d) {
    return Bad(text, absl::StrFormat("%04d-%02d-%02d is not a calendar date", y,
                                     mo, d));
  }
  int h = 0, mi = 0, sec = 0;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') {
      return Bad(text, "expected 'T' between date and time");
    }
    ++pos;
    if (!ReadInt(s, &pos, 2, &h) || !Expect(s, &pos, ':') ||
        !ReadInt(s, &pos, 2, &mi)) {
      return Bad(text, "expected hh:mm:ss after the date");
    }
    if (Expect(s, &pos, ':')) {
      if (!ReadInt(s, &pos, 2, &sec)) return Bad(text, "expected seconds");
      if (Expect(s, &pos, '.')) {
        size_t start = pos;
        while (pos < s.size() &&
               absl::ascii_isdigit(static_cast<unsigned char>(s[pos])))
          ++pos;
        if (pos == start) return Bad(text, "expected digits after '.'");
      }
    }
    if (h > 23 || mi > 59 || sec > 60)
      return Bad(text, "time of day out of range");
    if (sec == 60) sec = 59;  // leap second: keep the civil minute
    ref.has_time_of_day = true;
    if (pos < s.size()) {
      if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
        ref.has_utc_offset = true;
      } else if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        int oh, om;
        if (!ReadInt(s, &pos, 2, &oh) || !Expect(s, &pos, ':') ||
            !ReadInt(s, &pos, 2, &om) || oh > 23 || om > 59) {
          return Bad(text, "expected a UTC offset like -04:00");
        }
        ref.has_utc_offset = true;
        ref.utc_offset_minutes = sign * (oh * 60 + om);
      }
    }
    if (pos != s.size())
      return Bad(text, "unexpected characters after the time");
  }
  ref.source = ReferenceTime::Source::kRequest;
  ref.time = absl::CivilSecond(y, mo, d, h, mi, sec);
  return ref;
}

std::string ReferenceTime::ToString() const {
  if (!known()) return "";
  const std::string year =
      has_year ? absl::StrFormat("%04d", time.year()) : std::string("XXXX");
  std::string out =
      absl::StrFormat("%s-%02d-%02d", year, time.month(), time.day());
  if (!has_time_of_day) return out;
  absl::StrAppendFormat(&out, "T%02d:%02d:%02d", time.hour(), time.minute(),
                        time.second());
  if (has_utc_offset) {
    if (utc_offset_minutes == 0) {
      out += "Z";
    } else {
      const int m = std::abs(utc_offset_minutes);
      absl::StrAppendFormat(&out, "%c%02d:%02d",
                            utc_offset_minutes < 0 ? '-' : '+', m / 60, m % 60);
    }
  }
  return out;
}

}  // namespace lede
