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

// An entry under a listed folder that prfaq leaves alone on purpose, and
// says so (rules symlink-skipped and submodule-skipped): a symbolic link,
// which it never follows, or a submodule (in Git) or nested repository (in
// the working tree), whose files belong to another repository.
struct SkippedEntry {
  enum class Kind { symlink, submodule } kind;
  std::string path;
};

struct Listing {
  std::vector<std::string> files;     // regular files, sorted by path
  std::vector<SkippedEntry> skipped;  // sorted by path; nothing below them is listed
};

class Source {
 public:
  virtual ~Source() = default;
  // Every regular file under `dir` (recursively), and the symbolic links
  // and submodules it leaves out: `dir` itself too, when it is a symbolic
  // link (or, in a Git tree, a submodule), and then nothing else. Anything else that is not a regular file (a
  // FIFO, a socket) is neither.
  virtual Listing list_all(std::string_view dir) const = 0;
  // The regular files alone.
  std::vector<std::string> list(std::string_view dir) const { return list_all(dir).files; }
  // The bytes of a regular file; nullopt when there is no such file.
  virtual std::optional<std::string> read(std::string_view path) const = 0;
  // True when `path` is a regular file or a folder in this source.
  virtual bool exists(std::string_view path) const = 0;
  // True when `path` is a regular file (not a folder) in this source.
  virtual bool is_file(std::string_view path) const = 0;
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
