// site/theme.cpp: the built-in theme, and a repository's site-theme/ over it.
#include <string>
#include <vector>

#include <filesystem>

#include "site/theme.h"
#include "source/fs_source.h"
#include "support.h"
#include "temp_dir.h"
#include "util/error.h"

using namespace prfaq;
using namespace prfaq::test;

namespace {

std::vector<std::string> asset_names(const Theme& t) {
  std::vector<std::string> names;
  for (const auto& [path, bytes] : t.assets()) names.push_back(path);
  return names;
}

const std::string* asset(const Theme& t, const std::string& name) {
  for (const auto& [path, bytes] : t.assets())
    if (path == name) return bytes;
  return nullptr;
}

// The message of the Fatal that loading `files` as a theme throws ("" when none).
std::string load_error(const Files& files) {
  try {
    Theme::load(MemorySource(files));
  } catch (const Fatal& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the built-in theme has every template and asset", "[site][theme]") {
  Theme t = Theme::builtin();
  for (const char* name : {"layout", "home", "brief", "list", "index", "card_list", "timeline", "search", "404"}) {
    INFO(name);
    CHECK_FALSE(t.template_text(name).empty());
    CHECK(t.origin(name) == "built-in theme file templates/" + std::string(name) + ".html");
  }
  CHECK(t.template_text("layout").find("{{{main}}}") != std::string::npos);
  CHECK(asset_names(t) == std::vector<std::string>{"search.js", "site.js", "style.css"});
  REQUIRE(asset(t, "style.css") != nullptr);
  CHECK_FALSE(asset(t, "style.css")->empty());
  CHECK(t.hash().size() == 32);
  CHECK(t.hash() == Theme::builtin().hash());
}

TEST_CASE("a missing template is Fatal, naming the file", "[site][theme]") {
  Theme t = Theme::builtin();
  CHECK_THROWS_WITH(t.template_text("nope"), "the site theme has no templates/nope.html");
}

TEST_CASE("a repository without site-theme/ gets the built-in theme", "[site][theme]") {
  Theme t = Theme::load(MemorySource({{"content/a.md", "x"}, {"site-themes/templates/404.html", "{{#x}}"}}));
  CHECK(t.hash() == Theme::builtin().hash());
  CHECK(t.template_text("404") == Theme::builtin().template_text("404"));
}

TEST_CASE("site-theme/ overrides templates file by file and adds assets", "[site][theme]") {
  Theme builtin = Theme::builtin();
  Theme t = Theme::load(MemorySource({
      {"site-theme/templates/404.html", "<h1>Gone</h1>\n"},
      {"site-theme/assets/x.css", "main { color: red }\n"},
      {"site-theme/assets/style.css", "body {}\n"},
  }));
  CHECK(t.template_text("404") == "<h1>Gone</h1>\n");
  CHECK(t.origin("404") == "site-theme/templates/404.html");
  CHECK(t.template_text("brief") == builtin.template_text("brief"));
  CHECK(t.origin("brief") == "built-in theme file templates/brief.html");
  CHECK(asset_names(t) == std::vector<std::string>{"search.js", "site.js", "style.css", "x.css"});
  REQUIRE(asset(t, "x.css") != nullptr);
  CHECK(*asset(t, "x.css") == "main { color: red }\n");
  CHECK(*asset(t, "style.css") == "body {}\n");
  CHECK(*asset(t, "site.js") == *asset(builtin, "site.js"));
  CHECK(t.hash() != builtin.hash());
}

TEST_CASE("the theme's hash changes with any file's bytes and only then", "[site][theme]") {
  Files files = {{"site-theme/assets/x.css", "a"}};
  std::string h1 = Theme::load(MemorySource(files)).hash();
  CHECK(Theme::load(MemorySource(files)).hash() == h1);
  files["site-theme/assets/x.css"] = "b";
  CHECK(Theme::load(MemorySource(files)).hash() != h1);
  // The same bytes under another name are another theme.
  CHECK(Theme::load(MemorySource(Files{{"site-theme/assets/y.css", "a"}})).hash() != h1);
}

TEST_CASE("a broken template in site-theme/ is Fatal naming the file, line and column", "[site][theme]") {
  CHECK(load_error({{"site-theme/templates/brief.html", "<p>{{#x}}never closed</p>\n"}}) ==
        "site-theme/templates/brief.html:1:4: Unclosed section \"x\"");
  CHECK(load_error({{"site-theme/templates/layout.html", "{{#a}}{{/b}}"}}) ==
        "site-theme/templates/layout.html:1:1: Unclosed section \"a\"");
  CHECK(load_error({{"site-theme/templates/layout.html", "<p>\n{{/b}}"}}) ==
        "site-theme/templates/layout.html:2:1: Unopened section \"b\"");
  // The column counts characters, not bytes.
  CHECK(load_error({{"site-theme/templates/home.html", "<h1>Zoë</h1>\n<p>日本 {{#cards}}</p>\n"}}) ==
        "site-theme/templates/home.html:2:7: Unclosed section \"cards\"");
  // A new template the theme adds is checked too.
  CHECK(load_error({{"site-theme/templates/extra.html", "\n\n  {{"}}) == "site-theme/templates/extra.html:3:3: Unclosed tag");
}

TEST_CASE("assets are not parsed as templates", "[site][theme]") {
  CHECK(load_error({{"site-theme/assets/x.js", "const t = '{{#x}}';\n"}}) == "");
}

TEST_CASE("symbolic links in site-theme/ are not used, and each is a warning", "[site][theme]") {
  namespace fs = std::filesystem;
  TempDir t("theme-test");
  t.write("site-theme/templates/list.html", "<h1>{{heading}}</h1>");
  t.write("elsewhere/404.html", "<h1>Not from here</h1>");
  fs::create_symlink("../../elsewhere/404.html", t.path / "site-theme/templates/404.html");
  fs::create_directory_symlink("../elsewhere", t.path / "site-theme/assets");
  Theme theme = Theme::load(FsSource(t.path));
  CHECK(theme.warnings() ==
        std::vector<std::string>{"not used: site-theme/assets is a symbolic link (prfaq follows none)",
                                 "not used: site-theme/templates/404.html is a symbolic link (prfaq follows none)"});
  CHECK(theme.template_text("404") == Theme::builtin().template_text("404"));
  CHECK(theme.origin("list") == "site-theme/templates/list.html");

  fs::remove_all(t.path / "site-theme");
  fs::create_directory_symlink("elsewhere", t.path / "site-theme");
  Theme linked = Theme::load(FsSource(t.path));
  CHECK(linked.warnings() == std::vector<std::string>{"not used: site-theme is a symbolic link (prfaq follows none)"});
  CHECK(linked.hash() == Theme::builtin().hash());
  CHECK(Theme::builtin().warnings().empty());
}
