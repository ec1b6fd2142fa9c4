// check_repository with every rule on over a repository of two briefs: the
// input (content/x.md) and a fixed complete brief that relates to it and
// links to it, so the repository-wide rules see both.
#include <map>

#include "check/checker.h"
#include "fuzz_support.h"

using namespace prfaq;

namespace {

const char* kOther = R"(+++
title = "Other"
headline = "Acme launches Other"
subheadline = "Shoppers see it in 10 seconds"
status = "review"
owner = ["jane@acme.example"]
customer = "Shoppers"
launch = 2020-06-30
related = ["x"]
[[journey]]
step = "Start"
detail = "Tap"
screen = "shot.png"
aha = true
[[metric]]
name = "Time"
kind = "quality"
baseline = 120
target = 1
by = 2020-09-30
[[review]]
who = "sam@acme.example"
role = "engineering"
verdict = "approved"
date = 2020-01-10
+++

## Press release

Acme today launched Other, see [x](x.md) and ![shot](shot.png).

## Customer FAQ

### How much does it cost?

Nothing.

## Internal FAQ

### Who is the customer?

Shoppers.
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Config config = fuzz::every_rule_config();
  fuzz::MemorySource source({{"content/x.md", fuzz::as_string(data, size)},
                             {"content/other.md", kOther},
                             {"content/shot.png", "png"}});
  CheckOptions options;
  options.jobs = 1;
  CheckResult r = check_repository(source, config, options);
  fuzz::expect(r.briefs.size() == 2);
  std::map<std::string, std::size_t> per_file;
  for (const auto& f : r.findings) {
    fuzz::expect(f.pos.line >= 1 && f.pos.column >= 1 && f.severity != Severity::off);
    fuzz::expect(++per_file[f.file] <= config.max_findings_per_file + 1);  // and the summary
  }
  return 0;
}
