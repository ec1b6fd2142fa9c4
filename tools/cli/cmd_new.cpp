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
#include "cli/repository.h"
#include "util/slugify.h"
#include "load/date.h"
#include "load/brief.h"
#include "load/brief_paths.h"
#include "source/fs_source.h"
#include "source/libgit2.h"
#include "util/embedded.h"
#include "util/error.h"

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
  if (auto d = args.get("--dir")) {
    std::string_view want = *d;
    if (want.starts_with("content/")) want.remove_prefix(8);  // "content/payments" means "payments"
    auto rel = resolve_relative("content", want);
    if (!rel || !rel->starts_with("content/")) throw Fatal("--dir must be a folder inside content/, not '" + *d + "'");
    for (std::size_t at = 0; at != std::string::npos; at = rel->find('/', at + 1))
      if ((*rel)[at + 1] == '_' || (*rel)[at + 1] == '.')
        throw Fatal("--dir '" + *d + "': folders starting with '_' or '.' hold no briefs");
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
  if (auto own = source.read("content/_template.md")) tmpl = *own;
  else tmpl = std::string(*find_embedded(builtin_templates(), "brief.md"));

  std::string owner = args.get("--owner").value_or(git_user_email(repo.root));
  kainjow::mustache::mustache m(tmpl);
  if (!m.is_valid()) throw Fatal("content/_template.md: " + m.error_message());
  m.set_custom_escape([](const std::string& s) { return toml_escape(s); });
  kainjow::mustache::data data;
  data.set("title", title);
  data.set("slug", slug);
  data.set("owner", owner);
  data.set("team", team.value_or(""));
  data.set("customer", customer.value_or(""));
  data.set("date", Date::today().str());
  std::string text = m.render(data);

  fs::path full = repo.root / path;
  std::error_code ec;
  fs::create_directories(full.parent_path(), ec);
  int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (errno == EEXIST) throw Fatal(path + " already exists; prfaq new never overwrites");
    throw Fatal("cannot create " + path + ": " + std::strerror(errno));
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = (::close(fd) == 0) && ok;
  if (!ok) throw Fatal("cannot write " + path);
  io.out << "created " << path << (owner.empty() ? " (no owner: set git config user.email or use --owner)" : "")
         << '\n';
  return 0;
}

}  // namespace prfaq
