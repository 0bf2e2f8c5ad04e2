#include "engine/entities/salience.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace lede {
namespace {

Entity Make(const std::string& name, EntityType type,
            std::vector<int32_t> begins) {
  Entity e;
  e.name = name;
  e.type = type;
  for (int32_t b : begins)
    e.mentions.push_back({{b, b + 3}, MentionType::kProper});
  return e;
}

TEST(SalienceTest, EmptyListStaysEmpty) {
  std::vector<Entity> es;
  ScoreSalience("", Segmentation{}, &es);
  EXPECT_TRUE(es.empty());
}

TEST(SalienceTest, SingleEntityGetsOne) {
  std::vector<Entity> es = {Make("A", EntityType::kPerson, {0})};
  ScoreSalience(std::string(100, 'x'), Segmentation{}, &es);
  EXPECT_FLOAT_EQ(es[0].salience, 1.0f);
}

struct OrderCase {
  std::string what;
  Entity higher;
  Entity lower;
};

class SalienceOrderTest : public ::testing::TestWithParam<OrderCase> {};

TEST_P(SalienceOrderTest, RanksFirst) {
  std::vector<Entity> es = {GetParam().lower, GetParam().higher};
  ScoreSalience(std::string(2000, 'x'), Segmentation{}, &es);
  EXPECT_EQ(es[0].name, GetParam().higher.name) << GetParam().what;
  EXPECT_GT(es[0].salience, es[1].salience) << GetParam().what;
  EXPECT_NEAR(es[0].salience + es[1].salience, 1.0f, 1e-5);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SalienceOrderTest,
    ::testing::Values(OrderCase{"more mentions",
                                Make("many", EntityType::kPerson,
                                     {900, 1000, 1100, 1200}),
                                Make("one", EntityType::kPerson, {900})},
                      OrderCase{"earlier first mention",
                                Make("early", EntityType::kPerson, {400}),
                                Make("late", EntityType::kPerson, {1900})},
                      OrderCase{"mentioned in the lead",
                                Make("lead", EntityType::kPerson, {10, 1500}),
                                Make("body", EntityType::kPerson, {400, 1500})},
                      OrderCase{"person over money",
                                Make("person", EntityType::kPerson, {500}),
                                Make("money", EntityType::kMoney, {500})}));

}  // namespace
}  // namespace lede
