// What the machine charges for the kernel work a gRPC call needs, without
// lede: a system call, and a hand-off between two threads (a condition
// variable round trip, two context switches when both threads share a
// core). docs/performance.md compares these with a call's cost through the
// server; on bare metal a system call is some 0.1 us and a switch 1-2 us.
//
//   taskset -c 0 BUILD/bench/os_costs_bench     (hand-offs on one core)

#include <sys/syscall.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "benchmark/benchmark.h"

namespace {

void BM_Syscall(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(syscall(SYS_getppid));
  }
}
BENCHMARK(BM_Syscall);

// One iteration: this thread wakes the other and waits until it answers.
void BM_ThreadHandOff(benchmark::State& state) {
  std::mutex mu;
  std::condition_variable cv;
  int turn = 0;  // 1: the other thread's turn; 2: stop
  std::thread other([&] {
    std::unique_lock<std::mutex> l(mu);
    for (;;) {
      cv.wait(l, [&] { return turn != 0; });
      if (turn == 2) return;
      turn = 0;
      cv.notify_all();
    }
  });
  for (auto _ : state) {
    std::unique_lock<std::mutex> l(mu);
    turn = 1;
    cv.notify_all();
    cv.wait(l, [&] { return turn == 0; });
  }
  {
    std::lock_guard<std::mutex> l(mu);
    turn = 2;
  }
  cv.notify_all();
  other.join();
  state.SetLabel("round trip: two hand-offs");
}
BENCHMARK(BM_ThreadHandOff)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
