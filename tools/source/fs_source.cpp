#include "source/fs_source.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>

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

std::vector<std::string> FsSource::list(std::string_view dir) const {
  std::vector<std::string> out;
  fs::path start = dir.empty() ? root_ : root_ / fs::path(std::string(dir));
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(start, ec))) return out;
  // Directory symlinks are not followed (the iterator's default).
  fs::recursive_directory_iterator it(start, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) throw Fatal("cannot list " + start.string() + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) throw Fatal("cannot list " + start.string() + ": " + ec.message());
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    out.push_back(it->path().lexically_relative(root_).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> FsSource::read(std::string_view path) const {
  std::string full = (root_ / fs::path(std::string(path))).string();
  int fd = open_inside(path, O_RDONLY | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (true) {
    if (done == bytes.size()) bytes.resize(bytes.size() + 4096);  // the file grew
    ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      ::close(fd);
      throw Fatal("cannot read " + full);
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  bytes.resize(done);
  return bytes;
}

bool FsSource::exists(std::string_view path) const {
  int fd = open_inside(path, O_PATH | O_NOFOLLOW);
  if (fd < 0) return false;
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0 && (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode));
  ::close(fd);
  return ok;
}

}  // namespace prfaq
