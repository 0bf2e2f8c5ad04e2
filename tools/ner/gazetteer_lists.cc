#include "tools/ner/gazetteer_lists.h"

#include <fstream>

#include "absl/strings/str_cat.h"

namespace lede {
namespace ner {
namespace {

// In list-index order: part of the trained model.
constexpr const char* kLists[] = {
    "country",  "subdivision", "city",         "person", "given_name",
    "surname",  "location",    "organization", "misc",   "nationality",
    "org_word", "proper_word", "common_word"};

}  // namespace

absl::StatusOr<Gazetteer> LoadGazetteerLists(const std::string& dir) {
  Gazetteer g;
  int list = 0;
  for (const char* name : kLists) {
    const std::string path = absl::StrCat(dir, "/", name, ".txt");
    std::ifstream in(path);
    if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      g.Add(list, name, line);
    }
    ++list;
  }
  return g;
}

}  // namespace ner
}  // namespace lede
