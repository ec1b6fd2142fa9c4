#include "check/change_check.h"

#include <algorithm>
#include <map>
#include <set>

#include "load/loader.h"

namespace prfaq {

namespace {

std::string_view base_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// status-transition: a brief whose status moved in a way [transitions]
// does not allow, at its status key.
void check_transitions(const ChangeCheck& in, const std::vector<std::string>& targets, CheckResult& result) {
  if (!in.before) return;
  std::map<std::string, std::string> old_path_of;  // new path -> path before
  for (const auto& c : in.changes)
    if (!c.old_path.empty() && !c.new_path.empty() && c.kind != Change::Kind::copied)
      old_path_of[c.new_path] = c.old_path;
  for (const auto& path : targets) {
    auto old = old_path_of.find(path);
    if (old == old_path_of.end()) continue;  // a new brief starts where it likes
    auto old_bytes = in.before->read(old->second);
    auto new_bytes = in.after.read(path);
    if (!old_bytes || !new_bytes) continue;
    Brief was = load_brief(old->second, std::move(*old_bytes), in.config);
    Brief now = load_brief(path, std::move(*new_bytes), in.config);
    if (!was.fm.status || !now.fm.status || *was.fm.status == *now.fm.status) continue;
    auto allowed = in.config.transitions.find(*now.fm.status);
    if (allowed == in.config.transitions.end()) continue;
    const auto& from = allowed->second;
    if (std::find(from.begin(), from.end(), *was.fm.status) != from.end()) continue;
    Severity sev = in.config.severity_for("status-transition", now.fm.status, std::nullopt);
    if (sev == Severity::off || now.suppressions.suppressed("status-transition", now.fm.status_text.pos.line)) continue;
    std::string list;
    for (std::size_t i = 0; i < from.size(); ++i) list += (i ? (i + 1 == from.size() ? " or " : ", ") : "") + std::string(to_string(from[i]));
    result.findings.push_back({path, now.fm.status_text.pos, "status-transition",
                               "status moved from " + std::string(to_string(*was.fm.status)) + " to " +
                                   std::string(to_string(*now.fm.status)) + "; " +
                                   std::string(to_string(*now.fm.status)) + " may only follow " +
                                   (list.empty() ? "nothing" : list) + " ([transitions] in prfaq.toml)",
                               sev, std::nullopt});
    for (auto& b : result.briefs)
      if (b.path == path) (sev == Severity::error ? b.errors : b.warnings)++;
    (sev == Severity::error ? result.errors : result.warnings)++;
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
}

}  // namespace

CheckResult check_change(const ChangeCheck& in) {
  std::vector<std::string> all = find_brief_paths(in.after.list("content"));
  std::set<std::string> briefs(all.begin(), all.end());
  std::set<std::string> targets;
  bool config_changed = false;
  std::set<std::string> gone;  // slugs and file names that no longer exist
  std::set<std::string> slugs;
  for (const auto& p : all) slugs.insert(slug_of(p));
  for (const auto& c : in.changes) {
    if (c.old_path == "prfaq.toml" || c.new_path == "prfaq.toml") config_changed = true;
    if (!c.new_path.empty() && briefs.count(c.new_path)) targets.insert(c.new_path);
    bool moved_away = c.kind == Change::Kind::deleted || c.kind == Change::Kind::renamed;
    if (moved_away && c.old_path.starts_with("content/") && !in.after.exists(c.old_path)) {
      if (c.old_path.ends_with(".md") && !slugs.count(slug_of(c.old_path))) gone.insert(slug_of(c.old_path));
      gone.insert(std::string(base_name(c.old_path)));
    }
  }
  if (config_changed) targets.insert(all.begin(), all.end());
  // Unchanged briefs that may point at what is gone: any whose text names
  // it. (Only when something is deleted or renamed away, so the common
  // commit reads no brief it does not change.)
  if (!gone.empty())
    for (const auto& p : all) {
      if (targets.count(p)) continue;
      auto bytes = in.after.read(p);
      if (!bytes) continue;
      for (const auto& g : gone)
        if (bytes->find(g) != std::string::npos) {
          targets.insert(p);
          break;
        }
    }
  CheckOptions options;
  options.only_given = true;
  options.only.assign(targets.begin(), targets.end());
  options.all_briefs = &all;
  CheckResult result = check_repository(in.after, in.config, options);
  check_transitions(in, options.only, result);
  return result;
}

}  // namespace prfaq
