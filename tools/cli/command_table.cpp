#include "cli/command.h"

#include "cli/commands.h"
#include "util/error.h"
#include "util/suggest.h"

namespace prfaq {

namespace {

const OptionSpec kFormat{"--format", "FORMAT", "output format: text (default), json, github or sarif"};

const std::vector<Command>& table() {
  static const std::vector<Command> t = {
      {"check", "check briefs against the format, the readiness ladder and the style rules",
       "prfaq check [options] [PATH...]",
       "Checks every brief under content/ (or the briefs in the given files and folders)\n"
       "and prints each finding as FILE:LINE:COL: SEVERITY: MESSAGE [RULE].\n"
       "Exit status: 0 no errors, 1 errors found, 2 prfaq could not run.",
       {kFormat,
        {"--color", "WHEN", "colour the text output: auto (default: on a terminal, unless NO_COLOR is set and not empty), always, never"},
        {"--jobs", "N", "threads to use (default: one per CPU)"},
        {"--staged", "", "check what is staged in the Git index (what the next commit will hold)"},
        {"--rev", "REV", "check the briefs of a commit (a branch, tag or id); works in a bare repository"}},
       run_check},
      {"build", "build the static site of every brief", "prfaq build [options]",
       "Renders every brief, the listings by status, team, tag and owner, a timeline,\n"
       "search, an Atom feed, sitemap.xml and briefs.json into public/ (or --out), from\n"
       "the working tree or from a commit (--rev, no checkout needed). The new site is\n"
       "written beside the old one and swapped in whole; pages whose inputs did not\n"
       "change are reused. A brief with errors is published with its findings on its page.\n"
       "Exit status: 0 built, 1 refused by --strict, 2 prfaq could not run.",
       {{"--out", "DIR", "where the site goes (default: public/ at the repository's top)"},
        {"--rev", "REV", "build the briefs of a commit (a branch, tag or id); works in a bare repository"},
        {"--base-url", "URL", "the address the site is published at (default: [site] base_url)"},
        {"--strict", "", "fail the build, writing nothing, when any brief has an error"},
        {"--jobs", "N", "threads to use (default: one per CPU)"}},
       run_build},
      {"serve", "preview the site: build, serve on localhost, rebuild on every change",
       "prfaq serve [options]",
       "Builds the site of the working tree into a private folder (never public/) and serves\n"
       "it at http://127.0.0.1:1717/. Every save under content/ or site-theme/, or of\n"
       "prfaq.toml, rebuilds what changed and reloads the open pages. Each brief's page shows\n"
       "a panel of its findings and of what it lacks for its next status; a published build\n"
       "never has it. A build that fails (a broken template) is reported, and the last good\n"
       "one stays served. Ctrl-C stops the server and removes the private folder.\n"
       "Exit status: 0 stopped, 2 prfaq could not run (a port in use, a broken prfaq.toml).",
       {{"--port", "N", "the port to listen on (default: 1717; 0: any free port, printed)"},
        {"--bind", "ADDR", "the address to listen on (default: 127.0.0.1, this machine only)"},
        {"--open", "", "open the address in a browser (xdg-open), when there is one"}},
       run_serve},
      {"list", "list the briefs: status, readiness, owner, team, created, updated", "prfaq list [options]",
       "Readiness is the highest status whose bar the brief meets; a brief whose\n"
       "readiness is below its status is incomplete.",
       {{"--format", "FORMAT", "text (default) or json"},
        {"--status", "STATUS", "only briefs with this status", true},
        {"--team", "TEAM", "only briefs of this team", true},
        {"--owner", "EMAIL", "only briefs this person owns", true}},
       run_list},
      {"log", "a brief's history from Git: created, updated, authors, commits", "prfaq log [options] SLUG",
       "Follows renames. Dates are commit dates (UTC). In a shallow clone the history\n"
       "stops at the clone's boundary, and prfaq says so.",
       {{"--format", "FORMAT", "text (default) or json"}},
       run_log},
      {"new", "create a brief from the template", "prfaq new [options] \"Title\"",
       "Writes content/[DIR/]SLUG.md (or SLUG/index.md with --bundle) from the repository's\n"
       "content/_template.md, or the built-in template. The slug comes from the title; the\n"
       "owner from `git config user.email`; the status is idea. Never overwrites a file.\n"
       "Without a title, on a terminal, it asks for the title, the customer and the team\n"
       "(those not given as options; an empty answer leaves one empty).",
       {{"--slug", "SLUG", "use this slug instead of one made from the title"},
        {"--dir", "DIR", "folder under content/ to put the brief in (e.g. payments)"},
        {"--team", "TEAM", "the team"},
        {"--customer", "CUSTOMER", "who the customer is"},
        {"--owner", "EMAIL", "the owner (default: git config user.email)"},
        {"--bundle", "", "create a bundle folder SLUG/index.md, for briefs with images"}},
       run_new},
      {"init", "make this folder a briefs repository", "prfaq init",
       "Creates prfaq.toml (every default written out, commented), content/ and\n"
       "content/_template.md, and in a Git repository installs the hooks (prfaq hook\n"
       "install). Existing files and hooks prfaq did not write are left alone.",
       {},
       run_init},
      {"hook", "the Git hooks: pre-commit, pre-push, pre-receive; install and uninstall them",
       "prfaq hook pre-commit|pre-merge-commit|pre-push|pre-receive|install|uninstall",
       "pre-commit checks what is staged: the briefs the commit adds, changes or renames,\n"
       "as they will be committed, plus the repository-wide rules against the whole index\n"
       "and status moves against [transitions]. Errors block the commit; warnings are shown.\n"
       "pre-merge-commit is the same check, for a merge Git commits without a conflict.\n"
       "Files named after pre-commit (the pre-commit framework passes them) are checked too,\n"
       "as staged, when they are briefs.\n"
       "pre-push (stdin: <local ref> <local oid> <remote ref> <remote oid>) and pre-receive\n"
       "(stdin: <old oid> <new oid> <ref>) check the briefs the pushed commits change, at each\n"
       "new tip. install writes pre-commit, pre-merge-commit and pre-push where Git runs\n"
       "hooks (core.hooksPath or .git/hooks); a hook prfaq did not write is left alone\n"
       "unless --force.",
       {{"--force", "", "install: replace hooks prfaq did not write"}},
       run_hook},
      {"rules", "list every rule: id, default severity, description", "prfaq rules [options]",
       "Ladder rules are errors from the status shown (and silent below it).",
       {{"--format", "FORMAT", "text (default) or json"}},
       run_rules},
  };
  return t;
}

}  // namespace

std::optional<std::string> Args::get(std::string_view o) const {
  auto it = options.find(o);
  if (it == options.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::span<const Command> commands() { return table(); }

const Command* find_command(std::string_view name) {
  for (const auto& c : table())
    if (c.name == name) return &c;
  return nullptr;
}

Args parse_args(const Command& cmd, std::span<const std::string> argv) {
  Args a;
  bool only_positional = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (only_positional || arg.size() < 2 || arg[0] != '-') {
      a.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg, value;
    bool inline_value = false;
    if (auto eq = arg.find('='); eq != std::string::npos && arg.starts_with("--")) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      inline_value = true;
    }
    if (name == "--help" || name == "-h") {
      a.options["--help"].push_back("");
      continue;
    }
    const OptionSpec* spec = nullptr;
    for (const auto& o : cmd.options)
      if (o.name == name) spec = &o;
    if (!spec) {
      std::vector<std::string_view> names;
      for (const auto& o : cmd.options) names.push_back(o.name);
      throw Fatal("prfaq " + std::string(cmd.name) + ": unknown option '" + name + "'" + did_you_mean(name, names) +
                  "; see 'prfaq " + std::string(cmd.name) + " --help'");
    }
    if (spec->value.empty()) {
      if (inline_value) throw Fatal("option " + name + " takes no value");
    } else if (!inline_value) {
      if (i + 1 >= argv.size()) throw Fatal("option " + name + " needs a value (" + std::string(spec->value) + ")");
      value = argv[++i];
    }
    if (!spec->repeat && a.options.count(name)) throw Fatal("option " + name + " given twice");
    a.options[name].push_back(value);
  }
  return a;
}

void print_command_help(std::ostream& out, const Command& cmd) {
  out << "usage: " << cmd.usage << "\n\n" << cmd.summary << ".\n";
  if (!cmd.details.empty()) out << '\n' << cmd.details << '\n';
  out << "\noptions:\n";
  auto line = [&](std::string left, std::string_view help) {
    out << "  " << left;
    if (left.size() < 22) out << std::string(22 - left.size(), ' ');
    else out << "\n" << std::string(24, ' ');
    out << help << '\n';
  };
  for (const auto& o : cmd.options) {
    std::string left(o.name);  // appended, not "a" + b: GCC 12 -O3 warns falsely (-Wrestrict)
    if (!o.value.empty()) left.append(" ").append(o.value);
    line(left, o.help);
  }
  line("-h, --help", "show this help");
}

void print_main_help(std::ostream& out) {
  out << "usage: prfaq [-C DIR] COMMAND [options]\n\n"
         "prfaq checks Working Backwards PR/FAQ briefs kept in a Git repository, and guards\n"
         "commits and pushes with Git hooks.\n\n"
         "commands:\n";
  for (const auto& c : table()) {
    std::string name(c.name);
    out << "  " << name << std::string(name.size() < 10 ? 10 - name.size() : 1, ' ') << c.summary << '\n';
  }
  out << "\nglobal options:\n"
         "  -C DIR      run as if prfaq was started in DIR\n"
         "  --version   print the version\n"
         "  -h, --help  show this help\n\n"
         "'prfaq COMMAND --help' shows a command's options.\n";
}

}  // namespace prfaq
