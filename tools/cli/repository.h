#pragma once
// Where a command runs: the briefs repository's root (the nearest folder
// upwards holding prfaq.toml, else the top of the Git work tree, else the
// nearest folder holding content/, else the starting folder) and its
// configuration.
#include <filesystem>
#include <string>

#include "config/config.h"
#include "source/source.h"

namespace prfaq {

struct Repository {
  std::filesystem::path root;
  Config config;
  // A path given on the command line (relative to `cwd`) as a
  // repository-relative path; throws Fatal when it is outside the root.
  std::string relative(const std::string& cwd, const std::string& arg) const;
};

Repository open_repository(const std::string& cwd);
// A bare repository has no working tree: a command that reads one says so
// (Fatal: "use --rev") rather than reading nothing.
void refuse_bare_repository(const std::string& cwd, std::string_view what);
// The working tree's content/ folder must be a folder (not missing, not a
// symbolic link, which is never followed): checking, listing or building
// nothing would pass silently. Throws Fatal saying what to do.
void require_content_folder(const std::filesystem::path& root);
// Reads prfaq.toml under `root` (defaults when there is none).
Config load_config(const std::filesystem::path& root);
// Reads prfaq.toml from a source (the index, a commit): the configuration
// that goes with what is checked.
Config load_config(const Source& source);

}  // namespace prfaq
