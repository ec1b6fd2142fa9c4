#include "serve/live_reload.h"

#include <unistd.h>

namespace prfaq {

namespace {

// The script is served with the id of the current build in it: a page
// hears of a build that happens between its load and the moment its event
// stream opens, or while prfaq serve is restarted, by the id in the hello.
// The browser reconnects by itself when a stream drops (after `retry`
// milliseconds); when the server answered with an error instead (it was
// starting again), the EventSource is closed and this script opens a new one.
constexpr std::string_view kScript = R"js(// prfaq serve: reloads this page after each rebuild of the preview.
(function () {
  "use strict";
  var seen = "@BUILD@";  // the build this page came with
  function connect() {
    var events = new EventSource("/__prfaq/events");
    events.addEventListener("hello", function (e) {
      if (e.data !== seen) location.reload();
    });
    events.addEventListener("reload", function () { location.reload(); });
    events.onerror = function () {
      if (events.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    };
  }
  connect();
})();
)js";

}  // namespace

LiveReload::LiveReload() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  run_ = std::to_string(::getpid()) + "." + std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

void LiveReload::reload() {
  {
    std::lock_guard lock(mutex_);
    ++build_;
  }
  changed_.notify_all();
}

void LiveReload::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

std::string LiveReload::id(std::uint64_t build) const { return run_ + "-" + std::to_string(build); }

std::optional<std::string> LiveReload::next(Stream& stream, std::chrono::milliseconds heartbeat) {
  std::unique_lock lock(mutex_);
  if (closed_) return std::nullopt;
  if (!stream.greeted) {
    stream.greeted = true;
    stream.seen = build_;
    return "retry: 1000\nevent: hello\ndata: " + id(build_) + "\n\n";
  }
  bool woken = changed_.wait_for(lock, heartbeat, [&] { return closed_ || build_ != stream.seen; });
  if (closed_) return std::nullopt;
  if (!woken) return std::string(": still here\n\n");
  stream.seen = build_;
  return "event: reload\ndata: " + id(build_) + "\n\n";
}

std::string LiveReload::script() {
  std::string text(kScript);
  std::lock_guard lock(mutex_);
  return text.replace(text.find("@BUILD@"), 7, id(build_));
}

}  // namespace prfaq
