#include "service/auth.h"

#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "engine/text/string_view.h"

namespace lede {

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // Walk the longer length so timing does not reveal a matching prefix.
  const size_t n = std::max(a.size(), b.size());
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? a[i] : 0;
    const unsigned char y = i < b.size() ? b[i] : 0;
    diff |= x ^ y;
  }
  return diff == 0;
}

absl::StatusOr<std::unique_ptr<TokenAuthenticator>>
TokenAuthenticator::FromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    return absl::NotFoundError(absl::StrCat(path, ": cannot read tokens file"));
  std::vector<std::string> tokens;
  std::string line;
  while (std::getline(in, line)) {
    std::string t(absl::StripAsciiWhitespace(line));
    if (t.empty() || t[0] == '#') continue;
    tokens.push_back(std::move(t));
  }
  if (tokens.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": no tokens in tokens file"));
  }
  return FromTokens(std::move(tokens));
}

std::unique_ptr<TokenAuthenticator> TokenAuthenticator::FromTokens(
    std::vector<std::string> tokens) {
  return std::unique_ptr<TokenAuthenticator>(
      new TokenAuthenticator(std::move(tokens)));
}

bool TokenAuthenticator::Check(std::string_view authorization) const {
  constexpr std::string_view kPrefix = "Bearer ";
  if (authorization.size() <= kPrefix.size() ||
      !absl::EqualsIgnoreCase(AsAbsl(authorization.substr(0, kPrefix.size())),
                              AsAbsl(kPrefix))) {
    return false;
  }
  const std::string_view presented = authorization.substr(kPrefix.size());
  bool ok = false;
  for (const auto& t : tokens_)
    ok |= ConstantTimeEquals(presented, t);  // no early exit
  return ok;
}

}  // namespace lede
