#pragma once
// The Git index (the staging area) as a hook needs it: every stage-0 entry
// (path, blob id, mode) in path order, and the tree ids that the index's
// cache-tree extension ("TREE") holds for folders Git has written a tree
// for since they last changed.
//
// Read from the file directly for the index versions Git writes (2, 3 and
// 4), because libgit2's reader costs a pre-commit hook on a repository of
// 13,000 files about 100 M instructions (a third of the hook), most of them
// a collision-detecting SHA-1 over the whole file, which Git itself skips
// when it reads an index; and because libgit2 1.5 does not give access to
// the cache tree, which lets a hook compare the index with HEAD without
// reading every folder's tree. An index this reader does not take on (a
// split index, a sparse index, an extension it must understand and does
// not, anything malformed) is read by libgit2 instead, with libgit2's
// errors.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "source/git_repo.h"

namespace prfaq {

struct StagedEntry {
  std::string path;
  git_oid id;
  std::uint32_t mode;  // 0100644, 0100755, 0120000 (a link), 0160000 (a submodule)
};

struct StagedIndex {
  // Stage-0 entries in path order; entries in conflict (stages 1 to 3) and
  // intent-to-add entries (`git add -N`, which a commit leaves out) are not
  // in it.
  std::vector<StagedEntry> entries;
  // The paths in conflict (an unresolved merge), each once, in path order:
  // Git commits nothing while there are any.
  std::vector<std::string> conflicted;
  // The tree id of every folder ("" for the top, "content/team" below it)
  // whose cache-tree entry is valid; empty when read through libgit2.
  std::unordered_map<std::string, git_oid> trees;
};

// The index of `repo` (GIT_INDEX_FILE's inside a hook).
StagedIndex read_staged_index(const GitRepo& repo);

// The same, from the bytes of an index file; nullopt when they are not an
// index this reader takes on (see above). For tests and read_staged_index.
std::optional<StagedIndex> parse_index_file(std::string_view bytes);

// Throws Fatal, naming a conflicted path, while the index holds conflicts:
// nothing is checked then, as Git commits nothing (the conflicted files are
// in no one version, and would look deleted).
void refuse_conflicts(const StagedIndex& index);

}  // namespace prfaq
