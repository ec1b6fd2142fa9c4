#pragma once
// Which repository files are briefs: content/**/x.md and bundles
// content/**/x/index.md. Names starting with '_' or '.' are skipped, and so
// is content/index.md; other .md files inside a bundle are its resources.
// The one rule for every source (the working tree, the Git index, a
// commit's tree), so that check, the hooks, list and the site agree.
#include <string>
#include <vector>

namespace prfaq {

// The briefs among `files` (a listing of content/), in their order.
std::vector<std::string> find_brief_paths(const std::vector<std::string>& files);

}  // namespace prfaq
