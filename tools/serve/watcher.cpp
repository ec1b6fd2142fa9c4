#include "serve/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

namespace {

// What the top folder holds that the preview is built from.
bool watched_at_top(std::string_view name) { return name == "prfaq.toml" || name == "content" || name == "site-theme"; }

constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO;

}  // namespace

Watcher::Watcher(fs::path root) : root_(std::move(root)) {
  inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_ < 0) throw Fatal(std::string("cannot watch for changes (inotify): ") + std::strerror(errno));
  wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_ < 0) {
    ::close(inotify_);
    throw Fatal(std::string("cannot watch for changes (eventfd): ") + std::strerror(errno));
  }
  try {
    if (!add("")) throw Fatal("cannot watch " + root_.string() + ": not a folder");
    add_tree("content");
    add_tree("site-theme");
  } catch (...) {
    ::close(inotify_);
    ::close(wake_);
    throw;
  }
}

Watcher::~Watcher() {
  ::close(inotify_);
  ::close(wake_);
}

bool Watcher::ignored(std::string_view name) {
  auto ends = [&](std::string_view s) { return name.ends_with(s); };
  if (name.starts_with(".#") || name.ends_with('~') || name == "4913") return true;
  if (name.size() > 1 && name.starts_with('#') && name.ends_with('#')) return true;
  // Vim swap files: .x.swp, then .x.swo, .x.swn, ... down to .x.swa, and .x.swx.
  if (name.size() > 4 && name[name.size() - 4] == '.' && name.substr(name.size() - 3, 2) == "sw" &&
      name.back() >= 'a' && name.back() <= 'x')
    return true;
  return ends("___jb_tmp___") || ends("___jb_old___") || ends(".kate-swp") || name.starts_with(".goutputstream-");
}

bool Watcher::add(const std::string& rel) {
  fs::path full = rel.empty() ? root_ : root_ / rel;
  std::uint32_t mask = kEvents | IN_ONLYDIR | (rel.empty() ? 0 : IN_DONT_FOLLOW);
  int wd = ::inotify_add_watch(inotify_, full.c_str(), mask);
  if (wd < 0) {
    if (errno == ENOSPC)
      throw Fatal("cannot watch " + full.string() +
                  ": the system's limit on watched folders is reached (raise fs.inotify.max_user_watches)");
    if (errno == ENOMEM) throw Fatal("cannot watch " + full.string() + ": out of memory");
    return false;  // gone again, not a folder, a link, or not readable: nothing to watch
  }
  paths_[wd] = rel;
  return true;
}

void Watcher::add_tree(const std::string& rel) {
  // The folder is watched before it is listed: a folder made inside it
  // meanwhile is seen either as an event or in the listing.
  if (!add(rel)) return;
  std::error_code ec;
  fs::recursive_directory_iterator it(root_ / rel, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;  // a link to a folder is not followed
    std::string sub = it->path().lexically_relative(root_).generic_string();
    if (!add(sub)) it.disable_recursion_pending();
  }
}

void Watcher::forget(const std::string& rel) {
  for (auto it = paths_.begin(); it != paths_.end();) {
    if (it->second == rel || it->second.starts_with(rel + "/")) {
      ::inotify_rm_watch(inotify_, it->first);
      it = paths_.erase(it);
    } else {
      ++it;
    }
  }
}

bool Watcher::read_events(std::set<std::string>& changed, std::set<std::string>& created) {
  bool seen = false;
  alignas(inotify_event) char buf[64 * 1024];
  for (;;) {
    ssize_t n = ::read(inotify_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return seen;  // EAGAIN: all read
    for (char* p = buf; p < buf + n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(p);
      p += sizeof(inotify_event) + e->len;
      if (e->mask & IN_Q_OVERFLOW) {  // events were lost: rebuild, and watch what is there now
        changed.insert("*");
        seen = true;
        add_tree("content");
        add_tree("site-theme");
        continue;
      }
      if (e->mask & IN_IGNORED) {
        paths_.erase(e->wd);
        continue;
      }
      auto folder = paths_.find(e->wd);
      if (folder == paths_.end() || e->len == 0) continue;
      std::string name(e->name);
      if (folder->second.empty() && !watched_at_top(name)) continue;
      if (ignored(name)) continue;
      std::string rel = folder->second.empty() ? name : folder->second + "/" + name;
      if (e->mask & IN_ISDIR) {
        if (e->mask & (IN_DELETE | IN_MOVED_FROM)) forget(rel);
        if (e->mask & (IN_CREATE | IN_MOVED_TO)) add_tree(rel);
      }
      seen = true;
      // A file that came and went within one batch is a tool's temporary
      // file (sed -i, an editor's save by rename): nothing changed there.
      if ((e->mask & (IN_DELETE | IN_MOVED_FROM)) && created.erase(rel)) {
        changed.erase(rel);
        continue;
      }
      if (e->mask & (IN_CREATE | IN_MOVED_TO)) created.insert(rel);
      changed.insert(rel);
    }
  }
}

std::optional<std::vector<std::string>> Watcher::wait(std::chrono::milliseconds quiet,
                                                      std::chrono::milliseconds longest) {
  using Clock = std::chrono::steady_clock;
  std::set<std::string> changed, created;
  Clock::time_point first, last;
  for (;;) {
    int timeout = -1;
    if (!changed.empty()) {
      auto deadline = std::min(last + quiet, first + longest);
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) break;
      timeout = static_cast<int>(left);
    }
    pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
    int n = ::poll(fds, 2, timeout);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Fatal(std::string("cannot watch for changes: ") + std::strerror(errno));
    }
    if (fds[1].revents) return std::nullopt;  // not read: every later wait() returns at once too
    if (n == 0) break;
    bool was_empty = changed.empty();
    if (read_events(changed, created) && !changed.empty()) {
      last = Clock::now();
      if (was_empty) first = last;
    }
  }
  return std::vector<std::string>(changed.begin(), changed.end());
}

void Watcher::stop() {
  std::uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_, &one, sizeof one);
}

}  // namespace prfaq
