#pragma once
// The check a hook runs on a change (a commit about to be made, or pushed
// commits): the briefs the change adds, modifies or renames, checked as they
// will be, with the repository-wide rules against the whole new state; the
// unchanged briefs that link to or name a brief the change deletes or
// renames away; every brief when prfaq.toml changes; and status moves
// against the allowed transitions (rule status-transition).
#include <vector>

#include "check/checker.h"
#include "source/git_changes.h"

namespace prfaq {

struct ChangeCheck {
  const Source& after;    // the index, or the pushed commit's tree
  const Source* before;   // HEAD or the push's base; null when there is none
  std::vector<Change> changes;
  const Config& config;
  // Compare statuses between `before` and `after` (a push checks each
  // pushed commit instead: transition_findings()).
  bool check_transitions = true;
};

CheckResult check_change(const ChangeCheck& in);

// status-transition findings for the briefs `changes` modifies or renames
// between two versions (briefs of `after`: not a template, nor a bundle's
// resource); `commit` (may be empty) says where it happened.
std::vector<Finding> transition_findings(const Source& before, const Source& after, const std::vector<Change>& changes,
                                         const Config& config, const std::string& commit);
// Adds findings to a result: counts and order kept right.
void add_findings(CheckResult& r, std::vector<Finding> more);

}  // namespace prfaq
