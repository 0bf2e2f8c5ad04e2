#ifndef LEDE_SERVICE_WORKER_POOL_H_
#define LEDE_SERVICE_WORKER_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace lede {

// WorkerPool
//
// A fixed set of threads running analyses, with a bounded queue so that an
// overloaded server says so (RESOURCE_EXHAUSTED) instead of queueing without
// bound. Thread-safe. The destructor drains the queue and joins the threads.
class WorkerPool {
 public:
  // The name its threads carry (Linux: /proc/PID/task/TID/comm).
  static constexpr char kThreadName[] = "lede-worker";

  // `threads` >= 1. `max_queued` bounds tasks waiting for a thread in
  // TrySubmit().
  WorkerPool(int threads, size_t max_queued);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task` unless `max_queued` tasks already wait; false when full.
  bool TrySubmit(std::function<void()> task);
  // Queues `task` regardless of the bound: for callers that bound their own
  // work (a stream's window of in-flight documents).
  void Submit(std::function<void()> task);

  // Tasks waiting plus running, for metrics.
  size_t Load() const;

 private:
  void Run();

  const size_t max_queued_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace lede

#endif  // LEDE_SERVICE_WORKER_POOL_H_
