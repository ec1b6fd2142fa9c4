#pragma once
// An in-memory Source: a repository given as a map of path to bytes. The
// seam the unit tests (support.h) and the libFuzzer targets
// (tests/fuzz/fuzz_support.h) check through; free of Catch2, which the
// fuzz targets do not link.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/source.h"

namespace prfaq::test {

using Files = std::map<std::string, std::string>;

class MemorySource final : public Source {
 public:
  explicit MemorySource(Files files) : files_(std::move(files)) {}

  Listing list_all(std::string_view dir) const override {
    Listing out;
    std::string prefix = dir.empty() ? std::string() : std::string(dir) + "/";
    for (const auto& [path, bytes] : files_)
      if (path.starts_with(prefix)) out.files.push_back(path);
    return out;  // a std::map iterates sorted
  }
  std::optional<std::string> read(std::string_view path) const override {
    auto it = files_.find(std::string(path));
    if (it == files_.end()) return std::nullopt;
    return it->second;
  }
  bool exists(std::string_view path) const override {
    if (files_.count(std::string(path))) return true;
    std::string folder = std::string(path) + "/";
    auto it = files_.lower_bound(folder);
    return it != files_.end() && it->first.starts_with(folder);
  }
  bool is_file(std::string_view path) const override { return files_.count(std::string(path)) > 0; }
  std::string describe() const override { return "memory"; }

 private:
  Files files_;
};

}  // namespace prfaq::test
