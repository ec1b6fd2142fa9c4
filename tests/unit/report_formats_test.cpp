// report/*.cpp: the text, JSON, GitHub and SARIF reports.
#include "support.h"

#include <sstream>

#include "report/report.h"

using namespace prfaq;
using namespace prfaq::test;

namespace {

Finding finding(std::string file, int line, int col, Severity sev, std::string rule, std::string message) {
  return {std::move(file), {line, col}, std::move(rule), std::move(message), sev, std::nullopt};
}

// Two briefs, one with an error and a warning, one clean.
CheckResult sample() {
  CheckResult r;
  r.findings = {finding("content/a.md", 3, 1, Severity::error, "faq-unanswered", "question has no answer: \"Why?\""),
                finding("content/a.md", 9, 12, Severity::warning, "weasel-words", "'very' is a weasel word")};
  BriefSummary a;
  a.path = "content/a.md";
  a.slug = "a";
  a.status = "draft";
  a.readiness = Status::idea;
  a.errors = 1;
  a.warnings = 1;
  BriefSummary b;
  b.path = "content/b.md";
  b.slug = "b";
  b.status = "idea";
  b.readiness = Status::launched;
  r.briefs = {a, b};
  r.errors = 1;
  r.warnings = 1;
  return r;
}

std::string report(Format f, const CheckResult& r, bool color = false) {
  std::ostringstream out;
  write_report(out, f, r, ReportOptions{color});
  return out.str();
}

}  // namespace

TEST_CASE("formats are parsed by name", "[report]") {
  CHECK(parse_format("text") == Format::text);
  CHECK(parse_format("json") == Format::json);
  CHECK(parse_format("github") == Format::github);
  CHECK(parse_format("sarif") == Format::sarif);
  CHECK(parse_format("xml") == std::nullopt);
}

TEST_CASE("text: one line per finding and a summary line", "[report]") {
  CHECK(report(Format::text, sample()) ==
        "content/a.md:3:1: error: question has no answer: \"Why?\" [faq-unanswered]\n"
        "content/a.md:9:12: warning: 'very' is a weasel word [weasel-words]\n"
        "1 error, 1 warning in 1 brief (2 checked)\n");
}

TEST_CASE("text: plurals in the summary", "[report]") {
  CheckResult r = sample();
  r.findings.push_back(finding("content/b.md", 1, 1, Severity::warning, "hype", "'best' is hype"));
  r.briefs[1].warnings = 1;
  r.warnings = 2;
  CHECK(report(Format::text, r).ends_with("1 error, 2 warnings in 2 briefs (2 checked)\n"));
}

TEST_CASE("text: no findings", "[report]") {
  CheckResult r = sample();
  r.findings.clear();
  r.briefs[0].errors = r.briefs[0].warnings = r.errors = r.warnings = 0;
  CHECK(report(Format::text, r) == "2 briefs checked, no problems\n");
  CheckResult one;
  one.briefs.resize(1);
  CHECK(report(Format::text, one) == "1 brief checked, no problems\n");
}

TEST_CASE("text: a message with a line break stays on one line", "[report]") {
  CheckResult r;
  r.findings = {finding("content/a.md", 3, 10, Severity::error, "key-enum", "'status' is \"dr\naft\r\", not one of")};
  r.errors = 1;
  r.briefs.emplace_back().path = "content/a.md";
  r.briefs.back().errors = 1;
  CHECK(report(Format::text, r) ==
        "content/a.md:3:10: error: 'status' is \"dr\\naft\\r\", not one of [key-enum]\n"
        "1 error, 0 warnings in 1 brief (1 checked)\n");
}

TEST_CASE("text: control characters in file names and messages show as escapes, bad UTF-8 as U+FFFD", "[report]") {
  CheckResult r;
  r.findings = {finding("content/bad\x1b[2Jname\xFF.md", 1, 1, Severity::error, "slug-malformed",
                        "'bad\x1b[2Jname\xFF' is not a valid slug"),
                finding("content/p/x.md", 6, 5, Severity::error, "key-enum",
                        "'status' is \"Multi\nLine\x1b[31mRED\tTab\x7f\xC2\x9b\"")};
  r.errors = 2;
  r.briefs.resize(2);
  r.briefs[0].path = "content/bad\x1b[2Jname\xFF.md";
  r.briefs[0].errors = 1;
  r.briefs[1].path = "content/p/x.md";
  r.briefs[1].errors = 1;
  std::string text = report(Format::text, r);
  CHECK(text ==
        "content/bad\\x1b[2Jname\xEF\xBF\xBD.md:1:1: error: 'bad\\x1b[2Jname\xEF\xBF\xBD' is not a valid slug "
        "[slug-malformed]\n"
        "content/p/x.md:6:5: error: 'status' is \"Multi\\nLine\\x1b[31mRED\\tTab\\x7f\\x9b\" [key-enum]\n"
        "2 errors, 0 warnings in 2 briefs (2 checked)\n");
  // In colour, the only escape sequences are prfaq's own.
  std::string coloured = report(Format::text, r, true);
  CHECK(coloured.find("\\x1b[2Jname") != std::string::npos);
  CHECK(coloured.find("\033[2J") == std::string::npos);
}

TEST_CASE("text: findings on files that are not briefs are counted as files", "[report]") {
  CheckResult r;
  r.findings = {finding("content/a.md", 3, 10, Severity::error, "key-enum", "bad"),
                finding("content/a.md", 4, 1, Severity::warning, "hype", "hype"),
                finding("content/link.md", 1, 1, Severity::warning, "symlink-skipped", "a link")};
  r.errors = 1;
  r.warnings = 2;
  r.briefs.resize(2);
  r.briefs[0].path = "content/a.md";
  r.briefs[0].errors = r.briefs[0].warnings = 1;
  r.briefs[1].path = "content/b.md";
  CHECK(report(Format::text, r) ==
        "content/a.md:3:10: error: bad [key-enum]\n"
        "content/a.md:4:1: warning: hype [hype]\n"
        "content/link.md:1:1: warning: a link [symlink-skipped]\n"
        "1 error, 2 warnings in 2 files (2 briefs checked)\n");
}

TEST_CASE("text: colour only when asked", "[report]") {
  std::string coloured = report(Format::text, sample(), true);
  CHECK(coloured.starts_with("\033[1mcontent/a.md:3:1:\033[0m \033[1;31merror:\033[0m question has no answer: "
                             "\"Why?\" \033[2m[faq-unanswered]\033[0m\n"));
  CHECK(report(Format::text, sample()).find('\033') == std::string::npos);
}

TEST_CASE("text: the report of a real check", "[report]") {
  CheckResult r = check_files({{"content/a.md", idea_brief("")}, {"content/b.md", "no front matter"}});
  std::ostringstream out;
  write_text(out, r, {});
  CHECK(out.str() ==
        "content/b.md:1:1: error: the file does not start with a +++ line (TOML front matter) [front-matter-missing]\n"
        "1 error, 0 warnings in 1 brief (2 checked)\n");
}

TEST_CASE("json: summary, findings and briefs", "[report]") {
  CHECK(report(Format::json, sample()) ==
        "{\n"
        "  \"version\": 1,\n"
        "  \"summary\": {\"briefs\": 2, \"errors\": 1, \"warnings\": 1},\n"
        "  \"findings\": [\n"
        "    {\"file\": \"content/a.md\", \"line\": 3, \"column\": 1, \"severity\": \"error\", \"rule\": "
        "\"faq-unanswered\", \"message\": \"question has no answer: \\\"Why?\\\"\"},\n"
        "    {\"file\": \"content/a.md\", \"line\": 9, \"column\": 12, \"severity\": \"warning\", \"rule\": "
        "\"weasel-words\", \"message\": \"'very' is a weasel word\"}\n"
        "  ],\n"
        "  \"briefs\": [\n"
        "    {\"path\": \"content/a.md\", \"slug\": \"a\", \"status\": \"draft\", \"readiness\": \"idea\", \"errors\": "
        "1, \"warnings\": 1},\n"
        "    {\"path\": \"content/b.md\", \"slug\": \"b\", \"status\": \"idea\", \"readiness\": \"launched\", "
        "\"errors\": 0, \"warnings\": 0}\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("json: empty lists and a brief with no readiness", "[report]") {
  CheckResult r;
  BriefSummary b;
  b.path = "content/x.md";
  r.briefs = {b};
  std::string json = report(Format::json, r);
  CHECK(json.find("\"findings\": [],") != std::string::npos);
  CHECK(json.find("\"readiness\": null") != std::string::npos);
  CHECK(report(Format::json, CheckResult{}).find("\"briefs\": []\n}") != std::string::npos);
}

TEST_CASE("json: control characters and quotes are escaped", "[report]") {
  CheckResult r;
  r.findings = {finding("content/a.md", 1, 1, Severity::error, "toml-syntax", "bad \"x\"\n\tat \\ \x01")};
  CHECK(report(Format::json, r).find("\"message\": \"bad \\\"x\\\"\\n\\tat \\\\ \\u0001\"") != std::string::npos);
}

TEST_CASE("json and sarif: control characters in file names and messages are JSON escapes, as before", "[report]") {
  CheckResult r;
  r.findings = {finding("content/bad\x1b[2Jname.md", 1, 1, Severity::error, "slug-malformed", "'a\x1b' \t")};
  r.errors = 1;
  CHECK(report(Format::json, r).find("{\"file\": \"content/bad\\u001b[2Jname.md\", \"line\": 1, \"column\": 1, "
                                     "\"severity\": \"error\", \"rule\": \"slug-malformed\", \"message\": "
                                     "\"'a\\u001b' \\t\"}") != std::string::npos);
  std::string sarif = report(Format::sarif, r);
  CHECK(sarif.find("\"message\": {\"text\": \"'a\\u001b' \\t\"}") != std::string::npos);
  CHECK(sarif.find("\"uri\": \"content/bad%1B%5B2Jname.md\"") != std::string::npos);
}

TEST_CASE("github: one annotation per finding, then the summary", "[report]") {
  CHECK(report(Format::github, sample()) ==
        "::error file=content/a.md,line=3,col=1,title=faq-unanswered::question has no answer: \"Why?\"\n"
        "::warning file=content/a.md,line=9,col=12,title=weasel-words::'very' is a weasel word\n"
        "1 error, 1 warning in 2 briefs\n");
}

TEST_CASE("github: % is escaped in the message, and also : and , in properties", "[report]") {
  CheckResult r;
  r.findings = {finding("content/a,b:c%.md", 2, 5, Severity::error, "toml-syntax", "50% off: a, b")};
  r.errors = 1;
  CHECK(report(Format::github, r) ==
        "::error file=content/a%2Cb%3Ac%25.md,line=2,col=5,title=toml-syntax::50%25 off: a, b\n"
        "1 error, 0 warnings in 0 briefs\n");
}

TEST_CASE("github: control characters show as in the text report, and no line breaks the command", "[report]") {
  CheckResult r;
  r.findings = {finding("content/bad\x1b[2Jname\xFF.md", 1, 1, Severity::error, "slug-malformed",
                        "'status' is \"dr\r\naft\tx\x1b[31mRED\xC2\x85\"")};
  r.errors = 1;
  CHECK(report(Format::github, r) ==
        "::error file=content/bad\\x1b[2Jname\xEF\xBF\xBD.md,line=1,col=1,title=slug-malformed::'status' is "
        "\"dr\\r\\naft\\tx\\x1b[31mRED\\x85\"\n"
        "1 error, 0 warnings in 0 briefs\n");
}

TEST_CASE("sarif: the rules table and one result per finding", "[report]") {
  std::string sarif = report(Format::sarif, sample());
  CHECK(sarif.starts_with("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                          "  \"version\": \"2.1.0\",\n"));
  CHECK(sarif.find("\"name\": \"prfaq\"") != std::string::npos);
  CHECK(sarif.find("{\"id\": \"front-matter-missing\", \"shortDescription\": {\"text\": \"the file does not start "
                   "with a +++ line\"}, \"defaultConfiguration\": {\"level\": \"error\"}}") != std::string::npos);
  CHECK(sarif.find("{\"ruleId\": \"faq-unanswered\", \"ruleIndex\": 16, \"level\": \"error\", \"message\": {\"text\": "
                   "\"question has no answer: \\\"Why?\\\"\"}, \"locations\": [{\"physicalLocation\": "
                   "{\"artifactLocation\": {\"uri\": \"content/a.md\", \"uriBaseId\": \"SRCROOT\"}, \"region\": "
                   "{\"startLine\": 3, \"startColumn\": 1}}}]}") != std::string::npos);
  CHECK(sarif.find("{\"ruleId\": \"weasel-words\", \"ruleIndex\": 36, \"level\": \"warning\"") != std::string::npos);
  CHECK(sarif.find("\"columnKind\": \"unicodeCodePoints\"") != std::string::npos);
}

TEST_CASE("sarif: SRCROOT has no relative uri, which 2.1.0 forbids in originalUriBaseIds", "[report]") {
  std::string sarif = report(Format::sarif, sample());
  CHECK(sarif.find("\"originalUriBaseIds\": {\"SRCROOT\": {\"description\": {\"text\": \"The repository root.\"}}},") !=
        std::string::npos);
  CHECK(sarif.find("\"uri\": \"./\"") == std::string::npos);
}

TEST_CASE("sarif: file names are percent-encoded URIs", "[report]") {
  CheckResult r;
  r.findings = {finding("content/caf\xC3\xA9 menu.md", 1, 1, Severity::error, "nul-byte", "m")};
  CHECK(report(Format::sarif, r).find("\"uri\": \"content/caf%C3%A9%20menu.md\"") != std::string::npos);
}

TEST_CASE("sarif: no findings gives an empty results list", "[report]") {
  CHECK(report(Format::sarif, CheckResult{}).find("\"results\": []") != std::string::npos);
}
