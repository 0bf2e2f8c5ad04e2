#ifndef LEDE_ENGINE_TEXT_STRING_VIEW_H_
#define LEDE_ENGINE_TEXT_STRING_VIEW_H_

// Debian 12's Abseil is built with its own `absl::string_view` (not an alias
// of `std::string_view`), so absl::StrCat and friends do not take a
// `std::string_view`. The engine speaks `std::string_view`; these convert at
// the call site.

#include <string_view>

#include "absl/strings/string_view.h"

namespace lede {

// AsAbsl()
//
// Views the same characters as an `absl::string_view`.
inline absl::string_view AsAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// AsStd()
//
// Views the same characters as a `std::string_view`.
inline std::string_view AsStd(absl::string_view s) {
  return std::string_view(s.data(), s.size());
}

}  // namespace lede

#endif  // LEDE_ENGINE_TEXT_STRING_VIEW_H_
