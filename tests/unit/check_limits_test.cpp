// The [limits] of prfaq.toml: max_brief_bytes (config, loader: the
// file-too-large finding and nothing else) and max_findings_per_file
// (checker: the too-many-findings summary).
#include "support.h"

#include <string>

#include "util/error.h"

using namespace prfaq;
using namespace prfaq::test;
using namespace std::string_literals;

using Lines = std::vector<std::string>;

namespace {

std::string error_of(std::string_view toml) {
  try {
    config_of(toml);
  } catch (const Fatal& e) {
    return e.what();
  }
  return "no error";
}

// `n` weasel words in the press release, one per line from line 8.
std::string weasels(int n) {
  std::string body = "## Press release\n\n";
  for (int i = 0; i < n; ++i) body += "Very.\n";
  return idea_brief(body);
}

}  // namespace

TEST_CASE("limits: the defaults are 1 MiB per brief and 100 findings per file", "[limits]") {
  Config c = default_config();
  CHECK(c.max_brief_bytes == 1048576);
  CHECK(c.max_findings_per_file == 100);
  Config set = config_of("[limits]\nmax_brief_bytes = 1000\nmax_findings_per_file = 5\n");
  CHECK(set.max_brief_bytes == 1000);
  CHECK(set.max_findings_per_file == 5);
}

TEST_CASE("limits: bad [limits] values stop with file, line and column", "[limits]") {
  CHECK(error_of("[limits]\nmax_brief_bytes = 0\n") == "prfaq.toml:2:19: 'max_brief_bytes' must be a positive integer");
  CHECK(error_of("[limits]\nmax_brief_bytes = 1073741825\n") ==
        "prfaq.toml:2:19: 'max_brief_bytes' must be at most 1073741824 (1 GiB)");
  CHECK(error_of("[limits]\nmax_brief_bytes = 1073741824\n") == "no error");
  CHECK(error_of("[limits]\nmax_findings_per_file = \"100\"\n") ==
        "prfaq.toml:2:25: 'max_findings_per_file' must be a positive integer");
  CHECK(error_of("[limits]\nmax_brief_byte = 10\n") ==
        "prfaq.toml:2:1: unknown key 'max_brief_byte' (did you mean 'max_brief_bytes'?)");
  CHECK(error_of("[limit]\n") == "prfaq.toml:1:2: unknown key 'limit' (did you mean 'limits'?)");
}

TEST_CASE("limits: a brief over max_brief_bytes gets file-too-large and nothing else", "[limits]") {
  Config c = config_of("[limits]\nmax_brief_bytes = 100\n");
  std::string fits = idea_brief(std::string(100 - idea_brief("").size(), 'x'));
  REQUIRE(fits.size() == 100);
  CHECK(brief_findings(fits, c) == Lines{});
  // Over the limit, even a file that is not a brief at all is not read.
  std::string over = "no front matter, TODO, \xFF\0"s + std::string(100, 'x');
  CHECK(brief_findings(over, c) ==
        Lines{at(1, 1) + "error: the file is " + std::to_string(over.size()) +
              " bytes; the limit is 100 ([limits] max_brief_bytes in prfaq.toml) [file-too-large]"});
  Brief b = load(over, c);
  CHECK_FALSE(b.front_matter_ok);
  CHECK(b.body.blocks.empty());
}

TEST_CASE("limits: a malformed slug is still reported beside file-too-large", "[limits]") {
  Config c = config_of("[limits]\nmax_brief_bytes = 10\n");
  CHECK(findings_of({{"content/Bad_Name.md", idea_brief("")}}, c) ==
        Lines{"content/Bad_Name.md:1:1: error: the file is 48 bytes; the limit is 10 ([limits] max_brief_bytes in "
              "prfaq.toml) [file-too-large]",
              "content/Bad_Name.md:1:1: error: 'Bad_Name' is not a valid slug: use a-z, 0-9 and '-', starting with a "
              "letter or digit, at most 64 [slug-malformed]"});
}

TEST_CASE("limits: findings over max_findings_per_file become one too-many-findings warning", "[limits]") {
  Config c = config_of("[limits]\nmax_findings_per_file = 3\n[rules]\ncustomer-quote = \"off\"\n");
  CHECK(rule_findings(weasels(3), "weasel-words", c).size() == 3);
  CHECK(brief_findings(weasels(3), c).size() == 3);
  CHECK(brief_findings(weasels(5), c) ==
        Lines{at(1, 1) + "warning: 2 more findings (0 errors, 2 warnings) not shown: the limit is 3 per file "
                         "([limits] max_findings_per_file in prfaq.toml) [too-many-findings]",
              at(8, 1) + "warning: 'Very' is a weasel word: say how much, with a number [weasel-words]",
              at(9, 1) + "warning: 'Very' is a weasel word: say how much, with a number [weasel-words]",
              at(10, 1) + "warning: 'Very' is a weasel word: say how much, with a number [weasel-words]"});
  CheckResult r = check_files({{std::string(kPath), weasels(5)}}, c);
  CHECK(r.warnings == 4);  // what is reported
  CHECK(r.briefs[0].warnings == 4);
}

TEST_CASE("limits: errors are kept before warnings, so the file still fails", "[limits]") {
  std::string text = weasels(3) + "\nTODO\n";  // an error after the warnings
  Config c = config_of(
      "[limits]\nmax_findings_per_file = 1\n[rules]\ncustomer-quote = \"off\"\nplaceholder = { from = \"idea\" }\n");
  CHECK(brief_findings(text, c) ==
        Lines{at(1, 1) + "warning: 3 more findings (0 errors, 3 warnings) not shown: the limit is 1 per file "
                         "([limits] max_findings_per_file in prfaq.toml) [too-many-findings]",
              at(12, 1) + "error: placeholder left in: 'TODO' [placeholder]"});
  CheckResult r = check_files({{std::string(kPath), text}}, c);
  CHECK(r.errors == 1);
}

TEST_CASE("limits: too-many-findings can be turned off, the findings are still capped", "[limits]") {
  Config c = config_of("[limits]\nmax_findings_per_file = 2\n[rules]\ncustomer-quote = \"off\"\ntoo-many-findings = \"off\"\n");
  CHECK(brief_findings(weasels(4), c) ==
        Lines{at(8, 1) + "warning: 'Very' is a weasel word: say how much, with a number [weasel-words]",
              at(9, 1) + "warning: 'Very' is a weasel word: say how much, with a number [weasel-words]"});
}

TEST_CASE("limits: suppressed and off findings do not count against the limit", "[limits]") {
  Config c = config_of("[limits]\nmax_findings_per_file = 2\n[rules]\ncustomer-quote = \"off\"\n");
  std::string text = idea_brief("## Press release\n\n<!-- prfaq-disable weasel-words -->\nVery.\nVery.\nVery.\n"
                                "<!-- prfaq-enable weasel-words -->\nVery.\nVery.\n");
  CHECK(brief_findings(text, c) ==
        Lines{at(13, 1) + "warning: 'Very' is a weasel word: say how much, with a number [weasel-words]",
              at(14, 1) + "warning: 'Very' is a weasel word: say how much, with a number [weasel-words]"});
}
