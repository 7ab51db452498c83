// Stopping on SIGINT, SIGTERM and SIGHUP: the handlers only record which
// signal came (all a handler may safely do); the long loops (the runner,
// an external extractor waiting for its answer) look at Interrupted() and
// stop, and the command exits 128 + the signal with a message saying what
// was written. A second signal of the same kind ends the process at once
// (the default action).
#ifndef IEVAL_CORE_INTERRUPT_H_
#define IEVAL_CORE_INTERRUPT_H_

#include <signal.h>

#include <atomic>

namespace ieval {

namespace interrupt_internal {
// Lock-free, so storing into them is async-signal-safe.
inline std::atomic<bool> requested{false};
inline std::atomic<int> signal_number{0};
static_assert(std::atomic<bool>::is_always_lock_free);
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" inline void OnSignal(int signal) {
  signal_number.store(signal);
  requested.store(true);
}
}  // namespace interrupt_internal

// True once one of the signals has come.
inline bool Interrupted() { return interrupt_internal::requested.load(); }
// The flag itself, for options that take one (RunnerOptions::interrupt).
inline const std::atomic<bool>* InterruptFlag() {
  return &interrupt_internal::requested;
}
// The signal that came (SIGINT, SIGTERM or SIGHUP), 0 when none.
inline int InterruptSignal() {
  return interrupt_internal::signal_number.load();
}

// Clears the record and installs the handlers.
inline void CatchInterrupts() {
  interrupt_internal::requested = false;
  interrupt_internal::signal_number = 0;
  struct sigaction action {};
  action.sa_handler = interrupt_internal::OnSignal;
  action.sa_flags = SA_RESETHAND;  // a second one stops at once
  sigemptyset(&action.sa_mask);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaction(s, &action, nullptr);
}

// Restores the default actions.
inline void StopCatchingInterrupts() {
  for (int s : {SIGINT, SIGTERM, SIGHUP}) signal(s, SIG_DFL);
}

}  // namespace ieval

#endif  // IEVAL_CORE_INTERRUPT_H_
