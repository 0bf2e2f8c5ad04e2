#include "engine/dates/date_tagger.h"

#include "gtest/gtest.h"

namespace lede {
namespace {
TEST(DateTaggerTest, Placeholder) {}
}  // namespace
}  // namespace lede
