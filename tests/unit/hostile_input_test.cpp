// Hostile input: briefs and prfaq.toml files built to make prfaq do
// unbounded work. Each goes through what `prfaq build` does to a brief
// (load, every rule, the page's own HTML) and must finish in bounded time
// with a clear finding. Time is not asserted (the machines that run the
// tests are shared and noisy): a hang, or work that grows with the square
// of these inputs, runs into the test's CTest timeout (tests/CMakeLists.txt).
#include "support.h"

#include <string>

#include "site/brief_view.h"
#include "site/site_urls.h"
#include "util/error.h"

using namespace prfaq;
using namespace prfaq::test;

using Lines = std::vector<std::string>;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

struct Outcome {
  Lines findings;
  BriefView view;
};

// Checks `text` at content/a.md and renders its page's content while it is
// loaded, as build_site does.
Outcome run(const std::string& text, const Config& config = default_config()) {
  Files files{{std::string(kPath), text}};
  MemorySource source(files);
  std::vector<std::string> content = source.list("content"), briefs = find_brief_paths(content);
  PageNames pages;
  std::map<std::string, std::string> by_slug;
  for (const auto& p : briefs) pages.add(p, slug_of(p)), by_slug.emplace(slug_of(p), p);
  pages.freeze();
  ViewContext ctx{&content, &briefs, &pages, &by_slug, &config};
  Outcome out;
  CheckOptions options;
  options.on_loaded = [&](const Brief& b, std::size_t) { out.view = make_brief_view(b, ctx); };
  out.findings = lines_of(check_files(files, config, options));
  return out;
}

std::string error_of(std::string_view toml) {
  try {
    config_of(toml);
  } catch (const Fatal& e) {
    return e.what();
  }
  return "no error";
}

std::size_t count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("hostile: a 20 MB brief gets file-too-large and is not parsed", "[hostile]") {
  std::string text = idea_brief(repeat("## Press release\n\nVery TODO [x](nowhere.md).\n\n", 20 * 1024 * 1024 / 48));
  text.resize(20 * 1024 * 1024, '\n');
  Outcome o = run(text);
  CHECK(o.findings == Lines{at(1, 1) + "error: the file is 20971520 bytes; the limit is 1048576 ([limits] "
                                       "max_brief_bytes in prfaq.toml) [file-too-large]"});
  CHECK_FALSE(o.view.loaded);
}

TEST_CASE("hostile: 100,000 nested blockquotes", "[hostile]") {
  Outcome o = run(idea_brief("## Customer FAQ\n\n### Who?\n\n" + std::string(100000, '>') + " Deep.\n"));
  CHECK(o.findings == Lines{});
  REQUIRE(o.view.faqs.size() == 1);
  REQUIRE(o.view.faqs[0].questions.size() == 1);
  CHECK(count(o.view.faqs[0].questions[0].html, "<blockquote>") == 100000);
  CHECK(count(o.view.faqs[0].questions[0].html, "</blockquote>") == 100000);
}

TEST_CASE("hostile: 100,000 nested list items", "[hostile]") {
  for (std::string_view marker : {"- ", "1. "}) {
    Outcome o = run(idea_brief("## Customer FAQ\n\n### Who?\n\n" + repeat(marker, 100000) + "Deep.\n"));
    CHECK(o.findings == Lines{});
    REQUIRE(o.view.faqs.size() == 1);
    REQUIRE(o.view.faqs[0].questions.size() == 1);
    CHECK(count(o.view.faqs[0].questions[0].html, "<li>") == 100000);
  }
}

TEST_CASE("hostile: a 1 MB line of weasel words gets 100 findings and a too-many-findings summary", "[hostile]") {
  Config config = config_of("[rules]\ncustomer-quote = \"off\"\npress-release-length = \"off\"\nreadability = \"off\"\n"
                            "sentence-length = \"off\"\n");
  Outcome o = run(idea_brief("## Press release\n\n" + repeat("very ", 200000) + "\n"), config);
  REQUIRE(o.findings.size() == 101);
  CHECK(o.findings[0] == at(1, 1) + "warning: 199900 more findings (0 errors, 199900 warnings) not shown: the limit "
                                    "is 100 per file ([limits] max_findings_per_file in prfaq.toml) [too-many-findings]");
  CHECK(o.findings[1] == at(8, 1) + "warning: 'very' is a weasel word: say how much, with a number [weasel-words]");
  CHECK(o.findings[100] == at(8, 496) + "warning: 'very' is a weasel word: say how much, with a number [weasel-words]");
}

TEST_CASE("hostile: a 1 MB line of one word and a 1 MB line of brackets", "[hostile]") {
  std::string no_quote = at(6, 1) + "warning: the press release has 0 quotations; it should quote a customer, not only "
                                    "a leader (at least 2) [customer-quote]";
  Outcome word = run(idea_brief("## Press release\n\n" + std::string(1000000, 'a') + "\n"));
  CHECK(word.findings == Lines{no_quote});
  Outcome brackets = run(idea_brief("## Press release\n\n" + std::string(1000000, '[') + "\n"));
  CHECK(brackets.findings == Lines{no_quote});
  // Half a million unclosed "[a": no template bracket, one sentence.
  Outcome open = run(idea_brief("## Press release\n\n" + repeat("[a", 500000) + "\n"));
  CHECK(open.findings ==
        Lines{no_quote,
              at(6, 1) + "warning: the press release has 500000 words; keep it to 600 (about one page) "
                         "[press-release-length]",
              at(6, 1) + "warning: the press release reads at grade 194996.2; aim for 10.0 or lower with shorter "
                         "sentences and plainer words [readability]",
              at(8, 2) + "warning: this sentence has 500000 words; keep sentences to 30 [sentence-length]"});
}

TEST_CASE("hostile: 10,000 FAQ questions", "[hostile]") {
  std::string distinct = "## Customer FAQ\n\n", same = distinct;
  for (int i = 0; i < 10000; ++i) {
    distinct += "### What does plan " + std::to_string(i) + " cost?\n\nIt costs " + std::to_string(i) + " USD.\n\n";
    same += "### What does it cost?\n\nNothing.\n\n";
  }
  Outcome o = run(idea_brief(distinct));
  CHECK(o.findings ==
        Lines{at(6, 1) + "warning: the two FAQs have 90000 words; keep them to 2500 (about five pages) [faq-length]"});
  REQUIRE(o.view.faqs.size() == 1);
  REQUIRE(o.view.faqs[0].questions.size() == 10000);
  CHECK(o.view.faqs[0].questions[9999].id == "what-does-plan-9999-cost");
  Outcome s = run(idea_brief(same));
  CHECK(s.findings ==
        Lines{at(6, 1) + "warning: the two FAQs have 50000 words; keep them to 2500 (about five pages) [faq-length]"});
  REQUIRE(s.view.faqs[0].questions.size() == 10000);
  CHECK(s.view.faqs[0].questions[9999].id == "what-does-it-cost-9999");
}

// toml++ reports a number it cannot hold at the number's end.
TEST_CASE("hostile: huge TOML numbers are toml-syntax errors", "[hostile]") {
  CHECK(run("+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\nx = 99999999999999999999\n+++\n").findings ==
        Lines{at(5, 25) + "error: Error while parsing decimal integer: '99999999999999999999' is not representable "
                         "in 64 bits [toml-syntax]"});
  CHECK(run("+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n[[metric]]\nbaseline = 1e400\n+++\n").findings ==
        Lines{at(6, 17) + "error: Error while parsing floating-point: '1e400' could not be interpreted as a value "
                          "[toml-syntax]"});
  CHECK(error_of("[limits]\nmax_brief_bytes = 99999999999999999999\n") ==
        "prfaq.toml:2:39: Error while parsing decimal integer: '99999999999999999999' is not representable in 64 bits");
}

TEST_CASE("hostile: deeply nested TOML is a toml-syntax error, not a stack overflow", "[hostile]") {
  std::string fm = "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n";
  std::string message = "error: tables, arrays and dotted keys nest more than 100 levels deep here [toml-syntax]";
  CHECK(run(fm + "x = " + std::string(100000, '[') + std::string(100000, ']') + "\n+++\n").findings ==
        Lines{at(5, 104) + message});
  CHECK(run(fm + "x = " + repeat("{a=", 100000) + "1" + std::string(100000, '}') + "\n+++\n").findings ==
        Lines{at(5, 303) + message});
  CHECK(run(fm + "a" + repeat(".a", 100000) + " = 1\n+++\n").findings == Lines{at(5, 200) + message});
  CHECK(run(fm + "[a" + repeat(".a", 100000) + "]\n+++\n").findings == Lines{at(5, 201) + message});
}

TEST_CASE("hostile: 50,000 journey steps", "[hostile]") {
  Outcome o = run("+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n" +
                      repeat("[[journey]]\nstep = \"s\"\ndetail = \"d\"\n", 50000) + "+++\n",
                  config_of("[limits]\nmax_brief_bytes = 2097152\n"));
  CHECK(o.findings == Lines{});
  CHECK(o.view.journey.size() == 50000);
}

TEST_CASE("hostile: deeply nested prfaq.toml is an error, not a stack overflow", "[hostile]") {
  CHECK(error_of("a" + repeat(".a", 100000) + " = 1\n") ==
        "prfaq.toml:1:200: tables, arrays and dotted keys nest more than 100 levels deep here");
  CHECK(error_of("[rules]\nhype = { words = " + std::string(100000, '[') + " }\n") ==
        "prfaq.toml:2:115: tables, arrays and dotted keys nest more than 100 levels deep here");
}

// Both were quadratic: every finding looked through every suppression
// range (19 s for 2 MB of comments), and the customer-quote rule searched
// the whole paragraph for a curly quote after every straight one.
TEST_CASE("hostile: 4 MB of unknown suppression comments", "[hostile]") {
  Config config = config_of("[limits]\nmax_brief_bytes = 4194304\n");
  Outcome o = run(idea_brief("## Press release\n\n" + repeat("<!-- prfaq-disable nope -->\n", 140000)), config);
  REQUIRE(o.findings.size() == 101);
  CHECK(o.findings[0] == at(1, 1) + "warning: 139900 more findings (0 errors, 139900 warnings) not shown: the limit "
                                    "is 100 per file ([limits] max_findings_per_file in prfaq.toml) [too-many-findings]");
  CHECK(o.findings[1] == at(8, 20) + "warning: no rule is called 'nope' [suppression-unknown]");
}

TEST_CASE("hostile: 4 MB of quotations in the press release", "[hostile]") {
  Config config = config_of("[limits]\nmax_brief_bytes = 4194304\n[rules]\nsentence-length = \"off\"\n"
                            "press-release-length = \"off\"\nreadability = \"off\"\n");
  Outcome o = run(idea_brief("## Press release\n\n" + repeat("\"a b c d\" said x. ", 220000)), config);
  CHECK(o.findings == Lines{});
}

// The placeholder rule looked for a template bracket from every '[' to the
// next ']': quadratic in "[[[[...a]" (4.7 s for 50,000, 80 s under ASan,
// where the fuzzer found it slow).
TEST_CASE("hostile: 100,000 nested link brackets", "[hostile]") {
  Outcome o = run(idea_brief("## Background\n\n" + std::string(100000, '[') + "a" + repeat("](a.md)", 100000) + "\n"));
  CHECK(o.findings == Lines{});
}
