#include "source/fs_source.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

FsSource::FsSource(fs::path root) : root_(std::move(root)) {
  root_fd_ = ::open(root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

FsSource::~FsSource() {
  if (root_fd_ >= 0) ::close(root_fd_);
}

int FsSource::open_inside(std::string_view path, int flags) const {
  if (root_fd_ < 0 || path.empty()) return -1;
  std::string rel(path);
  // openat2 refuses a symbolic link anywhere in the path, and any escape
  // from the root (Linux 5.6).
  open_how how{};
  how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC);
  how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH;
  long fd = ::syscall(SYS_openat2, root_fd_, rel.c_str(), &how, sizeof how);
  if (fd >= 0 || errno != ENOSYS) return static_cast<int>(fd);
  // An older kernel: check each component ourselves.
  std::size_t at = 0;
  while ((at = rel.find('/', at)) != std::string::npos) {
    struct stat st;
    if (::fstatat(root_fd_, rel.substr(0, at).c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode))
      return -1;
    ++at;
  }
  return ::openat(root_fd_, rel.c_str(), flags | O_CLOEXEC | O_NOFOLLOW);
}

namespace {

// Appends every regular file below the open folder `fd` (which this closes)
// to `out`, as `prefix` + its path below the folder (`shown` names the
// listing in errors). Symbolic links are not followed, and neither is a
// folder holding a `.git` (of any type: a submodule has a `.git` file): it
// is a repository of its own, and goes to out.skipped. Returns false, and
// appends nothing, when this folder holds one; the listed folder itself
// (`top`) is listed whatever it holds. A folder that cannot be opened for
// lack of permission is passed over.
//
// A check of 10,000 briefs waits for this listing before anything else can
// start, so each folder costs as few system calls as can be: its names are
// read with getdents64 into one buffer, with their types (a stat only where
// the file system gives no type), and only then are its subfolders opened,
// so a nested repository is seen before anything below it is read.
bool list_folder(int fd, const std::string& prefix, const std::string& shown, Listing& out, bool top = false) {
  std::unique_ptr<int, void (*)(int*)> guard(&fd, [](int* f) { ::close(*f); });
  struct Entry {
    std::string name;
    unsigned char type;
  };
  std::vector<Entry> entries;
  // One buffer per thread: a folder's names are all read before any
  // subfolder is listed.
  constexpr std::size_t kBufferSize = 32768;
  thread_local std::unique_ptr<char[]> buffer(new char[kBufferSize]);
  while (true) {
    ssize_t n = ::getdents64(fd, buffer.get(), kBufferSize);
    if (n < 0) throw Fatal("cannot list " + shown + ": " + std::generic_category().message(errno));
    if (n == 0) break;
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const dirent64*>(buffer.get() + at);
      at += e->d_reclen;
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      if (name == ".git" && !top) return false;
      unsigned char type = e->d_type;
      if (type == DT_UNKNOWN) {
        struct stat st;
        if (::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;  // gone meanwhile
        type = S_ISREG(st.st_mode) ? DT_REG : S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : DT_UNKNOWN;
      }
      if (type == DT_REG || type == DT_LNK || type == DT_DIR) entries.push_back({std::string(name), type});
    }
  }
  for (const auto& e : entries) {
    if (e.type == DT_REG) {
      out.files.push_back(prefix + e.name);
    } else if (e.type == DT_LNK) {
      out.skipped.push_back({SkippedEntry::Kind::symlink, prefix + e.name});
    } else {
      int sub = ::openat(fd, e.name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub < 0) {
        if (errno == EACCES || errno == ENOENT) continue;  // no permission, or gone meanwhile
        throw Fatal("cannot list " + shown + ": " + std::generic_category().message(errno));
      }
      if (!list_folder(sub, prefix + e.name + "/", shown, out))
        out.skipped.push_back({SkippedEntry::Kind::submodule, prefix + e.name});
    }
  }
  return true;
}

}  // namespace

Listing FsSource::list_all(std::string_view dir) const {
  Listing out;
  while (!dir.empty() && dir.back() == '/') dir.remove_suffix(1);
  fs::path start = dir.empty() ? root_ : root_ / fs::path(std::string(dir));
  // Not through a symbolic link at `dir` itself (as the listing below never
  // follows one); a missing folder, or one we may not read, lists nothing.
  int fd = ::open(start.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOTDIR || errno == ELOOP) {
      struct stat st;
      if (!dir.empty() && ::lstat(start.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
        out.skipped.push_back({SkippedEntry::Kind::symlink, std::string(dir)});
      return out;
    }
    if (errno == ENOENT || errno == EACCES) return out;
    throw Fatal("cannot list " + start.string() + ": " + std::generic_category().message(errno));
  }
  list_folder(fd, dir.empty() ? std::string() : std::string(dir) + "/", start.string(), out, true);
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.skipped.begin(), out.skipped.end(),
            [](const SkippedEntry& a, const SkippedEntry& b) { return a.path < b.path; });
  return out;
}

std::optional<std::string> FsSource::read(std::string_view path) const {
  int fd = open_inside(path, O_RDONLY | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  // One byte more than the size: a read that gives the whole file leaves
  // room to spare, which tells it ended there without a second read to
  // find the end (10,000 system calls fewer in a check of 10,000 briefs).
  // A read that fills the buffer means the file grew; one that gives less
  // than the size (a signal, a network file system) is read on.
  const auto size = static_cast<std::size_t>(st.st_size);
  std::string bytes;
  bytes.resize(size + 1);
  std::size_t done = 0;
  while (true) {
    if (done == bytes.size()) bytes.resize(bytes.size() + 4096);  // the file grew
    ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      throw Fatal("cannot read " + (root_ / fs::path(std::string(path))).string());
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
    if (done == size && bytes.size() == size + 1) break;
  }
  ::close(fd);
  bytes.resize(done);
  return bytes;
}

std::optional<mode_t> FsSource::file_type(std::string_view path) const {
  int fd = open_inside(path, O_PATH | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0;
  ::close(fd);
  if (!ok) return std::nullopt;
  return st.st_mode & S_IFMT;
}

bool FsSource::exists(std::string_view path) const {
  auto type = file_type(path);
  return type == S_IFREG || type == S_IFDIR;
}

bool FsSource::is_file(std::string_view path) const { return file_type(path) == S_IFREG; }

}  // namespace prfaq
