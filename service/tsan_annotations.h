#ifndef LEDE_SERVICE_TSAN_ANNOTATIONS_H_
#define LEDE_SERVICE_TSAN_ANNOTATIONS_H_

// Happens-before annotations for hand-offs through gRPC.
//
// Debian's gRPC is not built with ThreadSanitizer, so TSan cannot see how
// gRPC orders an operation that lede starts on one thread (StartRead,
// StartWrite, Finish, returning a reactor) before the callback it makes for
// it on another (OnReadDone, OnWriteDone, OnDone, OnCancel). Without these,
// every such hand-off is a race on paper. LEDE_TSAN_RELEASE(addr) goes right
// before lede hands `addr` to gRPC, LEDE_TSAN_ACQUIRE(addr) at the start of
// the callback that gRPC makes for it; use one address per channel (a read
// buffer, a write buffer, the reactor) so that unrelated callbacks stay
// unordered. Both are no-ops unless compiled with -fsanitize=thread.

#if defined(__SANITIZE_THREAD__)
#define LEDE_TSAN_ENABLED 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define LEDE_TSAN_ENABLED 1
#endif
#endif

#ifdef LEDE_TSAN_ENABLED
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#define LEDE_TSAN_ACQUIRE(addr) __tsan_acquire(static_cast<void*>(addr))
#define LEDE_TSAN_RELEASE(addr) __tsan_release(static_cast<void*>(addr))
#else
#define LEDE_TSAN_ACQUIRE(addr) static_cast<void>(0)
#define LEDE_TSAN_RELEASE(addr) static_cast<void>(0)
#endif

#endif  // LEDE_SERVICE_TSAN_ANNOTATIONS_H_
