// site/brief_view.cpp: a brief's own content as the site shows it.
#include <string>
#include <vector>

#include "site/brief_view.h"
#include "site/metrics_chart.h"
#include "support.h"
#include "util/content_hash.h"
#include "util/utf8.h"

using namespace prfaq;
using namespace prfaq::test;

namespace {

// A repository in memory and the site-wide facts a view needs, built the
// way build_site builds them.
struct ViewSite {
  Files files;
  std::vector<std::string> content_files, brief_paths;
  PageNames pages;
  std::map<std::string, std::string> brief_by_slug;
  Config config = default_config();

  explicit ViewSite(Files f) : files(std::move(f)) {
    MemorySource source(files);
    content_files = source.list("content");
    brief_paths = find_brief_paths(content_files);
    for (const auto& p : brief_paths) {
      pages.add(p, slug_of(p));
      brief_by_slug.emplace(slug_of(p), p);
    }
    pages.freeze();
  }
  ViewContext context() const {
    return ViewContext{.content_files = &content_files,
                       .brief_paths = &brief_paths,
                       .pages = &pages,
                       .brief_by_slug = &brief_by_slug,
                       .config = &config};
  }
  BriefView view(const std::string& path = std::string(kPath), bool render = true) const {
    Brief b = load_brief(path, files.at(path), config);
    return make_brief_view(b, context(), render);
  }
};

// The view of content/a.md holding `text`, next to `others`.
BriefView view_of(const std::string& text, Files others = {}, bool render = true) {
  others[std::string(kPath)] = text;
  return ViewSite(std::move(others)).view(std::string(kPath), render);
}

std::vector<std::string> ids_of(const BriefView& v) {
  std::vector<std::string> ids;
  for (const auto& f : v.faqs) {
    ids.push_back(f.id);
    for (const auto& q : f.questions) ids.push_back(q.id);
  }
  for (const auto& s : v.sections) ids.push_back(s.id);
  return ids;
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("the press release is an h2 with the fixed id, then its paragraphs", "[site][brief_view]") {
  BriefView v = view_of(idea_brief("## Press release\n\nAcme launches X.\n\nShoppers love it.\n"));
  CHECK(v.loaded);
  CHECK(v.rendered);
  CHECK(v.press_release_html ==
        "<h2 id=\"press-release\">Press release</h2>\n<p>Acme launches X.</p>\n<p>Shoppers love it.</p>\n");
  CHECK(v.faqs.empty());
  CHECK(v.sections.empty());
}

TEST_CASE("the press release keeps the author's heading text, escaped", "[site][brief_view]") {
  BriefView v = view_of(idea_brief("## Press release (R&D, 2 < 3)\n\nText.\n"));
  CHECK(v.press_release_html ==
        "<h2 id=\"press-release\">Press release (R&amp;D, 2 &lt; 3)</h2>\n<p>Text.</p>\n");
}

TEST_CASE("text before the first heading with no press release section is shown as the press release",
          "[site][brief_view]") {
  BriefView v = view_of(idea_brief("Acme launches X.\n\n## Details\n\nMore.\n"));
  CHECK(v.press_release_html == "<h2 id=\"press-release\">Press release</h2>\n<p>Acme launches X.</p>\n");
  REQUIRE(v.sections.size() == 1);
  CHECK(v.sections[0].title == "Details");
  CHECK(v.sections[0].id == "details");
  CHECK(v.sections[0].html == "<h2 id=\"details\">Details</h2>\n<p>More.</p>\n");
}

TEST_CASE("a body with no heading at all is the press release", "[site][brief_view]") {
  BriefView v = view_of(idea_brief("Acme launches X.\n"));
  CHECK(v.press_release_html == "<h2 id=\"press-release\">Press release</h2>\n<p>Acme launches X.</p>\n");
}

TEST_CASE("text before the press release heading goes at the top of the press release", "[site][brief_view]") {
  BriefView v = view_of(idea_brief("Lead.\n\n## Press release\n\nBody.\n"));
  CHECK(v.press_release_html == "<h2 id=\"press-release\">Press release</h2>\n<p>Lead.</p>\n<p>Body.</p>\n");
}

TEST_CASE("an empty body has no press release", "[site][brief_view]") {
  BriefView v = view_of(idea_brief(""));
  CHECK(v.loaded);
  CHECK(v.press_release_html.empty());
  CHECK(v.search_text.empty());
}

TEST_CASE("FAQ questions written as ### headings", "[site][brief_view]") {
  BriefView v = view_of(idea_brief(
      "## Customer FAQ\n\nIntro text.\n\n### How much does it cost?\n\nIt is free.\n\n"
      "### Who is it for?\n\nShoppers.\n"));
  REQUIRE(v.faqs.size() == 1);
  const ViewFaq& f = v.faqs[0];
  CHECK(f.title == "Customer FAQ");
  CHECK(f.id == "customer-faq");
  CHECK(f.intro_html == "<h2 id=\"customer-faq\">Customer FAQ</h2>\n<p>Intro text.</p>\n");
  REQUIRE(f.questions.size() == 2);
  CHECK(f.questions[0].text == "How much does it cost?");
  CHECK(f.questions[0].id == "how-much-does-it-cost");
  CHECK(f.questions[0].html == "<h3>How much does it cost?</h3>\n<p>It is free.</p>\n");
  CHECK(f.questions[1].text == "Who is it for?");
  CHECK(f.questions[1].id == "who-is-it-for");
  CHECK(f.questions[1].html == "<h3>Who is it for?</h3>\n<p>Shoppers.</p>\n");
  CHECK(v.sections.empty());
}

TEST_CASE("FAQ questions written as bold Q: paragraphs", "[site][brief_view]") {
  BriefView v = view_of(idea_brief(
      "## Internal FAQ\n\n**Q: How much does it cost?**\nIt is free.\n\n**Q: Who is it for?** Shoppers.\n"));
  REQUIRE(v.faqs.size() == 1);
  const ViewFaq& f = v.faqs[0];
  CHECK(f.id == "internal-faq");
  CHECK(f.intro_html == "<h2 id=\"internal-faq\">Internal FAQ</h2>\n");
  REQUIRE(f.questions.size() == 2);
  CHECK(f.questions[0].text == "Q: How much does it cost?");
  CHECK(f.questions[0].id == "q-how-much-does-it-cost");
  CHECK(f.questions[0].html == "<p><strong>Q: How much does it cost?</strong>\nIt is free.</p>\n");
  CHECK(f.questions[1].text == "Q: Who is it for?");
  CHECK(f.questions[1].id == "q-who-is-it-for");
  CHECK(f.questions[1].html == "<p><strong>Q: Who is it for?</strong> Shoppers.</p>\n");
}

TEST_CASE("FAQ questions written as numbered items", "[site][brief_view]") {
  BriefView v = view_of(idea_brief(
      "## Customer FAQ\n\n1. How much does it cost?\n   It is free.\n2. Who is it for?\n   Shoppers.\n"));
  REQUIRE(v.faqs.size() == 1);
  const auto& qs = v.faqs[0].questions;
  REQUIRE(qs.size() == 2);
  CHECK(qs[0].text == "How much does it cost?");
  CHECK(qs[0].id == "how-much-does-it-cost");
  CHECK(qs[0].html == "<ol>\n<li>How much does it cost?\nIt is free.</li>\n</ol>\n");
  CHECK(qs[1].text == "Who is it for?");
  CHECK(qs[1].id == "who-is-it-for");
  CHECK(qs[1].html == "<ol start=\"2\">\n<li>Who is it for?\nShoppers.</li>\n</ol>\n");
}

TEST_CASE("a question's HTML holds its answer and not the next question's", "[site][brief_view]") {
  BriefView v = view_of(idea_brief(
      "## Customer FAQ\n\n### Is it safe?\n\nYes, audited.\n\n- by two firms\n\n"
      "### Is it fast?\n\nTen seconds.\n"));
  REQUIRE(v.faqs.size() == 1);
  const auto& qs = v.faqs[0].questions;
  REQUIRE(qs.size() == 2);
  CHECK(qs[0].html == "<h3>Is it safe?</h3>\n<p>Yes, audited.</p>\n<ul>\n<li>by two firms</li>\n</ul>\n");
  CHECK(qs[0].html.find("Ten seconds") == std::string::npos);
  CHECK(qs[0].html.find("Is it fast") == std::string::npos);
  CHECK(qs[1].html == "<h3>Is it fast?</h3>\n<p>Ten seconds.</p>\n");
}

TEST_CASE("every id on the page is unique: repeated FAQ titles, repeated questions, fixed ids",
          "[site][brief_view]") {
  BriefView v = view_of(idea_brief(
      "## Customer FAQ\n\n### How much does it cost?\n\nFree.\n\n"
      "## Customer FAQ\n\n### How much does it cost?\n\nStill free.\n\n"
      "## History\n\nWe tried before.\n"));
  REQUIRE(v.faqs.size() == 2);
  CHECK(v.faqs[0].id == "customer-faq");
  CHECK(v.faqs[1].id == "customer-faq-1");
  REQUIRE(v.faqs[1].questions.size() == 1);
  CHECK(v.faqs[0].questions[0].id == "how-much-does-it-cost");
  CHECK(v.faqs[1].questions[0].id == "how-much-does-it-cost-1");
  CHECK(v.faqs[1].intro_html == "<h2 id=\"customer-faq-1\">Customer FAQ</h2>\n");
  // "history" is the page's own History section.
  std::vector<std::string> ids = ids_of(v);
  CHECK(std::find(ids.begin(), ids.end(), "history") == ids.end());
  std::sort(ids.begin(), ids.end());
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}

TEST_CASE("a heading never takes an id the page layout uses", "[site][brief_view]") {
  // layout.html has <main id="main"> (the "Skip to content" link's target)
  // and <input id="site-search">; brief.html has id="preview-title" in a
  // preview. A section with the same id breaks the skip link and the page.
  BriefView v = view_of(idea_brief("## Main\n\nA.\n\n## Site search\n\nB.\n\n## Preview title\n\nC.\n"));
  REQUIRE(v.sections.size() == 3);
  CHECK(v.sections[0].id != "main");
  CHECK(v.sections[1].id != "site-search");
  CHECK(v.sections[2].id != "preview-title");
}

TEST_CASE("other sections come in document order, with ids and their HTML", "[site][brief_view]") {
  BriefView v = view_of(idea_brief(
      "## Press release\n\nX.\n\n## Background\n\nWhy.\n\n## Customer FAQ\n\n### Why?\n\nBecause.\n\n"
      "## Risks & costs\n\n- one\n- two\n\n## History\n\nOld.\n"));
  REQUIRE(v.sections.size() == 3);
  CHECK(v.sections[0].title == "Background");
  CHECK(v.sections[0].id == "background");
  CHECK(v.sections[0].html == "<h2 id=\"background\">Background</h2>\n<p>Why.</p>\n");
  CHECK(v.sections[1].title == "Risks & costs");
  CHECK(v.sections[1].id == "risks--costs");
  CHECK(v.sections[1].html == "<h2 id=\"risks--costs\">Risks &amp; costs</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
  CHECK(v.sections[2].title == "History");
  CHECK(v.sections[2].id == "history-1");
  CHECK(v.sections[2].html == "<h2 id=\"history-1\">History</h2>\n<p>Old.</p>\n");
}

TEST_CASE("headings keep their inline Markdown, titles and ids use their text", "[site][brief_view]") {
  BriefView v = view_of(idea_brief(
      "## Risks & **costs**\n\nA.\n\n## 1. Background\n\nB.\n\n## Customer FAQ\n\n### Is it `fast`?\n\nYes.\n"));
  REQUIRE(v.sections.size() == 2);
  CHECK(v.sections[0].title == "Risks & costs");
  CHECK(v.sections[0].id == "risks--costs");
  CHECK(v.sections[0].html == "<h2 id=\"risks--costs\">Risks &amp; <strong>costs</strong></h2>\n<p>A.</p>\n");
  // Heading text Markdown would read as a list item is shown as written.
  CHECK(v.sections[1].title == "1. Background");
  CHECK(v.sections[1].id == "1-background");
  CHECK(v.sections[1].html == "<h2 id=\"1-background\">1. Background</h2>\n<p>B.</p>\n");
  REQUIRE(v.faqs.size() == 1);
  REQUIRE(v.faqs[0].questions.size() == 1);
  CHECK(v.faqs[0].questions[0].text == "Is it fast?");
  CHECK(v.faqs[0].questions[0].id == "is-it-fast");
  CHECK(v.faqs[0].questions[0].html == "<h3>Is it <code>fast</code>?</h3>\n<p>Yes.</p>\n");
}

TEST_CASE("journey and metrics narratives go next to their tables, not into sections", "[site][brief_view]") {
  BriefView v = view_of(idea_brief(
      "## Press release\n\nX.\n\n## User journey\n\nShoppers start here.\n\n## Metrics\n\nWe track refunds.\n"));
  CHECK(v.journey_html == "<p>Shoppers start here.</p>\n");
  CHECK(v.metrics_html == "<p>We track refunds.</p>\n");
  CHECK(v.sections.empty());
}

TEST_CASE("relative links become links between pages, dead and outside links are dropped", "[site][brief_view]") {
  Files others = {
      {"content/b.md", idea_brief("B.\n")},
      {"content/x/index.md", idea_brief("X.\n")},
      {"content/x/shot.png", "png"},
      {"content/y/index.md", idea_brief("Y.\n")},
      {"content/img/p.png", "png"},
      {"prfaq.toml", ""},
  };
  BriefView v = view_of(idea_brief(
                            "See [b](b.md), [bx](b.md#x), [x](x/index.md), [y](y/), [pic](img/p.png), "
                            "[gone](missing.md), [up](../../etc/passwd), [abs](/etc/passwd), [toml](../prfaq.toml), "
                            "[ext](https://example.com/a?b=1), [here](#top).\n"),
                        others);
  CHECK(v.press_release_html ==
        "<h2 id=\"press-release\">Press release</h2>\n"
        "<p>See <a href=\"../briefs/b.html\">b</a>, <a href=\"../briefs/b.html#x\">bx</a>, "
        "<a href=\"../briefs/x.html\">x</a>, <a href=\"../briefs/y.html\">y</a>, "
        "<a href=\"../media/img/p.png\">pic</a>, gone, up, abs, toml, "
        "<a href=\"https://example.com/a?b=1\">ext</a>, <a href=\"#top\">here</a>.</p>\n");
  CHECK(v.media == std::vector<std::string>{"content/img/p.png"});
}

TEST_CASE("images and files under content/ are published under media/ and listed once", "[site][brief_view]") {
  Files others = {
      {"content/img/p.png", "png"},
      {"content/img/my pic.png", "png"},
      {"content/docs/spec.pdf", "pdf"},
  };
  BriefView v = view_of(idea_brief("![p](img/p.png) ![q](img/p.png) ![m](img/my%20pic.png) "
                                   "[spec](docs/spec.pdf?v=2#page=3) ![none](img/none.png)\n"),
                        others);
  CHECK(v.press_release_html ==
        "<h2 id=\"press-release\">Press release</h2>\n"
        "<p><img src=\"../media/img/p.png\" alt=\"p\"> <img src=\"../media/img/p.png\" alt=\"q\"> "
        "<img src=\"../media/img/my%20pic.png\" alt=\"m\"> "
        "<a href=\"../media/docs/spec.pdf?v=2#page=3\">spec</a> none</p>\n");
  CHECK(v.media == std::vector<std::string>{"content/docs/spec.pdf", "content/img/my pic.png", "content/img/p.png"});
}

TEST_CASE("a brief named by its slug links to its page", "[site][brief_view]") {
  Files others = {{"content/team/b.md", idea_brief("B.\n")}, {"content/x/index.md", idea_brief("X.\n")}};
  BriefView v = view_of(idea_brief("[b](b.html) [x](x.md) [x2](../x/) [none](nobody.html)\n"), others);
  CHECK(v.press_release_html ==
        "<h2 id=\"press-release\">Press release</h2>\n"
        "<p><a href=\"../briefs/b.html\">b</a> <a href=\"../briefs/x.html\">x</a> "
        "<a href=\"../briefs/x.html\">x2</a> none</p>\n");
}

TEST_CASE("hidden files are never published, even when linked", "[site][brief_view]") {
  Files others = {{"content/.env", "SECRET=1"}, {"content/.git/config", "x"}, {"content/img/.p.png", "png"}};
  BriefView v = view_of(idea_brief("[env](.env) [git](.git/config) ![p](img/.p.png)\n"), others);
  CHECK(v.press_release_html == "<h2 id=\"press-release\">Press release</h2>\n<p>env git p</p>\n");
  CHECK(v.media.empty());
}

TEST_CASE("a bundle's links resolve from its own folder", "[site][brief_view]") {
  ViewSite site({
      {"content/a.md", idea_brief("A.\n")},
      {"content/x/index.md", idea_brief("![s](shot.png) [a](../a.md) [self](./) [notes](notes.md)\n")},
      {"content/x/shot.png", "png"},
      {"content/x/notes.md", "notes"},
  });
  BriefView v = site.view("content/x/index.md");
  CHECK(v.slug == "x");
  CHECK(v.page == "briefs/x.html");
  CHECK(v.press_release_html ==
        "<h2 id=\"press-release\">Press release</h2>\n"
        "<p><img src=\"../media/x/shot.png\" alt=\"s\"> <a href=\"../briefs/a.html\">a</a> "
        "<a href=\"../briefs/x.html\">self</a> <a href=\"../media/x/notes.md\">notes</a></p>\n");
  CHECK(v.media == std::vector<std::string>{"content/x/notes.md", "content/x/shot.png"});
}

TEST_CASE("a link to a brief uses the brief's page name, also when names clash", "[site][brief_view]") {
  // content/b.md and content/team/b.md both have the slug "b": the first (by
  // path) gets briefs/b.html, the second briefs/b-2.html.
  Files others = {{"content/b.md", idea_brief("B.\n")}, {"content/team/b.md", idea_brief("B2.\n")}};
  BriefView v = view_of(idea_brief("[one](b.md) [two](team/b.md)\n"), others);
  CHECK(v.press_release_html ==
        "<h2 id=\"press-release\">Press release</h2>\n"
        "<p><a href=\"../briefs/b.html\">one</a> <a href=\"../briefs/b-2.html\">two</a></p>\n");
}

TEST_CASE("a journey screen resolves to a site-relative media URL, or to nothing", "[site][brief_view]") {
  std::string text =
      "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n"
      "[[journey]]\nstep = \"Start\"\ndetail = \"Tap Return\"\nscreen = \"img/p.png\"\n"
      "[[journey]]\nstep = \"Missing\"\ndetail = \"d\"\nscreen = \"img/none.png\"\n"
      "[[journey]]\nstep = \"Outside\"\ndetail = \"d\"\nscreen = \"../../etc/passwd\"\naha = true\n"
      "[[journey]]\nstep = \"No screen\"\ndetail = \"d\"\n"
      "+++\nBody.\n";
  BriefView v = view_of(text, {{"content/img/p.png", "png"}});
  REQUIRE(v.journey.size() == 4);
  CHECK(v.journey[0].step == "Start");
  CHECK(v.journey[0].detail == "Tap Return");
  CHECK(v.journey[0].screen_url == "media/img/p.png");
  CHECK_FALSE(v.journey[0].aha);
  CHECK(v.journey[1].screen_url == "");
  CHECK(v.journey[2].screen_url == "");
  CHECK(v.journey[2].aha);
  CHECK(v.journey[3].screen_url == "");
  CHECK(v.media == std::vector<std::string>{"content/img/p.png"});
}

TEST_CASE("metrics are formatted for display, the latest actual by date", "[site][brief_view]") {
  std::string text =
      "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n"
      "[[metric]]\nname = \"Refund time\"\nkind = \"quality\"\ndirection = \"down\"\nunit = \"hours\"\n"
      "baseline = 1234567.5\ntarget = 0.25\nby = 2020-09-30\n"
      "actuals = [{ date = 2020-07-15, value = 2 }, { date = 2020-08-15, value = 1.5 }, "
      "{ date = 2020-06-15, value = 3 }]\n"
      "[[metric]]\nname = \"Adoption\"\n"
      "+++\nBody.\n";
  BriefView v = view_of(text);
  REQUIRE(v.metrics.size() == 2);
  const ViewMetric& m = v.metrics[0];
  CHECK(m.name == "Refund time");
  CHECK(m.kind == "quality");
  CHECK(m.direction == "down");
  CHECK(m.unit == "hours");
  CHECK(m.baseline == "1,234,567.5");
  CHECK(m.baseline == format_number(1234567.5));
  CHECK(m.target == "0.25");
  CHECK(m.by == "2020-09-30");
  CHECK(m.latest == "1.5");
  CHECK(m.latest_date == "2020-08-15");
  CHECK(m.chart_svg.starts_with("<svg"));
  const ViewMetric& empty = v.metrics[1];
  CHECK(empty.name == "Adoption");
  CHECK(empty.baseline == "");
  CHECK(empty.target == "");
  CHECK(empty.by == "");
  CHECK(empty.latest == "");
  CHECK(empty.latest_date == "");
}

TEST_CASE("front matter fields, the business case and the reviews are copied", "[site][brief_view]") {
  std::string text = replace(complete_brief("review"), "owner = [\"jane@acme.example\"]\n",
                             "owner = [\"jane@acme.example\", \"bo@acme.example\"]\nteam = \"Payments\"\n"
                             "tags = [\"refunds\", \"cards\"]\nrelated = [\"b\"]\n");
  text = replace(std::move(text), "date = 2020-01-12\n", "date = 2020-01-12\nnote = \"Ship it\"\n");
  BriefView v = view_of(text);
  CHECK(v.path == "content/a.md");
  CHECK(v.slug == "a");
  CHECK(v.page == "briefs/a.html");
  CHECK(v.hash == ContentHash().add(text).hex());
  CHECK(v.loaded);
  CHECK(v.title == "Instant Refunds");
  CHECK(v.headline == "Acme Pay launches Instant Refunds");
  CHECK(v.subheadline == "Shoppers see the refund on their card in 10 seconds");
  CHECK(v.status == "review");
  CHECK(v.status_value == Status::review);
  CHECK(v.team == "Payments");
  CHECK(v.customer == "Online shoppers who return items");
  CHECK(v.launch == "2020-06-30");
  CHECK(v.reason == "The card networks said no");
  CHECK(v.owners == std::vector<std::string>{"jane@acme.example", "bo@acme.example"});
  CHECK(v.tags == std::vector<std::string>{"refunds", "cards"});
  CHECK(v.related == std::vector<std::string>{"b"});

  CHECK(v.has_business);
  CHECK(v.headcount == "4");
  CHECK(v.months == "6");
  CHECK(v.cost == "480,000");
  CHECK(v.revenue == "");
  CHECK(v.currency == "USD");

  REQUIRE(v.reviews.size() == 3);
  CHECK(v.reviews[0].who == "sam@acme.example");
  CHECK(v.reviews[0].role == "engineering");
  CHECK(v.reviews[0].verdict == "approved");
  CHECK(v.reviews[0].date == "2020-01-10");
  CHECK(v.reviews[0].note == "");
  CHECK(v.reviews[2].who == "max@acme.example");
  CHECK(v.reviews[2].role == "marketing");
  CHECK(v.reviews[2].date == "2020-01-12");
  CHECK(v.reviews[2].note == "Ship it");

  REQUIRE(v.journey.size() == 3);
  CHECK(v.journey[2].step == "Money back");
  CHECK(v.journey[2].aha);
  REQUIRE(v.metrics.size() == 1);
  CHECK(v.metrics[0].baseline == "120");
  CHECK(v.metrics[0].target == "1");
  CHECK(v.metrics[0].latest == "2");
}

TEST_CASE("a brief without a business table has no business case", "[site][brief_view]") {
  BriefView v = view_of(idea_brief("Body.\n"));
  CHECK_FALSE(v.has_business);
  CHECK(v.headcount == "");
  CHECK(v.currency == "");
  CHECK(v.reviews.empty());
  CHECK(v.launch == "");
  CHECK(v.status_value == Status::idea);
}

TEST_CASE("the search text holds the press release, then the questions", "[site][brief_view]") {
  BriefView v = view_of(complete_brief("review"));
  CHECK(v.search_text ==
        "Acme Pay today launched Instant Refunds. Shoppers who return an item get their money back in 10 seconds. "
        "\"I had my money back before I left the shop,\" said Ann Lee, a shopper in Leeds. "
        "\"Our 4 million shoppers waited 5 days for a refund, and now they wait 10 seconds,\" said Bo Chan, head of "
        "payments. "
        "How much does it cost? Who is the customer? What does it cost to build? What are the biggest risks? "
        "What are the dependencies? How will we measure success?");
}

TEST_CASE("the search text holds the announcement of a brief without a press release heading",
          "[site][brief_view]") {
  // The page shows the text before the first heading as the press release;
  // a search for its words must find the brief.
  BriefView v = view_of(idea_brief("Acme launches Instant Refunds.\n\n## Customer FAQ\n\n### Is it free?\n\nYes.\n"));
  CHECK(v.search_text == "Acme launches Instant Refunds. Is it free?");
}

TEST_CASE("the search text is capped on a UTF-8 character boundary", "[site][brief_view]") {
  SECTION("3-byte characters: the cap falls inside one") {
    BriefView v = view_of(idea_brief("## Press release\n\n" + repeat("€", 1000) + "\n"));
    CHECK(v.search_text.size() <= kSearchTextBytes);
    CHECK(first_invalid_utf8(v.search_text) == std::nullopt);
    CHECK(v.search_text == repeat("€", kSearchTextBytes / 3));  // 666 characters, 1998 bytes
  }
  SECTION("4-byte characters after other text") {
    BriefView v = view_of(idea_brief("## Press release\n\nab\n\n" + repeat("😀", 600) + "\n"));
    CHECK(v.search_text.size() <= kSearchTextBytes);
    CHECK(first_invalid_utf8(v.search_text) == std::nullopt);
    CHECK(v.search_text.starts_with("ab 😀"));
  }
  SECTION("2-byte characters: the cap falls between two, and every whole character that fits is kept") {
    BriefView v = view_of(idea_brief("## Press release\n\n" + repeat("é", 1500) + "\n"));
    CHECK(v.search_text.size() <= kSearchTextBytes);
    CHECK(first_invalid_utf8(v.search_text) == std::nullopt);
    CHECK(v.search_text.size() == kSearchTextBytes);
  }
  SECTION("questions beyond the cap are left out") {
    BriefView v = view_of(idea_brief("## Press release\n\n" + repeat("x", 2500) +
                                     "\n\n## Customer FAQ\n\n### Is it free?\n\nYes.\n"));
    CHECK(v.search_text == repeat("x", kSearchTextBytes));
  }
}

TEST_CASE("render=false keeps the metadata, the search text and the media, without HTML", "[site][brief_view]") {
  Files others = {
      {"content/b.md", idea_brief("B.\n")},
      {"content/img/p.png", "png"},
      {"content/img/s.png", "png"},
      {"content/docs/spec.pdf", "pdf"},
  };
  std::string text = replace(complete_brief("approved"), "aha = true\n", "aha = true\nscreen = \"img/s.png\"\n");
  text = replace(std::move(text), "Acme Pay today launched Instant Refunds.",
                 "Acme Pay today launched [Instant Refunds](b.md). ![p](img/p.png)");
  text = replace(std::move(text), "Instant Refunds is free for shoppers.",
                 "Instant Refunds is free for shoppers ([spec](docs/spec.pdf), [gone](gone.pdf)).");
  ViewSite site([&] {
    Files f = others;
    f[std::string(kPath)] = text;
    return f;
  }());
  BriefView full = site.view(std::string(kPath), true);
  BriefView meta = site.view(std::string(kPath), false);

  CHECK(full.rendered);
  CHECK_FALSE(meta.rendered);
  CHECK(meta.loaded == full.loaded);
  CHECK(meta.path == full.path);
  CHECK(meta.slug == full.slug);
  CHECK(meta.page == full.page);
  CHECK(meta.hash == full.hash);
  CHECK(meta.title == full.title);
  CHECK(meta.headline == full.headline);
  CHECK(meta.subheadline == full.subheadline);
  CHECK(meta.status == full.status);
  CHECK(meta.status_value == full.status_value);
  CHECK(meta.team == full.team);
  CHECK(meta.customer == full.customer);
  CHECK(meta.launch == full.launch);
  CHECK(meta.reason == full.reason);
  CHECK(meta.owners == full.owners);
  CHECK(meta.tags == full.tags);
  CHECK(meta.related == full.related);
  CHECK(meta.search_text == full.search_text);
  CHECK(full.media == std::vector<std::string>{"content/docs/spec.pdf", "content/img/p.png", "content/img/s.png"});
  CHECK(meta.media == full.media);

  CHECK(meta.press_release_html.empty());
  CHECK(meta.faqs.empty());
  CHECK(meta.sections.empty());
  CHECK(meta.journey_html.empty());
  CHECK(meta.metrics_html.empty());
  CHECK_FALSE(full.press_release_html.empty());
}

TEST_CASE("render=false lists the same media as render=true for a link in a heading", "[site][brief_view]") {
  // Headings are rendered as inline Markdown: a file linked from a question
  // heading is on the page, and a build that reuses the page (render=false)
  // must publish it too.
  Files files = {
      {std::string(kPath), idea_brief("## Customer FAQ\n\n### What does the [spec](spec.pdf) say?\n\nLittle.\n")},
      {"content/spec.pdf", "pdf"},
  };
  ViewSite site(files);
  BriefView full = site.view(std::string(kPath), true);
  BriefView meta = site.view(std::string(kPath), false);
  REQUIRE(full.faqs.size() == 1);
  REQUIRE(full.faqs[0].questions.size() == 1);
  CHECK(full.faqs[0].questions[0].html ==
        "<h3>What does the <a href=\"../media/spec.pdf\">spec</a> say?</h3>\n<p>Little.</p>\n");
  CHECK(full.media == std::vector<std::string>{"content/spec.pdf"});
  CHECK(meta.media == full.media);
}

TEST_CASE("a brief whose front matter does not parse still has a page", "[site][brief_view]") {
  std::string text = "+++\ntitle = \"T\nstatus = \"idea\"\n+++\n## Press release\n\nX.\n";
  for (bool render : {true, false}) {
    BriefView v = view_of(text, {}, render);
    CHECK_FALSE(v.loaded);
    CHECK(v.path == "content/a.md");
    CHECK(v.slug == "a");
    CHECK(v.page == "briefs/a.html");
    CHECK(v.hash == ContentHash().add(text).hex());
    CHECK(v.title == "");
    CHECK(v.press_release_html == "");
    CHECK(v.search_text == "");
    CHECK(v.media.empty());
  }
}
