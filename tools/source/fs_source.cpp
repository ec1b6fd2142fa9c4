#include "source/fs_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

FsSource::FsSource(fs::path root) : root_(std::move(root)) {}

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
  int fd = ::open(full.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
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
  std::string full = (root_ / fs::path(std::string(path))).string();
  struct stat st;
  if (::lstat(full.c_str(), &st) != 0) return false;
  return S_ISREG(st.st_mode) || S_ISDIR(st.st_mode);
}

}  // namespace prfaq
