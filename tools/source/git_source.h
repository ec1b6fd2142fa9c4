#pragma once
// Source over a snapshot of Git: the index (what is staged: what a commit
// will hold) or the tree of a commit. The list of files is taken once, at
// construction; bytes are read from the object database on demand. Only
// regular files are read: symbolic links and submodules are listed as
// skipped, never read nor published. Safe to read from several threads: each
// reading thread borrows its own repository handle from a pool.
#include <map>
#include <memory>
#include <mutex>

#include "source/git_index_file.h"
#include "source/git_repo.h"
#include "source/source.h"

namespace prfaq {

class GitSource final : public Source {
 public:
  // What is staged in the repository's index (the one GIT_INDEX_FILE names
  // inside a hook).
  static std::unique_ptr<GitSource> from_index(const GitRepo& repo);
  // The same, from an index read already (read_staged_index).
  static std::unique_ptr<GitSource> from_index(const GitRepo& repo, StagedIndex index);
  // The tree of a commit; `label` names it in messages ("HEAD (1a2b3c4)").
  static std::unique_ptr<GitSource> from_commit(const GitRepo& repo, const git_oid& commit, std::string label);
  // The same, but files are found one by one as they are read, without
  // listing the whole tree first: for a hook that reads only the previous
  // version of the few files a commit changes. list() and exists() still
  // work (they list the tree on first use).
  static std::unique_ptr<GitSource> lazy_commit(const GitRepo& repo, const git_oid& commit, std::string label);

  Listing list_all(std::string_view dir) const override;
  std::optional<std::string> read(std::string_view path) const override;
  bool exists(std::string_view path) const override;
  // A lazy commit answers from its tree, path by path, without listing it.
  bool is_file(std::string_view path) const override { return blob_id(path).has_value(); }
  std::string describe() const override { return label_; }
  // The object id of a file (for content hashes and comparisons).
  std::optional<git_oid> blob_id(std::string_view path) const;

 private:
  GitSource(const GitRepo& repo, std::string label) : repo_(&repo), label_(std::move(label)) {}
  void add(std::string path, const git_oid& id, git_filemode_t mode);
  void load_tree() const;  // lists a lazy commit's tree
  const GitRepo* repo_;
  std::string label_;
  std::optional<git_oid> lazy_commit_;  // set while a lazy commit is not listed yet
  mutable std::once_flag listed_;
  mutable std::map<std::string, git_oid, std::less<>> files_;
  mutable std::map<std::string, SkippedEntry::Kind, std::less<>> skipped_;
  mutable std::mutex mutex_;                  // guards pool_
  mutable std::vector<GitRepository> pool_;   // idle handles for reading
};

}  // namespace prfaq
