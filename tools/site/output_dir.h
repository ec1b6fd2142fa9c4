#pragma once
// The site build's one way to write files: a new site is staged in a sibling
// folder and swapped in whole on commit(), so a reader of `out` sees the old
// site or the new one, never a mix, and a failed build leaves the old site as
// it was.
//
// Safety rules, all enforced here rather than by callers:
// - prfaq only ever replaces a folder it wrote: one holding kMarker at its
//   top (or an empty one). `--out .` or `--out content` is refused.
// - Nothing is written outside `out`: relative paths are checked component
//   by component, and reading the previous site never follows a symlink.
// - Two builds into the same folder run one after the other (flock on a lock
//   file next to `out`, kept after the build so its inode stays the lock).
// Every failing system call throws Fatal naming the user's path, never the
// staging folder's name.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace prfaq {

class OutputDir {
 public:
  // Starts a build into `out` (absolute or relative; its parent is created if
  // missing). Blocks while another build holds the lock on the same folder.
  // Throws Fatal when `out` is a file, a symlink, a non-empty folder without
  // kMarker, or a folder it may not write: then it has written nothing, no
  // lock file either. Removes staging folders left by killed builds, then
  // creates a fresh one: "<parent>/.<name>.prfaq-tmp-<pid>".
  explicit OutputDir(const std::filesystem::path& out);
  // The file `rel` of the site now in `out`, read without taking the lock
  // and without writing anything: a hint, which a build running meanwhile
  // may make stale. Throws Fatal as the constructor does for an `out` it
  // refuses; nullopt when there is no such regular file.
  static std::optional<std::string> peek(const std::filesystem::path& out, std::string_view rel);
  // Without commit(): removes the staging folder; the previous site stays
  // exactly as it was. Releases the lock.
  ~OutputDir();
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  static constexpr std::string_view kMarker = ".prfaq-build";

  // Writes a file of the new site (mode 0644 under the umask; parent folders
  // 0755 are created). `rel` is '/'-separated and relative; empty components,
  // ".", "..", a leading '/', a backslash or a NUL throw Fatal ("refusing to
  // write outside the output folder: ..."). Writing a path twice keeps the
  // last bytes. Safe to call from several threads at once for different paths.
  void write(std::string_view rel, std::string_view bytes);
  // Puts the previous site's file `rel` into the new site unchanged: a hard
  // link, or a copy where linking fails. False when the previous site has no
  // such regular file (a symlink, even within `rel`'s folders, counts as
  // none). Same path rules and thread safety as write().
  bool reuse(std::string_view rel);
  // The previous site's file `rel` (e.g. the build manifest); nullopt when
  // there is no such regular file. Same path rules as write().
  std::optional<std::string> read_previous(std::string_view rel) const;
  // Writes kMarker and swaps the staged folder in (RENAME_EXCHANGE where
  // `out` exists, else rename), then removes the old site. No fsync: a site
  // is rebuilt from its sources, and a crash only costs a rebuild. Call once;
  // no write() or reuse() after it.
  void commit();

  const std::filesystem::path& staging() const { return staging_; }

 private:
  class Fd {  // an owned file descriptor
   public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(Fd&& o) noexcept : fd_(o.release()) {}
    Fd& operator=(Fd&& o) noexcept;
    ~Fd();
    int get() const { return fd_; }
    int release() { int fd = fd_; fd_ = -1; return fd; }

   private:
    int fd_;
  };

  // Checks `out` and opens the previous site, without the lock and
  // without writing anything (no staging folder): for peek(), and the
  // first step of the public constructor.
  struct Unlocked {};
  OutputDir(const std::filesystem::path& out, Unlocked);

  // The previous site's folder holding `rel`, reached without following a
  // symlink; dir < 0 when there is no such folder.
  struct Previous {
    Fd owned;  // set when dir is a subfolder, not previous_ itself
    int dir = -1;
    std::string leaf;
  };
  Previous find_previous(std::string_view rel) const;
  // Checks that `out` may be replaced (see the constructor) and opens it;
  // -1 when there is no `out` yet. `locked`: called under the lock.
  Fd open_replaceable(bool locked) const;
  std::string shown(std::string_view rel) const;  // "<out>/<rel>" as the user named it
  void make_parents(std::string_view rel) const;

  std::string display_;          // `out` as the user gave it, for messages
  std::filesystem::path out_;    // absolute, normalized
  std::filesystem::path staging_;
  Fd lock_;                      // holds the flock until destruction
  Fd previous_;                  // the old site's folder, or -1 when there is none
  bool committed_ = false;
};

}  // namespace prfaq
