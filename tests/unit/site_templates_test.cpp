// site/templates.cpp: Mustache data helpers and rendering with the layout.
#include <string>

#include "site/pages.h"
#include "site/templates.h"
#include "support.h"

using namespace prfaq;
using namespace prfaq::test;

namespace {

// A theme whose templates are the built-in ones plus `templates` (name -> text).
Theme theme_with(const std::map<std::string, std::string>& templates) {
  Files files;
  for (const auto& [name, text] : templates) files["site-theme/templates/" + name + ".html"] = text;
  return Theme::load(MemorySource(files));
}

}  // namespace

TEST_CASE("text() sets false for an empty string, so sections skip it", "[site][templates]") {
  Theme theme = theme_with({{"t", "[{{#k}}x{{/k}}]"}});
  Templates templates(theme);
  Data d = object_data();
  text(d, "k", "");
  CHECK(templates.render_bare("t", d) == "[]");
  text(d, "k", "v");
  CHECK(templates.render_bare("t", d) == "[x]");
}

TEST_CASE("an empty value never falls through to an enclosing context", "[site][templates]") {
  Theme theme = theme_with({{"t", "{{#items}}[{{#k}}{{k}}{{/k}}{{^k}}none{{/k}}]{{/items}}"}});
  Templates templates(theme);
  Data d = object_data();
  text(d, "k", "outer");
  Data items = list_data();
  Data a = object_data(), b = object_data();
  text(a, "k", "");
  text(b, "k", "inner");
  append(items, std::move(a));
  append(items, std::move(b));
  set(d, "items", std::move(items));
  CHECK(templates.render_bare("t", d) == "[none][inner]");
}

TEST_CASE("values are HTML-escaped and only triple braces write raw HTML", "[site][templates]") {
  Theme theme = theme_with({{"t", "{{v}}|{{{raw}}}"}, {"layout", "<main>{{{main}}}</main>"}});
  Templates templates(theme);
  Data d = object_data();
  text(d, "v", "<script>alert(\"x\" & 'y')</script>");
  d["raw"] = Data("<b>ok</b>");
  CHECK(templates.render("t", d) == "<main>&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;|<b>ok</b></main>");
}

TEST_CASE("values in templates and their partials lose the characters HTML calls parse errors",
          "[site][templates]") {
  // As escape_markup (util_escape_markup_test.cpp) does for the feed and the charts: U+FFFD in their place.
  Theme theme = theme_with({{"t", "{{v}}|{{> card_list}}"}, {"card_list", "{{v}}"}, {"layout", "{{{main}}}"}});
  Templates templates(theme);
  Data d = object_data();
  text(d, "v", std::string("H \0 \x01\x7F\uFFFE", 9));
  CHECK(templates.render("t", d) == "H \uFFFD \uFFFD\uFFFD\uFFFD|H \uFFFD \uFFFD\uFFFD\uFFFD");
}

TEST_CASE("render wraps the page in the built-in layout", "[site][templates]") {
  Theme theme = theme_with({{"t", "<p>{{heading}}</p>"}});
  Templates templates(theme);
  SiteModel site;
  site.title = "Acme <briefs>";
  Data d = layout_data(site, 1, "tag/x.html", "Tag <x>");
  text(d, "heading", "<script>alert(1)</script>");
  std::string html = templates.render("t", d);
  CHECK(html.starts_with("<!DOCTYPE html>\n"));
  CHECK(html.find("<title>Tag &lt;x&gt; · Acme &lt;briefs&gt;</title>") != std::string::npos);
  CHECK(html.find("<link rel=\"stylesheet\" href=\"../assets/style.css\">") != std::string::npos);
  CHECK(html.find("<main id=\"main\">\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n</main>") != std::string::npos);
  CHECK(html.find("<script>alert(1)") == std::string::npos);
}

TEST_CASE("templates may include the theme's card list as a partial", "[site][templates]") {
  Theme theme = theme_with({{"t", "{{>card_list}}"},
                            {"card_list", "<ul>{{#cards}}<li>{{title}}</li>{{/cards}}</ul>"},
                            {"layout", "{{{main}}}"}});
  Templates templates(theme);
  Data d = object_data();
  Data cards = list_data();
  Data c = object_data();
  text(c, "title", "A & B");
  append(cards, std::move(c));
  set(d, "cards", std::move(cards));
  CHECK(templates.render("t", d) == "<ul><li>A &amp; B</li></ul>");
}

TEST_CASE("append, set and string_data render the same as copies", "[site][templates]") {
  Theme theme = theme_with({{"t", "{{title}}:{{#rows}}({{name}}{{#tags}} {{.}}{{/tags}}){{/rows}}|{{{body}}}"}});
  Templates templates(theme);
  auto row = [](const std::string& name) {
    Data r = object_data();
    text(r, "name", name);
    Data tags = list_data();
    tags.push_back(Data("t1"));
    tags.push_back(Data("t<2>"));
    r.set("tags", tags);
    return r;
  };

  Data copied = object_data();
  text(copied, "title", "Title");
  Data rows_c = list_data();
  for (const char* n : {"a", "b", "c"}) rows_c.push_back(row(n));
  copied.set("rows", rows_c);
  copied.set("body", Data(std::string("<p>body</p>")));

  Data moved = object_data();
  text(moved, "title", "Title");
  Data rows_m = list_data();
  for (const char* n : {"a", "b", "c"}) append(rows_m, row(n));
  set(moved, "rows", std::move(rows_m));
  set(moved, "body", string_data(std::string("<p>body</p>")));

  std::string expected = "Title:(a t1 t&lt;2&gt;)(b t1 t&lt;2&gt;)(c t1 t&lt;2&gt;)|<p>body</p>";
  CHECK(templates.render_bare("t", copied) == expected);
  CHECK(templates.render_bare("t", moved) == expected);
  CHECK(string_data(std::string("x")).is_string());
  CHECK(string_data(std::string("x")).string_value() == "x");
}

TEST_CASE("a template is parsed once and rendered many times", "[site][templates]") {
  Theme theme = theme_with({{"t", "{{n}}"}});
  Templates templates(theme);
  for (int i = 0; i < 3; ++i) {
    Data d = object_data();
    text(d, "n", std::to_string(i));
    CHECK(templates.render_bare("t", d) == std::to_string(i));
  }
}
