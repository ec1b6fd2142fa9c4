#include <cstdlib>
#include <filesystem>

#include "check/checker.h"
#include "cli/commands.h"
#include "cli/repository.h"
#include "load/loader.h"
#include "report/report.h"
#include "source/fs_source.h"
#include "util/error.h"

namespace prfaq {

namespace fs = std::filesystem;

bool use_color(const Args& args, const Io& io) {
  std::string when = args.get("--color").value_or("auto");
  if (when == "always") return true;
  if (when == "never") return false;
  if (when != "auto") throw Fatal("--color takes auto, always or never, not '" + when + "'");
  return io.out_is_terminal && !std::getenv("NO_COLOR");
}

int run_check(const Args& args, Io& io) {
  Format format = Format::text;
  if (auto f = args.get("--format")) {
    auto parsed = parse_format(*f);
    if (!parsed) throw Fatal("unknown format '" + *f + "' (text, json, github, sarif)");
    format = *parsed;
  }
  bool color = use_color(args, io);
  Repository repo = open_repository(io.cwd);
  FsSource source(repo.root);
  CheckOptions options;
  if (auto j = args.get("--jobs")) {
    try {
      options.jobs = std::stoi(*j);
    } catch (...) {
      throw Fatal("--jobs takes a number, not '" + *j + "'");
    }
  }
  for (const auto& arg : args.positional) {
    std::string rel = repo.relative(io.cwd, arg);
    std::error_code ec;
    auto st = fs::symlink_status(repo.root / rel, ec);
    if (ec || !fs::exists(st)) throw Fatal(arg + ": no such file or folder");
    if (fs::is_directory(st)) {
      auto found = find_brief_paths(source.list(rel));
      options.only.insert(options.only.end(), found.begin(), found.end());
    } else if (rel.ends_with(".md")) {
      options.only.push_back(rel);
    } else {
      throw Fatal(arg + ": not a brief (a brief is a .md file)");
    }
  }
  if (!args.positional.empty() && options.only.empty()) {
    io.err << "prfaq: no briefs under the given paths\n";
    return 0;
  }
  CheckResult result = check_repository(source, repo.config, options);
  write_report(io.out, format, result, {color});
  return result.errors > 0 ? 1 : 0;
}

}  // namespace prfaq
