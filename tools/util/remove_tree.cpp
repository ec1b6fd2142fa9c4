#include "util/remove_tree.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>
#include <vector>

namespace prfaq {

namespace fs = std::filesystem;

namespace {

template <class Fn>
void on_threads(std::size_t n, Fn fn) {
  constexpr unsigned kThreads = 16;  // the work waits on the disk, not the CPU
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  unsigned count = static_cast<unsigned>(std::min<std::size_t>(kThreads, n));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < count; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

// Its entries can only be unlinked, and the folder itself listed, when the
// owner may write and search it; chmod does nothing for a folder we do not
// own, whose entries then stay.
void make_removable(const fs::path& dir, fs::perms perms) {
  constexpr auto owner_all = fs::perms::owner_all;
  if ((perms & owner_all) != owner_all) ::chmod(dir.c_str(), static_cast<mode_t>(perms | owner_all));
}

}  // namespace

void remove_tree(const fs::path& root) noexcept {
  try {
    std::error_code ec;
    auto status = fs::symlink_status(root, ec);
    if (ec || !fs::exists(status)) return;
    if (!fs::is_directory(status)) {
      ::unlink(root.c_str());
      return;
    }
    // Files (and links) first, all at once; then folders, deepest first.
    std::vector<fs::path> files;
    std::map<int, std::vector<fs::path>, std::greater<>> dirs;
    dirs[0].push_back(root);
    make_removable(root, status.permissions());
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      std::error_code type_ec;
      auto entry = it->symlink_status(type_ec);
      if (!type_ec && fs::is_directory(entry)) {
        make_removable(it->path(), entry.permissions());  // before the iterator enters it
        dirs[it.depth() + 1].push_back(it->path());
      } else
        files.push_back(it->path());
    }
    on_threads(files.size(), [&](std::size_t i) { ::unlink(files[i].c_str()); });
    for (auto& entry : dirs) {  // not a structured binding: clang 14 (the fuzz build) cannot capture one
      auto& level = entry.second;
      on_threads(level.size(), [&](std::size_t i) { ::rmdir(level[i].c_str()); });
    }
  } catch (...) {
    // Best effort (e.g. a thread could not start): fall back to the library.
    std::error_code ec;
    fs::remove_all(root, ec);
  }
}

}  // namespace prfaq
