#pragma once
// A fresh folder under the system's temporary folder for one test, removed
// with everything in it when the test ends, also the folders the test made
// read-only. Free of Catch2.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace prfaq::test {

struct TempDir {
  std::filesystem::path path;

  // `name` tells the folders of different tests apart: /tmp/prfaq-NAME-PID-N.
  explicit TempDir(std::string_view name = "test") {
    static int n = 0;
    path = std::filesystem::temp_directory_path() /
           ("prfaq-" + std::string(name) + "-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_directory(ec) && !it->is_symlink(ec))
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes a file below the folder, making its folders.
  void write(const std::string& rel, const std::string& text) const {
    std::filesystem::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
  }
};

}  // namespace prfaq::test
