#pragma once
// Rules symlink-skipped and submodule-skipped: what a listing of content/
// left out on purpose, said out loud, so that a brief committed as a
// symbolic link (or a folder of briefs that is a submodule) is not missing
// from the check and the site without a word.
#include <vector>

#include "check/finding.h"
#include "config/config.h"
#include "source/source.h"

namespace prfaq {

// One finding at 1:1 of each skipped entry, except those with a component
// that starts with "." (prfaq ignores those files anyway). Severities come
// from the config; findings of a rule that is off are dropped.
std::vector<Finding> skipped_entry_findings(const std::vector<SkippedEntry>& skipped, const Config& config);

}  // namespace prfaq
