#include "source/git_history.h"

#include <algorithm>
#include <ctime>
#include <queue>
#include <set>

namespace prfaq {

namespace {

std::string date_of(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

GitTree tree_of(git_commit* c) {
  git_tree* t = nullptr;
  git_check(git_commit_tree(&t, c), "reading the tree of commit " + oid_short(*git_commit_id(c)));
  return GitTree(t);
}

// One changed file under content/ between two trees.
struct Delta {
  git_delta_t status;
  std::string old_path, new_path;
};

// Git orders tree entries by name, a folder's name as if it ended in '/'.
int git_order(const git_tree_entry* a, const git_tree_entry* b) {
  std::string_view x = git_tree_entry_name(a), y = git_tree_entry_name(b);
  std::size_t n = std::min(x.size(), y.size());
  int c = x.substr(0, n).compare(y.substr(0, n));
  if (c) return c;
  auto tail = [](const git_tree_entry* e, std::string_view s, std::size_t at) -> int {
    if (at < s.size()) return static_cast<unsigned char>(s[at]);
    return git_tree_entry_type(e) == GIT_OBJECT_TREE ? '/' : 0;
  };
  return tail(a, x, n) - tail(b, y, n);
}

GitTree lookup_tree(git_repository* repo, const git_oid* id) {
  git_tree* t = nullptr;
  git_check(git_tree_lookup(&t, repo, id), "reading tree " + oid_short(*id));
  return GitTree(t);
}

void all_files(git_repository* repo, git_tree* tree, const std::string& prefix, git_delta_t status,
               std::vector<Delta>& out) {
  for (std::size_t i = 0, n = git_tree_entrycount(tree); i < n; ++i) {
    const git_tree_entry* e = git_tree_entry_byindex(tree, i);  // borrowed
    std::string path = prefix + git_tree_entry_name(e);
    if (git_tree_entry_type(e) == GIT_OBJECT_TREE) {
      GitTree sub = lookup_tree(repo, git_tree_entry_id(e));
      all_files(repo, sub.get(), path + "/", status, out);
    } else if (status == GIT_DELTA_ADDED) {
      out.push_back({status, "", path});
    } else {
      out.push_back({status, path, ""});
    }
  }
}

// Compares two trees entry by entry, descending only into folders whose ids
// differ: a commit that changes one brief reads three small trees, not the
// whole repository (libgit2's general diff was the walk's main cost).
// Names tracked by the walk (a brief's name in the commit being read).
using Tracked = std::map<std::string, std::string, std::less<>>;

bool tracks_under(const Tracked* tracked, const std::string& folder) {
  if (!tracked) return true;
  auto it = tracked->lower_bound(folder);
  return it != tracked->end() && it->first.starts_with(folder);
}

void compare_trees(git_repository* repo, git_tree* a, git_tree* b, const std::string& prefix, std::vector<Delta>& out,
                   const Tracked* tracked) {
  std::size_t i = 0, j = 0, na = a ? git_tree_entrycount(a) : 0, nb = b ? git_tree_entrycount(b) : 0;
  while (i < na || j < nb) {
    const git_tree_entry* x = i < na ? git_tree_entry_byindex(a, i) : nullptr;
    const git_tree_entry* y = j < nb ? git_tree_entry_byindex(b, j) : nullptr;
    int order = !x ? 1 : !y ? -1 : git_order(x, y);
    const git_tree_entry* e = order <= 0 ? x : y;
    if (order == 0 && git_oid_equal(git_tree_entry_id(x), git_tree_entry_id(y))) {
      ++i, ++j;  // the common case: unchanged, and no path is built for it
      continue;
    }
    std::string path = prefix + git_tree_entry_name(e);
    if (order == 0) {
      ++i, ++j;
      bool tx = git_tree_entry_type(x) == GIT_OBJECT_TREE, ty = git_tree_entry_type(y) == GIT_OBJECT_TREE;
      if (tx && ty) {
        if (!tracks_under(tracked, path + "/")) continue;  // no brief of interest in there
        GitTree sx = lookup_tree(repo, git_tree_entry_id(x)), sy = lookup_tree(repo, git_tree_entry_id(y));
        compare_trees(repo, sx.get(), sy.get(), path + "/", out, tracked);
      } else if (!tx && !ty) {
        out.push_back({GIT_DELTA_MODIFIED, path, path});
      }
      continue;
    }
    (order < 0 ? i : j)++;
    git_delta_t status = order < 0 ? GIT_DELTA_DELETED : GIT_DELTA_ADDED;
    if (git_tree_entry_type(e) == GIT_OBJECT_TREE) {
      if (!tracks_under(tracked, path + "/")) continue;
      GitTree sub = lookup_tree(repo, git_tree_entry_id(e));
      all_files(repo, sub.get(), path + "/", status, out);
    } else {
      out.push_back(status == GIT_DELTA_ADDED ? Delta{status, "", path} : Delta{status, path, ""});
    }
  }
}

// Files under content/ that differ between two trees (either may be null),
// looking only into folders that hold a tracked name. Renames are found by
// libgit2's similarity detection, asked only when a commit both adds and
// deletes files; a tracked file that appears is looked at again over the
// whole of content/, since it may have been renamed from anywhere.
std::vector<Delta> tree_changes(git_repository* repo, git_tree* from, git_tree* to, const Tracked* tracked) {
  auto content_of = [&](git_tree* root) -> GitTree {
    if (!root) return nullptr;
    const git_tree_entry* e = git_tree_entry_byname(root, "content");  // borrowed
    if (!e || git_tree_entry_type(e) != GIT_OBJECT_TREE) return nullptr;
    return lookup_tree(repo, git_tree_entry_id(e));
  };
  GitTree a = content_of(from), b = content_of(to);
  std::vector<Delta> out;
  if (a && b && git_oid_equal(git_tree_id(a.get()), git_tree_id(b.get()))) return out;
  compare_trees(repo, a.get(), b.get(), "content/", out, tracked);
  if (tracked && std::any_of(out.begin(), out.end(), [&](const Delta& d) {
        return d.status == GIT_DELTA_ADDED && tracked->count(d.new_path);
      }))
    return tree_changes(repo, from, to, nullptr);
  bool added = false, deleted = false;
  for (const auto& d : out) {
    added = added || d.status == GIT_DELTA_ADDED;
    deleted = deleted || d.status == GIT_DELTA_DELETED;
  }
  if (!added || !deleted) return out;
  static char content[] = "content";
  char* spec[] = {content};
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.pathspec.strings = spec;
  opts.pathspec.count = 1;
  git_diff* raw = nullptr;
  git_check(git_diff_tree_to_tree(&raw, repo, from, to, &opts), "comparing trees for the history");
  GitDiff diff(raw);
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES;
  git_check(git_diff_find_similar(diff.get(), &find), "finding renames for the history");
  out.clear();
  for (std::size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff.get(), i);  // borrowed
    out.push_back({d->status, d->status == GIT_DELTA_ADDED ? "" : d->old_file.path,
                   d->status == GIT_DELTA_DELETED ? "" : d->new_file.path});
  }
  return out;
}

// Commits reachable from a tip, newest first. libgit2's revision walk stops
// with an error at a shallow clone's boundary (its parents are not there),
// so a shallow repository is walked by hand: by commit time, a missing
// parent ending that line of history.
class CommitWalk {
 public:
  CommitWalk(const GitRepo& repo, const git_oid& tip, bool shallow) : repo_(repo), shallow_(shallow) {
    if (shallow_) {
      push(tip);
      return;
    }
    git_revwalk* raw = nullptr;
    git_check(git_revwalk_new(&raw, repo.get()), "starting the history walk");
    walk_.reset(raw);
    git_revwalk_sorting(walk_.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    git_check(git_revwalk_push(walk_.get(), &tip), "starting the history walk at " + oid_short(tip));
  }

  bool next(git_oid& out) {
    if (!shallow_) return git_revwalk_next(&out, walk_.get()) == 0;
    if (queue_.empty()) return false;
    out = queue_.top().second;
    queue_.pop();
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo_.get(), &out) == 0) {
      GitCommit c(raw);
      for (unsigned i = 0, n = git_commit_parentcount(c.get()); i < n; ++i) push(*git_commit_parent_id(c.get(), i));
    }
    return true;
  }

 private:
  void push(const git_oid& id) {
    if (!seen_.insert(oid_hex(id)).second) return;
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo_.get(), &id) != 0) return;  // beyond the shallow boundary
    GitCommit c(raw);
    queue_.push({git_commit_time(c.get()), id});
  }
  struct Older {
    bool operator()(const std::pair<std::int64_t, git_oid>& a, const std::pair<std::int64_t, git_oid>& b) const {
      return a.first < b.first;
    }
  };
  const GitRepo& repo_;
  bool shallow_;
  GitRevwalk walk_;
  std::priority_queue<std::pair<std::int64_t, git_oid>, std::vector<std::pair<std::int64_t, git_oid>>, Older> queue_;
  std::set<std::string> seen_;
};

}  // namespace

History read_history(const GitRepo& repo, const git_oid& tip, const std::vector<std::string>& paths) {
  History h;
  h.shallow = repo.shallow();
  // The name each brief has in the commit being looked at -> its name at the tip.
  Tracked tracked;
  for (const auto& p : paths) {
    tracked[p] = p;
    h.files[p];
  }
  CommitWalk walk(repo, tip, h.shallow);
  git_oid id;
  while (!tracked.empty() && walk.next(id)) {
    git_commit* raw = nullptr;
    git_check(git_commit_lookup(&raw, repo.get(), &id), "reading commit " + oid_short(id));
    GitCommit commit(raw);
    GitTree tree = tree_of(commit.get());
    unsigned parents = git_commit_parentcount(commit.get());
    std::vector<std::vector<Delta>> diffs;
    if (parents == 0) {
      diffs.push_back(tree_changes(repo.get(), nullptr, tree.get(), &tracked));
    } else {
      for (unsigned i = 0; i < parents; ++i) {
        git_commit* p = nullptr;
        if (git_commit_parent(&p, commit.get(), i) != 0) {
          // A shallow clone's boundary: the parent is not here.
          diffs.push_back(tree_changes(repo.get(), nullptr, tree.get(), &tracked));
          break;
        }
        GitCommit parent(p);
        GitTree ptree = tree_of(parent.get());
        diffs.push_back(tree_changes(repo.get(), ptree.get(), tree.get(), &tracked));
      }
    }
    // For a merge, a file changed only if it differs from every parent.
    std::map<std::string, const Delta*> first;  // new path -> change against the first parent
    for (const auto& d : diffs[0])
      if (d.status != GIT_DELTA_DELETED) first[d.new_path] = &d;
    for (std::size_t k = 1; k < diffs.size(); ++k) {
      std::set<std::string> changed;
      for (const auto& d : diffs[k]) changed.insert(d.new_path);
      for (auto it = first.begin(); it != first.end();) it = changed.count(it->first) ? std::next(it) : first.erase(it);
    }
    bool recorded = false;
    for (auto& [path, d] : first) {
      auto t = tracked.find(path);
      if (t == tracked.end()) continue;
      if (!recorded) {
        const git_signature* author = git_commit_author(commit.get());  // borrowed
        HistoryCommit c;
        c.id = oid_hex(id);
        c.time = git_commit_time(commit.get());
        c.date = date_of(c.time);
        c.author = author && author->name ? author->name : "";
        c.email = author && author->email ? author->email : "";
        const char* summary = git_commit_summary(commit.get());
        c.subject = summary ? summary : "";
        h.commits.push_back(std::move(c));
        recorded = true;
      }
      std::string current = t->second;
      FileHistory& f = h.files[current];
      f.commits.push_back(h.commits.size() - 1);
      if (f.updated.empty()) f.updated = h.commits.back().date;
      if (d->status == GIT_DELTA_ADDED) {
        f.created = h.commits.back().date;
        tracked.erase(t);  // older commits do not have it
      } else if (d->status == GIT_DELTA_RENAMED || d->status == GIT_DELTA_COPIED) {
        tracked.erase(t);
        tracked[d->old_path] = current;  // older commits know it by its old name
      }
    }
  }
  // Authors in the order of their first contribution (the walk went newest first).
  for (auto& [path, f] : h.files) {
    f.authors.clear();
    for (auto it = f.commits.rbegin(); it != f.commits.rend(); ++it) {
      const std::string& who = h.commits[*it].author;
      if (std::find(f.authors.begin(), f.authors.end(), who) == f.authors.end()) f.authors.push_back(who);
    }
  }
  return h;
}

History read_history(const GitRepo& repo, const git_oid& tip, const std::vector<std::string>& paths,
                     const std::string& prefix) {
  if (prefix.empty()) return read_history(repo, tip, paths);
  std::vector<std::string> full;
  full.reserve(paths.size());
  for (const auto& p : paths) full.push_back(prefix + p);
  History h = read_history(repo, tip, full);
  std::map<std::string, FileHistory> files;
  for (auto& [path, f] : h.files) files.emplace(path.substr(prefix.size()), std::move(f));
  h.files = std::move(files);
  return h;
}

std::string prefix_in_work_tree(const GitRepo& repo, const std::filesystem::path& folder) {
  std::filesystem::path top = repo.workdir();
  if (top.empty()) return "";
  std::error_code ec;
  auto rel = std::filesystem::weakly_canonical(folder, ec).lexically_relative(std::filesystem::weakly_canonical(top, ec));
  std::string s = rel.generic_string();
  if (s.empty() || s == "." || s == ".." || s.starts_with("../")) return "";
  return s + "/";
}

}  // namespace prfaq
