#include "cli/create_inside.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/error.h"

namespace prfaq {

namespace {

// An open folder, closed when it goes.
class Folder {
 public:
  explicit Folder(int fd) : fd_(fd) {}
  ~Folder() {
    if (fd_ >= 0) ::close(fd_);
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  int fd() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_;
};

std::string why(int err) { return std::strerror(err); }

// Opens the child folder `name` of `parent` (`shown` is its path from the
// root, for messages), making it when it is missing and `make` is set;
// sets `made` when it did. A symbolic link is never followed.
int open_child_folder(int parent, const std::string& name, const std::string& shown, bool make, bool& made) {
  made = false;
  for (int attempt = 0; attempt < 2; ++attempt) {
    int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) return fd;
    int err = errno;
    struct stat st;
    if (::fstatat(parent, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
      if (S_ISLNK(st.st_mode))
        throw Fatal(shown + " is a symbolic link; prfaq never writes through one (make it a folder)");
      if (!S_ISDIR(st.st_mode)) throw Fatal(shown + " exists and is not a folder");
      throw Fatal("cannot open " + shown + ": " + why(err));
    }
    if (errno != ENOENT || !make) throw Fatal("cannot open " + shown + ": " + why(err));
    if (::mkdirat(parent, name.c_str(), 0755) == 0) {
      made = true;
    } else if (errno != EEXIST) {  // made by someone else meanwhile: open it
      throw Fatal("cannot create " + shown + ": " + why(errno));
    }
  }
  throw Fatal("cannot open " + shown);
}

// Opens the folders of `rel` below `root` one by one, making the missing
// ones; returns the last (the root itself for an empty `rel`).
int open_folders(const std::filesystem::path& root, std::string_view rel, bool& made_last) {
  Folder at(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (at.fd() < 0) throw Fatal("cannot open " + root.string() + ": " + why(errno));
  made_last = false;
  std::string shown;
  while (!rel.empty()) {
    std::size_t slash = rel.find('/');
    std::string name(rel.substr(0, slash));
    rel = slash == std::string_view::npos ? std::string_view() : rel.substr(slash + 1);
    if (name.empty() || name == "." || name == "..") throw Fatal("'" + shown + name + "' is not a folder below the repository");
    shown += name;
    at.reset(open_child_folder(at.fd(), name, shown, true, made_last));
    shown += '/';
  }
  return at.release();
}

}  // namespace

bool create_folder_inside(const std::filesystem::path& root, std::string_view rel) {
  bool made = false;
  ::close(open_folders(root, rel, made));
  return made;
}

Created create_file_inside(const std::filesystem::path& root, std::string_view rel, std::string_view text) {
  std::size_t slash = rel.rfind('/');
  std::string_view folder = slash == std::string_view::npos ? std::string_view() : rel.substr(0, slash);
  std::string name(slash == std::string_view::npos ? rel : rel.substr(slash + 1));
  std::string shown(rel);
  bool made = false;
  Folder dir(open_folders(root, folder, made));
  int fd = ::openat(dir.fd(), name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (errno == EEXIST) return Created::exists;  // a dangling link too: O_EXCL never follows one
    throw Fatal("cannot create " + shown + ": " + why(errno));
  }
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = errno;
      ::close(fd);
      ::unlinkat(dir.fd(), name.c_str(), 0);
      throw Fatal("cannot write " + shown + ": " + why(err));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    int err = errno;
    ::unlinkat(dir.fd(), name.c_str(), 0);
    throw Fatal("cannot write " + shown + ": " + why(err));
  }
  return Created::created;
}

}  // namespace prfaq
