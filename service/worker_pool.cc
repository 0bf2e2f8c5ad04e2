#include "service/worker_pool.h"

#if defined(__GLIBC__)
#include <pthread.h>
#endif

namespace lede {

WorkerPool::WorkerPool(int threads, size_t max_queued)
    : max_queued_(max_queued) {
  if (threads < 1) threads = 1;
  threads_.reserve(threads);
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Run(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> l(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

bool WorkerPool::TrySubmit(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> l(mu_);
    if (queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(task));
  }
  cv_.notify_one();
  return true;
}

void WorkerPool::Submit(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> l(mu_);
    queue_.push_back(std::move(task));
  }
  cv_.notify_one();
}

size_t WorkerPool::Load() const {
  std::lock_guard<std::mutex> l(mu_);
  return queue_.size() + running_;
}

void WorkerPool::Run() {
#if defined(__GLIBC__)
  // Named so that `top -H`, perf and the load test (which splits the
  // server's CPU between analysis and gRPC's threads) can tell them apart.
  pthread_setname_np(pthread_self(), kThreadName);
#endif
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> l(mu_);
      cv_.wait(l, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      task = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    task();
    std::lock_guard<std::mutex> l(mu_);
    --running_;
  }
}

}  // namespace lede
