#pragma once
// Ctrl-C for a program with threads: SIGINT, SIGTERM and SIGHUP are blocked
// in the thread that makes a StopSignals, and so in every thread it starts
// afterwards, and one thread of its own waits for them (sigwait) and calls
// `on_stop` once, outside any signal handler: it may lock, allocate and
// print like any other code.
//
// Make it before starting any other thread: a thread started earlier does
// not block the signals, and would be killed by them.
#include <signal.h>

#include <atomic>
#include <functional>
#include <thread>

namespace prfaq {

class StopSignals {
 public:
  explicit StopSignals(std::function<void()> on_stop);
  // Ends the waiting thread (when no signal came, by sending it one),
  // drops any of the signals still pending and restores the signal mask.
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // True once a signal came (not one the destructor sent).
  bool received() const { return received_; }

 private:
  sigset_t signals_, previous_;
  std::atomic<bool> received_{false}, ending_{false};
  std::function<void()> on_stop_;
  std::thread thread_;
};

}  // namespace prfaq
