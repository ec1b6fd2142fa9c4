#pragma once
// Which repository files are briefs: content/**/x.md and bundles
// content/**/x/index.md. Names starting with '_' or '.' are skipped, and so
// is content/index.md; every other .md file inside a bundle folder, at any
// depth, is one of its resources, an index.md in a sub-folder included.
// The one rule for every source (the working tree, the Git index, a
// commit's tree), so that check, the hooks, list and the site agree.
#include <string>
#include <string_view>
#include <vector>

#include "source/source.h"

namespace prfaq {

// The briefs among `files` (a listing of content/), in their order.
std::vector<std::string> find_brief_paths(const std::vector<std::string>& files);

// Whether the file at `path` is a brief of `source`: the same answer as
// find_brief_paths over its listing, found by asking the source about the
// index.md of each folder above the file only, for a hook that looks at
// the few files a commit changes without listing its whole tree.
bool is_brief_path(std::string_view path, const Source& source);

}  // namespace prfaq
