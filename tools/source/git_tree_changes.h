#pragma once
// The files that differ under one folder (a briefs repository's content/)
// between the two trees of each of many pairs (a commit and its parent), for
// the history walk. Trees are compared entry by entry, by id, and only the
// folders whose ids differ are read.
//
// Why a batch, read folder by folder: a pack stores a folder's successive
// versions as a chain of deltas, each against the next newer one, and
// libgit2 rebuilds a tree by applying its chain from the base, keeping only
// 16 MB of the steps. Read commit by commit, the folders changed by
// successive commits belong to different chains, so every read rebuilt a long
// chain (about 200 us for a 25 KB folder of 500 briefs, 22 inflates); read
// path by path, newest first, each version is a delta or two from the last
// one read (about 40 us). Trees are read raw and compared without libgit2's
// tree parse (another 40 us for such a folder), on every core.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "source/git_repo.h"

namespace prfaq {

// Root trees of a commit's parent (`from`; nullopt: none, at a root commit
// or a shallow boundary) and of the commit (`to`).
struct TreePair {
  std::optional<git_oid> from, to;
};

// One file added, deleted or modified (same name, another id) between the
// trees of a pair; paths from the top of the repository. A file and a
// folder of the same name are different entries (Git's order); a change of
// mode alone is not a change. Renames are the caller's (git_diff).
struct TreeChange {
  git_delta_t status = GIT_DELTA_MODIFIED;
  std::string old_path, new_path;  // empty where absent
  // The deepest folder ("content/a/", with its slash) that `wanted` was
  // asked about on the way to this file; empty when none was (a file right
  // in the folder compared). Another, narrower `wanted` keeps the file when
  // it keeps this folder: it would have read the same.
  std::string checked;
};

struct PairChanges {
  std::vector<TreeChange> changes;
  bool complete = true;  // false: `wanted` kept some changed folder out
};

// Folders below `folder` are entered only where wanted("path/of/folder/")
// says so (an empty function: everywhere); a folder added or deleted whole
// is asked about once, at its top. `wanted` is called from several threads.
// `folder` is a path from the top ("content", "sub/dir/content"); a pair
// where it is missing or not a folder compares as empty. Throws Fatal with
// libgit2's message when an object cannot be read.
using WantedFolder = std::function<bool(const std::string&)>;
std::vector<PairChanges> tree_changes(const GitRepo& repo, const std::vector<TreePair>& pairs,
                                      const std::string& folder, const WantedFolder& wanted);

}  // namespace prfaq
