#include <algorithm>
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
  const char* no_color = std::getenv("NO_COLOR");  // no-color.org: set and not empty
  return io.out_is_terminal && !(no_color && *no_color);
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
  // Paths name briefs, or folders whose briefs to check: a brief is
  // content/**/SLUG.md or a bundle's index.md, never a template or a
  // bundle's resource.
  if (!args.positional.empty()) {
    options.only_given = true;
    std::vector<std::string> briefs = find_brief_paths(source.list("content"));
    for (const auto& arg : args.positional) {
      std::string rel = repo.relative(io.cwd, arg);
      std::error_code ec;
      auto st = fs::symlink_status(repo.root / rel, ec);
      if (ec || !fs::exists(st)) throw Fatal(arg + ": no such file or folder");
      if (fs::is_directory(st)) {
        std::string prefix = rel.empty() ? "" : rel + "/";
        for (const auto& b : briefs)
          if (b.starts_with(prefix)) options.only.push_back(b);
      } else if (std::find(briefs.begin(), briefs.end(), rel) != briefs.end()) {
        options.only.push_back(rel);
      } else {
        throw Fatal(arg + " is not a brief (briefs are content/**/SLUG.md and content/**/SLUG/index.md; "
                          "names starting with '_' are not briefs)");
      }
    }
    if (options.only.empty()) {
      io.err << "prfaq: no briefs under the given paths\n";
      return 0;
    }
  }
  CheckResult result = check_repository(source, repo.config, options);
  write_report(io.out, format, result, {color});
  return result.errors > 0 ? 1 : 0;
}

}  // namespace prfaq
