#pragma once
// Live reload for `prfaq serve`: pages of a preview build load
// /__prfaq/live.js (BuildOptions::live_reload_url), which listens on the
// server-sent event stream /__prfaq/events and reloads the page after each
// successful rebuild. No external script, no WebSocket.
//
// The script knows the id of the build current when it was fetched (this
// server run and its build count), and the stream says "hello" first with
// the id current then: a page that hears a different id, on its first
// connection or on one made again (the network dropped, or prfaq serve was
// restarted), reloads, so a rebuild it was not there for is not missed.
//
// Thread safety: every member may be called from any thread; reload() and
// close() wake every stream waiting in next().
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace prfaq {

inline constexpr std::string_view kLiveScriptPath = "/__prfaq/live.js";
inline constexpr std::string_view kEventsPath = "/__prfaq/events";

class LiveReload {
 public:
  LiveReload();

  // A build was swapped in: every open page reloads.
  void reload();
  // The server is stopping: every stream ends (next() returns nullopt).
  void close();

  // One connected page's place in the stream.
  struct Stream {
    bool greeted = false;
    std::uint64_t seen = 0;  // the build it was told about last
  };
  // The next bytes to send on an event stream, in the text/event-stream
  // format: the hello first, then a "reload" event after each reload(); a
  // comment after `heartbeat` with nothing to say, so that a page that went
  // away is noticed by the failed write. Blocks until one of these;
  // nullopt once close() was called.
  std::optional<std::string> next(Stream& stream, std::chrono::milliseconds heartbeat);

  // The page script served at kLiveScriptPath, knowing the current build.
  std::string script();

 private:
  std::string id(std::uint64_t build) const;  // "<run>-<build>"

  std::string run_;  // tells this server run from an earlier one
  std::mutex mutex_;
  std::condition_variable changed_;
  std::uint64_t build_ = 0;
  bool closed_ = false;
};

}  // namespace prfaq
