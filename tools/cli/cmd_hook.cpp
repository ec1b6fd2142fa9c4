// prfaq hook pre-commit | pre-merge-commit | pre-push | pre-receive: the
// checks Git runs (pre-merge-commit: a merge with no conflict, checked as a
// commit).
// They read only (the index, commits); they never write the index or the
// working tree. Findings go to standard error, where Git shows them.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include "check/change_check.h"
#include "cli/commands.h"
#include "cli/hook_install.h"
#include "cli/repository.h"
#include "report/report.h"
#include "source/git_source.h"
#include "util/error.h"
#include "util/suggest.h"

namespace prfaq {

namespace {

// The full id of a revision the pre-commit framework names (an id, or a
// name it resolved from the remote).
std::string revision_hex(const GitRepo& repo, const char* rev) {
  git_oid id = repo.resolve_commit(rev);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  return hex;
}

bool is_zero(const std::string& hex) { return hex.find_first_not_of('0') == std::string::npos; }

git_oid parse_oid(const std::string& hex) {
  git_oid id;
  if (hex.size() != GIT_OID_HEXSZ || git_oid_fromstr(&id, hex.c_str()) != 0)
    throw Fatal("not an object id: '" + hex + "'");
  return id;
}

// Prints a hook's findings; returns its exit code (1 when it blocks).
int report(Io& io, const CheckResult& r, const std::string& blocked, const std::string& bypass) {
  if (r.findings.empty()) return 0;
  std::ostringstream text;
  write_text(text, r, {});
  if (r.errors == 0) {
    io.err << text.str();
    return 0;
  }
  // Counted from the findings: a status move in a pushed commit may be in
  // a brief that the pushed tip leaves as the remote has it.
  std::set<std::string> files_with_errors;
  for (const auto& f : r.findings)
    if (f.severity == Severity::error) files_with_errors.insert(f.file);
  const std::size_t with_errors = files_with_errors.size();
  io.err << "prfaq: " << blocked << ": " << with_errors << " brief" << (with_errors == 1 ? " has" : "s have")
         << " errors (what a brief lacks for its status, or what the change breaks)\n"
         << text.str() << "\n" << bypass << '\n';
  return 1;
}

// The commits a merge being committed brings besides HEAD: MERGE_HEAD when
// `git commit` concludes a merge; for pre-merge-commit, which Git runs
// before it writes MERGE_HEAD, the GITHEAD_<id> variables `git merge` sets
// for each commit it merges. Empty for a commit that is no merge.
std::vector<git_oid> merged_heads(const GitRepo& repo) {
  std::vector<git_oid> out;
  auto add = [&](const git_oid& id) {
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, repo.get(), &id) != 0) return;  // not a commit of this repository
    git_commit_free(c);
    if (std::none_of(out.begin(), out.end(), [&](const git_oid& o) { return git_oid_equal(&o, &id); }))
      out.push_back(id);
  };
  std::vector<git_oid> listed;
  git_repository_mergehead_foreach(
      repo.get(),
      [](const git_oid* id, void* payload) {
        static_cast<std::vector<git_oid>*>(payload)->push_back(*id);
        return 0;
      },
      &listed);
  for (const auto& id : listed) add(id);
  for (char** e = environ; *e; ++e) {
    std::string_view v = *e;
    if (!v.starts_with("GITHEAD_")) continue;
    std::string hex(v.substr(8, v.find('=') - 8));
    git_oid id;
    if (hex.size() == GIT_OID_HEXSZ && git_oid_fromstr(&id, hex.c_str()) == 0) add(id);
  }
  return out;
}

// `named`: files the pre-commit framework passes (`pre-commit run
// --all-files` names every file): the briefs among them are checked too, as
// staged, with every rule, changed or not.
int pre_commit(Io& io, const std::vector<std::string>& named) {
  GitRepo repo = GitRepo::open(io.cwd);
  if (repo.bare()) return 0;
  auto head = repo.head_commit();
  StagedIndex index = read_staged_index(repo);
  refuse_conflicts(index);  // Git runs no hook then; a hand-run one would see the conflicted briefs as deleted
  std::vector<Change> changes = changes_to_index(repo, head, index);
  std::vector<std::unique_ptr<GitSource>> merged_sources;
  std::vector<MergeParent> merged;
  if (head)
    for (const git_oid& id : merged_heads(repo)) {
      merged_sources.push_back(GitSource::lazy_commit(repo, id, oid_short(id)));
      merged.push_back({merged_sources.back().get(), changes_to_index(repo, id, index)});
    }
  if (!named.empty()) {
    std::set<std::string> changed;
    for (const auto& c : changes) changed.insert(c.new_path);
    for (const auto& path : named)  // repository-relative, as the framework runs hooks at the top
      if (!changed.count(path)) changes.push_back({Change::Kind::modified, path, path});
  }
  auto after = GitSource::from_index(repo, std::move(index));
  std::unique_ptr<GitSource> before;
  if (head) before = GitSource::lazy_commit(repo, *head, "HEAD");
  Config config = load_config(*after);
  ChangeCheck change{*after, before.get(), std::move(changes), config};
  change.merged = std::move(merged);
  CheckResult r = check_change(change);
  return report(io, r, "commit blocked",
                "Fix what is listed and stage it (git add), or commit anyway on purpose with: git commit --no-verify");
}

// The merge base of `tip` with the branch under `glob` it left most
// recently (the latest merge base); nullopt when it shares none with any.
std::optional<git_oid> latest_merge_base(const GitRepo& repo, const std::string& glob, const git_oid& tip) {
  std::optional<git_oid> best;
  std::int64_t best_time = 0;
  git_reference_iterator* raw = nullptr;
  if (git_reference_iterator_glob_new(&raw, repo.get(), glob.c_str()) != 0) return std::nullopt;
  std::unique_ptr<git_reference_iterator, CFree<git_reference_iterator_free>> it(raw);
  git_reference* ref = nullptr;
  while (git_reference_next(&ref, it.get()) == 0) {
    GitReference owned(ref);
    git_object* peeled = nullptr;
    if (git_reference_peel(&peeled, owned.get(), GIT_OBJECT_COMMIT) != 0) continue;
    GitObject commit(peeled);
    auto mb = merge_base(repo, *git_object_id(commit.get()), tip);
    if (!mb) continue;
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, repo.get(), &*mb) != 0) continue;
    GitCommit mc(c);
    if (!best || git_commit_time(mc.get()) > best_time) {
      best = mb;
      best_time = git_commit_time(mc.get());
    }
  }
  return best;
}

// The default branch a new branch is compared with: the remote's HEAD
// (pre-push) or the repository's HEAD (pre-receive on the server). Never the
// client's own HEAD: that is often the pushed branch itself, which would
// leave nothing to check. Without a remote HEAD, the remote-tracking branch
// closest to the tip (the latest merge base) stands in for it; on the
// server, when HEAD names a branch with no commit (`git init --bare` points
// it at master, and the pushes go to main), its branches do. With none, the
// whole tip is checked.
std::optional<git_oid> base_for_new_branch(const GitRepo& repo, const std::string& remote, const git_oid& tip) {
  if (remote.empty()) {
    if (auto head = repo.head_commit()) return merge_base(repo, *head, tip);
    return latest_merge_base(repo, "refs/heads/*", tip);
  }
  git_oid id;
  std::string head_ref = "refs/remotes/" + remote + "/HEAD";
  if (git_reference_name_to_id(&id, repo.get(), head_ref.c_str()) == 0) return merge_base(repo, id, tip);
  return latest_merge_base(repo, "refs/remotes/" + remote + "/*", tip);
}

// A URL or path compared as Git would reach it: a local path made absolute
// (from `cwd`) and without a trailing slash; anything else as written.
std::string reach(std::string url, const std::string& cwd) {
  while (url.size() > 1 && url.back() == '/') url.pop_back();
  bool local = url.starts_with("/") || url.starts_with(".") || url.starts_with("file://");
  if (!local || url.find("://") != std::string::npos) {
    if (!url.starts_with("file://")) return url;
    url = url.substr(7);
  }
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(std::filesystem::path(cwd) / url, ec);
  return ec ? url : p.string();
}

// The remote's name. `git push URL` (or a path) names no remote: Git passes
// the URL as the name, which has no remote-tracking branches, so a new
// branch would be checked whole, as if the remote were empty. A configured
// remote with that URL stands in for it; with none, `name` is kept.
// (Read from the configuration directly: libgit2 1.5's git_remote_lookup
// and git_remote_list match config keys with a regex that leaks.)
std::string remote_named(const GitRepo& repo, const std::string& name, const std::string& url, const std::string& cwd) {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo.get()) != 0) return name;
  GitConfig cfg(raw);
  git_config_entry* own = nullptr;
  if (git_config_get_entry(&own, cfg.get(), ("remote." + name + ".url").c_str()) == 0) {
    git_config_entry_free(own);
    return name;
  }
  git_config_iterator* it = nullptr;
  if (git_config_iterator_new(&it, cfg.get()) != 0) return name;
  const std::string want = reach(url, cwd);
  const std::string base = repo.bare() ? repo.git_dir().string() : repo.workdir().string();
  std::string match = name;
  git_config_entry* e = nullptr;  // borrowed from the iterator
  while (match == name && git_config_next(&e, it) == 0) {
    std::string_view key = e->name;  // "remote.origin.url": section and variable in lower case
    for (std::string_view suffix : {std::string_view(".url"), std::string_view(".pushurl")})
      if (key.starts_with("remote.") && key.size() > 7 + suffix.size() && key.ends_with(suffix) && e->value &&
          reach(e->value, base) == want)
        match = std::string(key.substr(7, key.size() - 7 - suffix.size()));
  }
  git_config_iterator_free(it);
  return match;
}

// The commit a pushed object names: an annotated tag is followed to its
// commit; nullopt for a tag of a tree or blob (nothing to check).
std::optional<git_oid> pushed_commit(const GitRepo& repo, const git_oid& id) {
  git_object* raw = nullptr;
  if (git_object_lookup(&raw, repo.get(), &id, GIT_OBJECT_ANY) != 0) {
    git_check(-1, "reading pushed object " + oid_short(id));
  }
  GitObject obj(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj.get(), GIT_OBJECT_COMMIT) != 0) return std::nullopt;
  GitObject commit(peeled);
  return *git_object_id(commit.get());
}

// status-transition for each pushed commit against its first parent: two
// allowed steps in two commits (review -> approved -> launched) pass.
std::vector<Finding> pushed_transitions(const GitRepo& repo, const std::optional<git_oid>& base, const git_oid& tip,
                                        const Config& config) {
  std::vector<Finding> out;
  git_revwalk* raw = nullptr;
  git_check(git_revwalk_new(&raw, repo.get()), "walking the pushed commits");
  GitRevwalk walk(raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
  git_check(git_revwalk_push(walk.get(), &tip), "walking the pushed commits");
  if (base) git_check(git_revwalk_hide(walk.get(), &*base), "walking the pushed commits");
  git_oid id;
  while (git_revwalk_next(&id, walk.get()) == 0) {
    git_commit* c = nullptr;
    git_check(git_commit_lookup(&c, repo.get(), &id), "reading commit " + oid_short(id));
    GitCommit commit(c);
    unsigned parents = git_commit_parentcount(commit.get());
    if (parents == 0) continue;
    git_oid parent = *git_commit_parent_id(commit.get(), 0);
    auto before = GitSource::lazy_commit(repo, parent, oid_short(parent));
    auto after = GitSource::lazy_commit(repo, id, oid_short(id));
    auto found = transition_findings(*before, *after, changes_between(repo, parent, id), config, oid_short(id));
    if (!found.empty() && parents > 1) {  // a merge: the moves it makes itself
      std::vector<std::unique_ptr<GitSource>> sources;
      std::vector<MergeParent> others;
      for (unsigned k = 1; k < parents; ++k) {
        git_oid other = *git_commit_parent_id(commit.get(), k);
        sources.push_back(GitSource::lazy_commit(repo, other, oid_short(other)));
        others.push_back({sources.back().get(), changes_between(repo, other, id)});
      }
      found = moved_by_merge(std::move(found), *after, others, config);
    }
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// Checks each pushed tip against its base; `lines` are (old, new, ref).
int check_pushes(Io& io, const GitRepo& repo, const std::vector<std::array<std::string, 3>>& lines,
                 const std::string& remote, const std::string& blocked, const std::string& bypass) {
  int status = 0;
  for (const auto& [old_hex, new_hex, ref] : lines) {
    if (is_zero(new_hex)) continue;  // a deleted ref: nothing to check
    auto pushed = pushed_commit(repo, parse_oid(new_hex));
    if (!pushed) continue;
    git_oid tip = *pushed;
    std::optional<git_oid> base;
    if (!is_zero(old_hex)) {
      git_oid old = parse_oid(old_hex);
      git_object* probe = nullptr;
      if (git_object_lookup(&probe, repo.get(), &old, GIT_OBJECT_ANY) == 0) {
        GitObject owned(probe);
        // The commit the ref is at, not the merge base: what the ref holds
        // after the push against what it holds now. A force push that
        // rewinds past a fix (the old tip descends from the new one) puts
        // the broken brief back, and that is a change to check.
        base = pushed_commit(repo, old);
      }
    }
    if (!base) base = base_for_new_branch(repo, remote, tip);  // a new branch: what it adds
    auto after = GitSource::from_commit(repo, tip, ref + " (" + oid_short(tip) + ")");
    std::unique_ptr<GitSource> before;
    if (base) before = GitSource::lazy_commit(repo, *base, oid_short(*base));
    Config config = load_config(*after);
    ChangeCheck change{*after, before.get(), changes_between(repo, base, tip), config};
    change.check_transitions = false;
    CheckResult r = check_change(change);
    add_findings(r, pushed_transitions(repo, base, tip, config));
    if (base && !git_oid_equal(&*base, &tip) && git_graph_descendant_of(repo.get(), &*base, &tip) == 1)
      // A rewind brings no commit of its own: the move is from the old tip.
      add_findings(r, transition_findings(*before, *after, changes_between(repo, base, tip), config, oid_short(tip)));
    if (!r.findings.empty()) io.err << "prfaq: " << ref << " at " << oid_short(tip) << ":\n";
    status = std::max(status, report(io, r, blocked, bypass));
  }
  return status;
}

std::vector<std::array<std::string, 3>> read_lines(std::istream& in, bool pre_push) {
  std::vector<std::array<std::string, 3>> out;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream s(line);
    std::string a, b, c, d;
    if (pre_push) {
      // <local ref> <local oid> <remote ref> <remote oid>
      if (!(s >> a >> b >> c >> d)) continue;
      out.push_back({d, b, c});
    } else {
      // <old oid> <new oid> <ref>
      if (!(s >> a >> b >> c)) continue;
      out.push_back({a, b, c});
    }
  }
  return out;
}

}  // namespace

int run_hook(const Args& args, Io& io) {
  if (args.positional.empty())
    throw Fatal("prfaq hook needs what to run: pre-commit, pre-merge-commit, pre-push, pre-receive, install or uninstall");
  const std::string& what = args.positional[0];
  // A blocked merge stays in progress: git commit (--no-verify) concludes it.
  if (what == "pre-commit" || what == "pre-merge-commit") {
    // The pre-commit framework runs its hooks at every stage it is
    // installed for; at pre-push it says so with the range it pushes. When
    // the pushed commits reach a root commit the remote lacks (a first
    // push), it names no range, only the local branch pushed ("all files"):
    // that branch is checked whole, not the index.
    const char* from = std::getenv("PRE_COMMIT_FROM_REF");
    const char* to = std::getenv("PRE_COMMIT_TO_REF");
    const char* local = std::getenv("PRE_COMMIT_LOCAL_BRANCH");
    bool range = from && to && *to;
    if (range || (local && *local)) {
      GitRepo repo = GitRepo::open(io.cwd);
      const char* branch = std::getenv("PRE_COMMIT_REMOTE_BRANCH");
      const char* remote = std::getenv("PRE_COMMIT_REMOTE_NAME");
      std::array<std::string, 3> line{range && *from ? revision_hex(repo, from) : std::string(GIT_OID_HEXSZ, '0'),
                                      revision_hex(repo, range ? to : local),
                                      branch && *branch ? branch : "the pushed branch"};
      // `git push URL`: the framework passes the URL as the name, as Git does.
      std::string name = remote && *remote ? remote : "origin";
      const char* url = std::getenv("PRE_COMMIT_REMOTE_URL");
      name = remote_named(repo, name, url && *url ? url : name, io.cwd);
      return check_pushes(io, repo, {line}, name, "push blocked",
                          "Fix what is listed and commit, or push anyway on purpose with: git push --no-verify");
    }
    return pre_commit(io, {args.positional.begin() + 1, args.positional.end()});
  }
  if (what == "pre-push") {
    GitRepo repo = GitRepo::open(io.cwd);
    std::string remote = args.positional.size() > 1 ? args.positional[1] : "origin";
    remote = remote_named(repo, remote, args.positional.size() > 2 ? args.positional[2] : remote, io.cwd);
    return check_pushes(io, repo, read_lines(std::cin, true), remote, "push blocked",
                        "Fix what is listed and commit, or push anyway on purpose with: git push --no-verify");
  }
  if (what == "pre-receive") {
    GitRepo repo = GitRepo::open(io.cwd);
    return check_pushes(io, repo, read_lines(std::cin, false), "", "push rejected",
                        "Fix what is listed, commit and push again.");
  }
  if (what == "install") return install_hooks(io, args.has("--force"));
  if (what == "uninstall") return uninstall_hooks(io);
  static const std::vector<std::string_view> known = {"pre-commit", "pre-merge-commit", "pre-push",
                                                      "pre-receive", "install",          "uninstall"};
  throw Fatal("unknown hook '" + what + "'" + did_you_mean(what, known) +
              " (pre-commit, pre-merge-commit, pre-push, pre-receive, install, uninstall)");
}

}  // namespace prfaq
