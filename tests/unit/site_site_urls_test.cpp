// site/site_urls.cpp: page names and the URLs between the site's files.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "site/site_model.h"
#include "site/site_urls.h"

using prfaq::brief_page_url;
using prfaq::escape_url_path;
using prfaq::media_url;
using prfaq::PageNames;
using prfaq::root_prefix;
using namespace std::string_literals;

namespace {

PageNames names_of(const std::vector<std::string>& keys) {
  PageNames names;
  for (const auto& k : keys) names.add(k);
  names.freeze();
  return names;
}

}  // namespace

TEST_CASE("page names are slugified terms", "[site][site_urls]") {
  PageNames n = names_of({"Payments Team", "Don't panic!", "Zoë Ünal", "data/ml", "a_b"});
  CHECK(n.file("Payments Team") == "payments-team");
  CHECK(n.file("Don't panic!") == "dont-panic");
  CHECK(n.file("Zoë Ünal") == "zoe-unal");
  CHECK(n.file("data/ml") == "data-ml");
  CHECK(n.file("a_b") == "a-b");
}

TEST_CASE("a brief's page name comes from its slug, not its path", "[site][site_urls]") {
  PageNames n;
  n.add("content/payments/instant-refunds.md", "instant-refunds");
  n.add("content/x/index.md", "x");
  n.freeze();
  CHECK(n.file("content/payments/instant-refunds.md") == "instant-refunds");
  CHECK(n.file("content/x/index.md") == "x");
}

TEST_CASE("clashing page names get -2, -3 in sorted key order, also when they differ only in case",
          "[site][site_urls]") {
  PageNames n = names_of({"tag", "TAG", "Tag", "t a g", "T-A-G"});
  // Sorted keys: "T-A-G" "TAG" "Tag" "t a g" "tag"; "T-A-G" and "t a g" slugify to "t-a-g".
  CHECK(n.file("T-A-G") == "t-a-g");
  CHECK(n.file("t a g") == "t-a-g-2");
  CHECK(n.file("TAG") == "tag");
  CHECK(n.file("Tag") == "tag-2");
  CHECK(n.file("tag") == "tag-3");
}

TEST_CASE("briefs with the same slug in different folders get different pages", "[site][site_urls]") {
  PageNames n;
  n.add("content/team/a.md", "a");
  n.add("content/A.md", "A");
  n.add("content/a.md", "a");
  n.freeze();
  CHECK(n.file("content/A.md") == "a");
  CHECK(n.file("content/a.md") == "a-2");
  CHECK(n.file("content/team/a.md") == "a-3");
}

TEST_CASE("a suffixed name never takes another key's own name", "[site][site_urls]") {
  PageNames n = names_of({"a", "A", "a-2"});
  std::vector<std::string> files = {n.file("A"), n.file("a"), n.file("a-2")};
  CHECK(files == std::vector<std::string>{"a", "a-2", "a-2-2"});
}

TEST_CASE("names with nothing ASCII, and empty names, still get a unique page", "[site][site_urls]") {
  PageNames n = names_of({"", "日本", "!!!", "x"});
  // Sorted keys: "" "!!!" "x" "日本".
  CHECK(n.file("") == "x");
  CHECK(n.file("!!!") == "x-2");
  CHECK(n.file("x") == "x-3");
  CHECK(n.file("日本") == "x-4");
}

TEST_CASE("the same names map the same way whatever order they are added in", "[site][site_urls]") {
  std::vector<std::string> keys = {"Ops", "ops", "OPS", "Payments", "Zoë", "", "payments"};
  PageNames a = names_of(keys);
  std::vector<std::string> reversed(keys.rbegin(), keys.rend());
  PageNames b = names_of(reversed);
  for (const auto& k : keys) CHECK(a.file(k) == b.file(k));
  CHECK(a.file("ops") == "ops-3");
}

TEST_CASE("adding a key after freezing reassigns names on the next lookup", "[site][site_urls]") {
  PageNames n;
  n.add("b");
  n.freeze();
  CHECK(n.file("b") == "b");
  n.add("B");
  CHECK(n.file("B") == "b");
  CHECK(n.file("b") == "b-2");
}

TEST_CASE("a reserved name is never a key's file: the key gets -2", "[site][site_urls]") {
  PageNames n({"index"});
  for (const char* k : {"Index", "index", "INDEX", "index-2", "other"}) n.add(k);
  n.freeze();
  // Sorted keys: "INDEX" "Index" "index" "index-2" "other".
  CHECK(n.file("INDEX") == "index-2");
  CHECK(n.file("Index") == "index-3");
  CHECK(n.file("index") == "index-4");
  CHECK(n.file("index-2") == "index-2-2");
  CHECK(n.file("other") == "other");
}

TEST_CASE("the team, tag and owner names of a site leave index to the listing folder's index.html",
          "[site][site_urls]") {
  prfaq::SiteModel site;
  for (auto* names : {&site.teams, &site.tags, &site.owners}) {
    names->add("index");
    names->freeze();
    CHECK(names->file("index") == "index-2");
  }
}

TEST_CASE("brief_page_url puts a page under briefs/", "[site][site_urls]") {
  CHECK(brief_page_url("instant-refunds") == "briefs/instant-refunds.html");
  CHECK(brief_page_url("a-2") == "briefs/a-2.html");
}

TEST_CASE("media_url maps files under content/ to media/, and nothing else", "[site][site_urls]") {
  CHECK(media_url("content/img/p.png") == std::optional<std::string>("media/img/p.png"));
  CHECK(media_url("content/x/index.md") == std::optional<std::string>("media/x/index.md"));
  CHECK(media_url("content/a b.png") == std::optional<std::string>("media/a b.png"));
  CHECK(media_url("content/") == std::nullopt);
  CHECK(media_url("content") == std::nullopt);
  CHECK(media_url("contents/x.png") == std::nullopt);
  CHECK(media_url("prfaq.toml") == std::nullopt);
  CHECK(media_url("docs/content/x.png") == std::nullopt);
  CHECK(media_url("") == std::nullopt);
}

TEST_CASE("escape_url_path percent-encodes what may not appear raw in a URL path", "[site][site_urls]") {
  CHECK(escape_url_path("media/my pic.png") == "media/my%20pic.png");
  CHECK(escape_url_path("a\"b") == "a%22b");
  CHECK(escape_url_path("a'b`c") == "a%27b%60c");
  CHECK(escape_url_path("a<b>c") == "a%3Cb%3Ec");
  CHECK(escape_url_path("a#b?c") == "a%23b%3Fc");
  CHECK(escape_url_path("100%.png") == "100%25.png");
  CHECK(escape_url_path("a\\b") == "a%5Cb");
  CHECK(escape_url_path("a\x01\x1F\x7F"s + "b") == "a%01%1F%7Fb");
  CHECK(escape_url_path("a\nb\tc") == "a%0Ab%09c");
  CHECK(escape_url_path("a\0b"s) == "a%00b");
}

TEST_CASE("escape_url_path keeps UTF-8, '/' and ordinary characters as they are", "[site][site_urls]") {
  CHECK(escape_url_path("media/zoë/日本.png") == "media/zoë/日本.png");
  CHECK(escape_url_path("briefs/a-2.html") == "briefs/a-2.html");
  CHECK(escape_url_path("a+b=c&d;e,f(g)~h!i*j@k:l$m") == "a+b=c&d;e,f(g)~h!i*j@k:l$m");
  CHECK(escape_url_path("") == "");
}

TEST_CASE("root_prefix climbs one folder per level", "[site][site_urls]") {
  CHECK(root_prefix(0) == "");
  CHECK(root_prefix(1) == "../");
  CHECK(root_prefix(3) == "../../../");
}

TEST_CASE("a page is never named after a Windows device (con, nul, com1)", "[site][site_urls]") {
  PageNames n = names_of({"CON", "nul", "Com1", "com10", "lpt9", "console", "aux-x"});
  CHECK(n.file("CON") == "con-2");
  CHECK(n.file("nul") == "nul-2");
  CHECK(n.file("Com1") == "com1-2");
  CHECK(n.file("lpt9") == "lpt9-2");
  CHECK(n.file("com10") == "com10");
  CHECK(n.file("console") == "console");
  CHECK(n.file("aux-x") == "aux-x");
}
