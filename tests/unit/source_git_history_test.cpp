// source/git_history.cpp: where a briefs repository sits in a Git work tree.
// Tagged [util] as well, so that the site and util run (`"[site],[util]"`) holds it.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "source/git_handles.h"
#include "source/git_history.h"
#include "source/git_repo.h"
#include "source/libgit2.h"

namespace fs = std::filesystem;
using namespace prfaq;

namespace {

// A fresh `git init` work tree under the system temp folder, removed with
// everything in it.
struct TempRepo {
  fs::path top;
  explicit TempRepo(bool bare = false) {
    static int n = 0;
    top = fs::temp_directory_path() /
          ("prfaq-git-history-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    fs::remove_all(top);
    fs::create_directories(top);
    libgit2_init_once();
    git_repository* raw = nullptr;
    git_check(git_repository_init(&raw, top.c_str(), bare ? 1 : 0), "git init");
    GitRepository close(raw);
  }
  ~TempRepo() {
    std::error_code ec;
    fs::remove_all(top, ec);
  }
  TempRepo(const TempRepo&) = delete;
  TempRepo& operator=(const TempRepo&) = delete;

  std::string prefix_of(const fs::path& folder) const {
    fs::create_directories(folder);
    auto repo = GitRepo::discover(folder);
    REQUIRE(repo);
    return prefix_in_work_tree(*repo, folder);
  }
};

}  // namespace

TEST_CASE("a briefs repository at the top of the work tree has no prefix", "[source][util][git_history]") {
  TempRepo r;
  CHECK(r.prefix_of(r.top) == "");
  CHECK(r.prefix_of(r.top / "") == "");
  CHECK(r.prefix_of(r.top / "." ) == "");
}

TEST_CASE("a briefs repository in a sub-folder has the folder as its prefix", "[source][util][git_history]") {
  TempRepo r;
  CHECK(r.prefix_of(r.top / "sub" / "dir") == "sub/dir/");
  CHECK(r.prefix_of(r.top / "sub" / "dir" / "") == "sub/dir/");
  CHECK(r.prefix_of(r.top / "sub" / "." / "dir") == "sub/dir/");
  CHECK(r.prefix_of(r.top / "briefs") == "briefs/");
}

TEST_CASE("the prefix is the same through a symbolic link to the work tree", "[source][util][git_history]") {
  TempRepo r;
  fs::create_directories(r.top / "sub" / "dir");
  fs::path link = r.top.string() + "-link";
  fs::create_directory_symlink(r.top, link);
  std::string prefix = r.prefix_of(link / "sub" / "dir");
  fs::remove(link);
  CHECK(prefix == "sub/dir/");
}

TEST_CASE("a relative folder is taken from the current folder", "[source][util][git_history]") {
  TempRepo r;
  fs::create_directories(r.top / "sub" / "dir");
  auto repo = GitRepo::discover(r.top);
  REQUIRE(repo);
  fs::path before = fs::current_path();
  fs::current_path(r.top / "sub");
  std::string prefix = prefix_in_work_tree(*repo, "dir");
  fs::current_path(before);
  CHECK(prefix == "sub/dir/");
}

TEST_CASE("a sub-folder whose name starts with two dots is still inside", "[source][util][git_history]") {
  TempRepo r;
  CHECK(r.prefix_of(r.top / "..briefs") == "..briefs/");
}

TEST_CASE("a folder outside the work tree, or a bare repository, has no prefix", "[source][util][git_history]") {
  TempRepo r;
  auto repo = GitRepo::discover(r.top);
  REQUIRE(repo);
  CHECK(prefix_in_work_tree(*repo, r.top.parent_path()) == "");
  TempRepo bare(true);
  auto b = GitRepo::discover(bare.top);
  REQUIRE(b);
  CHECK(b->bare());
  CHECK(prefix_in_work_tree(*b, bare.top) == "");
}
