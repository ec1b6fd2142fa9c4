#include "source/git_repo.h"

#include <git2/sys/repository.h>

#include <cstdlib>

#include "source/libgit2.h"
#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

std::optional<GitRepo> GitRepo::discover(const fs::path& start) {
  libgit2_init_once();
  git_repository* raw = nullptr;
  int rc;
  bool from_env = std::getenv("GIT_DIR") || std::getenv("GIT_INDEX_FILE") || std::getenv("GIT_OBJECT_DIRECTORY");
  std::optional<std::string> work_tree;
  if (from_env) {
    // Inside a hook (or a user's GIT_DIR=...): the environment says which
    // repository, index and object directories to use. libgit2 refuses
    // GIT_WORK_TREE there ("unimplemented"), which Git hands hooks under
    // `git --work-tree=DIR commit`: it leaves the environment (prfaq starts
    // no process, and reopen() then opens the same way) and is set below.
    if (const char* w = std::getenv("GIT_WORK_TREE")) {
      work_tree = fs::absolute(w).string();
      ::unsetenv("GIT_WORK_TREE");
    }
    rc = git_repository_open_ext(&raw, nullptr, GIT_REPOSITORY_OPEN_FROM_ENV, nullptr);
  } else {
    rc = git_repository_open_ext(&raw, start.c_str(), 0, nullptr);
  }
  if (rc == GIT_ENOTFOUND) return std::nullopt;
  git_check(rc, "opening the Git repository at " + start.string());
  GitRepo repo(GitRepository(raw), from_env);
  // Only when it differs: libgit2 1.5 leaks its path buffer when asked to
  // set the work tree it already has (seen under LeakSanitizer).
  if (work_tree && fs::path(*work_tree).lexically_normal() / "" != repo.workdir().lexically_normal() / "")
    git_check(git_repository_set_workdir(repo.get(), work_tree->c_str(), 0), "using GIT_WORK_TREE=" + *work_tree);
  // Git reads a relative GIT_INDEX_FILE (".git/index", as it hands hooks)
  // from the top of the work tree, where it moves first and hooks start. A
  // hook script that changes folder first (`cd docs && prfaq hook
  // pre-commit`, lefthook's root:) must read that index too, not a missing
  // one that looks empty: the path is made absolute, for this handle and
  // for those reopen() opens.
  const char* index = from_env ? std::getenv("GIT_INDEX_FILE") : nullptr;
  if (index && *index && fs::path(index).is_relative() && !repo.workdir().empty()) {
    std::string absolute = (repo.workdir() / index).lexically_normal().string();
    ::setenv("GIT_INDEX_FILE", absolute.c_str(), 1);
    git_index* raw_index = nullptr;
    git_check(git_index_open(&raw_index, absolute.c_str()), "reading the Git index " + absolute);
    GitIndex owned(raw_index);
    git_check(git_repository_set_index(repo.get(), owned.get()), "reading the Git index " + absolute);
  }
  return repo;
}

GitTree GitRepo::commit_tree(const git_oid& commit_id) const {
  git_commit* raw = nullptr;
  git_check(git_commit_lookup(&raw, repo_.get(), &commit_id), "reading commit " + oid_short(commit_id));
  GitCommit commit(raw);
  git_tree* tree = nullptr;
  git_check(git_commit_tree(&tree, commit.get()), "reading the tree of commit " + oid_short(commit_id));
  return GitTree(tree);
}

GitRepository GitRepo::reopen() const {
  git_repository* raw = nullptr;
  if (from_env_)
    git_check(git_repository_open_ext(&raw, nullptr, GIT_REPOSITORY_OPEN_FROM_ENV, nullptr), "opening the repository");
  else
    git_check(git_repository_open_ext(&raw, git_repository_path(repo_.get()), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr),
              "opening the repository");
  return GitRepository(raw);
}

GitRepo GitRepo::open(const fs::path& start) {
  auto r = discover(start);
  if (!r) throw Fatal("not a Git repository (or any parent up to /): " + start.string());
  return std::move(*r);
}

fs::path GitRepo::workdir() const {
  const char* w = git_repository_workdir(repo_.get());
  return w ? fs::path(w) : fs::path();
}

fs::path GitRepo::git_dir() const { return fs::path(git_repository_path(repo_.get())); }

fs::path GitRepo::common_dir() const { return fs::path(git_repository_commondir(repo_.get())); }

git_oid GitRepo::resolve_commit(const std::string& rev) const {
  git_object* raw = nullptr;
  if (rev.find("..") != std::string::npos)
    throw Fatal("'" + rev + "' is a range; give one commit (a branch, a tag, a commit id, HEAD~2)");
  if (int rc = git_revparse_single(&raw, repo_.get(), rev.c_str()); rc != 0) {
    // libgit2's words for it ("revspec 'x' not found", "parent 0 does not
    // exist", "libgit2 error -3") are its own: say it as Git would.
    throw Fatal("'" + rev + "' names no commit in this repository (" +
                (head_commit() ? "a branch, a tag, a commit id, HEAD~2" : "HEAD has no commit yet") + ")");
  }
  GitObject obj(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj.get(), GIT_OBJECT_COMMIT) != 0)
    throw Fatal("'" + rev + "' names a " + git_object_type2string(git_object_type(obj.get())) + ", not a commit");
  GitObject commit(peeled);
  return *git_object_id(commit.get());
}

std::optional<git_oid> GitRepo::head_commit() const {
  git_reference* raw = nullptr;
  int rc = git_repository_head(&raw, repo_.get());
  if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND) return std::nullopt;
  git_check(rc, "reading HEAD");
  GitReference head(raw);
  git_object* peeled = nullptr;
  git_check(git_reference_peel(&peeled, head.get(), GIT_OBJECT_COMMIT), "reading HEAD's commit");
  GitObject commit(peeled);
  return *git_object_id(commit.get());
}

}  // namespace prfaq
