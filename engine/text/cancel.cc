#include "engine/text/cancel.h"

namespace lede {
namespace {
thread_local CancelScope* current = nullptr;
}  // namespace

CancelScope::CancelScope(const std::function<bool()>& check)
    : check_(check ? &check : nullptr), saved_(current) {
  current = this;
}

CancelScope::~CancelScope() { current = saved_; }

bool StopRequested() {
  CancelScope* s = current;
  if (s == nullptr || s->check_ == nullptr) return false;
  if (s->stopped_) return true;
  if (++s->calls_ % kCancelCheckEvery != 0) return false;
  s->stopped_ = (*s->check_)();
  return s->stopped_;
}

}  // namespace lede
