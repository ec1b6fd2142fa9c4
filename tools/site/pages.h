#pragma once
// The pages of the site as Mustache data, one function per kind of page.
// Each returns the data the theme's template (templates/<kind>.html) and
// the layout around it need; site/site_build.cpp renders and writes them.
#include <map>
#include <string>
#include <vector>

#include "site/site_model.h"
#include "site/templates.h"

namespace prfaq {

// Values every page's layout uses. `depth`: folders below the site's top;
// `site_path`: where the page is written ("briefs/x.html").
Data layout_data(const SiteModel& site, int depth, const std::string& site_path, const std::string& page_title);

// A brief's page (templates/brief.html) at site.briefs[i].view.page, from
// `view` (site.briefs[i].view, or the same brief rendered again in full).
Data brief_page(const SiteModel& site, std::size_t i, const BriefView& view);

// Each brief's card (templates/card.html), rendered once per depth and
// shared by the home page and every listing that shows the brief.
class CardCache {
 public:
  CardCache(const SiteModel& site, Templates& templates) : site_(site), templates_(templates) {}
  const std::string& html(std::size_t brief, int depth);

 private:
  const SiteModel& site_;
  Templates& templates_;
  std::map<std::pair<std::size_t, int>, std::string> html_;
};

// A list of briefs as cards, for templates/card_list.html ({{{html}}} of each).
Data cards(CardCache& cache, const std::vector<std::size_t>& which, int depth);

// How many changes the timeline shows (the newest).
inline constexpr std::size_t kTimelineEvents = 1000;

// Briefs newest first (last updated, then title): the order of every listing.
std::vector<std::size_t> by_update(const SiteModel& site, std::vector<std::size_t> which);

}  // namespace prfaq
