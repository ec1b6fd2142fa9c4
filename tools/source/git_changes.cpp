#include "source/git_changes.h"

namespace prfaq {

namespace {

GitTree tree_of(const GitRepo& repo, const std::optional<git_oid>& commit_id) {
  if (!commit_id) return nullptr;
  git_commit* raw = nullptr;
  git_check(git_commit_lookup(&raw, repo.get(), &*commit_id), "reading commit " + oid_short(*commit_id));
  GitCommit commit(raw);
  git_tree* tree = nullptr;
  git_check(git_commit_tree(&tree, commit.get()), "reading the tree of commit " + oid_short(*commit_id));
  return GitTree(tree);
}

std::vector<Change> collect(GitDiff diff) {
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES;
  git_check(git_diff_find_similar(diff.get(), &find), "finding renamed files");
  std::vector<Change> out;
  std::size_t n = git_diff_num_deltas(diff.get());
  for (std::size_t i = 0; i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff.get(), i);  // borrowed
    Change c;
    switch (d->status) {
      case GIT_DELTA_ADDED: c.kind = Change::Kind::added; break;
      case GIT_DELTA_MODIFIED: c.kind = Change::Kind::modified; break;
      case GIT_DELTA_DELETED: c.kind = Change::Kind::deleted; break;
      case GIT_DELTA_RENAMED: c.kind = Change::Kind::renamed; break;
      case GIT_DELTA_COPIED: c.kind = Change::Kind::copied; break;
      default: c.kind = Change::Kind::other; break;  // type changes, conflicts
    }
    if (c.kind != Change::Kind::added) c.old_path = d->old_file.path;
    if (c.kind != Change::Kind::deleted) c.new_path = d->new_file.path;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::vector<Change> changes_to_index(const GitRepo& repo, const std::optional<git_oid>& base) {
  GitTree tree = tree_of(repo, base);
  git_index* raw_index = nullptr;
  git_check(git_repository_index(&raw_index, repo.get()), "reading the Git index");
  GitIndex index(raw_index);
  git_diff* diff = nullptr;
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  git_check(git_diff_tree_to_index(&diff, repo.get(), tree.get(), index.get(), &opts),
            "comparing the index with HEAD");
  return collect(GitDiff(diff));
}

std::vector<Change> changes_between(const GitRepo& repo, const std::optional<git_oid>& base, const git_oid& target) {
  GitTree old_tree = tree_of(repo, base);
  GitTree new_tree = tree_of(repo, target);
  git_diff* diff = nullptr;
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  git_check(git_diff_tree_to_tree(&diff, repo.get(), old_tree.get(), new_tree.get(), &opts),
            "comparing commit " + oid_short(target) + " with its base");
  return collect(GitDiff(diff));
}

std::optional<git_oid> merge_base(const GitRepo& repo, const git_oid& a, const git_oid& b) {
  git_oid out;
  int rc = git_merge_base(&out, repo.get(), &a, &b);
  if (rc == GIT_ENOTFOUND) return std::nullopt;
  git_check(rc, "finding the merge base of " + oid_short(a) + " and " + oid_short(b));
  return out;
}

}  // namespace prfaq
