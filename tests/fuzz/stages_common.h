#ifndef LEDE_TESTS_FUZZ_STAGES_COMMON_H_
#define LEDE_TESTS_FUZZ_STAGES_COMMON_H_

// The stages each stage fuzzer needs, Create'd once with the models of the
// source tree (lede::DefaultModelDir()).

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "engine/pipeline.h"

namespace lede::fuzz {

template <typename T>
const T& CreatedOrDie(absl::StatusOr<std::unique_ptr<T>> created,
                      const char* what) {
  if (!created.ok()) {
    std::fprintf(stderr, "%s: %s\n", what,
                 std::string(created.status().message()).c_str());
    std::abort();
  }
  return *created->release();
}

}  // namespace lede::fuzz

#endif  // LEDE_TESTS_FUZZ_STAGES_COMMON_H_
