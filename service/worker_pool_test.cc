#include "service/worker_pool.h"

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <string>

#include "gtest/gtest.h"

#if defined(__GLIBC__)
#include <pthread.h>
#endif

namespace lede {
namespace {

TEST(WorkerPoolTest, RunsEveryTaskBeforeTheDestructorReturns) {
  std::atomic<int> done{0};
  {
    WorkerPool pool(2, 1000);
    for (int i = 0; i < 100; ++i) {
      ASSERT_TRUE(pool.TrySubmit([&done] { ++done; }));
    }
  }
  EXPECT_EQ(done.load(), 100);
}

TEST(WorkerPoolTest, TrySubmitRefusesBeyondTheQueueBound) {
  std::mutex mu;
  std::condition_variable cv;
  bool started = false, release = false;
  WorkerPool pool(1, 2);
  // Occupy the only thread, then fill the queue of two.
  ASSERT_TRUE(pool.TrySubmit([&] {
    std::unique_lock<std::mutex> l(mu);
    started = true;
    cv.notify_all();
    cv.wait(l, [&] { return release; });
  }));
  {
    std::unique_lock<std::mutex> l(mu);
    cv.wait(l, [&] { return started; });
  }
  EXPECT_TRUE(pool.TrySubmit([] {}));
  EXPECT_TRUE(pool.TrySubmit([] {}));
  EXPECT_FALSE(pool.TrySubmit([] {}));
  EXPECT_EQ(pool.Load(), 3u);
  // Submit() is not bounded: a stream bounds its own window.
  pool.Submit([] {});
  EXPECT_EQ(pool.Load(), 4u);
  {
    std::lock_guard<std::mutex> l(mu);
    release = true;
  }
  cv.notify_all();
}

#if defined(__GLIBC__)
TEST(WorkerPoolTest, ThreadsCarryTheirName) {
  std::string name;
  {
    WorkerPool pool(1, 1);
    ASSERT_TRUE(pool.TrySubmit([&name] {
      char buf[16] = {};
      pthread_getname_np(pthread_self(), buf, sizeof(buf));
      name = buf;
    }));
  }
  EXPECT_EQ(name, WorkerPool::kThreadName);
  EXPECT_LT(std::strlen(WorkerPool::kThreadName), 16u);  // Linux's limit
}
#endif

}  // namespace
}  // namespace lede
