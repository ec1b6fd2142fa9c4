#include <fcntl.h>
#include <git2.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <kainjow/mustache.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/create_inside.h"
#include "cli/repository.h"
#include "util/slugify.h"
#include "load/date.h"
#include "load/brief.h"
#include "load/brief_paths.h"
#include "load/loader.h"
#include "source/fs_source.h"
#include "source/libgit2.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/mustache_error.h"

namespace prfaq {

namespace fs = std::filesystem;

namespace {

// user.email from Git's configuration (the repository's, then global),
// empty when there is none.
std::string git_user_email(const fs::path& root) {
  libgit2_init_once();
  std::string email;
  git_repository* repo = nullptr;
  git_config* cfg = nullptr;
  if (git_repository_open_ext(&repo, root.c_str(), 0, nullptr) == 0) {
    git_repository_config_snapshot(&cfg, repo);
  } else {
    git_config* live = nullptr;
    if (git_config_open_default(&live) == 0) {
      git_config_snapshot(&cfg, live);
      git_config_free(live);
    }
  }
  const char* value = nullptr;
  if (cfg && git_config_get_string(&value, cfg, "user.email") == 0 && value) email = value;
  git_config_free(cfg);
  git_repository_free(repo);
  return email;
}

// Escapes a value for a TOML basic string (the template puts values in "...").
std::string toml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20) out += ' ';
    else out += c;
  }
  return out;
}

// One line typed at a terminal after `prompt`, without the spaces around
// it; nullopt at the end of input (Ctrl-D).
std::optional<std::string> ask(Io& io, std::string_view prompt) {
  io.out << prompt << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) {
    io.out << '\n';
    return std::nullopt;
  }
  auto first = line.find_first_not_of(" \t\r");
  if (first == std::string::npos) return std::string();
  return line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
}

// A template whose brief would not load (no front matter, not TOML, keys of
// the wrong type) is refused before anything is written: a brief fresh
// from the template is meant to pass prfaq check at idea.
void refuse_unloadable(const std::string& text, const std::string& path, const Config& config) {
  Brief b = load_brief(path, text, config);
  for (const auto& f : b.findings)
    if (f.severity == Severity::error)
      throw Fatal("content/_template.md makes a brief that does not load (line " + std::to_string(f.pos.line) +
                  " of it: " + f.message + " [" + f.rule + "]); nothing was created");
}

}  // namespace

int run_new(const Args& args, Io& io) {
  // On a terminal, without a title, it asks; elsewhere (scripts, hooks) the
  // title is an argument, as a prompt would wait for input that never comes.
  bool asking = args.positional.empty() && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  if (args.positional.size() != 1 && !asking)
    throw Fatal("prfaq new takes one title, in quotes: prfaq new \"Instant Refunds\"");
  std::optional<std::string> team = args.get("--team"), customer = args.get("--customer");
  std::string title;
  if (asking) {
    auto answer = ask(io, "Title: ");
    if (!answer || answer->empty()) throw Fatal("a brief needs a title; nothing was created");
    title = *answer;
    if (!customer) customer = ask(io, "Customer: ");
    if (!team) team = ask(io, "Team: ");
  } else {
    title = args.positional[0];
  }
  Repository repo = open_repository(io.cwd);
  std::string slug = args.get("--slug").value_or(slugify(title));
  if (slug.empty()) throw Fatal("cannot make a slug from \"" + title + "\"; give one with --slug");
  if (!is_valid_slug(slug))
    throw Fatal("'" + slug + "' is not a valid slug: a-z, 0-9 and '-', starting with a letter or digit, at most 64");

  std::string dir = "content";
  bool hidden = false;  // under a folder starting with '_', which check and list pass over
  if (auto d = args.get("--dir")) {
    std::string_view want = *d;
    if (want.starts_with("content/")) want.remove_prefix(8);  // "content/payments" means "payments"
    auto rel = resolve_relative("content", want);
    if (!rel || !rel->starts_with("content/")) throw Fatal("--dir must be a folder inside content/, not '" + *d + "'");
    for (std::size_t at = 0; at != std::string::npos; at = rel->find('/', at + 1)) {
      if ((*rel)[at + 1] == '.') throw Fatal("--dir '" + *d + "': folders starting with '.' hold no briefs");
      hidden |= (*rel)[at + 1] == '_';
    }
    dir = *rel;
  }
  FsSource source(repo.root);
  std::string lower_slug = slug;
  for (const auto& p : find_brief_paths(source.list("content"))) {
    std::string other = slug_of(p);
    std::string lo = other;
    std::transform(lo.begin(), lo.end(), lo.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lo == lower_slug) throw Fatal("a brief with slug '" + other + "' already exists: " + p + " (pick another with --slug)");
  }
  std::string path = dir + "/" + slug + (args.has("--bundle") ? "/index.md" : ".md");

  std::string tmpl;
  if (auto own = source.read("content/_template.md")) {
    tmpl = *own;
  } else {
    std::error_code ec;
    if (fs::is_symlink(repo.root / "content/_template.md", ec))
      io.err << "prfaq: warning: content/_template.md is a symbolic link, which prfaq never follows; "
                "using the built-in template\n";
    tmpl = std::string(*find_embedded(builtin_templates(), "brief.md"));
  }

  std::string owner = args.get("--owner").value_or(git_user_email(repo.root));
  kainjow::mustache::mustache m(tmpl);
  if (!m.is_valid()) throw Fatal(mustache_error("content/_template.md", tmpl, m.error_message()));
  m.set_custom_escape([](const std::string& s) { return toml_escape(s); });
  kainjow::mustache::data data;
  data.set("title", title);
  data.set("slug", slug);
  data.set("owner", owner);
  data.set("team", team.value_or(""));
  data.set("customer", customer.value_or(""));
  data.set("date", Date::today().str());
  std::string text = m.render(data);
  if (!m.is_valid()) throw Fatal(mustache_error("content/_template.md", tmpl, m.error_message()));
  refuse_unloadable(text, path, repo.config);

  if (create_file_inside(repo.root, path, text) == Created::exists)
    throw Fatal(path + " already exists; prfaq new never overwrites");
  io.out << "created " << path << (owner.empty() ? " (no owner: set git config user.email or use --owner)" : "")
         << '\n';
  if (hidden) io.out << "note: " << dir << "/ starts with '_': check and list pass over the briefs there\n";
  return 0;
}

}  // namespace prfaq
