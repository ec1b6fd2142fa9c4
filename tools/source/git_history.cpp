#include "source/git_history.h"

#include <algorithm>
#include <ctime>
#include <set>
#include <unordered_map>

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

// Files under content/ that differ between two trees, renames detected.
GitDiff diff_trees(git_repository* repo, git_tree* from, git_tree* to) {
  static char content[] = "content";
  char* spec[] = {content};
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.pathspec.strings = spec;
  opts.pathspec.count = 1;
  opts.flags |= GIT_DIFF_SKIP_BINARY_CHECK;
  git_diff* raw = nullptr;
  git_check(git_diff_tree_to_tree(&raw, repo, from, to, &opts), "comparing trees for the history");
  GitDiff diff(raw);
  bool added = false, deleted = false;
  for (std::size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
    auto st = git_diff_get_delta(diff.get(), i)->status;
    added = added || st == GIT_DELTA_ADDED;
    deleted = deleted || st == GIT_DELTA_DELETED;
  }
  if (added && deleted) {  // only then can there be a rename
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    git_check(git_diff_find_similar(diff.get(), &find), "finding renames for the history");
  }
  return diff;
}

}  // namespace

History read_history(const GitRepo& repo, const git_oid& tip, const std::vector<std::string>& paths) {
  History h;
  h.shallow = repo.shallow();
  // The name each brief has in the commit being looked at -> its name at the tip.
  std::unordered_map<std::string, std::string> tracked;
  for (const auto& p : paths) {
    tracked[p] = p;
    h.files[p];
  }
  git_revwalk* raw_walk = nullptr;
  git_check(git_revwalk_new(&raw_walk, repo.get()), "starting the history walk");
  GitRevwalk walk(raw_walk);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  git_check(git_revwalk_push(walk.get(), &tip), "starting the history walk at " + oid_short(tip));
  git_oid id;
  while (!tracked.empty() && git_revwalk_next(&id, walk.get()) == 0) {
    git_commit* raw = nullptr;
    git_check(git_commit_lookup(&raw, repo.get(), &id), "reading commit " + oid_short(id));
    GitCommit commit(raw);
    GitTree tree = tree_of(commit.get());
    unsigned parents = git_commit_parentcount(commit.get());
    std::vector<GitDiff> diffs;
    if (parents == 0) {
      diffs.push_back(diff_trees(repo.get(), nullptr, tree.get()));
    } else {
      for (unsigned i = 0; i < parents; ++i) {
        git_commit* p = nullptr;
        if (git_commit_parent(&p, commit.get(), i) != 0) {
          // A shallow clone's boundary: the parent is not here.
          diffs.push_back(diff_trees(repo.get(), nullptr, tree.get()));
          break;
        }
        GitCommit parent(p);
        GitTree ptree = tree_of(parent.get());
        diffs.push_back(diff_trees(repo.get(), ptree.get(), tree.get()));
      }
    }
    // For a merge, a file changed only if it differs from every parent.
    std::map<std::string, const git_diff_delta*> first;  // new path -> delta against the first parent
    for (std::size_t i = 0, n = git_diff_num_deltas(diffs[0].get()); i < n; ++i) {
      const git_diff_delta* d = git_diff_get_delta(diffs[0].get(), i);
      if (d->status == GIT_DELTA_DELETED) continue;
      first[d->new_file.path] = d;
    }
    for (std::size_t k = 1; k < diffs.size(); ++k) {
      std::set<std::string> changed;
      for (std::size_t i = 0, n = git_diff_num_deltas(diffs[k].get()); i < n; ++i)
        changed.insert(git_diff_get_delta(diffs[k].get(), i)->new_file.path);
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
        tracked[d->old_file.path] = current;  // older commits know it by its old name
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

}  // namespace prfaq
