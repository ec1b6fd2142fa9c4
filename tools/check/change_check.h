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

// Another parent of a merge: its version, and what the merge changes from it.
struct MergeParent {
  const Source* source;
  std::vector<Change> changes;
};

struct ChangeCheck {
  const Source& after;    // the index, or the pushed commit's tree
  const Source* before;   // HEAD or the push's base; null when there is none
  std::vector<Change> changes;
  const Config& config;
  // Compare statuses between `before` and `after` (a push checks each
  // pushed commit instead: transition_findings()).
  bool check_transitions = true;
  // A merge's parents other than `before` (MERGE_HEAD): a status one of
  // them already had is not a move the merge makes.
  std::vector<MergeParent> merged{};
};

CheckResult check_change(const ChangeCheck& in);

// status-transition findings for the briefs `changes` modifies or renames
// between two versions (briefs of `after`: not a template, nor a bundle's
// resource); `commit` (may be empty) says where it happened.
std::vector<Finding> transition_findings(const Source& before, const Source& after, const std::vector<Change>& changes,
                                         const Config& config, const std::string& commit);
// The status-transition findings (against a merge's first parent) that
// the merge makes itself: those no other parent allows. A brief whose
// status the merge takes from one side moved on that side, in commits
// judged when they were made; a merge counts as changing what differs from
// every parent, as `git log` counts it.
std::vector<Finding> moved_by_merge(std::vector<Finding> found, const Source& after,
                                    const std::vector<MergeParent>& others, const Config& config);
// Adds findings to a result: counts and order kept right.
void add_findings(CheckResult& r, std::vector<Finding> more);

}  // namespace prfaq
