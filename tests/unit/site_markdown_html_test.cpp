// site/markdown_html.cpp: brief Markdown to safe HTML for the static site.
#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "site/markdown_html.h"
#include "util/utf8.h"

using prfaq::AnchorIds;
using prfaq::HtmlRender;
using prfaq::is_dangerous_url;
using prfaq::markdown_to_html;
using namespace std::string_literals;

namespace {

// A rewrite that maps brief links to pages and records every call.
struct Recorder {
  std::vector<std::string> calls;
  HtmlRender render() {
    HtmlRender r;
    r.rewrite = [this](std::string_view url, bool image) -> std::optional<std::string> {
      calls.push_back(std::string(image ? "img " : "a ") + std::string(url));
      if (image && url.starts_with("media/")) return "../" + std::string(url);
      if (std::size_t md = url.find(".md"); md != std::string_view::npos)
        return "../briefs/" + std::string(url.substr(url.rfind('/', md) + 1, md - url.rfind('/', md) - 1)) +
               ".html" + std::string(url.substr(md + 3));
      return std::nullopt;
    };
    return r;
  }
};

}  // namespace

TEST_CASE("raw HTML is shown as text, never as HTML", "[site][markdown_html]") {
  CHECK(markdown_to_html("<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>.\n") ==
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
        "<p>Text &lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;.</p>\n");
  CHECK(markdown_to_html("<div>\n*hi*\n</div>\n") == "<p>&lt;div&gt;\n<em>hi</em>\n&lt;/div&gt;</p>\n");
}

TEST_CASE("HTML comments are dropped, on their own lines and inline", "[site][markdown_html]") {
  CHECK(markdown_to_html("Intro\n<!-- prfaq-disable weasel-words -->\nMore\n") == "<p>Intro</p>\n<p>More</p>\n");
  CHECK(markdown_to_html("<!-- prfaq-disable-file -->\n# Title\n") == "<h1>Title</h1>\n");
  CHECK(markdown_to_html("Cost is low <!-- prfaq-disable x --> today.\n") == "<p>Cost is low today.</p>\n");
  CHECK(markdown_to_html("a <!-- x -->\nb<!-- y -->c\n") == "<p>a\nbc</p>\n");
  CHECK(markdown_to_html("Text <!-- spans\ntwo lines --> end.\n") == "<p>Text end.</p>\n");
  CHECK(markdown_to_html("<!--\nlong\n\n[x]: javascript:y\n-->\nText\n") == "<p>Text</p>\n");
  CHECK(markdown_to_html("> a\n> <!-- x -->\n> b\n") == "<blockquote>\n<p>a</p>\n<p>b</p>\n</blockquote>\n");
  CHECK(markdown_to_html("- a <!-- x -->\n- b\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
  // An unclosed comment hides the rest, as it does in a browser.
  CHECK(markdown_to_html("a\n\n<!-- never closed\n\nb\n") == "<p>a</p>\n");
}

TEST_CASE("comment-like text in code or escaped stays visible", "[site][markdown_html]") {
  CHECK(markdown_to_html("`<!-- x -->` and\n\n```\n<!-- y -->\n```\n\n    <!-- z -->\n") ==
        "<p><code>&lt;!-- x --&gt;</code> and</p>\n"
        "<pre><code>&lt;!-- y --&gt;\n</code></pre>\n"
        "<pre><code>&lt;!-- z --&gt;\n</code></pre>\n");
  CHECK(markdown_to_html("\\<!-- shown --> <!-- hidden -->\n") == "<p>&lt;!-- shown --&gt;</p>\n");
}

TEST_CASE("GitHub Markdown: tables, task lists, strikethrough, autolinks, nested lists", "[site][markdown_html]") {
  CHECK(markdown_to_html("| Plan | Fee |\n|:-----|----:|\n| Free | ~~$1~~ 0 |\n") ==
        "<table>\n<thead>\n<tr>\n<th align=\"left\">Plan</th>\n<th align=\"right\">Fee</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td align=\"left\">Free</td>\n<td align=\"right\"><del>$1</del> 0</td>\n</tr>\n</tbody>\n"
        "</table>\n");
  CHECK(markdown_to_html("- [x] US\n- [ ] EU\n  1. licence\n  2. `flag`\n") ==
        "<ul>\n"
        "<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled checked>"
        "US</li>\n"
        "<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled>EU<ol>\n"
        "<li>licence</li>\n<li><code>flag</code></li>\n</ol>\n</li>\n</ul>\n");
  CHECK(markdown_to_html("See www.example.com/a?b=1&c=2 or <https://example.com>.\n") ==
        "<p>See <a href=\"http://www.example.com/a?b=1&amp;c=2\">www.example.com/a?b=1&amp;c=2</a> or "
        "<a href=\"https://example.com\">https://example.com</a>.</p>\n");
}

TEST_CASE("a URL is dangerous once decoded as a browser would", "[site][markdown_html]") {
  for (const char* url : {"javascript:alert(1)", " JaVaScRiPt:x", "java\tscript:x", "java\nscript:x",
                          "&#106;avascript:x", "&#x6A;avascript:x", "&#106avascript:x", "%6Aavascript:x",
                          "javascript&colon;x", "jav&#x09;ascript:x", "\x01javascript:x", "vbscript:x",
                          "VBScript:x", "data:text/html;base64,PHNjcmlwdD4=", "DATA:image/png,x"}) {
    INFO(url);
    CHECK(is_dangerous_url(url));
  }
  for (const char* url : {"", "https://example.com/javascript:x", "../payments/refunds.md", "#faq",
                          "mailto:a@example.com", "javascript-guide.md", "/javascript:x", "datab:x", "java"}) {
    INFO(url);
    CHECK_FALSE(is_dangerous_url(url));
  }
}

TEST_CASE("links with dangerous URLs become their text", "[site][markdown_html]") {
  CHECK(markdown_to_html("[a](javascript:alert(1)) [b](<java&#9;script:x>) [c](&#106;avascript:x) "
                         "[d](%6Aavascript:x) [e]( JaVaScRiPt:x) [**f**][r] <javascript:alert(1)> "
                         "[g](javascript&colon;x) [ok](#top)\n\n[r]: vbscript:msgbox(1)\n") ==
        "<p>a b c d e <strong>f</strong> javascript:alert(1) g <a href=\"#top\">ok</a></p>\n");
}

TEST_CASE("images with dangerous sources become their alt text", "[site][markdown_html]") {
  CHECK(markdown_to_html("![a *b* \"c\" <d>](javascript:x \"t\") ![e](data:image/png;base64,AAA) "
                         "[![f](ok.png)](javascript:x)\n") ==
        "<p>a b &quot;c&quot; &lt;d&gt; e <img src=\"ok.png\" alt=\"f\"></p>\n");
}

TEST_CASE("rewrite maps .md links and images, other URLs kept", "[site][markdown_html]") {
  Recorder rec;
  CHECK(markdown_to_html("[Payments](../payments/refunds.md#faq \"FAQ\") ![Chart](media/chart.png) "
                         "[ext](https://example.com/a?b=1&c=2) [bad](javascript:x)\n",
                         rec.render()) ==
        "<p><a href=\"../briefs/refunds.html#faq\" title=\"FAQ\">Payments</a> "
        "<img src=\"../media/chart.png\" alt=\"Chart\"> "
        "<a href=\"https://example.com/a?b=1&amp;c=2\">ext</a> bad</p>\n");
  CHECK(rec.calls == std::vector<std::string>{"a ../payments/refunds.md#faq", "img media/chart.png",
                                              "a https://example.com/a?b=1&c=2"});
}

TEST_CASE("rewrite sees the destination as written, entities decoded", "[site][markdown_html]") {
  Recorder rec;
  HtmlRender keep = rec.render();
  keep.rewrite = [&](std::string_view url, bool) -> std::optional<std::string> {
    rec.calls.emplace_back(url);
    return std::nullopt;
  };
  CHECK(markdown_to_html("[a](my%20file.md) [b](<my file.md>) [c](a&amp;b.md) [d](x\\_y.md) [e](caf%C3%A9 \"t\") "
                         "![f ![g](in.png)](out%21.png) ![h](%20.png)\n",
                         keep) ==
        "<p><a href=\"my%20file.md\">a</a> <a href=\"my%20file.md\">b</a> <a href=\"a&amp;b.md\">c</a> "
        "<a href=\"x_y.md\">d</a> <a href=\"caf%C3%A9\" title=\"t\">e</a> "
        "<img src=\"out%21.png\" alt=\"f g\"> <img src=\"%20.png\" alt=\"h\"></p>\n");
  CHECK(rec.calls == std::vector<std::string>{"my%20file.md", "my file.md", "a&b.md", "x_y.md", "caf%C3%A9",
                                              "out%21.png", "%20.png"});
}

TEST_CASE("a rewritten URL is escaped for the attribute, checked, and may drop the link", "[site][markdown_html]") {
  HtmlRender r;
  r.rewrite = [](std::string_view url, bool) -> std::optional<std::string> {
    if (url == "q.md") return std::string("x\".html?a=1&b=<'>");
    if (url == "gone.md") return std::string();
    if (url == "evil.md") return std::string("javascript:alert(1)");
    return std::nullopt;
  };
  CHECK(markdown_to_html("[q](q.md) [gone](gone.md) ![img](gone.md) [evil](evil.md)\n", r) ==
        "<p><a href=\"x&quot;.html?a=1&amp;b=&lt;&#39;&gt;\">q</a> gone img evil</p>\n");
}

TEST_CASE("an exception from rewrite reaches the caller", "[site][markdown_html]") {
  HtmlRender r;
  r.rewrite = [](std::string_view, bool) -> std::optional<std::string> { throw std::runtime_error("boom"); };
  CHECK_THROWS_WITH(markdown_to_html("[a](b.md)\n", r), "boom");
}

TEST_CASE("headings get unique ids from their plain text", "[site][markdown_html]") {
  AnchorIds ids;
  HtmlRender r;
  r.ids = &ids;
  CHECK(markdown_to_html("# Press release\n## How much does it **cost**?\n## Tom &amp; Jerry &eacute;\n"
                         "## The `code` [link](x.md)\n## Press release\n## !!!\n## ?!?\n",
                         r) ==
        "<h1 id=\"press-release\">Press release</h1>\n"
        "<h2 id=\"how-much-does-it-cost\">How much does it <strong>cost</strong>?</h2>\n"
        "<h2 id=\"tom--jerry-\xC3\xA9\">Tom &amp; Jerry \xC3\xA9</h2>\n"
        "<h2 id=\"the-code-link\">The <code>code</code> <a href=\"x.md\">link</a></h2>\n"
        "<h2 id=\"press-release-1\">Press release</h2>\n"
        "<h2 id=\"section\">!!!</h2>\n"
        "<h2 id=\"section-1\">?!?</h2>\n");
  // Ids are unique across calls that share the AnchorIds of one page.
  CHECK(markdown_to_html("### Press release\n", r) == "<h3 id=\"press-release-2\">Press release</h3>\n");
}

TEST_CASE("AnchorIds and anchor_slug", "[site][markdown_html]") {
  using prfaq::anchor_slug;
  CHECK(anchor_slug("How much does it cost?") == "how-much-does-it-cost");
  CHECK(anchor_slug("snake_case and-dash 42") == "snake_case-and-dash-42");
  CHECK(anchor_slug("\"<'&>\"") == "");
  CHECK(anchor_slug("\xC3\x9C" "ber Caf\xC3\xA9") == "\xC3\x9C" "ber-caf\xC3\xA9");
  CHECK(anchor_slug("a\xFF b") == "a\xEF\xBF\xBD-b");
  AnchorIds ids;
  CHECK(ids.make("Foo") == "foo");
  CHECK(ids.make("foo") == "foo-1");
  CHECK(ids.make("Foo-1") == "foo-1-1");
  CHECK(ids.make("FOO") == "foo-2");
  CHECK(ids.make("") == "section");
  CHECK(ids.taken("foo-2"));
  CHECK_FALSE(ids.taken("bar"));
}

TEST_CASE("heading_shift moves levels, capped at 6", "[site][markdown_html]") {
  AnchorIds ids;
  HtmlRender r;
  r.heading_shift = 1;
  CHECK(markdown_to_html("# A\n## B\n###### F\nSetext\n===\n", r) ==
        "<h2>A</h2>\n<h3>B</h3>\n<h6>F</h6>\n<h2>Setext</h2>\n");
  r.ids = &ids;
  CHECK(markdown_to_html("## Press release\n", r) == "<h3 id=\"press-release\">Press release</h3>\n");
}

TEST_CASE("invalid UTF-8, NUL bytes and bad entities give valid UTF-8", "[site][markdown_html]") {
  const std::string in = "a\xFF" "b\0c \xE2\x82 &#xD800; &#0; &#x110000;\n"s;
  CHECK(markdown_to_html(in) ==
        "<p>a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c \xEF\xBF\xBD\xEF\xBF\xBD "
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD</p>\n");
  AnchorIds ids;
  HtmlRender r;
  r.ids = &ids;
  CHECK(markdown_to_html("# x\0y\xC0\n"s, r) ==
        "<h1 id=\"x\xEF\xBF\xBDy\xEF\xBF\xBD\">x\xEF\xBF\xBDy\xEF\xBF\xBD</h1>\n");
}

TEST_CASE("control characters and noncharacters, written or as entities, become U+FFFD", "[site][markdown_html]") {
  const std::string R = "\xEF\xBF\xBD";
  CHECK(markdown_to_html("Body \x01 and \x7F and \uFFFE and `\x02`.\n") ==
        "<p>Body " + R + " and " + R + " and " + R + " and <code>" + R + "</code>.</p>\n");
  CHECK(markdown_to_html("&#1; &#x7F; &#x85; &#xFFFF; &#x1FFFE; &#9; &#xA0;\n") ==
        "<p>" + R + " " + R + " " + R + " " + R + " " + R + " \t \u00A0</p>\n");
  AnchorIds ids;
  HtmlRender r;
  r.ids = &ids;
  CHECK(markdown_to_html("## Q \x03\n", r) == "<h2 id=\"q-\">Q " + R + "</h2>\n");
}

TEST_CASE("any input renders without throwing, to valid UTF-8, deterministically", "[site][markdown_html]") {
  std::vector<std::string> inputs = {"", "[", "<!--", "<!-- ", "<!-->", "-->", "a <!--", std::string(1, '\0'),
                                     "````", "![", "![a](", "[a]: <", "&#", "&#x;", std::string(10000, '*'),
                                     std::string(3000, '>') + " x", std::string(2000, '[') + "a" +
                                     std::string(2000, ']')};
  static const std::string kTokens[] = {"<!--", "-->", "<", ">", "[", "]", "(", ")", "!", "*", "_", "`", "```",
                                        "\n", "\n\n", "    ", "> ", "- ", "1. ", "# ", "|", "---", "&amp;",
                                        "&#106;", "javascript:", "x.md", "www.a.com", "\\", "\"", "\xFF",
                                        std::string(1, '\0'), "<a href=x>", "%20", "\t"};
  std::mt19937 rng(42);
  for (int n = 0; n < 300; ++n) {
    std::string s;
    for (int k = 0; k < 60; ++k) {
      s += kTokens[rng() % std::size(kTokens)];
    }
    inputs.push_back(std::move(s));
  }
  Recorder rec;
  for (const std::string& in : inputs) {
    AnchorIds a, b;
    HtmlRender r = rec.render();
    r.ids = &a;
    std::string first;
    REQUIRE_NOTHROW(first = markdown_to_html(in, r));
    CHECK_FALSE(prfaq::first_invalid_utf8(first));
    CHECK(first.find('\0') == std::string::npos);
    CHECK(first.find("<!--") == std::string::npos);
    r.ids = &b;
    CHECK(markdown_to_html(in, r) == first);
  }
}
