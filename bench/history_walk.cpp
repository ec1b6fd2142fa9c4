// The history walk alone, as `prfaq list` and `prfaq build` run it: every
// brief under content/ of a folder's working tree, one read_history over
// HEAD's commits. Prints briefs, commits recorded and seconds (the walk, not
// the listing of files). Not part of prfaq; bench/git.sh times it.
#include <chrono>
#include <cstdio>
#include <exception>

#include "load/brief_paths.h"
#include "source/fs_source.h"
#include "source/git_history.h"

int main(int argc, char** argv) {
  using namespace prfaq;
  if (argc != 2) {
    std::fprintf(stderr, "usage: history_walk FOLDER\n");
    return 2;
  }
  try {
    FsSource files(argv[1]);
    std::vector<std::string> paths = find_brief_paths(files.list("content"));
    GitRepo repo = GitRepo::open(argv[1]);
    auto head = repo.head_commit();
    if (!head) throw std::runtime_error("no commits");
    auto start = std::chrono::steady_clock::now();
    History h = read_history(repo, *head, paths, prefix_in_work_tree(repo, argv[1]));
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::size_t with = 0;
    for (const auto& [path, f] : h.files) with += !f.commits.empty();
    std::printf("%zu briefs (%zu with a history), %zu commits, %.3f s\n", paths.size(), with, h.commits.size(), secs);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "history_walk: %s\n", e.what());
    return 2;
  }
  return 0;
}
