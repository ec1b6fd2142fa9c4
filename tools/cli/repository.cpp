#include "cli/repository.h"

#include "source/git_repo.h"

#include <fstream>
#include <sstream>

#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

Config load_config(const fs::path& root) {
  fs::path file = root / "prfaq.toml";
  std::error_code ec;
  if (!fs::exists(file, ec)) return default_config();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Fatal("cannot read " + file.string());
  std::ostringstream s;
  s << in.rdbuf();
  return parse_config(s.str(), "prfaq.toml");
}

Config load_config(const Source& source) {
  auto text = source.read("prfaq.toml");
  return text ? parse_config(*text, "prfaq.toml") : default_config();
}

Repository open_repository(const std::string& cwd) {
  fs::path start = fs::weakly_canonical(fs::path(cwd));
  fs::path root;
  std::error_code ec;
  for (fs::path p = start;; p = p.parent_path()) {
    if (fs::exists(p / "prfaq.toml", ec)) {
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
