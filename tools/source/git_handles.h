#pragma once
// RAII for libgit2: every owned handle is a unique_ptr with a stateless
// deleter. Borrowed pointers (git_tree_entry_byname, git_index_get_*,
// git_commit_tree_id...) are never wrapped: their owner frees them.
#include <git2.h>

#include <memory>
#include <string>

namespace prfaq {

template <auto Free>
struct CFree {
  template <class T>
  void operator()(T* p) const noexcept {
    Free(p);
  }
};
template <class T, auto Free>
using Handle = std::unique_ptr<T, CFree<Free>>;

using GitRepository = Handle<git_repository, git_repository_free>;
using GitIndex = Handle<git_index, git_index_free>;
using GitObject = Handle<git_object, git_object_free>;
using GitTree = Handle<git_tree, git_tree_free>;
using GitCommit = Handle<git_commit, git_commit_free>;
using GitBlob = Handle<git_blob, git_blob_free>;
using GitReference = Handle<git_reference, git_reference_free>;
using GitRevwalk = Handle<git_revwalk, git_revwalk_free>;
using GitDiff = Handle<git_diff, git_diff_free>;
using GitConfig = Handle<git_config, git_config_free>;
using GitTreeEntry = Handle<git_tree_entry, git_tree_entry_free>;
using GitOdb = Handle<git_odb, git_odb_free>;
using GitOdbObject = Handle<git_odb_object, git_odb_object_free>;

// Throws Fatal("<doing>: <libgit2's message>") when rc < 0; returns rc.
int git_check(int rc, const std::string& doing);

// A commit id as 40 hex digits, and the first 7 of them.
std::string oid_hex(const git_oid& id);
std::string oid_short(const git_oid& id);

}  // namespace prfaq
