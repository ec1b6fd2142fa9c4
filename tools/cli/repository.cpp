#include "cli/repository.h"

#include "source/fs_source.h"
#include "source/git_repo.h"


#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

Config load_config(const fs::path& root) {
  // Through FsSource, which never follows a symbolic link: a prfaq.toml
  // linking out of the repository is refused, not read.
  std::error_code ec;
  auto st = fs::symlink_status(root / "prfaq.toml", ec);
  if (st.type() == fs::file_type::not_found) return default_config();
  if (st.type() == fs::file_type::symlink)
    throw Fatal("prfaq.toml is a symbolic link, which prfaq never follows: make it a file");
  if (st.type() != fs::file_type::regular) throw Fatal("prfaq.toml is not a file");
  auto text = FsSource(root).read("prfaq.toml");
  if (!text) throw Fatal("cannot read " + (root / "prfaq.toml").string());
  return parse_config(*text, "prfaq.toml");
}

Config load_config(const Source& source) {
  auto text = source.read("prfaq.toml");
  if (text) return parse_config(*text, "prfaq.toml");
  // As in the folder: a prfaq.toml that is a link, a submodule or a folder
  // (in the index or a commit) is refused, not passed over for the defaults.
  Listing listing = source.list_all("prfaq.toml");
  for (const auto& s : listing.skipped)
    if (s.path == "prfaq.toml" && s.kind == SkippedEntry::Kind::symlink)
      throw Fatal("prfaq.toml is a symbolic link, which prfaq never follows: make it a file");
  if (!listing.skipped.empty() || !listing.files.empty()) throw Fatal("prfaq.toml is not a file");
  return default_config();
}

Repository open_repository(const std::string& cwd) {
  fs::path start = fs::weakly_canonical(fs::path(cwd));
  fs::path root;
  std::error_code ec;
  for (fs::path p = start;; p = p.parent_path()) {
    if (fs::exists(fs::symlink_status(p / "prfaq.toml", ec))) {  // a link too: refused when read
      root = p;
      break;
    }
    if (fs::exists(p / ".git", ec)) {
      root = p;
      break;
    }
    if (p == p.parent_path()) break;
  }
  // No prfaq.toml and no Git: the nearest folder holding content/.
  for (fs::path p = start; root.empty(); p = p.parent_path()) {
    if (fs::is_directory(p / "content", ec)) root = p;
    if (p == p.parent_path()) break;
  }
  if (root.empty()) root = start;
  Repository r;
  r.root = root;
  r.config = load_config(root);
  return r;
}

std::string Repository::relative(const std::string& cwd, const std::string& arg) const {
  fs::path p = fs::path(arg).is_absolute() ? fs::path(arg) : fs::path(cwd) / arg;
  p = fs::weakly_canonical(p);
  fs::path rel = p.lexically_relative(root);
  std::string s = rel.generic_string();
  if (s.empty() || s == "." ) return "";
  if (s.starts_with("..")) throw Fatal(arg + " is outside the repository (" + root.string() + ")");
  return s;
}

void require_content_folder(const std::filesystem::path& root) {
  std::error_code ec;
  auto st = std::filesystem::symlink_status(root / "content", ec);
  if (st.type() == std::filesystem::file_type::not_found)
    throw Fatal("no content/ folder in " + root.string() + ": briefs live in content/ (prfaq init makes it)");
  if (st.type() == std::filesystem::file_type::symlink)
    throw Fatal("content/ in " + root.string() + " is a symbolic link, which prfaq never follows: make it a folder");
  if (st.type() != std::filesystem::file_type::directory)
    throw Fatal("content in " + root.string() + " is not a folder: briefs live in content/");
}

void refuse_bare_repository(const std::string& cwd, std::string_view what) {
  // Looked at cheaply first: libgit2 costs milliseconds to start.
  std::filesystem::path here = cwd;
  std::error_code ec;
  if (std::filesystem::exists(here / "HEAD", ec) && std::filesystem::is_directory(here / "objects", ec) &&
      !std::filesystem::exists(here / "content", ec))
    if (auto bare = GitRepo::discover(here); bare && bare->bare())
      throw Fatal("this is a bare repository, with no working tree to " + std::string(what) +
                  ": use --rev (e.g. --rev HEAD)");
}

}  // namespace prfaq
