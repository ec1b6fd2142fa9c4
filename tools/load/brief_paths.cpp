#include "load/brief_paths.h"

#include <string_view>
#include <unordered_set>

#include "source/source.h"

namespace prfaq {

std::vector<std::string> find_brief_paths(const std::vector<std::string>& files) {
  // Folders holding an index.md, as views into `files` (which outlives this).
  std::unordered_set<std::string_view> bundles;
  auto skipped = [](std::string_view path) {
    std::size_t i = 0;
    while (i < path.size()) {
      if (path[i] == '_' || path[i] == '.') return true;
      auto next = path.find('/', i);
      if (next == std::string_view::npos) break;
      i = next + 1;
    }
    return false;
  };
  for (auto& f : files)
    if (base_name(f) == "index.md" && dir_name(f).find('/') != std::string_view::npos && !skipped(f))
      bundles.insert(dir_name(f));
  std::vector<std::string> out;
  for (auto& f : files) {
    if (!f.starts_with("content/") || !f.ends_with(".md") || skipped(f)) continue;
    std::string_view dir = dir_name(f);
    if (base_name(f) == "index.md") {
      if (bundles.count(dir)) out.push_back(f);
      continue;
    }
    // Inside a bundle (at any depth): a resource, not a brief.
    bool inside = false;
    for (std::string_view d = dir; !d.empty() && !inside && !bundles.empty(); d = dir_name(d))
      inside = bundles.count(d) > 0;
    if (!inside) out.push_back(f);
  }
  return out;
}

}  // namespace prfaq
