// check/rules_style.cpp: the writing-style warnings. They fire at every
// status, point at the word (or the heading or key), and take thresholds
// and word lists from prfaq.toml.
#include "support.h"

using namespace prfaq;
using namespace prfaq::test;

using Lines = std::vector<std::string>;

namespace {

// An idea brief with a headline and subheadline (lines 5 and 6), body from line 8.
std::string styled(std::string_view headline, std::string_view subheadline, std::string_view body) {
  return "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\nheadline = \"" + std::string(headline) +
         "\"\nsubheadline = \"" + std::string(subheadline) + "\"\n+++\n" + std::string(body);
}

std::string body(std::string_view text) { return styled("H", "S", text); }

std::string words(int n, std::string_view word = "word") {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i ? " " : "") + std::string(word);
  return out;
}

// Two customer-sized quotes, so customer-quote stays quiet.
constexpr std::string_view kQuotes = "\"I love it a lot,\" said Ann.\n\n\"We built it for you,\" said Bo.\n";

}  // namespace

TEST_CASE("question-mark: a question heading without ?, at the heading", "[style]") {
  CHECK(brief_findings(body("## Customer FAQ\n\n### Pricing\n\nFree.\n\n### Is it free?\n\nYes.\n")) ==
        Lines{at(10, 1) + "warning: this FAQ question does not end in '?': \"Pricing\" [question-mark]"});
}

TEST_CASE("question-mark: only heading questions need the ?", "[style]") {
  CHECK(brief_findings(body("## Customer FAQ\n\n**Q1. Pricing**\n\nFree.\n\nQ: Pricing\nA: Free.\n")) == Lines{});
}

TEST_CASE("press-release-length: above max_words, at the section heading", "[style]") {
  Config c = config_of("[rules]\npress-release-length = { max_words = 5 }\n");
  // Prose words count, a block quote's too: 3 + 3.
  std::string six = body("## Press release\n\n" + words(3) + ".\n\n> Quoted words here.\n");
  CHECK(rule_findings(six, "press-release-length", c) ==
        Lines{at(8, 1) + "warning: the press release has 6 words; keep it to 5 (about one page) "
                         "[press-release-length]"});
  CHECK(rule_findings(six, "press-release-length").empty());  // default 600
  CHECK(rule_findings(body("## Press release\n\n" + words(5) + ".\n"), "press-release-length", c) == Lines{});
}

TEST_CASE("faq-length: above max_words, at the first FAQ heading", "[style]") {
  Config c = config_of("[rules]\nfaq-length = { max_words = 6 }\n");
  std::string text = body("## Customer FAQ\n\n### Why?\n\nBecause so.\n\n## Internal FAQ\n\n### Who?\n\nUs, and them.\n");
  CHECK(rule_findings(text, "faq-length", c) ==
        Lines{at(8, 1) + "warning: the two FAQs have 7 words; keep them to 6 (about five pages) [faq-length]"});
  CHECK(rule_findings(text, "faq-length", config_of("[rules]\nfaq-length = { max_words = 7 }\n")) == Lines{});
}

TEST_CASE("headline-length: more than 100 characters, at the value", "[style]") {
  CHECK(brief_findings(styled(std::string(101, 'x'), "S", "")) ==
        Lines{at(5, 12) + "warning: the headline has 101 characters; keep it to 100 (one line) [headline-length]"});
  CHECK(brief_findings(styled(std::string(100, 'x'), "S", "")) == Lines{});
}

TEST_CASE("headline-length: characters are code points", "[style]") {
  std::string accented;
  for (int i = 0; i < 100; ++i) accented += "\xC3\xA9";
  CHECK(brief_findings(styled(accented, "S", "")) == Lines{});
  CHECK(rule_findings(styled("Refunds", "S", ""), "headline-length",
                      config_of("[rules]\nheadline-length = { max_chars = 6 }\n")) ==
        Lines{at(5, 12) + "warning: the headline has 7 characters; keep it to 6 (one line) [headline-length]"});
}

TEST_CASE("subheadline-sentence: two sentences, at the value", "[style]") {
  CHECK(brief_findings(styled("H", "Refunds land in 10 seconds. Shoppers love it.", "")) ==
        Lines{at(6, 15) + "warning: the subheadline has 2 sentences; make it one [subheadline-sentence]"});
  CHECK(brief_findings(styled("H", "Refunds land in 10 seconds, e.g. on a card.", "")) == Lines{});
}

TEST_CASE("customer-quote: a press release with one quote, at the heading", "[style]") {
  CHECK(brief_findings(body("## Press release\n\nAcme launched it. \"We built it for you,\" said Bo.\n")) ==
        Lines{at(8, 1) + "warning: the press release has 1 quotation; it should quote a customer, not only a leader "
                         "(at least 2) [customer-quote]"});
}

TEST_CASE("customer-quote: two quotes of four words or more are enough", "[style]") {
  CHECK(brief_findings(body("## Press release\n\n" + std::string(kQuotes))) == Lines{});
  CHECK(brief_findings(body("## Press release\n\n\xE2\x80\x9CI love it a lot,\xE2\x80\x9D said Ann.\n\n> We built it.\n")) ==
        Lines{});
}

TEST_CASE("customer-quote: short quotes do not count", "[style]") {
  CHECK(rule_findings(body("## Press release\n\nIt is \"fast\" and \"very, very good\".\n"), "customer-quote") ==
        Lines{at(8, 1) + "warning: the press release has 0 quotations; it should quote a customer, not only a leader "
                         "(at least 2) [customer-quote]"});
  CHECK(rule_findings(body("## Press release\n\n\"We built it.\"\n"), "customer-quote",
                      config_of("[rules]\ncustomer-quote = { min_quotes = 1, min_words = 3 }\n")) == Lines{});
}

TEST_CASE("customer-quote: an empty press release is not asked for quotes", "[style]") {
  CHECK(rule_findings(body("## Press release\n"), "customer-quote") == Lines{});
}

TEST_CASE("weasel-words: at the word, in the press release and FAQs", "[style]") {
  CHECK(rule_findings(body("## Press release\n\nIt is very fast.\n\n## Customer FAQ\n\n### Why?\n\nMost people "
                           "asked.\n"),
                      "weasel-words") ==
        Lines{at(10, 7) + "warning: 'very' is a weasel word: say how much, with a number [weasel-words]",
              at(16, 1) + "warning: 'Most' is a weasel word: say how much, with a number [weasel-words]"});
}

TEST_CASE("weasel-words: in the headline and subheadline, at the value", "[style]") {
  CHECK(brief_findings(styled("A very fast refund", "It could help", "")) ==
        Lines{at(5, 12) + "warning: 'very' is a weasel word: say how much, with a number [weasel-words]",
              at(6, 15) + "warning: 'could' is a weasel word: say how much, with a number [weasel-words]"});
}

TEST_CASE("weasel-words: whole words only, and not outside the brief's sections", "[style]") {
  CHECK(rule_findings(body("## Press release\n\nEvery mostly-done thing, `very`.\n\n## Background\n\nVery many.\n"),
                      "weasel-words") == Lines{});
}

TEST_CASE("weasel-words: prfaq.toml edits the list", "[style]") {
  std::string text = body("## Press release\n\nVery quick, and fairly cheap.\n");
  CHECK(rule_findings(text, "weasel-words",
                      config_of("[rules]\nweasel-words = { add = [\"quick\"], remove = [\"very\"] }\n")) ==
        Lines{at(10, 6) + "warning: 'quick' is a weasel word: say how much, with a number [weasel-words]",
              at(10, 17) + "warning: 'fairly' is a weasel word: say how much, with a number [weasel-words]"});
  CHECK(rule_findings(text, "weasel-words", config_of("[rules]\nweasel-words = { severity = \"error\" }\n")) ==
        Lines{at(10, 1) + "error: 'Very' is a weasel word: say how much, with a number [weasel-words]",
              at(10, 17) + "error: 'fairly' is a weasel word: say how much, with a number [weasel-words]"});
}

TEST_CASE("hype: a superlative, at the word", "[style]") {
  CHECK(rule_findings(body("## Press release\n\nA world-class, seamless refund in 10 seconds.\n"), "hype") ==
        Lines{at(10, 3) + "warning: 'world-class' is hype: show the data instead [hype]",
              at(10, 16) + "warning: 'seamless' is hype: show the data instead [hype]"});
}

TEST_CASE("hype: a comparative in a sentence with no number", "[style]") {
  CHECK(rule_findings(body("## Press release\n\nRefunds are faster. They are faster by 90 percent.\n"), "hype") ==
        Lines{at(10, 13) + "warning: 'faster' compares without a number: than what, and by how much? [hype]"});
}

TEST_CASE("hype: prfaq.toml replaces the comparatives", "[style]") {
  CHECK(rule_findings(body("## Press release\n\nRefunds are faster and snappier.\n"), "hype",
                      config_of("[rules]\nhype = { comparatives = [\"snappier\"] }\n")) ==
        Lines{at(10, 24) + "warning: 'snappier' compares without a number: than what, and by how much? [hype]"});
}

TEST_CASE("sentence-length: more than 30 words, at the sentence", "[style]") {
  CHECK(rule_findings(body("## Press release\n\nShort one. " + words(31) + ".\n"), "sentence-length") ==
        Lines{at(10, 12) + "warning: this sentence has 31 words; keep sentences to 30 [sentence-length]"});
  CHECK(rule_findings(body("## Press release\n\n" + words(30) + ".\n"), "sentence-length") == Lines{});
  CHECK(rule_findings(body("## Press release\n\n" + words(5) + ".\n"), "sentence-length",
                      config_of("[rules]\nsentence-length = { max_words = 4 }\n")) ==
        Lines{at(10, 1) + "warning: this sentence has 5 words; keep sentences to 4 [sentence-length]"});
}

TEST_CASE("sentence-length: headings are not sentences", "[style]") {
  CHECK(rule_findings(body("## Customer FAQ\n\n### " + words(31) + "?\n\nYes.\n"), "sentence-length") == Lines{});
}

TEST_CASE("readability: a press release above grade 10, at the heading", "[style]") {
  std::string hard = "Organizational interoperability necessitates comprehensive institutional coordination. ";
  std::string text = body("## Press release\n\n" + hard + hard + hard + hard + hard + hard + "\n");
  CHECK(rule_findings(text, "readability") ==
        Lines{at(8, 1) + "warning: the press release reads at grade 49.7; aim for 10.0 or lower with shorter "
                         "sentences and plainer words [readability]"});
  CHECK(rule_findings(text, "readability", config_of("[rules]\nreadability = { max_grade = 50 }\n")) == Lines{});
}

TEST_CASE("readability: plain words pass, and fewer than 30 words are not graded", "[style]") {
  CHECK(rule_findings(body("## Press release\n\n" + words(10, "The cat sat on the mat.") + "\n"), "readability") ==
        Lines{});
  std::string hard = "Organizational interoperability necessitates comprehensive institutional coordination. ";
  CHECK(rule_findings(body("## Press release\n\n" + hard + "\n"), "readability") == Lines{});
}

TEST_CASE("faq-coverage: a topic the Internal FAQ never asks about, at its heading", "[style]") {
  std::string text = replace(complete_brief("idea"), "### What are the biggest risks?", "### What could go wrong?");
  CHECK(with_rule(brief_findings(text), "faq-coverage") ==
        Lines{at(72, 1) + "warning: the Internal FAQ asks nothing about risk (a question with one of: risk, risks, "
                          "risky, fail) [faq-coverage]"});
}

TEST_CASE("faq-coverage: an Internal FAQ without questions is not graded", "[style]") {
  CHECK(rule_findings(body("## Internal FAQ\n\nNothing yet.\n"), "faq-coverage") == Lines{});
}

TEST_CASE("faq-coverage: topics and severity come from prfaq.toml", "[style]") {
  std::string text = body("## Internal FAQ\n\n### What is the price?\n\nFree.\n");
  CHECK(rule_findings(text, "faq-coverage", config_of("[rules]\nfaq-coverage = { topics = { cost = [\"price\"] } }\n")) ==
        Lines{});
  CHECK(rule_findings(text, "faq-coverage",
                      config_of("[rules]\nfaq-coverage = { topics = { legal = [\"law\", \"contract\"] } }\n")) ==
        Lines{at(8, 1) + "warning: the Internal FAQ asks nothing about legal (a question with one of: law, contract) "
                         "[faq-coverage]"});
  CHECK(rule_findings(text, "faq-coverage", config_of("[rules]\nfaq-coverage = \"off\"\n")) == Lines{});
}

TEST_CASE("metric-direction: a target moving against the kind's direction, at the target", "[style]") {
  std::string text = replace(complete_brief("idea"), "kind = \"quality\"\ndirection = \"down\"", "kind = \"revenue\"");
  CHECK(brief_findings(text) ==
        Lines{at(28, 10) + "warning: metric 'Refund time' should go up, but its target moves down from the baseline "
                           "[metric-direction]"});
}

TEST_CASE("metric-direction: an explicit direction wins over the kind", "[style]") {
  std::string text = replace(complete_brief("idea"), "kind = \"quality\"\ndirection = \"down\"",
                             "kind = \"revenue\"\ndirection = \"down\"");
  CHECK(brief_findings(text) == Lines{});
  std::string up = replace(complete_brief("idea"), "direction = \"down\"", "direction = \"up\"");
  CHECK(brief_findings(up) ==
        Lines{at(29, 10) + "warning: metric 'Refund time' should go up, but its target moves down from the baseline "
                           "[metric-direction]"});
}

TEST_CASE("metric-direction: a quality metric without a direction has none", "[style]") {
  CHECK(brief_findings(replace(complete_brief("idea"), "direction = \"down\"\n", "")) == Lines{});
  std::string cost = replace(complete_brief("idea"), "kind = \"quality\"\ndirection = \"down\"", "kind = \"cost\"");
  CHECK(brief_findings(replace(cost, "target = 1\n", "target = 200\n")) ==
        Lines{at(28, 10) + "warning: metric 'Refund time' should go down, but its target moves up from the baseline "
                           "[metric-direction]"});
}

TEST_CASE("metric-direction: a metric with no name is 'a metric', as in metric-target", "[style]") {
  std::string text = replace(complete_brief("idea"), "name = \"Refund time\"\nkind = \"quality\"\ndirection = \"down\"",
                             "kind = \"revenue\"");
  CHECK(brief_findings(text) ==
        Lines{at(27, 10) + "warning: a metric should go up, but its target moves down from the baseline "
                           "[metric-direction]"});
}
