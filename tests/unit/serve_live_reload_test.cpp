#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "serve/live_reload.h"

using namespace std::chrono_literals;
using prfaq::LiveReload;

TEST_CASE("serve: the event stream says hello, then reload after each build, and ends on close") {
  LiveReload live;
  LiveReload::Stream s;
  auto hello = live.next(s, 10ms);
  REQUIRE(hello);
  CHECK(hello->starts_with("retry: 1000\nevent: hello\ndata: "));
  CHECK(hello->ends_with("-0\n\n"));
  CHECK(live.next(s, 10ms) == ": still here\n\n");  // nothing new: a heartbeat
  std::thread builder([&] {
    std::this_thread::sleep_for(20ms);
    live.reload();
  });
  auto reload = live.next(s, 5s);
  builder.join();
  REQUIRE(reload);
  CHECK(reload->starts_with("event: reload\ndata: "));
  CHECK(reload->ends_with("-1\n\n"));
  // A page that connects later is told the current build in its hello.
  LiveReload::Stream later;
  CHECK(live.next(later, 10ms)->ends_with("-1\n\n"));
  std::thread closer([&] {
    std::this_thread::sleep_for(20ms);
    live.close();
  });
  CHECK_FALSE(live.next(s, 5s));
  closer.join();
  CHECK_FALSE(live.next(later, 5s));
}

TEST_CASE("serve: the live-reload script listens to the event stream and knows its build") {
  LiveReload live;
  std::string js = live.script();
  CHECK(js.find("new EventSource(\"/__prfaq/events\")") != std::string::npos);
  CHECK(js.find("location.reload()") != std::string::npos);
  CHECK(js.find("eval") == std::string::npos);
  LiveReload::Stream s;
  std::string hello = *live.next(s, 10ms);
  std::string id = hello.substr(hello.find("data: ") + 6);
  id.resize(id.size() - 2);
  CHECK(js.find("var seen = \"" + id + "\";") != std::string::npos);
  live.reload();
  CHECK(live.script().find("var seen = \"" + id + "\";") == std::string::npos);
}
