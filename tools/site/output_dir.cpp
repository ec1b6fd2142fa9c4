#include "site/output_dir.h"

#include "util/remove_tree.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>  // renameat2, RENAME_EXCHANGE (glibc >= 2.28, _GNU_SOURCE)
#include <initializer_list>
#include <stdexcept>
#include <system_error>

#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

namespace {

// Fatal for the system call that just failed: the parts, then strerror. The
// parts are views, so nothing allocates (and perhaps touches errno) between
// the failing call and reading errno here.
[[noreturn]] void fail(int err, std::initializer_list<std::string_view> parts) {
  std::string what;
  for (auto part : parts) what += part;
  throw Fatal(what + ": " + std::generic_category().message(err));
}
[[noreturn]] void fail(std::initializer_list<std::string_view> parts) { fail(errno, parts); }

// The one guard against writing outside the output folder: every component
// is a plain name, so staging_/rel stays inside staging_ (which holds only
// what we created: no symlinks).
void check_rel(std::string_view rel, const char* verb) {
  bool ok = !rel.empty() && rel.find('\\') == rel.npos && rel.find('\0') == rel.npos;
  for (std::size_t start = 0; ok;) {
    std::size_t slash = rel.find('/', start);
    std::string_view comp = rel.substr(start, slash == rel.npos ? rel.npos : slash - start);
    ok = !comp.empty() && comp != "." && comp != "..";
    if (slash == rel.npos) break;
    start = slash + 1;
  }
  if (ok) return;
  std::string shown;
  for (char c : rel) shown += c == '\0' ? std::string("\\0") : std::string(1, c);
  throw Fatal(std::string("refusing to ") + verb + " outside the output folder: " +
              (rel.empty() ? std::string("(empty path)") : shown));
}

// write() until everything is out: it may write less than asked (or be
// interrupted), and ENOSPC/EDQUOT can surface on write or only on close.
void write_file(const fs::path& path, std::string_view bytes, const std::string& shown) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) fail({"cannot write ", shown});
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      fail(err, {"cannot write ", shown});
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  // Linux releases the descriptor even when close reports EINTR: never retry.
  if (::close(fd) != 0 && errno != EINTR) fail({"cannot write ", shown});
}

std::string read_fd(int fd, const std::string& shown) {
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail({"cannot read ", shown});
    if (n == 0) return out;
    out.append(buf, static_cast<std::size_t>(n));
  }
}

// "<prefix><pid>" or "<prefix><pid>-old" exactly: a mere prefix match would
// also take a sibling output folder named "<name>.prfaq-tmp-x"'s staging.
bool stale_staging(std::string_view file, std::string_view prefix) {
  if (!file.starts_with(prefix)) return false;
  file.remove_prefix(prefix.size());
  if (file.ends_with("-old")) file.remove_suffix(4);
  return !file.empty() && file.find_first_not_of("0123456789") == file.npos;
}

// A name that is simply not there (or is a symlink we refuse to follow).
bool missing(int err) { return err == ENOENT || err == ENOTDIR || err == ELOOP; }

}  // namespace

OutputDir::Fd& OutputDir::Fd::operator=(Fd&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = o.release();
  }
  return *this;
}

OutputDir::Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

OutputDir::OutputDir(const fs::path& out, Unlocked) : display_(out.generic_string()) {
  while (display_.size() > 1 && display_.back() == '/') display_.pop_back();
  std::error_code ec;
  if (display_.empty()) throw Fatal("no output folder given");
  out_ = fs::absolute(out, ec).lexically_normal();
  if (ec) throw Fatal("cannot find " + display_ + ": " + ec.message());
  if (!out_.has_filename()) out_ = out_.parent_path();  // "public/" or "."
  if (out_ == out_.root_path()) throw Fatal("refusing to replace " + display_ + ": it is the root folder");
  previous_ = open_replaceable(false);
}

std::optional<std::string> OutputDir::peek(const fs::path& out, std::string_view rel) {
  return OutputDir(out, Unlocked{}).read_previous(rel);
}

OutputDir::OutputDir(const fs::path& out) : OutputDir(out, Unlocked{}) {
  // Checked above before anything is written, so that a refused folder
  // leaves no trace (not even a lock file beside it); and again below under
  // the lock: another build may have just created or replaced `out`.
  previous_ = Fd();
  const fs::path parent = out_.parent_path();
  const std::string name = out_.filename().string();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw Fatal("cannot create " + parent.string() + ": " + ec.message());

  // The lock file is never removed: unlinking it would let a waiting build
  // lock the old inode while a new one locks a fresh file.
  const fs::path lock_path = parent / ("." + name + ".prfaq-lock");
  lock_ = Fd(::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644));
  if (lock_.get() < 0) fail({"cannot lock ", display_, " (", lock_path.native(), ")"});
  while (::flock(lock_.get(), LOCK_EX) != 0)
    if (errno != EINTR) fail({"cannot lock ", display_, " (", lock_path.native(), ")"});
  previous_ = open_replaceable(true);

  // We hold the lock, so any staging folder here belongs to a build that died.
  const std::string prefix = "." + name + ".prfaq-tmp-";
  fs::directory_iterator it(parent, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (!stale_staging(it->path().filename().string(), prefix)) continue;
    remove_tree(it->path());
    std::error_code rm;
    if (fs::exists(fs::symlink_status(it->path(), rm)))
      throw Fatal("cannot remove " + it->path().string() + ", left by an interrupted build");
  }
  if (ec) throw Fatal("cannot read " + parent.string() + ": " + ec.message());

  staging_ = parent / (prefix + std::to_string(::getpid()));
  if (::mkdir(staging_.c_str(), 0755) != 0) fail({"cannot create ", display_});
}

OutputDir::Fd OutputDir::open_replaceable(bool locked) const {
  struct stat st;
  if (::lstat(out_.c_str(), &st) != 0) {
    // Not there: nothing to replace. Before the lock, a missing parent
    // (ENOTDIR: a file on the way) is for create_directories to report.
    if (errno == ENOENT || (!locked && errno == ENOTDIR)) return Fd();
    fail({"cannot read ", display_});
  }
  if (S_ISLNK(st.st_mode))
    throw Fatal("refusing to replace " + display_ + ": it is a symbolic link; give the folder itself");
  if (!S_ISDIR(st.st_mode)) throw Fatal("refusing to replace " + display_ + ": it is a file, not a folder");
  Fd dir(::open(out_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (dir.get() < 0) fail({"cannot open ", display_});
  struct stat marker;
  bool ours = ::fstatat(dir.get(), std::string(kMarker).c_str(), &marker, AT_SYMLINK_NOFOLLOW) == 0 &&
              S_ISREG(marker.st_mode);
  std::error_code ec;
  bool empty = fs::is_empty(out_, ec);
  if (ec) throw Fatal("cannot read " + display_ + ": " + ec.message());
  if (!ours && !empty)
    throw Fatal("refusing to replace " + display_ + ": the folder is not empty and has no " + std::string(kMarker) +
                " file, so prfaq build did not write it; choose a new or empty output folder");
  // A folder the user made read-only (chmod a-w) is theirs to keep as it
  // is: the swap would go through it, as it only needs the parent.
  if (::faccessat(AT_FDCWD, out_.c_str(), W_OK, AT_EACCESS) != 0) fail({"cannot write the site into ", display_});
  return dir;
}

OutputDir::~OutputDir() {
  if (!committed_ && !staging_.empty()) remove_tree(staging_);  // best effort
}

std::string OutputDir::shown(std::string_view rel) const { return display_ + "/" + std::string(rel); }

// mkdir each ancestor of rel; EEXIST is success, which also makes two threads
// creating the same folder harmless.
void OutputDir::make_parents(std::string_view rel) const {
  for (std::size_t slash = rel.find('/'); slash != rel.npos; slash = rel.find('/', slash + 1)) {
    fs::path dir = staging_ / rel.substr(0, slash);
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
      fail({"cannot create ", display_, "/", rel.substr(0, slash)});
  }
}

void OutputDir::write(std::string_view rel, std::string_view bytes) {
  if (committed_) throw std::logic_error("OutputDir::write after commit");
  check_rel(rel, "write");
  make_parents(rel);
  write_file(staging_ / rel, bytes, shown(rel));
}

// Walks rel's folders one openat(O_NOFOLLOW) at a time: a plain openat of
// "a/b" would follow a symlink at "a", which could point anywhere.
OutputDir::Previous OutputDir::find_previous(std::string_view rel) const {
  Previous p;
  if (previous_.get() < 0) return p;
  int at = previous_.get();
  std::size_t start = 0;
  for (std::size_t slash; (slash = rel.find('/', start)) != rel.npos; start = slash + 1) {
    std::string comp(rel.substr(start, slash - start));
    Fd next(::openat(at, comp.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (next.get() < 0) {
      if (missing(errno)) return p;
      fail({"cannot read ", display_, "/", rel.substr(0, slash)});
    }
    p.owned = std::move(next);
    at = p.owned.get();
  }
  p.dir = at;
  p.leaf = std::string(rel.substr(start));
  return p;
}

std::optional<std::string> OutputDir::read_previous(std::string_view rel) const {
  check_rel(rel, "read");
  Previous p = find_previous(rel);
  if (p.dir < 0) return std::nullopt;
  Fd fd(::openat(p.dir, p.leaf.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));  // a FIFO must not block
  if (fd.get() < 0) {
    if (missing(errno)) return std::nullopt;
    fail({"cannot read ", display_, "/", rel});
  }
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) fail({"cannot read ", display_, "/", rel});
  if (!S_ISREG(st.st_mode)) return std::nullopt;
  return read_fd(fd.get(), shown(rel));
}

bool OutputDir::reuse(std::string_view rel) {
  if (committed_) throw std::logic_error("OutputDir::reuse after commit");
  check_rel(rel, "write");
  Previous p = find_previous(rel);
  if (p.dir < 0) return false;
  struct stat st;
  if (::fstatat(p.dir, p.leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
    if (missing(errno)) return false;
    fail({"cannot read ", display_, "/", rel});
  }
  if (!S_ISREG(st.st_mode)) return false;
  make_parents(rel);
  const fs::path dest = staging_ / rel;
  // linkat without AT_SYMLINK_FOLLOW links the name itself, never a target.
  int rc = ::linkat(p.dir, p.leaf.c_str(), AT_FDCWD, dest.c_str(), 0);
  if (rc != 0 && errno == EEXIST && ::unlink(dest.c_str()) == 0)  // written earlier in this build
    rc = ::linkat(p.dir, p.leaf.c_str(), AT_FDCWD, dest.c_str(), 0);
  if (rc == 0) return true;
  // Linking fails where copying works: EPERM (fs.protected_hardlinks, FAT),
  // EMLINK (too many links), EXDEV. A copy reports its own errors.
  auto bytes = read_previous(rel);
  if (!bytes) return false;
  write_file(dest, *bytes, shown(rel));
  return true;
}

void OutputDir::commit() {
  if (committed_) throw std::logic_error("OutputDir::commit called twice");
  write(kMarker, "This folder is written by `prfaq build`, which replaces it whole on every build.\n");
  std::error_code ec;
  if (previous_.get() < 0) {
    if (::rename(staging_.c_str(), out_.c_str()) != 0) fail({"cannot create ", display_});
    committed_ = true;
    return;
  }
  previous_ = Fd();
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) == 0) {
    committed_ = true;
    remove_tree(staging_);  // now the old site; a leftover is swept by the next build
    return;
  }
  if (errno != EINVAL && errno != ENOSYS) fail({"cannot replace ", display_});
  // No RENAME_EXCHANGE on this filesystem: move the old site aside, then the
  // new one in. A reader may briefly find no `out` at all, never a mix.
  fs::path aside = staging_;
  aside += "-old";  // still matches the stale-staging prefix if we die here
  if (::rename(out_.c_str(), aside.c_str()) != 0) fail({"cannot replace ", display_});
  if (::rename(staging_.c_str(), out_.c_str()) != 0) {
    int err = errno;
    ::rename(aside.c_str(), out_.c_str());  // put the old site back
    fail(err, {"cannot replace ", display_});
  }
  committed_ = true;
  remove_tree(aside);
}

}  // namespace prfaq
