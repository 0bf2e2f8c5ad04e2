#include "engine/text/cancel.h"

#include <thread>

#include "gtest/gtest.h"

namespace lede {
namespace {

TEST(CancelTest, NoScopeNeverStops) {
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(StopRequested());
}

TEST(CancelTest, EmptyCheckNeverStops) {
  std::function<bool()> none;
  CancelScope scope(none);
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(StopRequested());
}

TEST(CancelTest, StopsWithinOneCheckPeriodAndStaysStopped) {
  bool fire = false;
  int calls = 0;
  std::function<bool()> check = [&] {
    ++calls;
    return fire;
  };
  CancelScope scope(check);
  for (uint32_t i = 0; i < 4 * kCancelCheckEvery; ++i) {
    EXPECT_FALSE(StopRequested());
  }
  EXPECT_EQ(calls, 4);  // rate-limited
  fire = true;
  int until = 0;
  while (!StopRequested()) ++until;
  EXPECT_LT(until, static_cast<int>(kCancelCheckEvery));
  const int after = calls;
  fire = false;  // a stop is final for the scope
  EXPECT_TRUE(StopRequested());
  EXPECT_EQ(calls, after);
}

TEST(CancelTest, ScopesNestAndAreThreadLocal) {
  std::function<bool()> yes = [] { return true; };
  std::function<bool()> no = [] { return false; };
  CancelScope outer(yes);
  {
    CancelScope inner(no);
    for (uint32_t i = 0; i < 2 * kCancelCheckEvery; ++i) {
      EXPECT_FALSE(StopRequested());
    }
  }
  bool other_thread_stopped = true;
  std::thread t([&] {
    other_thread_stopped = false;
    for (uint32_t i = 0; i < 2 * kCancelCheckEvery; ++i) {
      other_thread_stopped |= StopRequested();
    }
  });
  t.join();
  EXPECT_FALSE(other_thread_stopped);
  bool stopped = false;
  for (uint32_t i = 0; i < kCancelCheckEvery; ++i) stopped |= StopRequested();
  EXPECT_TRUE(stopped);
}

}  // namespace
}  // namespace lede
