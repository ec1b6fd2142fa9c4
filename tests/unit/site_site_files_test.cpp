// site/site_files.cpp: the feed, the sitemap, briefs.json and the search index.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "site/site_files.h"
#include "util/utf8.h"

using namespace prfaq;
using namespace std::string_literals;

namespace {

// A strict JSON parser that only says whether `text` is one JSON value
// (RFC 8259): enough to know a consumer's parser will accept the file.
class JsonCheck {
 public:
  static bool valid(std::string_view text) {
    if (first_invalid_utf8(text)) return false;
    JsonCheck c(text);
    c.ws();
    if (!c.value()) return false;
    c.ws();
    return c.i_ == text.size();
  }

 private:
  explicit JsonCheck(std::string_view t) : t_(t) {}
  bool eat(char c) {
    if (i_ < t_.size() && t_[i_] == c) return ++i_, true;
    return false;
  }
  bool word(std::string_view w) {
    if (t_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  void ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
  }
  bool digits() {
    std::size_t from = i_;
    while (i_ < t_.size() && std::isdigit(static_cast<unsigned char>(t_[i_]))) ++i_;
    return i_ > from;
  }
  bool number() {
    eat('-');
    if (eat('0')) {
    } else if (!digits()) {
      return false;
    }
    if (eat('.') && !digits()) return false;
    if (eat('e') || eat('E')) {
      if (!eat('+')) eat('-');
      if (!digits()) return false;
    }
    return true;
  }
  bool string() {
    if (!eat('"')) return false;
    while (i_ < t_.size()) {
      auto c = static_cast<unsigned char>(t_[i_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;
      if (c == '\\') {
        if (i_ >= t_.size()) return false;
        char e = t_[i_++];
        if (e == 'u') {
          for (int k = 0; k < 4; ++k)
            if (i_ >= t_.size() || !std::isxdigit(static_cast<unsigned char>(t_[i_++]))) return false;
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return false;
        }
      }
    }
    return false;
  }
  bool value() {
    if (++depth_ > 100) return false;
    bool ok = false;
    if (i_ >= t_.size()) return false;
    char c = t_[i_];
    if (c == '{') {
      ++i_;
      ws();
      ok = true;
      if (!eat('}')) {
        do {
          ws();
          if (!string()) return false;
          ws();
          if (!eat(':')) return false;
          ws();
          if (!value()) return false;
          ws();
        } while (eat(','));
        ok = eat('}');
      }
    } else if (c == '[') {
      ++i_;
      ws();
      ok = true;
      if (!eat(']')) {
        do {
          ws();
          if (!value()) return false;
          ws();
        } while (eat(','));
        ok = eat(']');
      }
    } else if (c == '"') {
      ok = string();
    } else if (c == 't') {
      ok = word("true");
    } else if (c == 'f') {
      ok = word("false");
    } else if (c == 'n') {
      ok = word("null");
    } else {
      ok = number();
    }
    --depth_;
    return ok;
  }
  std::string_view t_;
  std::size_t i_ = 0;
  int depth_ = 0;
};

BriefView view(std::string slug, std::string title) {
  BriefView v;
  v.path = "content/" + slug + ".md";
  v.slug = slug;
  v.page = "briefs/" + slug + ".html";
  v.loaded = true;
  v.rendered = true;
  v.title = std::move(title);
  return v;
}

SiteBrief brief_of(BriefView v) {
  SiteBrief sb;
  sb.view = std::move(v);
  return sb;
}

// One brief with every field set, Git history and a check summary.
struct OneBrief {
  SiteModel site;
  BriefSummary summary;
  FileHistory history;

  OneBrief() {
    site.title = "Acme briefs";
    BriefView v = view("instant-refunds", "Instant Refunds");
    v.headline = "Acme Pay launches Instant Refunds";
    v.subheadline = "In 10 seconds";
    v.status = "review";
    v.status_value = Status::review;
    v.team = "Payments";
    v.customer = "Online shoppers";
    v.launch = "2020-06-30";
    v.owners = {"jane@acme.example", "bo@acme.example"};
    v.tags = {"refunds", "cards"};
    v.search_text = "Acme Pay today launched Instant Refunds. How much does it cost?";
    summary.path = v.path;
    summary.readiness = Status::draft;
    summary.missing_for_next = {"3 sign-offs"};
    summary.errors = 1;
    summary.warnings = 2;
    history.created = "2020-01-02";
    history.updated = "2020-02-03";
    history.authors = {"Jane Doe", "Bo Chan"};
    history.commits = {0};
    SiteBrief sb;
    sb.view = std::move(v);
    site.briefs.push_back(std::move(sb));
    site.briefs[0].summary = &summary;
    site.briefs[0].history = &history;
    site.has_history = true;
  }
  OneBrief(const OneBrief&) = delete;
};

}  // namespace

TEST_CASE("briefs.json of one brief, every field", "[site][site_files]") {
  OneBrief one;
  std::string json = briefs_json(one.site);
  CHECK(json ==
        "{\n"
        "  \"version\": 1,\n"
        "  \"site\": {\"title\": \"Acme briefs\", \"base_url\": null},\n"
        "  \"shallow_history\": false,\n"
        "  \"briefs\": [\n"
        "    {\"slug\": \"instant-refunds\", \"path\": \"content/instant-refunds.md\", "
        "\"url\": \"briefs/instant-refunds.html\", \"title\": \"Instant Refunds\", "
        "\"headline\": \"Acme Pay launches Instant Refunds\", \"subheadline\": \"In 10 seconds\", "
        "\"status\": \"review\", \"readiness\": \"draft\", \"missing_for_next\": [\"3 sign-offs\"], "
        "\"owner\": [\"jane@acme.example\", \"bo@acme.example\"], \"team\": \"Payments\", "
        "\"customer\": \"Online shoppers\", \"tags\": [\"refunds\", \"cards\"], \"related\": [], "
        "\"launch\": \"2020-06-30\", \"created\": \"2020-01-02\", \"updated\": \"2020-02-03\", "
        "\"authors\": [\"Jane Doe\", \"Bo Chan\"], \"errors\": 1, \"warnings\": 2}\n"
        "  ]\n"
        "}\n");
  CHECK(JsonCheck::valid(json));
}

TEST_CASE("briefs.json writes null for empty fields and absolute URLs with a base URL", "[site][site_files]") {
  SiteModel site;
  site.title = "Briefs";
  site.base_url = "https://x.example/briefs/";
  site.history.shallow = true;
  site.briefs.push_back(brief_of(view("a", "")));
  std::string json = briefs_json(site);
  CHECK(json ==
        "{\n"
        "  \"version\": 1,\n"
        "  \"site\": {\"title\": \"Briefs\", \"base_url\": \"https://x.example/briefs/\"},\n"
        "  \"shallow_history\": true,\n"
        "  \"briefs\": [\n"
        "    {\"slug\": \"a\", \"path\": \"content/a.md\", \"url\": \"https://x.example/briefs/briefs/a.html\", "
        "\"title\": null, \"headline\": null, \"subheadline\": null, \"status\": null, \"readiness\": null, "
        "\"missing_for_next\": [], \"owner\": [], \"team\": null, \"customer\": null, \"tags\": [], "
        "\"related\": [], \"launch\": null, \"created\": null, \"updated\": null, \"authors\": [], "
        "\"errors\": 0, \"warnings\": 0}\n"
        "  ]\n"
        "}\n");
  CHECK(JsonCheck::valid(json));
}

TEST_CASE("briefs.json of no briefs, and related briefs by slug", "[site][site_files]") {
  SiteModel empty;
  empty.title = "T";
  CHECK(briefs_json(empty) ==
        "{\n  \"version\": 1,\n  \"site\": {\"title\": \"T\", \"base_url\": null},\n"
        "  \"shallow_history\": false,\n  \"briefs\": []\n}\n");
  CHECK(JsonCheck::valid(briefs_json(empty)));

  SiteModel site;
  site.briefs.push_back(brief_of(view("a", "A")));
  site.briefs.push_back(brief_of(view("b", "B")));
  site.briefs.push_back(brief_of(view("c", "C")));
  site.briefs[0].related_out = {2, 1};
  std::string json = briefs_json(site);
  CHECK(JsonCheck::valid(json));
  CHECK(json.find("\"slug\": \"a\", ") != std::string::npos);
  CHECK(json.find("\"related\": [\"c\", \"b\"]") != std::string::npos);
}

TEST_CASE("briefs.json stays valid JSON whatever the text holds", "[site][site_files]") {
  SiteModel site;
  site.title = "Q \"x\" \\ y\nz\x01";
  BriefView v = view("a", "Tab\there </script> \xFF bad byte");
  v.tags = {"a\"b", "c\\d"};
  site.briefs.push_back(brief_of(v));
  std::string json = briefs_json(site);
  CHECK(JsonCheck::valid(json));
  CHECK(json.find("\"title\": \"Q \\\"x\\\" \\\\ y\\nz\\u0001\"") != std::string::npos);
  CHECK(json.find("\"title\": \"Tab\\there </script> \xEF\xBF\xBD bad byte\"") != std::string::npos);
  CHECK(json.find("\"tags\": [\"a\\\"b\", \"c\\\\d\"]") != std::string::npos);
}

TEST_CASE("the Atom feed without a base URL: escaped text, urn ids, relative links", "[site][site_files]") {
  OneBrief one;
  one.site.title = "R&D <briefs> \"new\" 'q'\x01\x1F";
  one.site.briefs[0].view.title = "Refunds <now> & \"fast\" 'ok'\x02";
  one.site.briefs[0].view.owners = {"Jane <jane@acme.example>"};
  std::string feed = atom_feed(one.site);
  CHECK(feed ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        "  <title>R&amp;D &lt;briefs&gt; &quot;new&quot; &#39;q&#39;\uFFFD\uFFFD</title>\n"
        "  <subtitle>New and changed briefs</subtitle>\n"
        "  <id>urn:prfaq:feed</id>\n"
        "  <link rel=\"self\" href=\"feed.xml\"/>\n"
        "  <link href=\"index.html\"/>\n"
        "  <updated>2020-02-03T00:00:00Z</updated>\n"
        "  <generator version=\"" PRFAQ_VERSION "\">prfaq</generator>\n"
        "  <entry>\n"
        "    <title>Refunds &lt;now&gt; &amp; &quot;fast&quot; &#39;ok&#39;\uFFFD</title>\n"
        "    <id>urn:prfaq:brief:instant-refunds</id>\n"
        "    <link href=\"briefs/instant-refunds.html\"/>\n"
        "    <published>2020-01-02T00:00:00Z</published>\n"
        "    <updated>2020-02-03T00:00:00Z</updated>\n"
        "    <author><name>Jane &lt;jane@acme.example&gt;</name></author>\n"
        "    <category term=\"review\"/>\n"
        "    <summary>Acme Pay launches Instant Refunds</summary>\n"
        "  </entry>\n"
        "</feed>\n");
}

TEST_CASE("the Atom feed with a base URL has absolute links and ids", "[site][site_files]") {
  OneBrief one;
  one.site.base_url = "https://x.example/briefs/";
  std::string feed = atom_feed(one.site);
  CHECK(feed.find("  <id>https://x.example/briefs/feed.xml</id>\n"
                  "  <link rel=\"self\" href=\"https://x.example/briefs/feed.xml\"/>\n"
                  "  <link href=\"https://x.example/briefs/index.html\"/>\n") != std::string::npos);
  CHECK(feed.find("    <id>https://x.example/briefs/briefs/instant-refunds.html</id>\n"
                  "    <link href=\"https://x.example/briefs/briefs/instant-refunds.html\"/>\n") != std::string::npos);
}

TEST_CASE("feed entry ids stay the same when a brief's title, text or dates change", "[site][site_files]") {
  OneBrief one;
  auto entry_id = [&] {
    std::string feed = atom_feed(one.site);
    auto entry = feed.find("<entry>");
    auto from = feed.find("<id>", entry);
    return feed.substr(from, feed.find("</id>", from) - from);
  };
  std::string before = entry_id();
  CHECK(atom_feed(one.site) == atom_feed(one.site));
  one.site.briefs[0].view.title = "Renamed";
  one.site.briefs[0].view.headline = "Another headline";
  one.history.updated = "2021-01-01";
  CHECK(entry_id() == before);
  CHECK(before == "<id>urn:prfaq:brief:instant-refunds");
}

TEST_CASE("the feed without Git history has no entries and says so", "[site][site_files]") {
  SiteModel site;
  site.title = "T";
  site.briefs.push_back(brief_of(view("a", "")));
  CHECK(atom_feed(site) ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        "  <title>T</title>\n"
        "  <subtitle>Briefs (no Git history: the feed has no entries)</subtitle>\n"
        "  <id>urn:prfaq:feed</id>\n"
        "  <link rel=\"self\" href=\"feed.xml\"/>\n"
        "  <link href=\"index.html\"/>\n"
        "  <updated>1970-01-01T00:00:00Z</updated>\n"
        "  <generator version=\"" PRFAQ_VERSION "\">prfaq</generator>\n"
        "</feed>\n");
}

TEST_CASE("a feed entry: the slug for a missing title, no empty elements, uncommitted briefs left out",
          "[site][site_files]") {
  OneBrief one;
  one.site.briefs.push_back(brief_of(view("new", "Not committed yet")));
  BriefView& v = one.site.briefs[0].view;
  v.title.clear();
  v.owners.clear();
  v.status.clear();
  v.headline.clear();
  v.subheadline.clear();
  std::string feed = atom_feed(one.site);
  CHECK(feed.find("  <entry>\n"
                  "    <title>instant-refunds</title>\n"
                  "    <id>urn:prfaq:brief:instant-refunds</id>\n"
                  "    <link href=\"briefs/instant-refunds.html\"/>\n"
                  "    <published>2020-01-02T00:00:00Z</published>\n"
                  "    <updated>2020-02-03T00:00:00Z</updated>\n"
                  "    <author><name>unknown</name></author>\n"
                  "  </entry>\n"
                  "</feed>\n") != std::string::npos);
  CHECK(feed.find("Not committed yet") == std::string::npos);
  CHECK(feed.find("<title>new</title>") == std::string::npos);
}

TEST_CASE("a base URL without a scheme keeps URN ids", "[site][site_files]") {
  OneBrief one;
  one.site.base_url = "/briefs/";
  std::string feed = atom_feed(one.site);
  CHECK(feed.find("  <id>urn:prfaq:feed</id>\n  <link rel=\"self\" href=\"/briefs/feed.xml\"/>\n") !=
        std::string::npos);
  CHECK(feed.find("    <id>urn:prfaq:brief:instant-refunds</id>\n"
                  "    <link href=\"/briefs/briefs/instant-refunds.html\"/>\n") != std::string::npos);
}

TEST_CASE("the feed holds the most recently updated briefs, newest first", "[site][site_files]") {
  SiteModel site;
  site.has_history = true;
  std::vector<FileHistory> histories(kFeedEntries + 5);
  for (std::size_t i = 0; i < histories.size(); ++i) {
    char date[16];
    std::snprintf(date, sizeof date, "2020-%02zu-%02zu", 1 + i / 28, 1 + i % 28);
    histories[i].created = histories[i].updated = date;
    site.briefs.push_back(brief_of(view("b" + std::to_string(i), "B" + std::to_string(i))));
  }
  for (std::size_t i = 0; i < histories.size(); ++i) site.briefs[i].history = &histories[i];
  std::string feed = atom_feed(site);
  std::size_t entries = 0;
  for (std::size_t at = 0; (at = feed.find("<entry>", at)) != std::string::npos; ++at) ++entries;
  CHECK(entries == kFeedEntries);
  std::string newest = "<title>B" + std::to_string(histories.size() - 1) + "</title>";
  CHECK(feed.find(newest) < feed.find("<title>B" + std::to_string(histories.size() - 2) + "</title>"));
  CHECK(feed.find("<title>B0</title>") == std::string::npos);  // among the oldest five
  CHECK(feed.find("<updated>" + histories.back().updated + "T00:00:00Z</updated>") <
        feed.find("<entry>"));
}

TEST_CASE("sitemap.xml lists every page, with lastmod from a brief's history", "[site][site_files]") {
  OneBrief one;
  one.site.base_url = "https://x.example/";
  std::string xml = sitemap_xml(one.site, {"index.html", "briefs/instant-refunds.html", "tag/r&d.html"});
  CHECK(xml ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "  <url><loc>https://x.example/index.html</loc></url>\n"
        "  <url><loc>https://x.example/briefs/instant-refunds.html</loc><lastmod>2020-02-03</lastmod></url>\n"
        "  <url><loc>https://x.example/tag/r&amp;d.html</loc></url>\n"
        "</urlset>\n");
  one.site.briefs[0].history = nullptr;
  CHECK(sitemap_xml(one.site, {"briefs/instant-refunds.html"}).find("<lastmod>") == std::string::npos);
}

TEST_CASE("the search index is a script assigning one JSON value", "[site][site_files]") {
  OneBrief one;
  std::string js = search_index_js(one.site);
  CHECK(js ==
        "window.PRFAQ_SEARCH = {\"briefs\": [\n"
        "{\"t\": \"Instant Refunds\", \"h\": \"Acme Pay launches Instant Refunds\", \"s\": \"review\", "
        "\"m\": \"Payments\", \"u\": \"briefs/instant-refunds.html\", "
        "\"x\": \"Acme Pay today launched Instant Refunds. How much does it cost?\"}\n"
        "]};\n");
  constexpr std::string_view prefix = "window.PRFAQ_SEARCH = ";
  REQUIRE(js.starts_with(prefix));
  REQUIRE(js.ends_with(";\n"));
  CHECK(JsonCheck::valid(std::string_view(js).substr(prefix.size(), js.size() - prefix.size() - 2)));
}

TEST_CASE("the search index keeps brief text inside JSON strings", "[site][site_files]") {
  SiteModel site;
  BriefView v = view("a", "");
  v.search_text = "He said \"hi\" \\ then\nleft </script><script>alert(1)</script> \x01 \xC3";
  v.headline = "Line\r\nbreak";
  site.briefs.push_back(brief_of(v));
  std::string js = search_index_js(site);
  constexpr std::string_view prefix = "window.PRFAQ_SEARCH = ";
  REQUIRE(js.starts_with(prefix));
  CHECK(JsonCheck::valid(std::string_view(js).substr(prefix.size(), js.size() - prefix.size() - 2)));
  CHECK(js.find("\"t\": \"a\"") != std::string::npos);  // the slug when there is no title
  CHECK(js.find("\"h\": \"Line\\r\\nbreak\"") != std::string::npos);
  CHECK(js.find("\"x\": \"He said \\\"hi\\\" \\\\ then\\nleft </script><script>alert(1)</script> \\u0001 "
                "\xEF\xBF\xBD\"}") != std::string::npos);
  // One line per brief: no raw line break from the text.
  CHECK(std::count(js.begin(), js.end(), '\n') == 3);
}

TEST_CASE("the search index of no briefs", "[site][site_files]") {
  CHECK(search_index_js(SiteModel{}) == "window.PRFAQ_SEARCH = {\"briefs\": [\n]};\n");
}
