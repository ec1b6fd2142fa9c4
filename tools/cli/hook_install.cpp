#include "cli/hook_install.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "source/git_repo.h"
#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMarker = "# prfaq-hook:";
// pre-merge-commit: Git runs it, not pre-commit, for a merge with no conflict.
constexpr std::string_view kHooks[] = {"pre-commit", "pre-push", "pre-merge-commit"};

fs::path hooks_dir(const GitRepo& repo) {
  git_config* raw = nullptr;
  git_check(git_repository_config_snapshot(&raw, repo.get()), "reading the Git configuration");
  GitConfig cfg(raw);
  const char* value = nullptr;
  if (git_config_get_string(&value, cfg.get(), "core.hooksPath") == 0 && value && *value) {
    fs::path p = value;
    if (p.string().starts_with("~/"))
      if (const char* home = std::getenv("HOME")) p = fs::path(home) / p.string().substr(2);
    if (p.is_relative()) p = (repo.bare() ? repo.git_dir() : repo.workdir()) / p;
    return p.lexically_normal();
  }
  return (repo.common_dir() / "hooks").lexically_normal();
}

std::string self_path() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("prfaq") : p.string();
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The hook script, around the quoted path of the prfaq it runs.
std::string shim_head(std::string_view hook) {
  std::ostringstream s;
  s << "#!/bin/sh\n"
    << kMarker << " written by `prfaq hook install`; `prfaq hook uninstall` removes it.\n"
    << "# It runs prfaq's " << hook << " check: the installing prfaq if it is still there,\n"
    << "# else the prfaq on PATH.\n"
    << "prfaq=";
  return s.str();
}
std::string shim_tail(std::string_view hook) {
  return "\n[ -x \"$prfaq\" ] || prfaq=prfaq\nexec \"$prfaq\" hook " + std::string(hook) + " \"$@\"\n";
}
std::string shim(std::string_view hook) { return shim_head(hook) + shell_quote(self_path()) + shim_tail(hook); }

// Whether the hook at `p` is one prfaq wrote for `hook`, as it wrote it
// (whichever prfaq's path it names). A hook with the marker that someone
// has since edited is theirs: install leaves it, uninstall keeps it.
bool ours(const fs::path& p, std::string_view hook) {
  std::ifstream in(p, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string head = shim_head(hook), tail = shim_tail(hook);
  if (text.size() < head.size() + tail.size() + 2 || !text.starts_with(head) || !text.ends_with(tail)) return false;
  std::string_view path(text.data() + head.size(), text.size() - head.size() - tail.size());
  return path.front() == '\'' && path.back() == '\'' && path.find('\n') == std::string_view::npos;
}

}  // namespace

int install_hooks(Io& io, bool force) {
  GitRepo repo = GitRepo::open(io.cwd);
  fs::path dir = hooks_dir(repo);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Fatal("cannot create " + dir.string() + ": " + ec.message());
  int left = 0;
  for (auto hook : kHooks) {
    fs::path p = dir / hook;
    bool exists = fs::exists(fs::symlink_status(p, ec));
    if (exists && !ours(p, hook) && !force) {
      io.err << "prfaq: " << p.string() << " exists and was not written by prfaq (or was changed since): "
             << "left as it is.\n"
             << "  To run both, add this line to it:  prfaq hook " << hook << " \"$@\" || exit 1\n"
             << (hook == std::string_view("pre-push")
                     ? "  (pre-push also needs its standard input: see docs/reference.md, Hooks)\n"
                     : "")
             << "  To replace it: prfaq hook install --force\n";
      ++left;
      continue;
    }
    fs::path tmp = p;
    tmp += ".prfaq-tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << shim(hook);
      if (!out.flush()) throw Fatal("cannot write " + tmp.string());
    }
    ::chmod(tmp.c_str(), 0755);
    fs::rename(tmp, p, ec);
    if (ec) throw Fatal("cannot write " + p.string() + ": " + ec.message());
    io.out << (exists ? "replaced  " : "installed ") << p.string() << '\n';
  }
  return left ? 1 : 0;
}

int uninstall_hooks(Io& io) {
  GitRepo repo = GitRepo::open(io.cwd);
  fs::path dir = hooks_dir(repo);
  std::error_code ec;
  for (auto hook : kHooks) {
    fs::path p = dir / hook;
    if (!fs::exists(fs::symlink_status(p, ec))) continue;
    if (!ours(p, hook)) {
      io.out << "kept    " << p.string() << " (not written by prfaq, or changed since)\n";
      continue;
    }
    fs::remove(p, ec);
    if (ec) throw Fatal("cannot remove " + p.string() + ": " + ec.message());
    io.out << "removed " << p.string() << '\n';
  }
  return 0;
}

}  // namespace prfaq
