#pragma once
// Everything the pages of one site are rendered from: each brief's view (its
// own content, site/brief_view.h) joined with what the whole repository and
// Git know about it (findings, readiness, history, related briefs in both
// directions), and the site-wide settings.
#include <optional>
#include <string>
#include <vector>

#include "check/checker.h"
#include "config/config.h"
#include "site/brief_view.h"
#include "site/site_urls.h"
#include "source/git_history.h"

namespace prfaq {

struct SiteBrief {
  BriefView view;
  const BriefSummary* summary = nullptr;
  std::vector<const Finding*> findings;  // sorted, severity resolved
  const FileHistory* history = nullptr;  // nullptr: no history from Git
  std::vector<std::size_t> related_out, related_by;  // indices into SiteModel::briefs
  std::string card_key;  // hash of what a card or a listing row shows of it
};

struct SiteModel {
  Config config;
  std::string title, base_url;  // base_url: "" or ending in '/'
  std::string revision;         // "HEAD (1a2b3c4)", "working tree"
  std::vector<SiteBrief> briefs;  // in path order
  History history;
  bool has_history = false;
  // Each listing folder also holds its index.html: no term is named "index".
  PageNames teams{{std::string(kListingIndex)}}, tags{{std::string(kListingIndex)}}, owners{{std::string(kListingIndex)}};
  std::string global_key;  // theme, configuration, prfaq version, base URL, preview
  bool preview = false;          // prfaq serve: findings panels (see BuildOptions)
  std::string live_reload_url;
  std::string url(const std::string& site_path) const { return base_url + site_path; }  // absolute when base_url is set
};

// Display names.
// Links each brief to the briefs its `related` names (related_out) and back
// (related_by), the first of colliding slugs winning, and fills and freezes
// the team, tag and owner indexes. build_site calls it once the views exist.
void link_briefs(SiteModel& site);
std::string status_label(std::string_view status);  // "review" -> "Review", "" -> "No status"

}  // namespace prfaq
