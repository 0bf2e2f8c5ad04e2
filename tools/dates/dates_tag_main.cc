// dates_tag: runs the date stage on a text file (or stdin) and prints one
// expression per line: begin, end, type, value, mod, text.
//
//   dates_tag [--ref=2024-06-17] [--dateline] [FILE]
//
// With --dateline (or no --ref), the reference is looked up as a dateline.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_format.h"
#include "engine/dates/date_tagger.h"

ABSL_FLAG(std::string, ref, "", "reference time (RFC 3339); empty: dateline");

int main(int argc, char** argv) {
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  std::string text;
  if (args.size() > 1) {
    std::ifstream in(args[1], std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), {});
  } else {
    text.assign(std::istreambuf_iterator<char>(std::cin), {});
  }
  auto tagger = lede::DateTagger::Create(lede::DateSpec{});
  auto ref = lede::ParseReferenceTime(absl::GetFlag(FLAGS_ref));
  if (!tagger.ok() || !ref.ok()) {
    absl::FPrintF(stderr, "dates_tag: %s\n", ref.status().ToString());
    return 2;
  }
  if (!ref->known()) *ref = (*tagger)->FindDateline(text, {});
  absl::PrintF("reference: %s\n", ref->ToString());
  static const char* const kTypes[] = {"?", "DATE", "TIME", "DURATION", "SET"};
  for (const lede::TimeExpression& e : (*tagger)->Tag(text, {}, *ref)) {
    absl::PrintF("%6d %6d %-8s %-16s %-10s %s\n", e.span.begin, e.span.end,
                 kTypes[static_cast<int>(e.type)], e.value, e.mod,
                 std::string(e.span.Of(text)));
  }
  return 0;
}
