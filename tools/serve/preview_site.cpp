#include "serve/preview_site.h"

#include <stdlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <tuple>

#include "serve/live_reload.h"
#include "source/fs_source.h"
#include "source/git_history.h"
#include "util/error.h"
#include "util/remove_tree.h"

namespace prfaq {

namespace fs = std::filesystem;

PreviewSite::PreviewSite(fs::path root) : root_(std::move(root)) {
  std::error_code ec;
  fs::path tmp = fs::temp_directory_path(ec);
  if (ec) tmp = "/tmp";
  std::string pattern = (tmp / "prfaq-serve-XXXXXX").string();
  if (!::mkdtemp(pattern.data()))
    throw Fatal("cannot make a folder for the preview in " + tmp.string() + ": " + std::strerror(errno));
  folder_ = pattern;
  site_ = folder_ / "site";
  git_ = GitRepo::discover(root_);
  if (git_ && !git_->bare()) git_prefix_ = prefix_in_work_tree(*git_, root_);
}

PreviewSite::~PreviewSite() { remove_tree(folder_); }

BuildResult PreviewSite::build(const Config& config) {
  FsSource source(root_);
  BuildOptions options;
  options.out = site_;
  options.base_url = "";  // every link relative to the server's root
  options.preview = true;
  options.live_reload_url = std::string(kLiveScriptPath);
  options.revision = "working tree";
  std::optional<git_oid> tip;
  if (git_) tip = git_->head_commit();  // HEAD moves while serving: read it each time
  if (tip) {
    options.git = &*git_;
    options.tip = tip;
    options.git_prefix = git_prefix_;
    options.revision = "working tree at " + oid_short(*tip);
  }
  return build_site(source, config, options);
}

namespace {

using Key = std::tuple<int, int, std::string, std::string, int>;  // line, column, rule, message, severity

std::map<std::string, std::vector<Key>> findings_by_file(const CheckResult& r) {
  std::map<std::string, std::vector<Key>> out;
  for (const auto& f : r.findings)
    out[f.file].emplace_back(f.pos.line, f.pos.column, f.rule, f.message, static_cast<int>(f.severity));
  return out;
}

bool covered(const std::string& path, const std::vector<std::string>& changed) {
  for (const auto& c : changed)
    if (c == "*" || c == "prfaq.toml" || path == c || path.starts_with(c + "/")) return true;
  return false;
}

}  // namespace

RebuildReport report_rebuild(const CheckResult* before, const CheckResult& now, const std::vector<std::string>& changed) {
  RebuildReport report;
  auto now_findings = findings_by_file(now);
  std::map<std::string, std::vector<Key>> old_findings;
  std::set<std::string> had_errors;
  if (before) {
    old_findings = findings_by_file(*before);
    for (const auto& b : before->briefs)
      if (b.errors > 0) had_errors.insert(b.path);
  }
  for (const auto& b : now.briefs) {
    if (b.errors > 0) {
      auto old = old_findings.find(b.path);
      bool same = old != old_findings.end() && old->second == now_findings[b.path];
      if (!same || covered(b.path, changed)) report.with_errors.push_back(b.path);
    } else if (had_errors.count(b.path)) {
      report.fixed.push_back(b.path);
    }
  }
  std::sort(report.with_errors.begin(), report.with_errors.end());
  std::sort(report.fixed.begin(), report.fixed.end());
  return report;
}

}  // namespace prfaq
