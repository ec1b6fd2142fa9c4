// prfaq hook pre-commit | pre-merge-commit | pre-push | pre-receive: the
// checks Git runs (pre-merge-commit: a merge with no conflict, checked as a
// commit).
// They read only (the index, commits); they never write the index or the
// working tree. Findings go to standard error, where Git shows them.
#include <algorithm>
#include <array>
#include <iostream>
#include <sstream>

#include "check/change_check.h"
#include "cli/commands.h"
#include "cli/hook_install.h"
#include "cli/repository.h"
#include "report/report.h"
#include "source/git_source.h"
#include "util/error.h"

namespace prfaq {

namespace {

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
  int incomplete = 0;
  for (const auto& b : r.briefs) incomplete += b.errors > 0;
  io.err << "prfaq: " << blocked << ": " << incomplete << " brief" << (incomplete == 1 ? " is" : "s are")
         << " incomplete for the status claimed\n"
         << text.str() << "\n" << bypass << '\n';
  return 1;
}

int pre_commit(Io& io) {
  GitRepo repo = GitRepo::open(io.cwd);
  if (repo.bare()) return 0;
  auto head = repo.head_commit();
  auto after = GitSource::from_index(repo);
  std::unique_ptr<GitSource> before;
  if (head) before = GitSource::lazy_commit(repo, *head, "HEAD");
  Config config = load_config(*after);
  CheckResult r = check_change({*after, before.get(), changes_to_index(repo, head), config});
  return report(io, r, "commit blocked",
                "Fix what is listed and stage it (git add), or commit anyway on purpose with: git commit --no-verify");
}

// The default branch a new branch is compared with: the remote's HEAD
// (pre-push) or the repository's HEAD (pre-receive on the server). Never the
// client's own HEAD: that is often the pushed branch itself, which would
// leave nothing to check; with no known default branch, the whole tip is.
std::optional<git_oid> default_tip(const GitRepo& repo, const std::string& remote) {
  for (std::string ref : {"refs/remotes/" + remote + "/HEAD", "refs/remotes/" + remote + "/main",
                          "refs/remotes/" + remote + "/master", std::string("HEAD")}) {
    if (remote.empty() != (ref == "HEAD")) continue;
    git_oid id;
    if (git_reference_name_to_id(&id, repo.get(), ref.c_str()) == 0) return id;
    if (ref == "HEAD")
      if (auto h = repo.head_commit()) return h;
  }
  return std::nullopt;
}

// Checks each pushed tip against its base; `lines` are (old, new, ref).
int check_pushes(Io& io, const GitRepo& repo, const std::vector<std::array<std::string, 3>>& lines,
                 const std::string& remote, const std::string& blocked, const std::string& bypass) {
  int status = 0;
  for (const auto& [old_hex, new_hex, ref] : lines) {
    if (is_zero(new_hex)) continue;  // a deleted ref: nothing to check
    git_oid tip = parse_oid(new_hex);
    std::optional<git_oid> base;
    if (!is_zero(old_hex)) {
      git_oid old = parse_oid(old_hex);
      git_commit* probe = nullptr;
      if (git_commit_lookup(&probe, repo.get(), &old) == 0) {
        git_commit_free(probe);
        base = merge_base(repo, old, tip);
      }
    }
    if (!base)  // a new branch: what it adds to the default branch
      if (auto main = default_tip(repo, remote)) base = merge_base(repo, *main, tip);
    auto after = GitSource::from_commit(repo, tip, ref + " (" + oid_short(tip) + ")");
    std::unique_ptr<GitSource> before;
    if (base) before = GitSource::lazy_commit(repo, *base, oid_short(*base));
    Config config = load_config(*after);
    CheckResult r = check_change({*after, before.get(), changes_between(repo, base, tip), config});
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
  if (what == "pre-commit" || what == "pre-merge-commit") return pre_commit(io);
  if (what == "pre-push") {
    GitRepo repo = GitRepo::open(io.cwd);
    std::string remote = args.positional.size() > 1 ? args.positional[1] : "origin";
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
  throw Fatal("unknown hook '" + what + "' (pre-commit, pre-merge-commit, pre-push, pre-receive, install, uninstall)");
}

}  // namespace prfaq
