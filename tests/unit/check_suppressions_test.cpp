// check/suppressions.cpp: prfaq-disable comments, applied by the checker.
#include "support.h"

using namespace prfaq;
using namespace prfaq::test;

using Lines = std::vector<std::string>;

namespace {

std::string weasel(int line, int col, std::string_view word) {
  return at(line, col) + "warning: '" + std::string(word) + "' is a weasel word: say how much, with a number [weasel-words]";
}

// An idea brief whose body (from line 6) opens with a Press release heading
// on line 6; `text` starts on line 8. customer-quote is left out of the lines.
Lines press_release(std::string_view text) {
  Lines out;
  for (auto& l : brief_findings(idea_brief("## Press release\n\n" + std::string(text))))
    if (!l.ends_with("[customer-quote]")) out.push_back(l);
  return out;
}

}  // namespace

TEST_CASE("without comments every finding is reported", "[suppressions]") {
  CHECK(press_release("Very good.\n\nVery nice.\n") == Lines{weasel(8, 1, "Very"), weasel(10, 1, "Very")});
}

TEST_CASE("disable ... enable silences a rule on the lines between", "[suppressions]") {
  CHECK(press_release("<!-- prfaq-disable weasel-words -->\nVery good.\n<!-- prfaq-enable weasel-words -->\n\n"
                      "Very nice.\n") == Lines{weasel(12, 1, "Very")});
}

TEST_CASE("disable without enable runs to the end of the file", "[suppressions]") {
  CHECK(press_release("Very good.\n\n<!-- prfaq-disable weasel-words -->\n\nVery nice.\n\nVery fine.\n") ==
        Lines{weasel(8, 1, "Very")});
}

TEST_CASE("disable silences only the rules it names", "[suppressions]") {
  CHECK(press_release("<!-- prfaq-disable hype -->\n\nVery best.\n") ==
        Lines{weasel(10, 1, "Very")});
}

TEST_CASE("enable closes only the rule it names", "[suppressions]") {
  CHECK(press_release("<!-- prfaq-disable weasel-words hype -->\n\n<!-- prfaq-enable hype -->\n\nVery best.\n") ==
        Lines{at(12, 6) + "warning: 'best' is hype: show the data instead [hype]"});
}

TEST_CASE("a comment without a rule id applies to every rule", "[suppressions]") {
  CHECK(press_release("<!-- prfaq-disable-next-line -->\nVery best.\n") == Lines{});
}

TEST_CASE("disable-next-line silences the next line only", "[suppressions]") {
  CHECK(press_release("<!-- prfaq-disable-next-line weasel-words -->\nVery good.\nVery nice.\n") ==
        Lines{weasel(10, 1, "Very")});
}

TEST_CASE("disable-line silences its own line", "[suppressions]") {
  CHECK(press_release("Very good. <!-- prfaq-disable-line weasel-words -->\nVery nice.\n") ==
        Lines{weasel(9, 1, "Very")});
}

TEST_CASE("one comment may name several rules, with commas or spaces", "[suppressions]") {
  CHECK(press_release("<!-- prfaq-disable-next-line weasel-words, hype -->\nVery best.\n") == Lines{});
  CHECK(press_release("<!-- prfaq-disable-next-line weasel-words hype-->\nVery best.\n") == Lines{});
}

TEST_CASE("a directive with no rule id may touch the comment's close", "[suppressions]") {
  CHECK(press_release("<!-- prfaq-disable-->\nVery good.\n<!-- prfaq-enable-->\nVery nice.\n") ==
        Lines{weasel(11, 1, "Very")});
  CHECK(press_release("<!--prfaq-disable-next-line-->\nVery best.\n") == Lines{});
  CHECK(press_release("Very best. <!-- prfaq-disable-line-->\n") == Lines{});
}

TEST_CASE("an HTML comment over several lines: its ids run to -->, the next line is after it", "[suppressions]") {
  // Before, the ids on the comment's second line were not read: the comment
  // silenced every rule, on the wrong line.
  CHECK(press_release("<!-- prfaq-disable-next-line\n     hype -->\nVery best.\n") == Lines{weasel(10, 1, "Very")});
  CHECK(press_release("<!--\nprfaq-disable-next-line hype\n-->\nVery best.\n") == Lines{weasel(11, 1, "Very")});
  CHECK(press_release("> <!-- prfaq-disable-next-line\n> weasel-words -->\n> Very best.\n") ==
        Lines{at(10, 8) + "warning: 'best' is hype: show the data instead [hype]"});
  CHECK(press_release("Text <!-- prfaq-disable-line\nweasel-words --> very.\n") == Lines{});
  CHECK(press_release("<!-- prfaq-disable\n     hype -->\nBest.\n<!-- prfaq-enable -->\nVery best.\n") ==
        Lines{weasel(12, 1, "Very"), at(12, 6) + "warning: 'best' is hype: show the data instead [hype]"});
  // A closed comment before a directive's words leaves them text.
  CHECK(press_release("<!-- x -->\n\nprfaq-disable-next-line hype\nVery best.\n") ==
        Lines{weasel(11, 1, "Very"), at(11, 6) + "warning: 'best' is hype: show the data instead [hype]"});
}

TEST_CASE("a TOML comment in the front matter silences the next line", "[suppressions]") {
  std::string text = "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n# prfaq-disable-next-line unknown-key\n"
                     "titel = \"x\"\nteem = \"y\"\n+++\n";
  CHECK(brief_findings(text) == Lines{at(7, 1) + "warning: unknown key 'teem' (did you mean 'team'?) [unknown-key]"});
}

TEST_CASE("a TOML comment after a value silences its line", "[suppressions]") {
  std::string text = "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\ntitel = \"x\" # prfaq-disable-line unknown-key\n+++\n";
  CHECK(brief_findings(text) == Lines{});
}

TEST_CASE("comments work with CRLF line endings", "[suppressions]") {
  std::string text = "+++\r\ntitle = \"T\"\r\nstatus = \"idea\"\r\nowner = \"o\"\r\n"
                     "# prfaq-disable-next-line unknown-key\r\ntitel = 1\r\n+++\r\n## Press release\r\n\r\n"
                     "<!-- prfaq-disable-next-line weasel-words -->\r\nVery good.\r\nVery bad.\r\n";
  CHECK(with_rule(brief_findings(text), "weasel-words") == Lines{weasel(12, 1, "Very")});
  CHECK(with_rule(brief_findings(text), "unknown-key") == Lines{});
}

TEST_CASE("a directive inside a TOML string is no comment", "[suppressions]") {
  std::string text = "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n"
                     "titel = \"# prfaq-disable-line unknown-key\"\n+++\n";
  CHECK(brief_findings(text) ==
        Lines{at(5, 1) + "warning: unknown key 'titel' (did you mean 'title'?) [unknown-key]"});
}

TEST_CASE("a '#' inside a string does not open the comment", "[suppressions]") {
  std::string head = "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n";
  CHECK(brief_findings(head + "titel = \"a#b\" # prfaq-disable-line unknown-key\n+++\n") == Lines{});
  CHECK(brief_findings(head + "titel = 'a\"b' # prfaq-disable-line unknown-key\n+++\n") == Lines{});
  CHECK(brief_findings(head + "titel = \"say \\\"hi # prfaq-disable-line unknown-key\"\n+++\n") ==
        Lines{at(5, 1) + "warning: unknown key 'titel' (did you mean 'title'?) [unknown-key]"});
}

TEST_CASE("suppression-unknown: an unknown rule in a comment, at the id", "[suppressions]") {
  CHECK(brief_findings(idea_brief("<!-- prfaq-disable-next-line weasel-word -->\nText.\n")) ==
        Lines{at(6, 30) + "warning: no rule is called 'weasel-word' [suppression-unknown]"});
  CHECK(brief_findings(idea_brief("<!-- prfaq-disable-next-line weasel-words -->\nText.\n")) == Lines{});
}

TEST_CASE("suppression-unknown: an unknown rule in a TOML comment", "[suppressions]") {
  CHECK(brief_findings("+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n# prfaq-disable-next-line nope\n+++\n") ==
        Lines{at(5, 27) + "warning: no rule is called 'nope' [suppression-unknown]"});
}

TEST_CASE("a comment shown in code is no directive", "[suppressions]") {
  CHECK(press_release("```\n<!-- prfaq-disable-next-line weasel-wrds -->\n```\nVery good.\n") ==
        Lines{weasel(11, 1, "Very")});
  CHECK(press_release("Write `<!-- prfaq-disable-next-line nope -->` above it.\n") == Lines{});
}

TEST_CASE("a heading naming a directive is no directive", "[suppressions]") {
  CHECK(brief_findings(idea_brief("## Why prfaq-disable comments matter\n\nText.\n")) == Lines{});
}

TEST_CASE("a suppressed ladder error is not reported", "[suppressions]") {
  std::string text = replace(complete_brief("draft"), "### How much does it cost?\n\nInstant Refunds is free for shoppers.\n",
                             "<!-- prfaq-disable-next-line faq-unanswered -->\n### How much does it cost?\n");
  CHECK(brief_findings(text) == Lines{});
}

TEST_CASE("a bare enable closes the disables of every rule", "[suppressions]") {
  CHECK(press_release("<!-- prfaq-disable weasel-words -->\n<!-- prfaq-disable hype -->\n\nVery best.\n\n"
                      "<!-- prfaq-enable -->\n\nVery best.\n") ==
        Lines{weasel(15, 1, "Very"), at(15, 6) + "warning: 'best' is hype: show the data instead [hype]"});
}

TEST_CASE("one enable closes every open disable of its rule, overlapping ones too", "[suppressions]") {
  CHECK(press_release("<!-- prfaq-disable weasel-words -->\n\nVery good.\n\n<!-- prfaq-disable weasel-words -->\n\n"
                      "Very good.\n\n<!-- prfaq-enable weasel-words -->\n\nVery nice.\n") ==
        Lines{weasel(18, 1, "Very")});
}

TEST_CASE("a directive after other prfaq- words on its line is still found", "[suppressions]") {
  // The line is scanned once, on from one "prfaq-" to the next.
  CHECK(press_release("prfaq-x Very. <!-- prfaq-y prfaq-disable-line weasel-words -->\n\nVery.\n") ==
        Lines{weasel(10, 1, "Very")});
  CHECK(press_release("prfaq-x <!-- prfaq-disable-line weasel-words --> Very.\n") == Lines{});
}
