// Cooperative cancellation inside one analysis.
//
// Pipeline::Analyze installs the caller's check (a deadline passed, the
// client went away) for its duration on the calling thread with a
// CancelScope. Stages whose cost grows with the document call StopRequested()
// between units of work (a sentence, a paragraph) and, when it says so, stop
// and return what they have; the pipeline then drops the partial result and
// returns the caller's status. So a 10 MiB document whose deadline passes
// frees its worker within one sentence's work, not one stage's.
//
// Without a scope on the thread StopRequested() is false and costs one
// thread-local load. With one, the check itself runs on every
// kCancelCheckEvery-th call only, and once it has said stop, every later
// call says stop without calling it again.
#ifndef LEDE_ENGINE_TEXT_CANCEL_H_
#define LEDE_ENGINE_TEXT_CANCEL_H_

#include <cstdint>
#include <functional>

namespace lede {

inline constexpr uint32_t kCancelCheckEvery = 16;

class CancelScope {
 public:
  // `check` must outlive the scope; an empty function never cancels.
  explicit CancelScope(const std::function<bool()>& check);
  ~CancelScope();
  CancelScope(const CancelScope&) = delete;
  CancelScope& operator=(const CancelScope&) = delete;

 private:
  friend bool StopRequested();
  const std::function<bool()>* check_;
  CancelScope* saved_;
  uint32_t calls_ = 0;
  bool stopped_ = false;
};

// True once the innermost CancelScope's check has returned true.
bool StopRequested();

}  // namespace lede

#endif  // LEDE_ENGINE_TEXT_CANCEL_H_
