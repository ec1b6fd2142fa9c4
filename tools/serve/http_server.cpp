#include "serve/http_server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <httplib.h>
#include <thread>

#include "serve/static_files.h"
#include "util/error.h"

namespace prfaq {

namespace {

// Threads answering requests: each open page holds one for its event
// stream, and a browser keeps a few more connections open for a moment.
constexpr std::size_t kThreads = 32;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The host of a Host header: "localhost:1717" -> "localhost", "[::1]:80" -> "::1".
std::string host_of(const std::string& header) {
  if (header.starts_with('[')) {
    auto end = header.find(']');
    return end == std::string::npos ? header : header.substr(1, end - 1);
  }
  return lower(header.substr(0, header.find(':')));
}

std::string shown_address(const std::string& address, int port) {
  bool v6 = address.find(':') != std::string::npos;
  return (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

// Why `address`:`port` cannot be listened on, found by trying it the way
// httplib does (which only says that it failed).
std::string bind_failure(const std::string& address, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (int rc = ::getaddrinfo(address.c_str(), std::to_string(port).c_str(), &hints, &found); rc != 0)
    return std::string("no such address (") + ::gai_strerror(rc) + ")";
  int err = 0;
  for (addrinfo* a = found; a; a = a->ai_next) {
    int s = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (s < 0) {
      err = errno;
      continue;
    }
    int yes = 1;
    ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    bool ok = ::bind(s, a->ai_addr, a->ai_addrlen) == 0 && ::listen(s, 1) == 0;
    err = ok ? 0 : errno;
    ::close(s);
    if (ok) break;
  }
  ::freeaddrinfo(found);
  switch (err) {
    case EADDRINUSE: return "address in use (try --port N, or --port 0 for any free port)";
    case EACCES: return "permission denied (ports below 1024 need privileges; try --port N)";
    case EADDRNOTAVAIL: return "not an address of this machine (try --bind 127.0.0.1)";
    case 0: return "the server could not start";
    default: return std::strerror(err);
  }
}

}  // namespace

bool is_loopback(const std::string& address) {
  std::string a = lower(address);
  // Browsers resolve "localhost" and its subdomains to this machine
  // themselves, never through DNS.
  if (a == "localhost" || a.ends_with(".localhost")) return true;
  if (a.size() > 2 && a.front() == '[' && a.back() == ']') a = a.substr(1, a.size() - 2);
  // An address written as one: "127.0.0.1.nip.io" starts like 127.0.0.1
  // but is a name anyone's DNS can point here (DNS rebinding).
  in_addr v4{};
  if (::inet_pton(AF_INET, a.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  return ::inet_pton(AF_INET6, a.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

struct HttpServer::Impl {
  std::filesystem::path site;
  LiveReload& live;
  httplib::Server server;
  std::thread thread;
  std::string address;
  bool loopback = true;

  Impl(std::filesystem::path s, LiveReload& l) : site(std::move(s)), live(l) {}

  bool host_allowed(const httplib::Request& req) const {
    if (!loopback || !req.has_header("Host")) return true;
    std::string host = host_of(req.get_header_value("Host"));
    return is_loopback(host) || host == lower(address);
  }

  httplib::Server::HandlerResponse handle(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    auto text = [&](int status, const std::string& body) {
      res.status = status;
      res.set_content(body, "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    };
    if (!host_allowed(req)) return text(403, "403 forbidden: prfaq serve answers only to localhost\n");
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      return text(405, "405 method not allowed: this is a read-only preview\n");
    }
    std::string_view path = req.target;
    path = path.substr(0, path.find('?'));
    if (path == kLiveScriptPath) {
      res.status = 200;
      res.set_content(live.script(), "text/javascript; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (path == kEventsPath) {
      res.status = 200;
      auto stream = std::make_shared<LiveReload::Stream>();
      res.set_chunked_content_provider("text/event-stream", [this, stream](std::size_t, httplib::DataSink& sink) {
        auto message = live.next(*stream, std::chrono::seconds(15));
        if (!message) {
          sink.done();
          return true;
        }
        return sink.write(message->data(), message->size());
      });
      return httplib::Server::HandlerResponse::Handled;
    }
    StaticResponse r = serve_static(site, req.target);
    res.status = r.status;
    if (!r.location.empty()) res.set_header("Location", r.location);
    res.set_content(r.body, r.content_type);
    return httplib::Server::HandlerResponse::Handled;
  }
};

HttpServer::HttpServer(std::filesystem::path site, LiveReload& live)
    : impl_(std::make_unique<Impl>(std::move(site), live)) {
  auto& s = impl_->server;
  s.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a
  // second server on the same port would share it instead of failing.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Short waits for idle and stalled connections, so that stop() is quick.
  s.set_keep_alive_timeout(1);
  s.set_read_timeout(3, 0);
  s.set_write_timeout(3, 0);
  s.set_payload_max_length(64 * 1024);
  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    try {
      return impl_->handle(req, res);
    } catch (const std::exception& e) {
      res.status = 500;
      res.set_content(std::string("500 internal error: ") + e.what() + "\n", "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
  });
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind(const std::string& address, int port) {
  impl_->address = address;
  impl_->loopback = is_loopback(address);
  int bound = port == 0 ? impl_->server.bind_to_any_port(address)
                        : (impl_->server.bind_to_port(address, port) ? port : -1);
  if (bound < 0) throw Fatal("cannot listen on " + shown_address(address, port) + ": " + bind_failure(address, port));
  return bound;
}

void HttpServer::start() {
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  // stop() before the server runs would find nothing to stop.
  for (int i = 0; i < 2000 && !impl_->server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void HttpServer::stop() {
  impl_->live.close();
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace prfaq
