#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "cli/hook_install.h"
#include "config/config.h"
#include "util/embedded.h"
#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

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
  auto write_new = [&](const fs::path& rel, std::string_view text) {
    fs::path p = root / rel;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(p, ec))) {
      io.out << "kept     " << rel.generic_string() << " (exists)\n";
      return;
    }
    std::ofstream f(p, std::ios::binary);
    f << text;
    if (!f.flush()) throw Fatal("cannot write " + p.string());
    io.out << "created  " << rel.generic_string() << '\n';
  };
  write_new("prfaq.toml", default_config_text());
  if (fs::is_directory(root / "content", ec)) {
    io.out << "kept     content/ (exists)\n";
  } else {
    if (!fs::create_directories(root / "content", ec)) throw Fatal("cannot create " + (root / "content").string());
    io.out << "created  content/\n";
  }
  write_new("content/_template.md", *find_embedded(builtin_templates(), "brief.md"));
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
