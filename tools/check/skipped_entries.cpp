#include "check/skipped_entries.h"

namespace prfaq {

namespace {

bool hidden(std::string_view path) {
  for (std::size_t i = 0; i < path.size(); ++i)
    if (path[i] == '.' && (i == 0 || path[i - 1] == '/')) return true;
  return false;
}

}  // namespace

std::vector<Finding> skipped_entry_findings(const std::vector<SkippedEntry>& skipped, const Config& config) {
  std::vector<Finding> out;
  for (const auto& e : skipped) {
    if (hidden(e.path)) continue;
    bool link = e.kind == SkippedEntry::Kind::symlink;
    const char* rule = link ? "symlink-skipped" : "submodule-skipped";
    Severity severity = config.severity_for(rule, std::nullopt, std::nullopt);
    if (severity == Severity::off) continue;
    out.push_back({e.path, {1, 1}, rule,
                   link ? "a symbolic link: prfaq follows none, so it is neither checked nor published "
                          "(commit the file itself here)"
                        : "a submodule or a repository of its own: the files in it are neither checked nor "
                          "published",
                   severity, std::nullopt});
  }
  return out;
}

}  // namespace prfaq
