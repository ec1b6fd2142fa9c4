#pragma once
// Watches a briefs repository for the changes that call for a rebuild of
// the preview (inotify): prfaq.toml, and every file under content/ and
// site-theme/, in folders that exist now or appear later (a new folder is
// watched as soon as it is seen, and counts as a change: it may hold briefs
// already). Nothing else in the repository's top folder is watched, so the
// output of `prfaq build` (public/), .git/ and the rest never trigger one.
// Editors' temporary and backup files are ignored (see ignored()), and so
// is a file created and removed again within one batch of changes (the
// temporary file of `sed -i`, or of an editor saving by rename).
//
// Symbolic links are never followed into: a link is a change like a file,
// what it points at is not watched.
//
// One thread calls wait(); stop() may be called from any other.
#include <chrono>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace prfaq {

class Watcher {
 public:
  // Starts watching the repository at `root` (content/ and site-theme/ may
  // be missing; they are watched once they appear). Throws Fatal when
  // inotify cannot be used, or the system's limit on watches is reached.
  explicit Watcher(std::filesystem::path root);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Blocks until something changed, then until `quiet` passed without a
  // further change (an editor's save is several events; a checkout, many),
  // but no longer than `longest` in all. Returns what changed: repository
  // paths, '/'-separated, sorted, each once ("content/a.md", or a folder);
  // "*" when the kernel dropped events and anything may have changed.
  // nullopt once stop() was called.
  std::optional<std::vector<std::string>> wait(std::chrono::milliseconds quiet = std::chrono::milliseconds(150),
                                               std::chrono::milliseconds longest = std::chrono::milliseconds(2000));
  // Makes wait() return nullopt, now or at its next call.
  void stop();

  // Names of files editors write beside the real one, and delete again:
  // ".#x" (Emacs lock), "#x#" (Emacs auto-save), "x~" (backup), ".x.swp" and
  // other Vim swap files, "4913" (Vim's test file), "x___jb_tmp___" (JetBrains).
  static bool ignored(std::string_view name);

 private:
  void add_tree(const std::string& rel);  // rel and every folder under it
  bool add(const std::string& rel);       // false: rel is gone or not a folder
  void forget(const std::string& rel);    // rel and everything under it
  // Adds what the pending events changed; `created` holds what was created
  // in this batch so far. True when a change was seen.
  bool read_events(std::set<std::string>& changed, std::set<std::string>& created);

  std::filesystem::path root_;
  int inotify_ = -1;
  int wake_ = -1;  // an eventfd: stop()
  std::unordered_map<int, std::string> paths_;  // watch descriptor -> folder ("" the top)
};

}  // namespace prfaq
