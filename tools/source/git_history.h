#pragma once
// The history of every brief, from one walk over the commits (not one log
// per file): for each brief, the commits that changed it (following
// renames), when it was created and last updated, and who wrote it. A merge
// counts as changing a file only when the file differs from every parent
// (as `git log -- PATH` shows it). Commits are compared in batches, folder
// by folder, on every core (git_tree_changes.h says why).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "source/git_repo.h"

namespace prfaq {

struct HistoryCommit {
  std::string id;  // 40 hex digits
  std::int64_t time = 0;  // committer time, seconds since the epoch
  std::string date;       // committer date, YYYY-MM-DD (UTC)
  std::string author, email;
  std::string subject;    // the first line of the message
};

struct FileHistory {
  std::vector<std::size_t> commits;  // indices into History::commits, newest first
  std::string created, updated;      // dates; created: the commit that added it
  std::vector<std::string> authors;  // distinct, by first contribution
};

struct History {
  std::vector<HistoryCommit> commits;
  std::map<std::string, FileHistory> files;  // by path at the tip
  bool shallow = false;  // history stops at a shallow boundary: created dates are not real
};

// History of `paths` (as they are named at `tip`) over the commits reachable from `tip`.
History read_history(const GitRepo& repo, const git_oid& tip, const std::vector<std::string>& paths);
// The same for a briefs repository in a sub-folder of the Git work tree:
// `paths` are relative to that folder, which is `prefix` ("sub/dir/", or
// "" at the top) in the repository; History::files is keyed by `paths`.
History read_history(const GitRepo& repo, const git_oid& tip, const std::vector<std::string>& paths,
                     const std::string& prefix);
// Where `folder` (a briefs repository's root) is inside the work tree of
// `repo`: "" at the top, "sub/dir/" below it.
std::string prefix_in_work_tree(const GitRepo& repo, const std::filesystem::path& folder);

}  // namespace prfaq
