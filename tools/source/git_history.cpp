#include "source/git_history.h"

#include <algorithm>
#include <ctime>
#include <deque>
#include <queue>
#include <set>

#include "source/git_tree_changes.h"

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

// One changed file under content/ between two trees.
struct Delta {
  git_delta_t status;
  std::string old_path, new_path;
};

// Names tracked by the walk (a brief's name in the commit being read) -> its name at the tip.
using Tracked = std::map<std::string, std::string, std::less<>>;

using Names = std::set<std::string, std::less<>>;

// Whether some name lies in `folder` ("content/a/").
bool has_under(const Tracked& names, const std::string& folder) {
  auto it = names.lower_bound(folder);
  return it != names.end() && it->first.starts_with(folder);
}
bool has_under(const Names& names, const std::string& folder) {
  auto it = names.lower_bound(folder);
  return it != names.end() && it->starts_with(folder);
}

// Renames, found by libgit2's similarity detection over the whole of
// `folder`, asked only when a commit both adds and deletes files.
std::vector<Delta> with_renames(const GitRepo& repo, const TreePair& pair, const std::string& folder,
                                std::vector<Delta> out) {
  bool added = false, deleted = false;
  for (const auto& d : out) {
    added = added || d.status == GIT_DELTA_ADDED;
    deleted = deleted || d.status == GIT_DELTA_DELETED;
  }
  if (!added || !deleted) return out;
  auto tree = [&](const std::optional<git_oid>& id) -> GitTree {
    if (!id) return nullptr;
    git_tree* t = nullptr;
    git_check(git_tree_lookup(&t, repo.get(), &*id), "reading tree " + oid_short(*id));
    return GitTree(t);
  };
  GitTree from = tree(pair.from), to = tree(pair.to);
  std::string spec_path = folder;
  char* spec[] = {spec_path.data()};
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.pathspec.strings = spec;
  opts.pathspec.count = 1;
  git_diff* raw = nullptr;
  git_check(git_diff_tree_to_tree(&raw, repo.get(), from.get(), to.get(), &opts), "comparing trees for the history");
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

// The files of `folder` that one commit changes against one parent, as the
// walk sees them: folders holding no tracked name are not looked into; a
// tracked file that appears is looked at again over the whole folder, since
// it may have been renamed from anywhere. `found` was computed for a wider
// set of names (every change it holds under a folder that holds a tracked
// name is kept) or for all (`found.complete`).
std::vector<Delta> changes_seen(const GitRepo& repo, const TreePair& pair, const std::string& folder,
                                const PairChanges& found, const Tracked& tracked) {
  std::vector<Delta> out;
  for (const auto& c : found.changes)
    if (c.checked.empty() || has_under(tracked, c.checked)) out.push_back({c.status, c.old_path, c.new_path});
  if (std::any_of(out.begin(), out.end(),
                  [&](const Delta& d) { return d.status == GIT_DELTA_ADDED && tracked.count(d.new_path); })) {
    std::vector<PairChanges> all;
    if (!found.complete) all = tree_changes(repo, {pair}, folder, {});
    out.clear();
    for (const auto& c : found.complete ? found.changes : all[0].changes) out.push_back({c.status, c.old_path, c.new_path});
  }
  return with_renames(repo, pair, folder, std::move(out));
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

// The history of `paths` (from the top of the repository), for the briefs
// under `folder` ("content", "sub/dir/content").
History walk_history(const GitRepo& repo, const git_oid& tip, const std::vector<std::string>& paths,
                     const std::string& folder) {
  History h;
  h.shallow = repo.shallow();
  Tracked tracked;
  // The names whose folders the batches read: the tip's names, and any older
  // name a rename brings in from elsewhere.
  Names scope(paths.begin(), paths.end());
  for (const auto& p : paths) {
    tracked[p] = p;
    h.files[p];
  }
  WantedFolder wanted = [&scope](const std::string& path) { return has_under(scope, path); };
  CommitWalk walk(repo, tip, h.shallow);
  // Commits are compared in batches (see git_tree_changes.h), growing so
  // that a brief created recently does not cost the whole history.
  std::deque<GitCommit> pending;
  std::size_t batch = 64;
  while (!tracked.empty()) {
    for (git_oid id; pending.size() < batch && walk.next(id);) {
      git_commit* raw = nullptr;
      git_check(git_commit_lookup(&raw, repo.get(), &id), "reading commit " + oid_short(id));
      pending.emplace_back(raw);
    }
    if (pending.empty()) break;
    batch = std::min<std::size_t>(batch * 2, 4096);
    std::vector<TreePair> pairs;
    std::vector<std::size_t> first_pair;  // of each pending commit, and the end
    for (const auto& commit : pending) {
      first_pair.push_back(pairs.size());
      const git_oid tree = *git_commit_tree_id(commit.get());
      unsigned parents = git_commit_parentcount(commit.get());
      if (parents == 0) pairs.push_back({std::nullopt, tree});
      for (unsigned i = 0; i < parents; ++i) {
        git_commit* p = nullptr;
        if (git_commit_parent(&p, commit.get(), i) != 0) {
          pairs.push_back({std::nullopt, tree});  // a shallow clone's boundary: the parent is not here
          break;
        }
        GitCommit parent(p);
        pairs.push_back({*git_commit_tree_id(parent.get()), tree});
      }
    }
    first_pair.push_back(pairs.size());
    std::vector<PairChanges> found = tree_changes(repo, pairs, folder, wanted);
    std::size_t done = 0;
    bool widened = false;
    while (done < pending.size() && !tracked.empty() && !widened) {
      git_commit* commit = pending[done].get();
      std::vector<std::vector<Delta>> diffs;
      for (std::size_t k = first_pair[done]; k < first_pair[done + 1]; ++k)
        diffs.push_back(changes_seen(repo, pairs[k], folder, found[k], tracked));
      ++done;
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
          const git_signature* author = git_commit_author(commit);  // borrowed
          HistoryCommit c;
          c.id = oid_hex(*git_commit_id(commit));
          c.time = git_commit_time(commit);
          c.date = date_of(c.time);
          c.author = author && author->name ? author->name : "";
          c.email = author && author->email ? author->email : "";
          const char* summary = git_commit_summary(commit);
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
          // Renamed from a folder the batch did not read: the rest of it is
          // compared again, reading that folder too.
          std::size_t slash = d->old_path.rfind('/');
          std::string from = d->old_path.substr(0, slash == std::string::npos ? 0 : slash + 1);
          if (from.size() > folder.size() + 1 && !has_under(scope, from)) widened = true;
          scope.insert(d->old_path);
        }
      }
    }
    pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(done));
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

}  // namespace

History read_history(const GitRepo& repo, const git_oid& tip, const std::vector<std::string>& paths) {
  return walk_history(repo, tip, paths, "content");
}

History read_history(const GitRepo& repo, const git_oid& tip, const std::vector<std::string>& paths,
                     const std::string& prefix) {
  if (prefix.empty()) return read_history(repo, tip, paths);
  std::vector<std::string> full;
  full.reserve(paths.size());
  for (const auto& p : paths) full.push_back(prefix + p);
  History h = walk_history(repo, tip, full, prefix + "content");
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
