#include "load/brief_paths.h"

#include <unordered_set>

namespace prfaq {

namespace {

// A name in the path starts with '_' or '.': not a brief, nor a bundle.
bool has_skipped_name(std::string_view path) {
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '_' || path[i] == '.') return true;
    auto next = path.find('/', i);
    if (next == std::string_view::npos) break;
    i = next + 1;
  }
  return false;
}

bool is_bundle_index(std::string_view path) {
  // content/index.md is no bundle: a bundle folder is below content/.
  return base_name(path) == "index.md" && dir_name(path).find('/') != std::string_view::npos;
}

// The folder whose bundles would hold the .md file at `path`: its own for
// a file, the one above its own for an index.md (a bundle does not hold
// itself).
std::string_view first_enclosing_folder(std::string_view path) {
  std::string_view dir = dir_name(path);
  return base_name(path) == "index.md" ? dir_name(dir) : dir;
}

bool may_be_brief(std::string_view path) {
  return path.starts_with("content/") && path.ends_with(".md") && !has_skipped_name(path) &&
         (base_name(path) != "index.md" || is_bundle_index(path));
}

}  // namespace

std::vector<std::string> find_brief_paths(const std::vector<std::string>& files) {
  // Folders holding an index.md, as views into `files` (which outlives this).
  std::unordered_set<std::string_view> bundles;
  for (auto& f : files)
    if (is_bundle_index(f) && !has_skipped_name(f)) bundles.insert(dir_name(f));
  auto in_bundle = [&](std::string_view dir) {
    for (std::string_view d = dir; !d.empty() && !bundles.empty(); d = dir_name(d))
      if (bundles.count(d)) return true;
    return false;
  };
  std::vector<std::string> out;
  for (auto& f : files)
    if (may_be_brief(f) && !in_bundle(first_enclosing_folder(f))) out.push_back(f);
  return out;
}

bool is_brief_path(std::string_view path, const Source& source) {
  if (!may_be_brief(path)) return false;
  for (std::string_view d = first_enclosing_folder(path); d.find('/') != std::string_view::npos; d = dir_name(d))
    if (source.is_file(std::string(d) + "/index.md")) return false;
  return true;
}

}  // namespace prfaq
