// util/parallel_for.h: work over an index range on several threads.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "util/parallel_for.h"

using prfaq::parallel_for;

namespace {

struct NoState {};

}  // namespace

TEST_CASE("every index is visited exactly once", "[util][parallel_for]") {
  for (int jobs : {0, 1, 3, 8}) {
    INFO("jobs " << jobs);
    constexpr std::size_t n = 10000;
    std::vector<std::atomic<int>> seen(n);
    parallel_for(n, jobs, [] { return NoState{}; }, [&](NoState&, std::size_t i) { seen[i].fetch_add(1); });
    std::size_t once = 0;
    for (const auto& s : seen) once += s.load() == 1;
    CHECK(once == n);
  }
}

TEST_CASE("no work for an empty range", "[util][parallel_for]") {
  std::atomic<int> calls{0};
  parallel_for(0, 4, [] { return NoState{}; }, [&](NoState&, std::size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("one thread runs the indices in order on the calling thread", "[util][parallel_for]") {
  std::vector<std::size_t> order;
  std::set<std::thread::id> threads;
  parallel_for(5, 1, [] { return NoState{}; }, [&](NoState&, std::size_t i) {
    order.push_back(i);
    threads.insert(std::this_thread::get_id());
  });
  CHECK(order == std::vector<std::size_t>{0, 1, 2, 3, 4});
  CHECK(threads == std::set<std::thread::id>{std::this_thread::get_id()});
}

TEST_CASE("the first exception propagates and stops the work", "[util][parallel_for]") {
  SECTION("one thread: the first thrown, nothing after it") {
    std::vector<std::size_t> done;
    CHECK_THROWS_WITH(parallel_for(100, 1, [] { return NoState{}; },
                                   [&](NoState&, std::size_t i) {
                                     if (i == 5 || i == 7) throw std::runtime_error("failed at " + std::to_string(i));
                                     done.push_back(i);
                                   }),
                      "failed at 5");
    CHECK(done == std::vector<std::size_t>{0, 1, 2, 3, 4});
  }
  SECTION("several threads: the others stop taking work") {
    // Each index takes a millisecond: without the stop, 1000 indices on 4
    // threads take about 250 calls each.
    constexpr std::size_t n = 1000;
    std::atomic<std::size_t> calls{0};
    CHECK_THROWS_WITH(parallel_for(n, 4, [] { return NoState{}; },
                                   [&](NoState&, std::size_t i) {
                                     ++calls;
                                     if (i == 10) throw std::runtime_error("boom");
                                     std::this_thread::sleep_for(std::chrono::milliseconds(1));
                                   }),
                      "boom");
    CHECK(calls.load() < n / 2);
  }
  SECTION("an exception from make_state propagates") {
    std::atomic<int> calls{0};
    CHECK_THROWS_WITH(parallel_for(10, 1, []() -> NoState { throw std::runtime_error("no state"); },
                                   [&](NoState&, std::size_t) { ++calls; }),
                      "no state");
    CHECK(calls == 0);
  }
}

TEST_CASE("each thread gets its own state", "[util][parallel_for]") {
  struct State {
    std::thread::id owner = std::this_thread::get_id();
    std::shared_ptr<std::size_t> count = std::make_shared<std::size_t>(0);
  };
  std::mutex m;
  std::vector<std::shared_ptr<std::size_t>> counts;
  std::atomic<int> wrong_thread{0};
  constexpr std::size_t n = 5000;
  parallel_for(
      n, 3,
      [&] {
        State s;
        std::lock_guard lock(m);
        counts.push_back(s.count);
        return s;
      },
      [&](State& s, std::size_t) {
        if (s.owner != std::this_thread::get_id()) ++wrong_thread;
        ++*s.count;  // unsynchronised: only its own thread touches it
      });
  CHECK(counts.size() == 3);
  CHECK(wrong_thread == 0);
  std::size_t total = 0;
  for (const auto& c : counts) total += *c;
  CHECK(total == n);
}

TEST_CASE("no more threads than indices", "[util][parallel_for]") {
  std::atomic<int> states{0};
  parallel_for(2, 8, [&] { ++states; return NoState{}; }, [](NoState&, std::size_t) {});
  CHECK(states == 2);
}
