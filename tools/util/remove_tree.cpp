#include "util/remove_tree.h"

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
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      std::error_code type_ec;
      if (it->is_directory(type_ec) && !it->is_symlink(type_ec))
        dirs[it.depth() + 1].push_back(it->path());
      else
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
