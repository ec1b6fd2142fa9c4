#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "serve/static_files.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using prfaq::content_type_of;
using prfaq::parse_url_path;
using prfaq::serve_static;

namespace {

// A site folder next to a secret file outside it, removed afterwards.
struct Site : prfaq::test::TempDir {
  const fs::path& top = path;
  fs::path site = top / "site";
  Site() : TempDir("static-test") {
    fs::create_directories(site / "briefs");
    fs::create_directories(site / "status");
    write("index.html", "<h1>home</h1>");
    write("404.html", "<h1>not here</h1>");
    write("briefs/a.html", "<h1>a</h1>");
    write("status/index.html", "statuses");
    write("feed.xml", "<feed/>");
    write(".prfaq-manifest", "secret manifest");
    std::ofstream(top / "secret.txt") << "SECRET";
  }
  void write(const std::string& rel, const std::string& text) const { std::ofstream(site / rel) << text; }
};

}  // namespace

TEST_CASE("serve: a URL path is decoded once and never climbs out") {
  auto p = parse_url_path("/briefs/a%20b.html?x=1");
  REQUIRE(p);
  CHECK(p->segments == std::vector<std::string>{"briefs", "a b.html"});
  CHECK_FALSE(p->folder);
  p = parse_url_path("//status//");
  REQUIRE(p);
  CHECK(p->segments == std::vector<std::string>{"status"});
  CHECK(p->folder);
  CHECK(parse_url_path("/")->folder);
  // Decoded once: %252e is the name "%2e", not "." and not "..".
  CHECK(parse_url_path("/%252e%252e/x")->segments == std::vector<std::string>{"%2e%2e", "x"});
  for (const char* bad : {"/../prfaq.toml", "/%2e%2e/prfaq.toml", "/%2E%2E%2Fprfaq.toml", "/briefs/..%2f..%2fx",
                          "/./index.html", "/a/.", "/a\\..\\b", "/a%5c..", "/a%00.html", "/a%2", "/a%zz", "x",
                          "http://evil.example/", ""})
    CHECK_FALSE(parse_url_path(bad));
}

TEST_CASE("serve: content types by extension") {
  CHECK(content_type_of("briefs/a.html") == "text/html; charset=utf-8");
  CHECK(content_type_of("assets/style.css") == "text/css; charset=utf-8");
  CHECK(content_type_of("assets/site.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_of("briefs.json") == "application/json");
  CHECK(content_type_of("sitemap.xml") == "application/xml; charset=utf-8");
  CHECK(content_type_of("feed.xml") == "application/atom+xml; charset=utf-8");
  CHECK(content_type_of("media/x/chart.SVG") == "image/svg+xml");
  CHECK(content_type_of("media/a.JPG") == "image/jpeg");
  CHECK(content_type_of("media/a.webp") == "image/webp");
  CHECK(content_type_of("media/a.pdf") == "application/pdf");
  CHECK(content_type_of("media/a.txt") == "text/plain; charset=utf-8");
  CHECK(content_type_of("media/a") == "application/octet-stream");
  CHECK(content_type_of("media/a.exe") == "application/octet-stream");
}

TEST_CASE("serve: files, folders, redirects and the 404 page") {
  Site s;
  auto r = serve_static(s.site, "/");
  CHECK(r.status == 200);
  CHECK(r.body == "<h1>home</h1>");
  CHECK(r.content_type == "text/html; charset=utf-8");
  r = serve_static(s.site, "/briefs/a.html");
  CHECK((r.status == 200 && r.body == "<h1>a</h1>"));
  r = serve_static(s.site, "/status/");
  CHECK((r.status == 200 && r.body == "statuses"));
  r = serve_static(s.site, "/status?x");
  CHECK(r.status == 301);
  CHECK(r.location == "/status/");
  r = serve_static(s.site, "/feed.xml");
  CHECK(r.content_type == "application/atom+xml; charset=utf-8");
  for (const char* missing : {"/nope.html", "/briefs/a.html/x", "/briefs/", "/.prfaq-manifest", "/%2eprfaq-manifest"}) {
    r = serve_static(s.site, missing);
    CHECK(r.status == 404);
    CHECK(r.body == "<h1>not here</h1>");
  }
  CHECK(serve_static(s.site, "/../secret.txt").status == 400);
  CHECK(serve_static(s.site, "/%2e%2e/secret.txt").status == 400);
}

TEST_CASE("serve: a symbolic link in the site is never followed") {
  Site s;
  fs::create_symlink(s.top / "secret.txt", s.site / "link.txt");
  fs::create_symlink(s.top, s.site / "up");
  fs::create_directory_symlink(s.site / "briefs", s.site / "alias");
  for (const char* target : {"/link.txt", "/up/secret.txt", "/up/site/index.html", "/alias/a.html", "/alias/"}) {
    auto r = serve_static(s.site, target);
    CHECK(r.status == 404);
    CHECK(r.body.find("SECRET") == std::string::npos);
  }
  // A site without a 404.html still answers.
  fs::remove(s.site / "404.html");
  auto r = serve_static(s.site, "/nope");
  CHECK(r.status == 404);
  CHECK(r.body == "404 page not found\n");
}
