#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "cli/commands.h"
#include "cli/create_inside.h"
#include "cli/hook_install.h"
#include "config/config.h"
#include "util/embedded.h"
#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

namespace {

// What `prfaq build` writes next to the repository's files by default: the
// site (public/), and its lock file and staging folders (.public.prfaq-*).
constexpr std::string_view kIgnored[] = {"/public/", "/.public.prfaq-*"};

// Makes sure .gitignore ignores the site: creates it, or appends the lines
// it lacks. An existing file is never rewritten or reordered.
void ensure_gitignore(const fs::path& root, std::ostream& out) {
  const fs::path p = root / ".gitignore";
  std::error_code ec;
  auto st = fs::symlink_status(p, ec);
  if (!fs::exists(st)) {
    std::ofstream f(p, std::ios::binary);
    f << "# prfaq build: the site, and its lock file and staging folders\n";
    for (auto line : kIgnored) f << line << '\n';
    if (!f.flush()) throw Fatal("cannot write " + p.string());
    out << "created  .gitignore\n";
    return;
  }
  if (!fs::is_regular_file(st)) {
    out << "kept     .gitignore (not a regular file; add " << kIgnored[0] << " and " << kIgnored[1] << " to it)\n";
    return;
  }
  std::string text;
  {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream buf;
    buf << f.rdbuf();
    if (!f) throw Fatal("cannot read " + p.string());
    text = buf.str();
  }
  // A line counts when it is the same pattern, trailing spaces and CR aside.
  std::vector<std::string_view> missing;
  for (auto want : kIgnored) {
    bool found = false;
    std::string_view rest = text;
    while (!found && !rest.empty()) {
      std::size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
      found = line == want;
    }
    if (!found) missing.push_back(want);
  }
  if (missing.empty()) {
    out << "kept     .gitignore (ignores the site already)\n";
    return;
  }
  const std::string eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  std::string add;
  if (!text.empty() && text.back() != '\n') add += eol;
  add += "# prfaq build: the site, and its lock file and staging folders" + eol;
  for (auto line : missing) add += std::string(line) + eol;
  std::ofstream f(p, std::ios::binary | std::ios::app);
  f << add;
  if (!f.flush()) throw Fatal("cannot write " + p.string());
  out << "updated  .gitignore (added";
  for (std::size_t i = 0; i < missing.size(); ++i) out << (i ? ", " : " ") << missing[i];
  out << ")\n";
}

}  // namespace

int run_init(const Args& args, Io& io) {
  if (!args.positional.empty()) throw Fatal("prfaq init takes no arguments");
  // The top of the Git work tree when there is one (prfaq.toml sits next to
  // .git), else the current folder.
  fs::path root = io.cwd;
  std::error_code ec;
  for (fs::path p = root;; p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) {
      root = p;
      break;
    }
    if (p == p.parent_path()) break;
  }
  // Never through a symbolic link: a content/ linking out of the repository
  // is refused rather than written into.
  auto write_new = [&](std::string_view rel, std::string_view text) {
    bool made = create_file_inside(root, rel, text) == Created::created;
    io.out << (made ? "created  " : "kept     ") << rel << (made ? "\n" : " (exists)\n");
  };
  write_new("prfaq.toml", default_config_text());
  io.out << (create_folder_inside(root, "content") ? "created  content/\n" : "kept     content/ (exists)\n");
  write_new("content/_template.md", *find_embedded(builtin_templates(), "brief.md"));
  ensure_gitignore(root, io.out);
  // In a Git repository, the hooks too (a hook prfaq did not write is left
  // alone, with a word on how to chain it: init still succeeds).
  bool git = false;
  for (fs::path p = root;; p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) git = true;
    if (git || p == p.parent_path()) break;
  }
  if (git) {
    Io at_root{io.out, io.err, io.out_is_terminal, root.string()};
    install_hooks(at_root, false);
  }
  io.out << "\nNext: prfaq new \"Your product\"  (then prfaq check)\n";
  return 0;
}

}  // namespace prfaq
