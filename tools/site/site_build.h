#pragma once
// `prfaq build`: briefs -> a static site in an output folder. Briefs are
// loaded and checked once (the page of each is rendered from the loaded
// brief), Git history is read in one walk when there is a repository, then
// every page is rendered into a staging folder that replaces the output
// folder whole (site/output_dir.h): an interrupted or failed build leaves
// the previous site as it was. Pages whose inputs did not change since the
// previous build (content hashes, recorded in the output's manifest) are
// reused, not rendered again.
#include <chrono>
#include <filesystem>
#include <atomic>
#include <functional>
#include <string>

#include "check/checker.h"
#include "config/config.h"
#include "source/git_repo.h"
#include "source/source.h"

namespace prfaq {

struct BuildOptions {
  std::filesystem::path out;
  std::optional<std::string> base_url;  // overrides [site] base_url
  bool strict = false;                  // any error fails the build; nothing is written
  int jobs = 0;                         // 0: one per hardware thread
  std::string revision;                 // shown on the home page: "HEAD (1a2b3c4)", "working tree"
  // Git history: the repository and the commit whose history the site
  // shows; none: the site has no history.
  const GitRepo* git = nullptr;
  std::optional<git_oid> tip;
  std::string git_prefix;  // where the briefs repository is in the Git work tree ("" at its top)
  // A preview for `prfaq serve`: every brief page gets a panel with all its
  // findings and what it lacks for the next status, and every page loads
  // the live-reload script from `live_reload_url`. Never for publishing.
  bool preview = false;
  std::string live_reload_url;
  // Called from worker threads as brief pages are rendered (done, total).
  std::function<void(std::size_t, std::size_t)> progress;
  // Set (from another thread: Ctrl-C) to stop the build between steps:
  // build_site throws Fatal, its staging folder is removed and the
  // previous site is left as it was.
  const std::atomic<bool>* stop = nullptr;
};

struct BuildResult {
  bool written = false;  // false: --strict refused (see check)
  CheckResult check;
  std::size_t briefs = 0, pages = 0, rendered = 0, reused = 0, files = 0;
  bool shallow = false;
  std::vector<std::string> warnings;  // things the build skipped, for the driver to print
};

BuildResult build_site(const Source& source, const Config& config, const BuildOptions& options);

// The build's record of what each output file was made from, kept in the
// output folder between builds.
inline constexpr std::string_view kManifest = ".prfaq-manifest";

}  // namespace prfaq
