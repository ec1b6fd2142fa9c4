#include "site/site_files.h"

#include <algorithm>

#include "site/pages.h"
#include "util/escape_markup.h"
#include "util/json.h"

namespace prfaq {

namespace {

std::vector<std::size_t> all(const SiteModel& site) {
  std::vector<std::size_t> v(site.briefs.size());
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = i;
  return v;
}

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_string(items[i]);
  return out + "]";
}

std::string json_or_null(const std::string& s) { return s.empty() ? "null" : json_string(s); }

}  // namespace

std::string atom_feed(const SiteModel& site) {
  // Entries: the briefs changed most recently, by their Git dates (so the
  // feed is the same bytes for the same commits). A brief Git does not know
  // yet has no date to order by, and is left out until it is committed.
  std::vector<std::size_t> order;
  for (std::size_t i : by_update(site, all(site)))
    if (site.briefs[i].history) order.push_back(i);
  if (order.size() > kFeedEntries) order.resize(kFeedEntries);
  std::string newest = "1970-01-01";
  for (std::size_t i : order) newest = std::max(newest, site.briefs[i].history->updated);
  // Atom ids must be absolute: the address when the base URL has a host,
  // else a URN made of the slug.
  bool absolute = site.base_url.starts_with("https://") || site.base_url.starts_with("http://");
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "  <title>" + escape_markup(site.title) + "</title>\n";
  out += std::string("  <subtitle>") +
         (site.has_history ? "New and changed briefs" : "Briefs (no Git history: the feed has no entries)") +
         "</subtitle>\n";
  out += "  <id>" + escape_markup(absolute ? site.url("feed.xml") : "urn:prfaq:feed") + "</id>\n";
  out += "  <link rel=\"self\" href=\"" + escape_markup(site.url("feed.xml")) + "\"/>\n";
  out += "  <link href=\"" + escape_markup(site.url("index.html")) + "\"/>\n";
  out += "  <updated>" + newest + "T00:00:00Z</updated>\n";
  out += "  <generator version=\"" PRFAQ_VERSION "\">prfaq</generator>\n";
  for (std::size_t i : order) {
    const SiteBrief& sb = site.briefs[i];
    const BriefView& v = sb.view;
    out += "  <entry>\n";
    out += "    <title>" + escape_markup(v.title.empty() ? v.slug : v.title) + "</title>\n";
    // The page's name, not the slug: briefs whose slugs collide (an error
    // the site still shows) have pages of their own, and need ids of their own.
    std::string_view name = std::string_view(v.page).substr(7, v.page.size() - 12);  // "briefs/" NAME ".html"
    out += "    <id>" + escape_markup(absolute ? site.url(v.page) : "urn:prfaq:brief:" + std::string(name)) + "</id>\n";
    out += "    <link href=\"" + escape_markup(site.url(v.page)) + "\"/>\n";
    out += "    <published>" + sb.history->created + "T00:00:00Z</published>\n";
    out += "    <updated>" + sb.history->updated + "T00:00:00Z</updated>\n";
    out += "    <author><name>" + escape_markup(v.owners.empty() ? std::string("unknown") : v.owners.front()) +
           "</name></author>\n";
    if (!v.status.empty()) out += "    <category term=\"" + escape_markup(v.status) + "\"/>\n";
    std::string summary = v.headline.empty() ? v.subheadline : v.headline;
    if (!summary.empty()) out += "    <summary>" + escape_markup(summary) + "</summary>\n";
    out += "  </entry>\n";
  }
  return out + "</feed>\n";
}

std::string sitemap_xml(const SiteModel& site, const std::vector<std::string>& pages) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  std::map<std::string, std::string> lastmod;
  for (const auto& sb : site.briefs)
    if (sb.history && !sb.history->updated.empty()) lastmod[sb.view.page] = sb.history->updated;
  for (const auto& p : pages) {
    out += "  <url><loc>" + escape_markup(site.url(p)) + "</loc>";
    if (auto it = lastmod.find(p); it != lastmod.end()) out += "<lastmod>" + it->second + "</lastmod>";
    out += "</url>\n";
  }
  return out + "</urlset>\n";
}

std::string briefs_json(const SiteModel& site) {
  std::string out = "{\n  \"version\": 1,\n";
  out += "  \"site\": {\"title\": " + json_string(site.title) + ", \"base_url\": " + json_or_null(site.base_url) + "},\n";
  out += "  \"shallow_history\": " + std::string(site.history.shallow ? "true" : "false") + ",\n";
  out += "  \"briefs\": [";
  for (std::size_t i = 0; i < site.briefs.size(); ++i) {
    const SiteBrief& sb = site.briefs[i];
    const BriefView& v = sb.view;
    const BriefSummary* s = sb.summary;
    std::vector<std::string> authors, related;
    if (sb.history) authors = sb.history->authors;
    for (std::size_t r : sb.related_out) related.push_back(site.briefs[r].view.slug);
    out += i ? ",\n    {" : "\n    {";
    out += "\"slug\": " + json_string(v.slug);
    out += ", \"path\": " + json_string(v.path);
    out += ", \"url\": " + json_string(site.url(v.page));
    out += ", \"title\": " + json_or_null(v.title);
    out += ", \"headline\": " + json_or_null(v.headline);
    out += ", \"subheadline\": " + json_or_null(v.subheadline);
    out += ", \"status\": " + json_or_null(v.status);
    out += ", \"readiness\": " + (s && s->readiness ? json_string(to_string(*s->readiness)) : std::string("null"));
    out += ", \"missing_for_next\": " + json_list(s ? s->missing_for_next : std::vector<std::string>{});
    out += ", \"owner\": " + json_list(v.owners);
    out += ", \"team\": " + json_or_null(v.team);
    out += ", \"customer\": " + json_or_null(v.customer);
    out += ", \"tags\": " + json_list(v.tags);
    out += ", \"related\": " + json_list(related);
    out += ", \"launch\": " + json_or_null(v.launch);
    out += ", \"created\": " + json_or_null(sb.history ? sb.history->created : "");
    out += ", \"updated\": " + json_or_null(sb.history ? sb.history->updated : "");
    out += ", \"authors\": " + json_list(authors);
    out += ", \"errors\": " + std::to_string(s ? s->errors : 0);
    out += ", \"warnings\": " + std::to_string(s ? s->warnings : 0);
    out += "}";
  }
  return out + (site.briefs.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

std::string search_index_js(const SiteModel& site) {
  // A script file (never inline in a page) that only assigns one JSON value:
  // brief text is JSON string data, never code.
  std::string out = "window.PRFAQ_SEARCH = {\"briefs\": [";
  for (std::size_t i = 0; i < site.briefs.size(); ++i) {
    const BriefView& v = site.briefs[i].view;
    out += i ? ",\n" : "\n";
    out += "{\"t\": " + json_string(v.title.empty() ? v.slug : v.title) + ", \"h\": " + json_string(v.headline) +
           ", \"s\": " + json_string(v.status) + ", \"m\": " + json_string(v.team) + ", \"u\": " + json_string(v.page) +
           ", \"x\": " + json_string(v.search_text) + "}";
  }
  return out + "\n]};\n";
}

}  // namespace prfaq
