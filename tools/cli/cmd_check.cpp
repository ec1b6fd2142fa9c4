#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "check/checker.h"
#include "cli/commands.h"
#include "cli/jobs_option.h"
#include "cli/repository.h"
#include "load/brief_paths.h"
#include "report/report.h"
#include "source/fs_source.h"
#include "source/git_source.h"
#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

bool use_color(const Args& args, const Io& io) {
  std::string when = args.get("--color").value_or("auto");
  if (when == "always") return true;
  if (when == "never") return false;
  if (when != "auto") throw Fatal("--color takes auto, always or never, not '" + when + "'");
  const char* no_color = std::getenv("NO_COLOR");  // no-color.org: set and not empty
  return io.out_is_terminal && !(no_color && *no_color);
}

namespace {

// Repository-relative path of a command-line PATH: relative to the current
// folder inside the work tree; as given in a bare repository.
std::string repo_path(const fs::path& root, const std::string& cwd, const std::string& arg) {
  if (root.empty()) return resolve_relative("", arg).value_or(arg);
  fs::path p = fs::path(arg).is_absolute() ? fs::path(arg) : fs::path(cwd) / arg;
  // The folders on the way are resolved, but not a symbolic link named
  // itself: prfaq follows none, and reports it as such (symlink-skipped).
  fs::path name = p.filename();
  fs::path full = name.empty() || name == "." || name == ".." ? fs::weakly_canonical(p)
                                                              : fs::weakly_canonical(p.parent_path()) / name;
  std::string rel = full.lexically_relative(fs::weakly_canonical(root)).generic_string();
  if (rel == ".") return "";
  if (rel.empty() || rel.starts_with("..")) throw Fatal(arg + " is outside the repository (" + root.string() + ")");
  return rel;
}

}  // namespace

int run_check(const Args& args, Io& io) {
  Format format = Format::text;
  if (auto f = args.get("--format")) {
    auto parsed = parse_format(*f);
    if (!parsed) throw Fatal("unknown format '" + *f + "' (text, json, github, sarif)");
    format = *parsed;
  }
  bool color = use_color(args, io);
  if (args.has("--staged") && args.has("--rev")) throw Fatal("--staged and --rev cannot be used together");

  // Where the briefs are read from: the working tree, the index or a commit.
  std::optional<GitRepo> git;
  std::unique_ptr<Source> source;
  Config config;
  fs::path root;
  if (args.has("--staged") || args.has("--rev")) {
    git = GitRepo::open(io.cwd);
    if (args.has("--staged")) {
      if (git->bare()) throw Fatal("--staged needs a work tree; this repository is bare (use --rev)");
      StagedIndex index = read_staged_index(*git);
      refuse_conflicts(index);  // as git commit: nothing while a merge is unresolved
      source = GitSource::from_index(*git, std::move(index));
    } else {
      std::string rev = *args.get("--rev");
      git_oid id = git->resolve_commit(rev);
      source = GitSource::from_commit(*git, id, rev + " (" + oid_short(id) + ")");
    }
    config = load_config(*source);
    root = git->workdir();
  } else {
    refuse_bare_repository(io.cwd, "check");
    Repository repo = open_repository(io.cwd);
    require_content_folder(repo.root);
    source = std::make_unique<FsSource>(repo.root);
    config = repo.config;
    root = repo.root;
  }

  CheckOptions options;
  options.jobs = jobs_option(args);
  // Paths name briefs, or folders whose briefs to check: a brief is
  // content/**/SLUG.md or a bundle's index.md, never a template or a
  // bundle's resource.
  std::vector<SkippedEntry> skipped;  // those under the given folders
  if (!args.positional.empty()) {
    options.only_given = true;
    options.skipped = &skipped;
    Listing listing = source->list_all("content");
    std::vector<std::string> briefs = find_brief_paths(listing.files);
    for (const auto& arg : args.positional) {
      std::string rel = repo_path(root, io.cwd, arg);
      auto link = std::find_if(listing.skipped.begin(), listing.skipped.end(),
                               [&](const SkippedEntry& s) { return s.path == rel; });
      if (link != listing.skipped.end()) {  // a link or a submodule, named itself
        skipped.push_back(*link);
        continue;
      }
      if (!rel.empty() && !source->exists(rel)) {
        bool tree = !args.has("--staged") && !args.has("--rev");
        std::error_code ec;
        if (tree && fs::exists(fs::symlink_status(root / rel, ec)))  // a FIFO, a socket, a device
          throw Fatal(arg + " is not a regular file or folder; prfaq reads neither it nor anything through it");
        throw Fatal(arg + ": no such file or folder in " + (tree ? "the working tree" : source->describe()));
      }
      if (std::binary_search(briefs.begin(), briefs.end(), rel)) {  // the listing is sorted
        options.only.push_back(rel);
      } else if (!rel.empty() && source->read(rel)) {  // a file, but not a brief
        throw Fatal(arg + " is not a brief (briefs are content/**/SLUG.md and content/**/SLUG/index.md; "
                          "names starting with '_' are not briefs)");
      } else {  // a folder: its briefs
        std::string prefix = rel.empty() ? "" : rel + "/";
        for (const auto& b : briefs)
          if (b.starts_with(prefix)) options.only.push_back(b);
        for (const auto& s : listing.skipped)
          if (s.path.starts_with(prefix)) skipped.push_back(s);
      }
    }
    auto by_path = [](const SkippedEntry& a, const SkippedEntry& b) { return a.path < b.path; };
    std::sort(skipped.begin(), skipped.end(), by_path);
    skipped.erase(std::unique(skipped.begin(), skipped.end(),
                              [](const SkippedEntry& a, const SkippedEntry& b) { return a.path == b.path; }),
                  skipped.end());
    if (options.only.empty() && skipped.empty()) {
      io.err << "prfaq: no briefs under the given paths\n";
      return 0;
    }
  }
  CheckResult result = check_repository(*source, config, options);
  write_report(io.out, format, result, {color});
  return result.errors > 0 ? 1 : 0;
}

}  // namespace prfaq
