#ifndef LEDE_SERVICE_AUTH_H_
#define LEDE_SERVICE_AUTH_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace lede {

// TokenAuthenticator
//
// Bearer-token check for the `authorization` metadata of a call. Tokens come
// from a file, one per line (blank lines and lines starting with '#' are
// ignored). Comparison takes the same time whichever token (if any) matches
// and wherever the first differing byte is. Immutable; thread-safe.
class TokenAuthenticator {
 public:
  // Errors: the file cannot be read, or holds no token.
  static absl::StatusOr<std::unique_ptr<TokenAuthenticator>> FromFile(
      const std::string& path);
  static std::unique_ptr<TokenAuthenticator> FromTokens(
      std::vector<std::string> tokens);

  // True when `authorization` is "Bearer <token>" for a configured token.
  bool Check(std::string_view authorization) const;

 private:
  explicit TokenAuthenticator(std::vector<std::string> tokens)
      : tokens_(std::move(tokens)) {}
  std::vector<std::string> tokens_;
};

// ConstantTimeEquals()
//
// Equality whose running time depends only on the lengths of `a` and `b`.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace lede

#endif  // LEDE_SERVICE_AUTH_H_
