#pragma once
// The site's machine-readable files, written as text without templates:
// the Atom feed, sitemap.xml, briefs.json (documented in docs/reference.md)
// and the search index (a script file, so that search works from file://).
#include <string>

#include "site/site_model.h"

namespace prfaq {

std::string atom_feed(const SiteModel& site);
std::string sitemap_xml(const SiteModel& site, const std::vector<std::string>& pages);
std::string briefs_json(const SiteModel& site);
std::string search_index_js(const SiteModel& site);
// How many briefs the feed holds (the most recently updated).
inline constexpr std::size_t kFeedEntries = 50;

}  // namespace prfaq
