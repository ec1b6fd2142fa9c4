#include "check/change_check.h"

#include <algorithm>
#include <map>
#include <set>

#include "check/rule_table.h"
#include "load/brief_paths.h"
#include "load/loader.h"
#include "util/join.h"
#include "util/percent_decode.h"

namespace prfaq {

std::vector<Finding> transition_findings(const Source& before, const Source& after, const std::vector<Change>& changes,
                                         const Config& config, const std::string& commit) {
  std::vector<Finding> out;
  for (const auto& c : changes) {
    // A new brief starts where it likes; a copy is a new brief.
    if (c.old_path.empty() || c.new_path.empty() || c.kind == Change::Kind::copied) continue;
    if (!is_brief_path(c.new_path, after)) continue;  // a template, a bundle's resource
    auto old_bytes = before.read(c.old_path);
    auto new_bytes = after.read(c.new_path);
    if (!old_bytes || !new_bytes) continue;
    Brief was = load_brief(c.old_path, std::move(*old_bytes), config);
    Brief now = load_brief(c.new_path, std::move(*new_bytes), config);
    if (!was.fm.status || !now.fm.status || *was.fm.status == *now.fm.status) continue;
    auto allowed = config.transitions.find(*now.fm.status);
    if (allowed == config.transitions.end()) continue;
    const auto& from = allowed->second;
    if (std::find(from.begin(), from.end(), *was.fm.status) != from.end()) continue;
    Severity sev = config.severity_for("status-transition", now.fm.status, std::nullopt);
    if (sev == Severity::off || now.suppressions.suppressed("status-transition", now.fm.status_text.pos.line)) continue;
    std::vector<std::string> names;
    for (Status f : from) names.emplace_back(to_string(f));
    std::string list = join_list(names, " or ");
    std::string to(to_string(*now.fm.status));
    out.push_back({c.new_path, now.fm.status_text.pos, "status-transition",
                   (commit.empty() ? "" : "in commit " + commit + ": ") + "status moved from " +
                       std::string(to_string(*was.fm.status)) + " to " + to + "; " + to + " may only follow " +
                       (list.empty() ? "nothing" : list) + " ([transitions] in prfaq.toml)",
                   sev, std::nullopt});
  }
  return out;
}

std::vector<Finding> moved_by_merge(std::vector<Finding> found, const Source& after,
                                    const std::vector<MergeParent>& others, const Config& config) {
  for (const auto& parent : others) {
    if (found.empty()) break;
    std::set<std::string> still;
    for (const auto& f : transition_findings(*parent.source, after, parent.changes, config, "")) still.insert(f.file);
    std::erase_if(found, [&](const Finding& f) { return !still.count(f.file); });
  }
  return found;
}

void add_findings(CheckResult& r, std::vector<Finding> more) {
  for (auto& f : more) {
    bool error = f.severity == Severity::error;
    (error ? r.errors : r.warnings)++;
    for (auto& b : r.briefs)
      if (b.path == f.file) (error ? b.errors : b.warnings)++;
    r.findings.push_back(std::move(f));
  }
  std::sort(r.findings.begin(), r.findings.end(), finding_less);
}

CheckResult check_change(const ChangeCheck& in) {
  Listing listing = in.after.list_all("content");
  std::vector<std::string> all = find_brief_paths(listing.files);  // sorted, as listed
  auto is_brief = [&](const std::string& p) { return std::binary_search(all.begin(), all.end(), p); };
  std::set<std::string> targets;
  bool config_changed = false;
  std::set<std::string> gone;  // slugs and file names that no longer exist
  std::set<std::string_view> slugs;  // filled only when something moves away
  for (const auto& c : in.changes) {
    if (c.old_path == "prfaq.toml" || c.new_path == "prfaq.toml") config_changed = true;
    if (!c.new_path.empty() && is_brief(c.new_path)) targets.insert(c.new_path);
    bool moved_away = c.kind == Change::Kind::deleted || c.kind == Change::Kind::renamed;
    if (moved_away && c.old_path.starts_with("content/") && !in.after.exists(c.old_path)) {
      if (slugs.empty())
        for (const auto& p : all) slugs.insert(slug_view(p));
      if (c.old_path.ends_with(".md") && !slugs.count(slug_view(c.old_path))) gone.insert(slug_of(c.old_path));
      gone.insert(std::string(base_name(c.old_path)));
      // The folders it leaves empty: a link may name a folder ("assets/").
      for (std::string_view dir = dir_name(c.old_path); dir.size() > 8 && !in.after.exists(dir); dir = dir_name(dir))
        gone.insert(std::string(base_name(dir)));
    }
  }
  if (config_changed) targets.insert(all.begin(), all.end());
  // Unchanged briefs that may point at what is gone: any whose text names
  // it. (Only when something is deleted or renamed away, so the common
  // commit reads no brief it does not change.)
  // Those are checked for what the change can break in them (links,
  // related, images), not for what was wrong with them before.
  std::set<std::string> dependents;
  if (!gone.empty())
    for (const auto& p : all) {
      if (targets.count(p)) continue;
      auto bytes = in.after.read(p);
      if (!bytes) continue;
      // Also as the link would be decoded: "my%20shot.png" names "my shot.png".
      std::string decoded = bytes->find('%') == std::string::npos ? std::string() : percent_decoded(*bytes);
      for (const auto& g : gone)
        if (bytes->find(g) != std::string::npos || (!decoded.empty() && decoded.find(g) != std::string::npos)) {
          dependents.insert(p);
          break;
        }
    }
  CheckOptions options;
  options.only_given = true;
  options.only.assign(targets.begin(), targets.end());
  options.only.insert(options.only.end(), dependents.begin(), dependents.end());
  options.all_briefs = &all;
  // Symbolic links and submodules the change adds or modifies.
  std::vector<SkippedEntry> skipped;
  for (const auto& s : listing.skipped)
    if (std::any_of(in.changes.begin(), in.changes.end(), [&](const Change& c) { return c.new_path == s.path; }))
      skipped.push_back(s);
  options.skipped = &skipped;
  CheckResult result = check_repository(in.after, in.config, options);
  if (!dependents.empty()) {
    auto keep = [&](const Finding& f) {
      if (!dependents.count(f.file)) return true;
      const RuleInfo* r = find_rule(f.rule);
      return r && r->scope == RuleScope::repository;
    };
    std::vector<Finding> kept;
    for (auto& f : result.findings)
      if (keep(f)) kept.push_back(std::move(f));
    result.findings = std::move(kept);
    result.errors = result.warnings = 0;
    for (auto& b : result.briefs) b.errors = b.warnings = 0;
    std::map<std::string, BriefSummary*> by_path;
    for (auto& b : result.briefs) by_path[b.path] = &b;
    for (const auto& f : result.findings) {
      bool error = f.severity == Severity::error;
      (error ? result.errors : result.warnings)++;
      if (auto it = by_path.find(f.file); it != by_path.end()) (error ? it->second->errors : it->second->warnings)++;
    }
  }
  if (in.check_transitions && in.before) {
    std::vector<Change> checked;
    for (const auto& c : in.changes)
      if (targets.count(c.new_path)) checked.push_back(c);
    add_findings(result, moved_by_merge(transition_findings(*in.before, in.after, checked, in.config, ""), in.after,
                                        in.merged, in.config));
  }
  return result;
}

}  // namespace prfaq
