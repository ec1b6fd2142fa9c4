#pragma once
// Source over a folder of the file system (the working tree). Never follows a
// symbolic link: a link is neither listed nor read, so a link pointing out of
// the repository cannot leak a file into a check or a site.
#include <filesystem>

#include "source/source.h"

namespace prfaq {

class FsSource final : public Source {
 public:
  explicit FsSource(std::filesystem::path root);
  std::vector<std::string> list(std::string_view dir) const override;
  std::optional<std::string> read(std::string_view path) const override;
  bool exists(std::string_view path) const override;
  std::string describe() const override { return "working tree"; }
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace prfaq
