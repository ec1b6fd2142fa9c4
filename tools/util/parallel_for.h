#pragma once
// Runs fn(i) for i in [0, n) on up to `jobs` threads (0: one per hardware
// thread), the calling thread among them. `make_state` builds one state
// object per thread (e.g. parsed templates), passed to fn as fn(state, i).
// The first exception thrown stops the remaining work and is rethrown here.
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace prfaq {

template <class MakeState, class Fn>
void parallel_for(std::size_t n, int jobs, MakeState make_state, Fn fn) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    try {
      auto state = make_state();
      for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(state, i);
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      next = n;
    }
  };
  unsigned threads = jobs > 0 ? static_cast<unsigned>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace prfaq
