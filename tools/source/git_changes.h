#pragma once
// What a commit (or a push) changes: the files that differ between a base
// commit (or nothing, before the first commit) and the index or another
// commit, with renames detected as Git does (50% similarity).
#include <optional>
#include <string>
#include <vector>

#include "source/git_index_file.h"
#include "source/git_repo.h"

namespace prfaq {

struct Change {
  enum class Kind { added, modified, deleted, renamed, copied, other } kind = Kind::modified;
  std::string old_path, new_path;  // equal unless renamed or copied; empty where absent
};

// base: nullopt for "nothing" (an unborn branch). The index is the
// repository's (GIT_INDEX_FILE inside a hook).
std::vector<Change> changes_to_index(const GitRepo& repo, const std::optional<git_oid>& base,
                                     const StagedIndex& index);
std::vector<Change> changes_between(const GitRepo& repo, const std::optional<git_oid>& base, const git_oid& target);

// The best common ancestor of two commits, nullopt when they share none.
std::optional<git_oid> merge_base(const GitRepo& repo, const git_oid& a, const git_oid& b);

}  // namespace prfaq
