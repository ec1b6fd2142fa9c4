#pragma once
// What a brief's page shows that depends on the brief alone, rendered while
// the brief is loaded (check pass, worker threads): its Markdown sections as
// HTML (press release, FAQs with their questions, narrative sections), the
// journey steps, the metric charts, the review trail, the files it
// publishes, and the text the search index holds. What depends on other
// briefs or on Git (related briefs, history, findings) is added when the page
// is rendered (site/brief_page.h).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "load/brief.h"
#include "site/site_urls.h"

namespace prfaq {

struct ViewQuestion {
  std::string text, id, html;  // html: the question and its answer
};
struct ViewFaq {
  std::string title, id, intro_html;
  std::vector<ViewQuestion> questions;
};
struct ViewSection {
  std::string title, id, html;
};
struct ViewStep {
  std::string step, detail, screen_url;  // screen_url: site-relative ("media/..."), empty: none
  bool aha = false;
};
struct ViewMetric {
  std::string name, kind, direction, unit, baseline, target, by, latest, latest_date, chart_svg;
};
struct ViewReview {
  std::string role, verdict, who, date, note;
};

struct BriefView {
  std::string path, slug, page;  // page: "briefs/<name>.html"
  std::string hash;              // of the brief's bytes
  bool loaded = false;           // front matter parsed: the fields below are filled
  std::string title, headline, subheadline, status, team, customer, launch, reason;
  std::optional<Status> status_value;
  std::vector<std::string> owners, tags, related;
  std::string press_release_html;  // empty: no press release
  std::vector<ViewFaq> faqs;
  std::vector<ViewSection> sections;  // other sections, in document order
  std::string journey_html, metrics_html;  // narrative sections next to the tables
  std::vector<ViewStep> journey;
  std::vector<ViewMetric> metrics;
  bool has_business = false;
  std::string headcount, months, cost, revenue, currency;
  std::vector<ViewReview> reviews;  // as written
  std::string search_text;          // press release and questions, capped
  std::vector<std::string> media;   // repository paths of files under content/ the page links to
  // Each relative link or screen, as written, a NUL, and where it points on
  // the site ("x.md\0briefs/x-2.html"; nothing after the NUL when dropped),
  // sorted: another brief's page name or a file's existence can change it.
  std::vector<std::string> link_targets;
  bool rendered = false;            // the HTML fields above are filled (not a metadata-only view)
};

// The site-wide facts a view needs: which repository files exist and which
// are briefs (both sorted), and every brief's page name.
struct ViewContext {
  const std::vector<std::string>* content_files = nullptr;
  const std::vector<std::string>* brief_paths = nullptr;
  const PageNames* pages = nullptr;  // keyed by brief path
  const std::map<std::string, std::string>* brief_by_slug = nullptr;  // slug -> the first brief path with it
  const Config* config = nullptr;
};

// The whole view; with render = false only the metadata, the search text
// and the media list (what listings and feeds need), for a brief whose page
// an incremental build expects to reuse.
BriefView make_brief_view(const Brief& brief, const ViewContext& ctx, bool render = true);

// How many bytes of text per brief the search index keeps.
inline constexpr std::size_t kSearchTextBytes = 2000;

}  // namespace prfaq
