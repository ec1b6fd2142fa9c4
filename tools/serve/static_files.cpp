#include "serve/static_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>


namespace prfaq {

namespace {

class Fd {  // an owned file descriptor
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }

 private:
  int fd_;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes once ("%252e" stays "%2e": the file named so, if any).
std::optional<std::string> percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;  // "%" or "%4" at the end
    int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

// A decoded name for a URL path: anything but the unreserved characters
// percent-encoded (UTF-8 too: a Location header is ASCII).
std::string percent_encode(std::string_view name) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

struct Opened {
  Fd fd;
  bool folder = false;
};

// Opens `name` in folder `dir` without following a symbolic link; a FIFO or
// a device is never opened for reading in a way that blocks.
std::optional<Opened> open_in(int dir, const std::string& name) {
  Fd fd(::openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (!fd) return std::nullopt;
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) return std::nullopt;
  if (S_ISDIR(st.st_mode)) return Opened{std::move(fd), true};
  if (!S_ISREG(st.st_mode)) return std::nullopt;
  return Opened{std::move(fd), false};
}

std::optional<std::string> read_all(int fd) {
  std::string bytes;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) return std::nullopt;
    if (n == 0) return bytes;
    bytes.append(buf, static_cast<std::size_t>(n));
  }
}

enum class Found { file, folder, missing };

// The file at `segments` under `site`, reached one component at a time
// without following links; a folder is its index.html when `folder_ok`.
Found find(const std::filesystem::path& site, const std::vector<std::string>& segments, bool folder_ok,
           std::string& bytes) {
  Fd dir(::open(site.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir) return Found::missing;
  Opened at{std::move(dir), true};
  for (const auto& name : segments) {
    if (!at.folder) return Found::missing;  // "a.html/b"
    auto next = open_in(at.fd.get(), name);
    if (!next) return Found::missing;
    at = std::move(*next);
  }
  if (at.folder) {
    if (!folder_ok) return Found::folder;
    auto index = open_in(at.fd.get(), "index.html");
    if (!index || index->folder) return Found::missing;
    at = std::move(*index);
  }
  auto read = read_all(at.fd.get());
  if (!read) return Found::missing;
  bytes = std::move(*read);
  return Found::file;
}

StaticResponse not_found(const std::filesystem::path& site) {
  StaticResponse r;
  r.status = 404;
  if (find(site, {"404.html"}, false, r.body) == Found::file) {
    r.content_type = content_type_of("404.html");
  } else {
    r.content_type = content_type_of("404.txt");
    r.body = "404 page not found\n";
  }
  return r;
}

}  // namespace

std::optional<UrlPath> parse_url_path(std::string_view target) {
  target = target.substr(0, target.find('?'));
  target = target.substr(0, target.find('#'));
  if (!target.starts_with('/')) return std::nullopt;
  auto decoded = percent_decode(target);
  if (!decoded) return std::nullopt;
  UrlPath p;
  std::string_view rest = *decoded;
  p.folder = rest.ends_with('/');
  while (!rest.empty()) {
    std::size_t slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (seg.empty()) continue;
    if (seg == "." || seg == ".." || seg.find('\\') != std::string_view::npos ||
        seg.find('\0') != std::string_view::npos)
      return std::nullopt;
    p.segments.emplace_back(seg);
  }
  if (p.segments.empty()) p.folder = true;
  return p;
}

std::string_view content_type_of(std::string_view name) {
  std::size_t slash = name.rfind('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (name == "feed.xml") return "application/atom+xml; charset=utf-8";
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"json", "application/json"},
      {"xml", "application/xml; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"avif", "image/avif"},
      {"ico", "image/x-icon"},
      {"pdf", "application/pdf"},
      {"txt", "text/plain; charset=utf-8"},
      {"md", "text/plain; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"mp4", "video/mp4"},
      {"webm", "video/webm"},
  };
  for (const auto& [e, type] : kTypes)
    if (e == ext) return type;
  return "application/octet-stream";
}

StaticResponse serve_static(const std::filesystem::path& site, std::string_view target) {
  auto path = parse_url_path(target);
  if (!path) return {400, "text/plain; charset=utf-8", "400 bad request: not a path of this site\n", ""};
  for (const auto& seg : path->segments)
    if (seg.starts_with('.')) return not_found(site);
  StaticResponse r;
  switch (find(site, path->segments, path->folder, r.body)) {
    case Found::file:
      r.content_type = content_type_of(path->folder ? "index.html" : path->segments.back());
      return r;
    case Found::folder: {
      // Built from the decoded names, never from the raw target: "//host"
      // cannot become a redirect to another site.
      std::string to;
      for (const auto& seg : path->segments) to += "/" + percent_encode(seg);
      r.status = 301;
      r.location = to + "/";
      r.content_type = "text/plain; charset=utf-8";
      r.body = "moved to " + r.location + "\n";
      return r;
    }
    case Found::missing: break;
  }
  return not_found(site);
}

}  // namespace prfaq
