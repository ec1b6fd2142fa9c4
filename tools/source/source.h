#pragma once
// The one seam between prfaq and where briefs are stored. Everything above it
// (load, check, site) reads through this interface and never knows whether it
// reads the working tree, the Git index or a Git tree. Paths are relative to
// the repository root, '/'-separated, with no "." or ".." components.
// Implementations must be safe to call from several threads at once.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prfaq {

class Source {
 public:
  virtual ~Source() = default;
  // Every regular file under `dir` (recursively), sorted by path. Symbolic
  // links and anything else that is not a regular file are not listed.
  virtual std::vector<std::string> list(std::string_view dir) const = 0;
  // The bytes of a regular file; nullopt when there is no such file.
  virtual std::optional<std::string> read(std::string_view path) const = 0;
  // True when `path` is a regular file or a folder in this source.
  virtual bool exists(std::string_view path) const = 0;
  // For messages: "working tree", "index", "HEAD (1a2b3c4)".
  virtual std::string describe() const = 0;
};

// The last component of a '/'-separated path, and the folder holding it
// ("" for a path with no folder).
inline std::string_view base_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}
inline std::string_view dir_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

// Joins `base` (a folder, repository-relative) and a relative reference,
// resolving "." and "..". Returns nullopt when the result would leave the
// repository or `ref` is absolute.
std::optional<std::string> resolve_relative(std::string_view base_dir, std::string_view ref);

}  // namespace prfaq
