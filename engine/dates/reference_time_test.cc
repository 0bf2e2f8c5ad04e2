#include "engine/dates/reference_time.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

TEST(ReferenceTimeTest, ParsesDatesAndDateTimes) {
  auto d = ParseReferenceTime("2024-06-17");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->time, absl::CivilSecond(2024, 6, 17));
  EXPECT_FALSE(d->has_time_of_day);
  EXPECT_EQ(d->ToString(), "2024-06-17");

  auto t = ParseReferenceTime("2024-06-17T09:30:00-04:00");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->time, absl::CivilSecond(2024, 6, 17, 9, 30, 0));
  EXPECT_EQ(t->utc_offset_minutes, -240);
  EXPECT_EQ(t->ToString(), "2024-06-17T09:30:00-04:00");

  auto z = ParseReferenceTime("2024-02-29T23:59:59.123Z");
  ASSERT_TRUE(z.ok());
  EXPECT_EQ(z->ToString(), "2024-02-29T23:59:59Z");
}

TEST(ReferenceTimeTest, EmptyMeansUnknown) {
  auto e = ParseReferenceTime("");
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(e->known());
  EXPECT_EQ(e->ToString(), "");
}

TEST(ReferenceTimeTest, RejectsMalformedWithActionableMessage) {
  for (const char* bad :
       {"yesterday", "2024-13-01", "2023-02-29", "2024-06-17T25:00:00Z",
        "2024-06-17T09:30:00+4", "17/06/2024", "2024-06-17Tnoon"}) {
    auto r = ParseReferenceTime(bad);
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(r.status().message(),
                ::testing::HasSubstr("2024-06-17T09:30:00-04:00"))
        << bad;
  }
}

}  // namespace
}  // namespace lede
