#pragma once
// The site `prfaq serve` shows: the working tree of a briefs repository
// built with the preview's options (a findings panel on every brief page,
// the live-reload script; site/site_build.h) into a private folder outside
// the repository, $TMPDIR/prfaq-serve-XXXXXX/site, which is removed with
// the PreviewSite. Every build after the first reuses what the one before
// wrote: a save re-renders the pages it changed.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "site/site_build.h"
#include "source/git_repo.h"

namespace prfaq {

class PreviewSite {
 public:
  // Creates the private folder (mkdtemp, mode 0700). Throws Fatal.
  explicit PreviewSite(std::filesystem::path root);
  // Removes the private folder and everything in it.
  ~PreviewSite();
  PreviewSite(const PreviewSite&) = delete;
  PreviewSite& operator=(const PreviewSite&) = delete;

  // The folder the site is built into, and served from.
  const std::filesystem::path& site() const { return site_; }

  // Builds the working tree with `config` (the repository's prfaq.toml, read
  // afresh by the caller). Throws Fatal when it cannot (a theme template
  // that does not parse, a file that cannot be written); the site built
  // before stays as it was. With Git, the history is that of HEAD now.
  BuildResult build(const Config& config);

 private:
  std::filesystem::path root_, folder_, site_;
  std::optional<GitRepo> git_;
  std::string git_prefix_;
};

// What to show in the terminal after a rebuild: the briefs with errors
// whose findings are not those of the build before (`before`; none after
// the first build) or which are among `changed` (saved again: the author
// wants to see them; a changed folder, or "*", covers what is under it),
// and the briefs that had errors before and have none now. Paths, sorted.
struct RebuildReport {
  std::vector<std::string> with_errors;
  std::vector<std::string> fixed;
};
RebuildReport report_rebuild(const CheckResult* before, const CheckResult& now, const std::vector<std::string>& changed);

}  // namespace prfaq
