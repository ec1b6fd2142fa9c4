#pragma once
// The pages of the site as Mustache data, one function per kind of page.
// Each returns the data the theme's template (templates/<kind>.html) and
// the layout around it need; site/site_build.cpp renders and writes them.
#include <string>
#include <vector>

#include "site/site_model.h"
#include "site/templates.h"

namespace prfaq {

// Values every page's layout uses. `depth`: folders below the site's top;
// `site_path`: where the page is written ("briefs/x.html").
Data layout_data(const SiteModel& site, int depth, const std::string& site_path, const std::string& page_title);

// A brief's page (templates/brief.html) at site.briefs[i].view.page.
Data brief_page(const SiteModel& site, std::size_t i);

// A list of briefs as cards (templates/card_list.html), for the home page and listings.
Data cards(const SiteModel& site, const std::vector<std::size_t>& which, int depth);

// How many changes the timeline shows (the newest).
inline constexpr std::size_t kTimelineEvents = 1000;

// Briefs newest first (last updated, then title): the order of every listing.
std::vector<std::size_t> by_update(const SiteModel& site, std::vector<std::size_t> which);

}  // namespace prfaq
