// source/git_history.cpp: where a briefs repository sits in a Git work tree,
// and the history of the briefs of one in a sub-folder.
// Tagged [util] as well, so that the site and util run (`"[site],[util]"`) holds it.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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

namespace {

// Commits the work tree of `r` (every file), at `when` (seconds since the
// epoch), on top of HEAD when there is one; returns the new commit.
git_oid commit_all(const TempRepo& r, const char* message, git_time_t when) {
  git_repository* raw_repo = nullptr;
  git_check(git_repository_open(&raw_repo, r.top.c_str()), "open");
  GitRepository repo(raw_repo);
  git_index* raw_index = nullptr;
  git_check(git_repository_index(&raw_index, repo.get()), "index");
  GitIndex index(raw_index);
  git_check(git_index_add_all(index.get(), nullptr, 0, nullptr, nullptr), "add");
  git_check(git_index_write(index.get()), "write index");
  git_oid tree_id, id;
  git_check(git_index_write_tree(&tree_id, index.get()), "write tree");
  git_tree* raw_tree = nullptr;
  git_check(git_tree_lookup(&raw_tree, repo.get(), &tree_id), "tree");
  GitTree tree(raw_tree);
  git_signature* raw_sig = nullptr;
  git_check(git_signature_new(&raw_sig, "Ana", "ana@example.com", when, 0), "signature");
  Handle<git_signature, git_signature_free> sig(raw_sig);
  git_oid head;
  GitCommit parent;
  if (git_reference_name_to_id(&head, repo.get(), "HEAD") == 0) {
    git_commit* raw_parent = nullptr;
    git_check(git_commit_lookup(&raw_parent, repo.get(), &head), "parent");
    parent.reset(raw_parent);
  }
  const git_commit* parents[] = {parent.get()};
  git_check(git_commit_create(&id, repo.get(), "HEAD", sig.get(), sig.get(), nullptr, message, tree.get(),
                              parent ? 1 : 0, parents),
            "commit");
  return id;
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

}  // namespace

TEST_CASE("a briefs repository in a sub-folder has the history of its own briefs", "[source][git_history]") {
  TempRepo r;
  // content/ at the top holds another brief of the same name: not this one.
  write(r.top / "content" / "a.md", "top\n");
  write(r.top / "sub" / "content" / "a.md", "a\n");
  write(r.top / "sub" / "content" / "team" / "b.md", "b\n");
  commit_all(r, "Add the briefs", 1700000000);
  write(r.top / "content" / "a.md", "top, edited\n");
  commit_all(r, "Edit the top brief", 1700086400);
  write(r.top / "sub" / "content" / "a.md", "a, edited\n");
  git_oid last = commit_all(r, "Edit a", 1700172800);
  auto repo = GitRepo::discover(r.top / "sub");
  REQUIRE(repo);
  std::string prefix = prefix_in_work_tree(*repo, r.top / "sub");
  REQUIRE(prefix == "sub/");
  History h = read_history(*repo, last, {"content/a.md", "content/team/b.md"}, prefix);
  REQUIRE(h.files.count("content/a.md"));
  const FileHistory& a = h.files["content/a.md"];
  REQUIRE(a.commits.size() == 2);
  CHECK(h.commits[a.commits[0]].subject == "Edit a");
  CHECK(h.commits[a.commits[1]].subject == "Add the briefs");
  CHECK(a.created == "2023-11-14");
  CHECK(a.updated == "2023-11-16");
  const FileHistory& b = h.files["content/team/b.md"];
  REQUIRE(b.commits.size() == 1);
  CHECK(b.created == "2023-11-14");
  CHECK(b.authors == std::vector<std::string>{"Ana"});
}
