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
};

CheckResult check_change(const ChangeCheck& in);

}  // namespace prfaq
