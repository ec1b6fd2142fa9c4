// load/loader.cpp: bytes -> Brief. Structure findings (BOM, CRLF, missing or
// unterminated front matter, TOML errors, bad bytes), with exact positions.
#include "support.h"

#include <toml++/toml.h>

#include <string>

using namespace prfaq;
using namespace prfaq::test;
using namespace std::string_literals;

using Lines = std::vector<std::string>;

TEST_CASE("a minimal idea brief has no findings", "[loader]") {
  CHECK(brief_findings(idea_brief("")) == Lines{});
}

TEST_CASE("a UTF-8 BOM before the front matter is accepted", "[loader]") {
  Brief b = load("\xEF\xBB\xBF" + idea_brief("## Press release\n\nText.\n"));
  CHECK(b.front_matter_ok);
  CHECK(b.findings.empty());
  CHECK(b.fm.title.value == "T");
  CHECK(b.fm.title.pos == Position{2, 9});
  REQUIRE(b.body.sections.size() == 1);
  CHECK(b.body.sections[0].pos == Position{6, 1});
}

TEST_CASE("with a BOM, a finding on line 1 is still at column 1", "[loader]") {
  CHECK(brief_findings("\xEF\xBB\xBF+++\ntitle = \"T\"\n") ==
        Lines{at(1, 1) + "error: the front matter opened here has no closing +++ line [front-matter-unterminated]"});
}

TEST_CASE("with a BOM, positions after line 1 are unchanged", "[loader]") {
  CHECK(brief_findings("\xEF\xBB\xBF" + idea_brief("")) == Lines{});
  CHECK(rule_findings("\xEF\xBB\xBF+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\ntitel = 1\n+++\n",
                      "unknown-key") ==
        Lines{at(5, 1) + "warning: unknown key 'titel' (did you mean 'title'?) [unknown-key]"});
}

TEST_CASE("CRLF line endings keep lines and columns right", "[loader]") {
  std::string text =
      "+++\r\ntitle = \"T\"\r\nstatus = \"draft\"\r\nowner = \"o\"\r\ntitel = 1\r\n+++\r\n"
      "\r\n## Customer FAQ\r\n\r\n### Is it TODO?\r\n\r\n### Why\r\n";
  Lines got = brief_findings(text);
  CHECK(with_rule(got, "unknown-key") ==
        Lines{at(5, 1) + "warning: unknown key 'titel' (did you mean 'title'?) [unknown-key]"});
  CHECK(with_rule(got, "placeholder") == Lines{at(10, 11) + "error: placeholder left in: 'TODO' [placeholder]"});
  CHECK(with_rule(got, "faq-unanswered") ==
        Lines{at(10, 1) + "error: question has no answer: \"Is it TODO?\" [faq-unanswered]",
              at(12, 1) + "error: question has no answer: \"Why\" [faq-unanswered]"});
  CHECK(with_rule(got, "question-mark") ==
        Lines{at(12, 1) + "warning: this FAQ question does not end in '?': \"Why\" [question-mark]"});
}

TEST_CASE("CRLF front matter values carry no CR", "[loader]") {
  Brief b = load("+++\r\ntitle = \"T\"\r\nstatus = \"idea\"\r\nowner = \"o\"\r\n+++\r\n");
  CHECK(b.front_matter_ok);
  CHECK(b.fm.title.value == "T");
  CHECK(b.fm.status == Status::idea);
}

TEST_CASE("an empty file has no front matter, at 1:1", "[loader]") {
  CHECK(brief_findings("") ==
        Lines{at(1, 1) + "error: the file does not start with a +++ line (TOML front matter) [front-matter-missing]"});
}

TEST_CASE("a file starting with Markdown has no front matter, at 1:1", "[loader]") {
  CHECK(brief_findings("\n# Title\n+++\n") ==
        Lines{at(1, 1) + "error: the file does not start with a +++ line (TOML front matter) [front-matter-missing]"});
}

TEST_CASE("front matter with no body loads", "[loader]") {
  Brief b = load("+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n+++");
  CHECK(b.front_matter_ok);
  CHECK(b.body.blocks.empty());
  CHECK(brief_findings("+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n+++") == Lines{});
}

TEST_CASE("a draft with no body lacks its sections where the body would start", "[loader]") {
  std::string text = "+++\ntitle = \"T\"\nstatus = \"draft\"\nowner = \"o\"\nheadline = \"H\"\nsubheadline = \"S\"\n"
                     "customer = \"C\"\n+++\n";
  CHECK(brief_findings(text) ==
        Lines{at(9, 1) + "error: no Customer FAQ section (## Customer FAQ) (required from draft) [faq-missing]",
              at(9, 1) + "error: no Internal FAQ section (## Internal FAQ) (required from draft) [faq-missing]",
              at(9, 1) + "error: no Press release section (## Press release) (required from draft) "
                         "[press-release-missing]"});
}

TEST_CASE("front matter with no closing line is unterminated, at the opening line", "[loader]") {
  CHECK(brief_findings("+++\ntitle = \"T\"\n\n## Press release\n") ==
        Lines{at(1, 1) + "error: the front matter opened here has no closing +++ line [front-matter-unterminated]"});
  CHECK(brief_findings("+++") ==
        Lines{at(1, 1) + "error: the front matter opened here has no closing +++ line [front-matter-unterminated]"});
}

TEST_CASE("a TOML error is reported at its line in the .md file", "[loader]") {
  // TOML line 3 is file line 4: the +++ line comes first.
  CHECK(brief_findings("+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \n+++\n") ==
        Lines{at(4, 9) + "error: Error while parsing key-value pair: expected value, saw '\\n' [toml-syntax]"});
}

TEST_CASE("a TOML error after a BOM and CRLF lines is at its file line", "[loader]") {
  // The unterminated string's CR is column 15 of file line 3.
  Lines got = brief_findings("\xEF\xBB\xBF+++\r\ntitle = \"T\"\r\nstatus = \"idea\r\nowner = \"o\"\r\n+++\r\n");
  REQUIRE(got.size() == 1);
  CHECK(got[0].starts_with(at(3, 15) + "error: Error while parsing string: "));
  CHECK(got[0].ends_with(" [toml-syntax]"));
}

TEST_CASE("a TOML error's column counts code points", "[loader]") {
  CHECK(brief_findings("+++\ntitle = \"\xC3\xA9\xC3\xA9\" x\nstatus = \"idea\"\nowner = \"o\"\n+++\n") ==
        Lines{at(2, 14) + "error: Error while parsing key-value pair: expected a comment or whitespace, saw 'x' "
                          "[toml-syntax]"});
}

TEST_CASE("a non-ASCII letter where TOML wants a key or blank is a TOML error at its column", "[loader]") {
  // toml++ asks whether the letter is a blank: see the next test.
  CHECK(brief_findings("+++\ntitle = \"T\"\npress\xCF\x8D" "elease = 1\n+++\n") ==
        Lines{at(3, 6) + "error: Error while parsing key-value pair: expected '=', saw '\xCF\x8D' [toml-syntax]"});
}

TEST_CASE("toml++'s non-ASCII blank test answers right for every code point", "[loader]") {
  // toml++ 3.3.0's generated is_non_ascii_horizontal_whitespace() reaches
  // __builtin_unreachable() for most code points from U+00A1 up (undefined
  // behaviour, so the sanitized build does not check for it:
  // CMakeLists.txt). As compiled here it must still give the right answer.
  auto blank = [](char32_t c) {
    return c == 0xA0 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
           (c >= 0x205F && c <= 0x2060) || c == 0x3000 || c == 0xFEFF;
  };
  std::size_t wrong = 0;
  char32_t first_wrong = 0;
  for (char32_t c = 0x80; c < 0x110000; ++c)
    if (toml::impl::is_non_ascii_horizontal_whitespace(c) != blank(c) && wrong++ == 0) first_wrong = c;
  INFO("first wrong code point: " << static_cast<unsigned long>(first_wrong));
  CHECK(wrong == 0);
}

TEST_CASE("a TOML error stops loading: no other finding", "[loader]") {
  Lines got = brief_findings("+++\ntitle = \"T\"\nstatus = \"draft\"\n[x\n+++\nTODO\n");
  REQUIRE(got.size() == 1);
  CHECK(got[0].starts_with(at(4, 3) + "error: "));
  CHECK(got[0].ends_with(" [toml-syntax]"));
}

TEST_CASE("a duplicate key is a TOML syntax error on the second key's line", "[loader]") {
  CHECK(brief_findings("+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\ntitle = \"U\"\n+++\n") ==
        Lines{at(5, 9) + "error: Error while parsing key-value pair: cannot redefine existing string 'title' "
                         "[toml-syntax]"});
}

TEST_CASE("a duplicate table is a TOML syntax error", "[loader]") {
  Lines got = brief_findings(
      "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n[business]\ncost = 1\n[business]\nmonths = 2\n+++\n");
  REQUIRE(got.size() == 1);
  CHECK(got[0].starts_with(at(7, 1) + "error: "));
  CHECK(got[0].ends_with(" [toml-syntax]"));
}

TEST_CASE("invalid UTF-8 is reported at the bad byte", "[loader]") {
  CHECK(brief_findings(idea_brief("## Press release\n\nCaf\xC3\xA9 cr\xE8me.\n")) ==
        Lines{at(8, 8) + "error: the file is not valid UTF-8 here [invalid-utf8]"});
}

TEST_CASE("invalid UTF-8 in the front matter stops loading", "[loader]") {
  Brief b = load("+++\ntitle = \"\xFF\"\nstatus = \"idea\"\nowner = \"o\"\n+++\n");
  CHECK_FALSE(b.front_matter_ok);
  CHECK(brief_findings("+++\ntitle = \"\xFF\"\nstatus = \"idea\"\nowner = \"o\"\n+++\n") ==
        Lines{at(2, 10) + "error: the file is not valid UTF-8 here [invalid-utf8]"});
}

TEST_CASE("a NUL byte is reported at its position", "[loader]") {
  CHECK(brief_findings(idea_brief("Some\0text\n"s)) ==
        Lines{at(6, 5) + "error: the file holds a NUL byte [nul-byte]"});
}

TEST_CASE("valid multi-byte text is no invalid-utf8, an escaped NUL in TOML no nul-byte", "[loader]") {
  CHECK(brief_findings("\xEF\xBB\xBF" + idea_brief("Caf\xC3\xA9, 5 \xE2\x82\xAC, \xF0\x9F\x98\x80.\n")) == Lines{});
  CHECK(brief_findings("+++\ntitle = \"a\\u0000b\"\nstatus = \"idea\"\nowner = \"o\"\n+++\n") == Lines{});
}

TEST_CASE("a NUL byte is reported before invalid UTF-8", "[loader]") {
  CHECK(brief_findings("\xFF\n\0"s) == Lines{at(2, 1) + "error: the file holds a NUL byte [nul-byte]"});
}

TEST_CASE("a 1 MB line loads, and positions on it are right", "[loader]") {
  Config config = config_of("[limits]\nmax_brief_bytes = 2097152\n");  // the file is just over the default 1 MiB
  std::string line;
  for (int i = 0; i < 1 << 20; i += 4) line += "abc ";
  Brief b = load(idea_brief("## Internal FAQ\n\n### Why?\n\n" + line + "TODO\n"), config);
  CHECK(b.front_matter_ok);
  REQUIRE(b.body.sections.size() == 1);
  REQUIRE(b.body.sections[0].questions.size() == 1);
  CHECK(b.body.sections[0].questions[0].answered);
  std::string draft = replace(idea_brief("## Internal FAQ\n\n### Why?\n\n" + line + "TODO\n"), "\"idea\"", "\"draft\"");
  CHECK(rule_findings(draft, "placeholder", config) ==
        Lines{at(10, (1 << 20) + 1) + "error: placeholder left in: 'TODO' [placeholder]"});
}

TEST_CASE("a very long front-matter value loads", "[loader]") {
  std::string title(1 << 20, 'x');
  Brief b = load("+++\ntitle = \"" + title + "\"\nstatus = \"idea\"\nowner = \"o\"\n+++\n",
                 config_of("[limits]\nmax_brief_bytes = 2097152\n"));  // just over the default 1 MiB
  CHECK(b.front_matter_ok);
  CHECK(b.fm.title.value.size() == title.size());
  CHECK(b.fm.status_text.pos == Position{3, 10});
}

TEST_CASE("the slug is the file name, or the bundle folder's name", "[loader]") {
  CHECK(slug_of("content/payments/instant-refunds.md") == "instant-refunds");
  CHECK(slug_of("content/growth/referral-credits/index.md") == "referral-credits");
  CHECK(load_brief("content/x/b.md", idea_brief(""), default_config()).dir == "content/x");
}

TEST_CASE("a slug is a-z, 0-9 and dashes, starting with a letter or digit, at most 64", "[loader]") {
  CHECK(is_valid_slug("instant-refunds"));
  CHECK(is_valid_slug("2027-plan"));
  CHECK(is_valid_slug(std::string(64, 'a')));
  CHECK_FALSE(is_valid_slug(std::string(65, 'a')));
  CHECK_FALSE(is_valid_slug(""));
  CHECK_FALSE(is_valid_slug("-refunds"));
  CHECK_FALSE(is_valid_slug("Refunds"));
  CHECK_FALSE(is_valid_slug("instant_refunds"));
  CHECK_FALSE(is_valid_slug("caf\xC3\xA9"));
}
