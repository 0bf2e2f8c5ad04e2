#include "engine/entities/demonyms.h"

#include <string>

#include "gtest/gtest.h"

namespace lede {
namespace {

struct Case {
  std::string key;
  std::string adjective;  // empty: not a demonym
};

class DemonymTest : public ::testing::TestWithParam<Case> {};

TEST_P(DemonymTest, FindsAdjectivesAndPeopleNouns) {
  const Demonym* d = FindDemonym(GetParam().key);
  if (GetParam().adjective.empty()) {
    EXPECT_EQ(d, nullptr) << GetParam().key;
  } else {
    ASSERT_NE(d, nullptr) << GetParam().key;
    EXPECT_EQ(d->adjective, GetParam().adjective);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DemonymTest,
    ::testing::Values(
        Case{"russian", "Russian"}, Case{"russians", "Russian"},
        Case{"north korean", "North Korean"},
        Case{"north koreans", "North Korean"}, Case{"ukrainian", "Ukrainian"},
        Case{"iranian", "Iranian"}, Case{"chinese", "Chinese"},
        Case{"britons", "British"}, Case{"iraqis", "Iraqi"}, Case{"russia", ""},
        Case{"putin", ""}, Case{"frenchs", ""}, Case{"new zealand", ""},
        Case{"new zealanders", "New Zealander"}, Case{"muslims", "Muslim"},
        Case{"jews", "Jewish"}, Case{"rohingya", "Rohingya"}));

TEST(CountryTest, KnowsCountriesAndShortForms) {
  EXPECT_TRUE(IsCountryName("russia"));
  EXPECT_TRUE(IsCountryName("north korea"));
  EXPECT_TRUE(IsCountryName("us"));
  EXPECT_TRUE(IsCountryName("united states"));
  EXPECT_FALSE(IsCountryName("kremlin"));
}

}  // namespace
}  // namespace lede
