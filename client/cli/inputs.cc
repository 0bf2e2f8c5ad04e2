#include "client/cli/inputs.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace lede::cli {
namespace {

bool Matches(const std::vector<std::string>& globs, const std::string& rel,
             const std::string& base) {
  for (const auto& g : globs) {
    if (fnmatch(g.c_str(), rel.c_str(), 0) == 0 ||
        fnmatch(g.c_str(), base.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

absl::Status Walk(const std::string& root, const std::string& rel,
                  const std::vector<std::string>& include,
                  const std::vector<std::string>& exclude,
                  std::vector<InputFile>* out, int depth) {
  if (depth > 64) {
    return absl::InvalidArgumentError(
        absl::StrCat(root, "/", rel, ": directories nested too deeply"));
  }
  const std::string dir = rel.empty() ? root : root + "/" + rel;
  DIR* d = opendir(dir.c_str());
  if (!d)
    return absl::NotFoundError(absl::StrCat(dir, ": cannot open directory"));
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] == '.') continue;  // hidden, . and ..
    names.emplace_back(e->d_name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    const std::string child_rel = rel.empty() ? name : rel + "/" + name;
    const std::string path = root + "/" + child_rel;
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;  // dangling link
    if (S_ISDIR(st.st_mode)) {
      if (absl::Status s =
              Walk(root, child_rel, include, exclude, out, depth + 1);
          !s.ok()) {
        return s;
      }
    } else if (S_ISREG(st.st_mode)) {
      if (!include.empty() && !Matches(include, child_rel, name)) continue;
      if (Matches(exclude, child_rel, name)) continue;
      out->push_back({path, false});
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<InputFile>> ExpandInputs(
    const std::vector<std::string>& args,
    const std::vector<std::string>& include,
    const std::vector<std::string>& exclude) {
  std::vector<InputFile> out;
  for (const auto& a : args) {
    if (a == "-") {
      out.push_back({"-", true});
      continue;
    }
    struct stat st;
    if (stat(a.c_str(), &st) != 0) {
      return absl::NotFoundError(
          absl::StrCat(a, ": no such file or directory"));
    }
    if (S_ISDIR(st.st_mode)) {
      std::string root = a;
      while (root.size() > 1 && root.back() == '/') root.pop_back();
      if (absl::Status s = Walk(root, "", include, exclude, &out, 0); !s.ok())
        return s;
    } else {
      out.push_back({a, false});
    }
  }
  return out;
}

absl::StatusOr<std::string> ReadInput(const InputFile& in) {
  if (in.is_stdin) {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return std::move(ss).str();
  }
  std::ifstream f(in.path, std::ios::binary);
  if (!f) return absl::NotFoundError(absl::StrCat(in.path, ": cannot open"));
  std::ostringstream ss;
  ss << f.rdbuf();
  if (f.bad())
    return absl::DataLossError(absl::StrCat(in.path, ": read error"));
  return std::move(ss).str();
}

}  // namespace lede::cli
