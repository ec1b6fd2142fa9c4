#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "cli/commands.h"
#include "cli/jobs_option.h"
#include "cli/repository.h"
#include "report/report.h"
#include "serve/stop_signals.h"
#include "site/base_url.h"
#include "site/site_build.h"
#include "source/fs_source.h"
#include "source/git_history.h"
#include "source/git_source.h"
#include "util/error.h"
#include "util/visible_text.h"

namespace prfaq {

namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& path, const fs::path& folder) {
  auto rel = path.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

// The output folder is replaced whole: it must never be the repository, a
// folder holding it, or a folder prfaq reads (content/, site-theme/).
void guard_out(const fs::path& out, const fs::path& root) {
  if (root.empty()) return;
  fs::path o = fs::weakly_canonical(out), r = fs::weakly_canonical(root);
  if (o == r || inside(r, o))
    throw Fatal("--out " + out.string() + " would replace the repository itself; choose a folder inside it, such as public");
  for (const char* read : {"content", "site-theme", ".git"})
    if (o == r / read || inside(o, r / read))
      throw Fatal("--out " + out.string() + " is inside " + read + "/, which prfaq reads; choose another folder, such as public");
}

std::string shown(const fs::path& out, const std::string& cwd) {
  std::string rel = fs::weakly_canonical(out).lexically_relative(fs::weakly_canonical(cwd)).generic_string();
  if (rel.empty() || rel.starts_with("..")) return out.generic_string();
  return rel;
}

}  // namespace

int run_build(const Args& args, Io& io) {
  if (!args.positional.empty()) throw Fatal("prfaq build takes no paths; it builds every brief (see --out, --rev)");
  auto started = std::chrono::steady_clock::now();
  BuildOptions options;
  options.jobs = jobs_option(args);
  options.strict = args.has("--strict");
  if (auto url = args.get("--base-url")) {
    if (auto problem = base_url_problem(*url)) throw Fatal("--base-url " + *problem);
    options.base_url = *url;
  }

  std::optional<GitRepo> git;
  std::unique_ptr<Source> source;
  Config config;
  fs::path root;
  if (auto rev = args.get("--rev")) {
    git = GitRepo::open(io.cwd);
    git_oid id = git->resolve_commit(*rev);
    options.revision = "commit " + *rev + " (" + oid_short(id) + ")";
    source = GitSource::from_commit(*git, id, options.revision);
    config = load_config(*source);
    root = git->workdir();
    options.tip = id;
  } else {
    refuse_bare_repository(io.cwd, "build from");
    Repository repo = open_repository(io.cwd);
    require_content_folder(repo.root);
    source = std::make_unique<FsSource>(repo.root);
    config = repo.config;
    root = repo.root;
    options.revision = "the working tree";
    git = GitRepo::discover(repo.root);
    if (git) {
      options.tip = git->head_commit();
      if (options.tip) options.revision = "the working tree at " + oid_short(*options.tip);
    }
  }
  if (auto problem = base_url_problem(config.base_url); problem && !options.base_url)
    throw Fatal("prfaq.toml:" + config.base_url_at + ": [site] base_url " + *problem);
  if (git && options.tip) {
    options.git = &*git;
    if (!args.get("--rev")) options.git_prefix = prefix_in_work_tree(*git, root);
  }
  fs::path base = root.empty() ? fs::path(io.cwd) : root;
  options.out = args.get("--out") ? fs::path(io.cwd) / *args.get("--out") : base / "public";
  guard_out(options.out, root);

  // A progress line on a terminal, at most ten times a second.
  bool progress = isatty(STDERR_FILENO) && !std::getenv("CI");
  std::mutex progress_mutex;
  auto last = std::chrono::steady_clock::now();
  if (progress)
    options.progress = [&](std::size_t done, std::size_t total) {
      std::lock_guard lock(progress_mutex);
      auto now = std::chrono::steady_clock::now();
      if (done != total && now - last < std::chrono::milliseconds(100)) return;
      last = now;
      io.err << "\rprfaq: rendering briefs " << done << "/" << total << (done == total ? "\r\033[K" : "") << std::flush;
    };

  // Ctrl-C (SIGINT, SIGTERM, SIGHUP) stops the build at its next step,
  // which removes the staging folder and leaves the previous site as it was.
  std::atomic<bool> stop{false};
  StopSignals signals([&] { stop = true; });
  options.stop = &stop;
  BuildResult r;
  try {
    r = build_site(*source, config, options);
  } catch (const Fatal&) {
    if (stop) throw Fatal("interrupted: " + shown(options.out, io.cwd) + " is left as it was");
    throw;
  }
  for (const auto& w : r.warnings) io.err << "prfaq: warning: " << visible_text(w) << "\n";
  if (r.shallow)
    io.err << "prfaq: warning: this is a shallow clone: history on the site stops at its boundary (git fetch --unshallow)\n";
  if (!r.written) {
    write_text(io.err, r.check, {false});
    io.err << "prfaq: build refused by --strict: " << r.check.errors << " error(s); " << shown(options.out, io.cwd)
           << " is unchanged\n";
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char time[32];
  std::snprintf(time, sizeof time, "%.2f", seconds);
  io.out << "prfaq: built " << r.briefs << " brief(s) into " << shown(options.out, io.cwd) << "/: " << r.pages
         << " pages, " << r.files << " files (" << r.reused << " reused) in " << time << " s\n";
  int with_errors = 0;
  for (const auto& b : r.check.briefs) with_errors += b.errors > 0;
  if (with_errors)
    io.out << "prfaq: " << with_errors << " brief(s) have errors, shown on their pages (prfaq check lists them; "
           << "--strict refuses to build)\n";
  return 0;
}

}  // namespace prfaq
