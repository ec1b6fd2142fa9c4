#include "source/git_changes.h"

#include <cstring>

namespace prfaq {

namespace {

GitTree tree_of(const GitRepo& repo, const std::optional<git_oid>& commit_id) {
  return commit_id ? repo.commit_tree(*commit_id) : nullptr;
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

namespace {

// Compares a tree with the staged entries under the same folder, both in
// path order, without libgit2's diff machinery (which costs a hook on a
// large repository about 18 ms): a file whose id or mode differs is
// modified, one only in the tree deleted, one only in the index added. A
// folder whose tree id the index's cache tree holds, the same as the
// tree's, is unchanged: it is passed over without being read, so a commit
// that changes one brief reads the few trees on its path only.
class IndexCompare {
 public:
  IndexCompare(git_repository* repo, const StagedIndex& index) : repo_(repo), index_(index) {}

  void run(git_tree* root, std::vector<Change>& out) {
    if (root && unchanged("", *git_tree_id(root))) return;  // the index holds the tree, no more, no less
    std::string path;
    if (root) walk(root, path, out);
    const auto& e = index_.entries;
    for (; i_ < e.size(); ++i_) out.push_back({Change::Kind::added, "", e[i_].path});
  }

 private:
  git_repository* repo_;
  const StagedIndex& index_;
  std::size_t i_ = 0;

  bool unchanged(const std::string& folder, const git_oid& tree) const {
    auto it = index_.trees.find(folder);
    return it != index_.trees.end() && git_oid_equal(&it->second, &tree);
  }

  // Index entries before `path` (in Git's order) that the walk has not
  // met: they are not in the tree, so added.
  void added_before(const std::string& path, std::vector<Change>& out) {
    const auto& e = index_.entries;
    for (; i_ < e.size() && e[i_].path < path; ++i_) out.push_back({Change::Kind::added, "", e[i_].path});
  }

  void walk(git_tree* tree, std::string& path, std::vector<Change>& out) {
    const auto& e = index_.entries;
    std::size_t base = path.size();
    for (std::size_t k = 0, m = git_tree_entrycount(tree); k < m; ++k) {
      const git_tree_entry* te = git_tree_entry_byindex(tree, k);  // borrowed
      path.resize(base);
      path += git_tree_entry_name(te);
      git_object_t type = git_tree_entry_type(te);
      if (type == GIT_OBJECT_TREE) {
        if (unchanged(path, *git_tree_entry_id(te))) {
          path += '/';
          added_before(path, out);
          while (i_ < e.size() && e[i_].path.starts_with(path)) ++i_;
          continue;
        }
        git_tree* sub = nullptr;
        git_check(git_tree_lookup(&sub, repo_, git_tree_entry_id(te)), "reading tree " + path);
        GitTree owned(sub);
        path += '/';
        walk(owned.get(), path, out);
        continue;
      }
      if (type != GIT_OBJECT_BLOB && type != GIT_OBJECT_COMMIT) continue;  // a file, a link or a submodule
      added_before(path, out);
      if (i_ < e.size() && e[i_].path == path) {
        if (!git_oid_equal(&e[i_].id, git_tree_entry_id(te)) ||
            e[i_].mode != static_cast<std::uint32_t>(git_tree_entry_filemode(te)))
          out.push_back({Change::Kind::modified, path, path});
        ++i_;
      } else {
        out.push_back({Change::Kind::deleted, path, ""});
      }
    }
    path.resize(base);
  }
};

}  // namespace

std::vector<Change> changes_to_index(const GitRepo& repo, const std::optional<git_oid>& base,
                                     const StagedIndex& index) {
  GitTree tree = tree_of(repo, base);
  std::vector<Change> out;
  IndexCompare(repo.get(), index).run(tree.get(), out);
  bool added = false, deleted = false;
  for (const auto& c : out) {
    added = added || c.kind == Change::Kind::added;
    deleted = deleted || c.kind == Change::Kind::deleted;
  }
  if (!added || !deleted) return out;
  // Something may have been renamed: ask libgit2, which finds renames by similarity.
  git_index* raw_index = nullptr;
  git_check(git_repository_index(&raw_index, repo.get()), "reading the Git index");
  GitIndex libgit2_index(raw_index);
  git_diff* diff = nullptr;
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  git_check(git_diff_tree_to_index(&diff, repo.get(), tree.get(), libgit2_index.get(), &opts),
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
