#pragma once
// Checks a set of briefs read from a Source: loads each brief (in parallel),
// runs the per-brief rules and the repository-wide rules on it (against
// every brief's slug, known from the listing), gives every finding its
// severity for the brief's status, drops what is off or suppressed, and
// sorts. Only a summary and the findings of each brief are kept once it is
// checked, so memory stays near one brief per thread.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "check/finding.h"
#include "check/suppressions.h"
#include "config/config.h"
#include "load/brief.h"
#include "source/source.h"

namespace prfaq {

struct BriefSummary {
  std::string path, slug, title, status, team, headline;
  std::vector<std::string> owner;
  std::optional<Status> readiness;  // highest status whose bar it meets; nullopt: not even idea
  std::vector<std::string> missing_for_next;  // messages of what the next status lacks
  int errors = 0, warnings = 0;
};

struct CheckOptions {
  // Report only these briefs (repository-relative paths), when only_given.
  std::vector<std::string> only;
  bool only_given = false;
  // Every brief's path, when the caller has listed them already.
  const std::vector<std::string>* all_briefs = nullptr;
  // The symbolic links and submodules to report (symlink-skipped,
  // submodule-skipped). When null: all of those under content/ when every
  // brief is checked and check_repository lists them itself, else none.
  const std::vector<SkippedEntry>* skipped = nullptr;
  int jobs = 0;  // 0: one per hardware thread
  // Called with every brief once it is loaded and its own rules have run,
  // on the worker thread that loaded it (so it must be thread-safe), before
  // the brief is dropped: the site renders pages from it without loading
  // the brief a second time. `index` is the brief's position in the result.
  std::function<void(const Brief&, std::size_t index)> on_loaded;
};

struct CheckResult {
  std::vector<Finding> findings;      // sorted, severity resolved, none off
  std::vector<BriefSummary> briefs;   // in path order
  int errors = 0, warnings = 0;
};

CheckResult check_repository(const Source& source, const Config& config, const CheckOptions& options = {});

// The highest status on the ladder none of whose requirements fails. The
// raw findings are those of one brief before severity. With a config, a
// requirement counts only where its severity at that status is error (so
// `placeholder = "off"` or a per-status "warning" does not hold a brief
// back); with suppressions, a suppressed finding does not count.
std::optional<Status> readiness(const std::vector<Finding>& raw, bool loaded, const Config* config = nullptr,
                                const Suppressions* suppressions = nullptr);

}  // namespace prfaq
