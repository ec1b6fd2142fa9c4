#pragma once
// Source over a folder of the file system (the working tree). Never follows a
// symbolic link, in any component of a path: a link (or a file reached
// through a linked folder) is neither listed, read nor said to exist, so a
// link pointing out of the repository cannot leak a file into a check or a
// site. A folder holding a `.git` (a nested repository, or a submodule's
// checkout) is not listed either, as Git does not commit its files here.
#include <sys/types.h>

#include <filesystem>

#include "source/source.h"

namespace prfaq {

class FsSource final : public Source {
 public:
  explicit FsSource(std::filesystem::path root);
  ~FsSource() override;
  FsSource(const FsSource&) = delete;
  FsSource& operator=(const FsSource&) = delete;
  Listing list_all(std::string_view dir) const override;
  std::optional<std::string> read(std::string_view path) const override;
  bool exists(std::string_view path) const override;
  bool is_file(std::string_view path) const override;
  std::string describe() const override { return "working tree"; }
  const std::filesystem::path& root() const { return root_; }

 private:
  // Opens `path` below the root with no symbolic link in any component;
  // -1 when there is no such file (or a link is in the way).
  int open_inside(std::string_view path, int flags) const;
  // The S_IFMT bits of `path`'s mode, opened as open_inside does; nullopt
  // when there is no such file.
  std::optional<mode_t> file_type(std::string_view path) const;
  std::filesystem::path root_;
  int root_fd_ = -1;  // the root folder, for openat2 below it
};

}  // namespace prfaq
