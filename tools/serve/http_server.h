#pragma once
// The preview's HTTP server (cpp-httplib): GET and HEAD of the built site's
// files (serve/static_files.h) and of the live-reload endpoints
// (serve/live_reload.h), each connection on a thread of a pool, on a thread
// of its own. Every response says `Cache-Control: no-store` (a preview is
// never stale) and `X-Content-Type-Options: nosniff`.
//
// Bound to a loopback address, it answers only requests naming a loopback
// host (Host: localhost, 127.0.0.1, [::1], any port), so that a web page
// elsewhere cannot read the briefs through a DNS name that points at this
// machine (DNS rebinding). Other methods get 405.
//
// httplib stays inside http_server.cpp.
#include <filesystem>
#include <memory>
#include <string>

#include "serve/live_reload.h"

namespace prfaq {

class HttpServer {
 public:
  // Serves the site in folder `site` (read afresh on every request: a
  // rebuild swaps the folder's content) and the live-reload stream of `live`,
  // which must outlive the server.
  HttpServer(std::filesystem::path site, LiveReload& live);
  // Stops (see stop()).
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds to `address` (an IP address or a host name) and `port` (0: any
  // free port) and returns the port. Throws Fatal when it cannot, with the
  // reason in words: "cannot listen on 127.0.0.1:1717: address in use (try
  // --port N, or --port 0 for any free port)".
  int bind(const std::string& address, int port);
  // Starts answering requests on a thread of its own; call after bind().
  void start();
  // Ends the event streams, closes the port and waits for the threads
  // answering requests to finish (at most a second or two for a connection
  // that is idle or stalled). The port is free once it returns.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True for an address in 127.0.0.0/8, ::1 (also "[::1]"), "localhost" and
// its subdomains; not for a host name such as "127.0.0.1.nip.io".
bool is_loopback(const std::string& address);

}  // namespace prfaq
