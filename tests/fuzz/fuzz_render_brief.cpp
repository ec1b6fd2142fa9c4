// One brief's page, through the path `prfaq build` takes (site/site_build.cpp):
// loaded and checked by check_repository, its view made while loaded
// (make_brief_view), joined with its findings and listing names, its page
// data built (brief_page) and rendered with the built-in theme's brief and
// layout templates. A preview site, so the findings panel is rendered too.
#include <cstring>

#include "check/checker.h"
#include "fuzz_support.h"
#include "load/brief_paths.h"
#include "load/loader.h"
#include "site/pages.h"
#include "site/site_urls.h"
#include "site/theme.h"

using namespace prfaq;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Config config = default_config();
  static const Theme theme = Theme::builtin();
  static Templates templates(theme);

  fuzz::MemorySource source({{"content/x.md", fuzz::as_string(data, size)},
                             {"content/shot.png", "png"},
                             {"content/y.md", "+++\ntitle = \"Y\"\nstatus = \"idea\"\nowner = \"o\"\n+++\n"}});
  std::vector<std::string> content_files = source.list("content");
  std::vector<std::string> brief_paths = find_brief_paths(content_files);
  PageNames pages;
  for (const auto& p : brief_paths) pages.add(p, slug_of(p));
  pages.freeze();
  std::map<std::string, std::string> brief_by_slug;
  for (const auto& p : brief_paths) brief_by_slug.emplace(slug_of(p), p);
  ViewContext vctx{&content_files, &brief_paths, &pages, &brief_by_slug, &config};

  SiteModel site;
  site.config = config;
  site.title = config.site_title;
  site.preview = true;
  site.briefs.resize(brief_paths.size());
  CheckOptions copts;
  copts.all_briefs = &brief_paths;
  copts.jobs = 1;
  copts.on_loaded = [&](const Brief& b, std::size_t i) { site.briefs[i].view = make_brief_view(b, vctx); };
  CheckResult check = check_repository(source, config, copts);

  // What site_build.cpp's join_model does for one page.
  for (std::size_t i = 0; i < site.briefs.size(); ++i) {
    SiteBrief& sb = site.briefs[i];
    if (sb.view.path.empty()) {
      sb.view.path = brief_paths[i];
      sb.view.slug = slug_of(brief_paths[i]);
      sb.view.page = brief_page_url(pages.file(brief_paths[i]));
    }
    sb.summary = &check.briefs[i];
    for (const auto& f : check.findings)
      if (f.file == sb.view.path) sb.findings.push_back(&f);
  }
  link_briefs(site);

  Data d = brief_page(site, 0, site.briefs[0].view);  // content/x.md sorts first
  std::string html = templates.render("brief", d);
  fuzz::expect(html.find("</html>") != std::string::npos);
  return 0;
}
