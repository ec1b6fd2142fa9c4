#include <catch2/catch.hpp>

#include "serve/preview_site.h"

using prfaq::CheckResult;
using prfaq::Finding;
using prfaq::report_rebuild;
using Paths = std::vector<std::string>;

namespace {

CheckResult result(std::vector<std::pair<std::string, std::vector<std::string>>> briefs) {
  CheckResult r;
  for (const auto& [path, errors] : briefs) {
    prfaq::BriefSummary b;
    b.path = path;
    b.errors = static_cast<int>(errors.size());
    for (const auto& message : errors) r.findings.push_back(Finding{path, {3, 1}, "rule", message, prfaq::Severity::error, std::nullopt});
    r.errors += b.errors;
    r.briefs.push_back(b);
  }
  return r;
}

}  // namespace

TEST_CASE("serve: after a rebuild, the briefs whose errors are new or were saved again are shown") {
  auto before = result({{"content/a.md", {"x"}}, {"content/b.md", {"y"}}, {"content/c.md", {}}, {"content/d.md", {"z"}}});
  auto now = result({{"content/a.md", {"x"}}, {"content/b.md", {"y2"}}, {"content/c.md", {"w"}}, {"content/d.md", {}}});
  auto r = report_rebuild(&before, now, {"content/c.md"});
  CHECK(r.with_errors == Paths{"content/b.md", "content/c.md"});
  CHECK(r.fixed == Paths{"content/d.md"});
  // Saved again with the same error: shown again.
  CHECK(report_rebuild(&now, now, {"content/a.md"}).with_errors == Paths{"content/a.md"});
  CHECK(report_rebuild(&now, now, {"content"}).with_errors == Paths{"content/a.md", "content/b.md", "content/c.md"});
  CHECK(report_rebuild(&now, now, {"site-theme/x.css"}).with_errors.empty());
}
