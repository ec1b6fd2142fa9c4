#include "serve/stop_signals.h"

#include <pthread.h>
#include <unistd.h>

#include <ctime>

namespace prfaq {

StopSignals::StopSignals(std::function<void()> on_stop) : on_stop_(std::move(on_stop)) {
  sigemptyset(&signals_);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&signals_, s);
  pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
  thread_ = std::thread([this] {
    int sig = 0;
    while (sigwait(&signals_, &sig) != 0) {
    }
    if (!ending_) {
      received_ = true;
      on_stop_();
    }
  });
}

StopSignals::~StopSignals() {
  ending_ = true;
  // To the process, not the thread: a signal sent to a thread that has
  // just returned from sigwait would be lost, one sent to the process stays
  // pending until it is dropped below.
  if (!received_) ::kill(::getpid(), SIGTERM);
  thread_.join();
  timespec now{};
  while (sigtimedwait(&signals_, nullptr, &now) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace prfaq
