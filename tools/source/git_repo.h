#pragma once
// A Git repository opened the way Git hands it to a hook: GIT_DIR,
// GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY and the quarantine of a push are
// honoured (libgit2's GIT_REPOSITORY_OPEN_FROM_ENV), worktrees and bare
// repositories work. Not thread-safe: the Git sources guard it with a mutex.
#include <filesystem>
#include <optional>
#include <string>

#include "source/git_handles.h"

namespace prfaq {

class GitRepo {
 public:
  // Opens the repository holding `start` (a path inside a work tree, or a
  // bare repository); GIT_DIR and friends win when set. nullopt: none.
  static std::optional<GitRepo> discover(const std::filesystem::path& start);
  // As discover(), but a missing repository is a Fatal "not a Git repository".
  static GitRepo open(const std::filesystem::path& start);

  git_repository* get() const { return repo_.get(); }
  bool bare() const { return git_repository_is_bare(repo_.get()) != 0; }
  // The work tree's top folder; empty for a bare repository.
  std::filesystem::path workdir() const;
  std::filesystem::path git_dir() const;     // .git (of this worktree)
  std::filesystem::path common_dir() const;  // shared by all worktrees
  // The commit a revision names (HEAD, a branch, a tag, an id, main~2...).
  git_oid resolve_commit(const std::string& rev) const;
  // HEAD's commit, or nullopt on an unborn branch (before the first commit).
  std::optional<git_oid> head_commit() const;
  // The tree of a commit (Fatal with libgit2's message when it cannot be read).
  GitTree commit_tree(const git_oid& commit) const;
  // Opened from GIT_DIR and friends (inside a hook, or set by the user).
  bool from_env() const { return from_env_; }
  bool shallow() const { return git_repository_is_shallow(repo_.get()) == 1; }
  // Another handle on the same repository, opened the same way, for
  // reading objects on another thread (libgit2 handles are single-threaded).
  GitRepository reopen() const;

 private:
  GitRepo(GitRepository r, bool from_env) : repo_(std::move(r)), from_env_(from_env) {}
  GitRepository repo_;
  bool from_env_ = false;
};

}  // namespace prfaq
