// check/rules_placeholder.cpp: TODO, TBD, FIXME, XXX, lorem ipsum and
// template brackets, in the body or a front-matter value; from draft.
#include "support.h"

using namespace prfaq;
using namespace prfaq::test;

using Lines = std::vector<std::string>;

namespace {

// A draft brief (front matter lines 1-8) with `body` from line 9.
std::string draft_brief(std::string_view body) {
  return "+++\ntitle = \"T\"\nstatus = \"draft\"\nowner = \"o\"\nheadline = \"H\"\nsubheadline = \"S\"\n"
         "customer = \"C\"\n+++\n" +
         std::string(body);
}

Lines placeholders(std::string_view text, const Config& c = default_config()) {
  return rule_findings(text, "placeholder", c);
}

std::string found(int line, int col, std::string_view what) {
  return at(line, col) + "error: placeholder left in: '" + std::string(what) + "' [placeholder]";
}

}  // namespace

TEST_CASE("placeholder: TODO in the body, at the word, from draft", "[placeholder]") {
  CHECK(placeholders(draft_brief("Price is TODO for now.\n")) == Lines{found(9, 10, "TODO")});
  CHECK(brief_findings(idea_brief("Price is TODO for now.\n")) == Lines{});
}

TEST_CASE("placeholder: every word of the default list", "[placeholder]") {
  CHECK(placeholders(draft_brief("TBD and FIXME.\n\nXXX, then lorem ipsum dolor.\n")) ==
        Lines{found(9, 1, "TBD"), found(9, 9, "FIXME"), found(11, 1, "XXX"), found(11, 11, "lorem ipsum")});
}

TEST_CASE("placeholder: capitals-only words match only in capitals", "[placeholder]") {
  CHECK(placeholders(draft_brief("A todo list, tbd later, a Todo app.\n")) == Lines{});
}

TEST_CASE("placeholder: other words match in any case, whole words only", "[placeholder]") {
  CHECK(placeholders(draft_brief("Lorem Ipsum here.\n")) == Lines{found(9, 1, "Lorem Ipsum")});
  CHECK(placeholders(draft_brief("TODOS and XXXL and lorem alone.\n")) == Lines{});
}

TEST_CASE("placeholder: a template bracket, at its opening bracket", "[placeholder]") {
  CHECK(placeholders(draft_brief("Acme launches [Product name] today.\n")) == Lines{found(9, 15, "[Product name]")});
}

TEST_CASE("placeholder: in nested brackets only the innermost pair is a template", "[placeholder]") {
  CHECK(placeholders(draft_brief("See [[Product name] x] and [a [b [Team name]]].\n")) ==
        Lines{found(9, 6, "[Product name]"), found(9, 34, "[Team name]")});
}

TEST_CASE("placeholder: brackets that are no template are not placeholders", "[placeholder]") {
  CHECK(placeholders(draft_brief("See [x] and [1] and [a link](https://acme.example).\n\n- [ ] a task\n")) == Lines{});
}

TEST_CASE("placeholder: code and HTML comments are not checked", "[placeholder]") {
  CHECK(placeholders(draft_brief("Run `TODO` now.\n\n```\nTODO\n```\n\n<!-- TODO: later -->\n")) == Lines{});
}

TEST_CASE("placeholder: positions after inline markup, entities and line breaks", "[placeholder]") {
  CHECK(placeholders(draft_brief("Some **bold** TODO\n")) == Lines{found(9, 15, "TODO")});
  CHECK(placeholders(draft_brief("A &amp; B TBD\n")) == Lines{found(9, 11, "TBD")});
  CHECK(placeholders(draft_brief("First line\nsecond FIXME\n")) == Lines{found(10, 8, "FIXME")});
  CHECK(placeholders(draft_brief("Caf\xC3\xA9 TODO\n")) == Lines{found(9, 6, "TODO")});
}

TEST_CASE("placeholder: headings and list items are checked", "[placeholder]") {
  CHECK(placeholders(draft_brief("## Customer FAQ\n\n### TBD?\n\n1. Price TBD\n")) ==
        Lines{found(11, 5, "TBD"), found(13, 10, "TBD")});
}

TEST_CASE("placeholder: a front-matter value, at the value", "[placeholder]") {
  std::string text = replace(draft_brief(""), "headline = \"H\"", "headline = \"[Product] launches TODO\"");
  CHECK(placeholders(text) == Lines{found(5, 12, "TODO"), found(5, 12, "[Product]")});
  CHECK(placeholders(replace(draft_brief(""), "owner = \"o\"", "owner = [\"TBD\"]")) == Lines{found(4, 10, "TBD")});
}

TEST_CASE("placeholder: TOML comments are not values", "[placeholder]") {
  CHECK(placeholders(replace(draft_brief(""), "owner = \"o\"", "owner = \"o\" # TODO")) == Lines{});
}

TEST_CASE("placeholder: prfaq.toml adds, removes or replaces words", "[placeholder]") {
  std::string text = draft_brief("WIP and XXX and TODO.\n");
  CHECK(placeholders(text, config_of("[rules]\nplaceholder = { add = [\"WIP\"], remove = [\"XXX\"] }\n")) ==
        Lines{found(9, 1, "WIP"), found(9, 17, "TODO")});
  CHECK(placeholders(text, config_of("[rules]\nplaceholder = { words = [\"WIP\"] }\n")) == Lines{found(9, 1, "WIP")});
}

TEST_CASE("placeholder: prfaq.toml moves it up the ladder with from", "[placeholder]") {
  Config c = config_of("[rules]\nplaceholder = { from = \"review\" }\n");
  CHECK(placeholders(draft_brief("TODO\n"), c) == Lines{});
  CHECK(placeholders(replace(complete_brief("review"), "is free for", "is TODO for"), c) ==
        Lines{at(70, 20) + "error: placeholder left in: 'TODO' [placeholder]"});
}

TEST_CASE("placeholder: in an image's alt text, at the alt text", "[placeholder]") {
  CHECK(placeholders(draft_brief("See ![TODO alt](https://x.example/y.png) here.\n")) ==
        Lines{found(9, 7, "TODO")});
  CHECK(placeholders(draft_brief("See ![the checkout page](https://x.example/y.png) here.\n")) == Lines{});
  // The alt text stays out of the prose: no word of it counts twice.
  CHECK(placeholders(draft_brief("![FIXME](a.png) and [FIXME](https://x.example)\n")) ==
        Lines{found(9, 3, "FIXME"), found(9, 22, "FIXME")});
}
