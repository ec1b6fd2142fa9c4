// util/escape_markup.cpp: one escaping for the pages, the charts and the feed.
#include <catch2/catch.hpp>

#include <string>

#include "util/escape_markup.h"

using namespace std::string_literals;
using prfaq::escape_markup;

namespace {
const std::string R = "\xEF\xBF\xBD";  // U+FFFD, the replacement character
}

TEST_CASE("escape_markup escapes the five markup characters", "[util][escape_markup]") {
  CHECK(escape_markup("<&>\"'") == "&lt;&amp;&gt;&quot;&#39;");
  CHECK(escape_markup("&amp;") == "&amp;amp;");
  CHECK(escape_markup("") == "");
}

TEST_CASE("escape_markup keeps tab, line breaks and every other character", "[util][escape_markup]") {
  CHECK(escape_markup("tab\there\nnew\rline") == "tab\there\nnew\rline");
  CHECK(escape_markup("Zoë 日本 😀 \u00A0\u00FF\uD7FF\uE000\uFDCF\uFDF0\uFFFD \U00010000\U0010FFFD") ==
        "Zoë 日本 😀 \u00A0\u00FF\uD7FF\uE000\uFDCF\uFDF0\uFFFD \U00010000\U0010FFFD");
}

TEST_CASE("escape_markup replaces the C0 controls XML forbids and HTML calls parse errors", "[util][escape_markup]") {
  CHECK(escape_markup("H \0"s) == "H " + R);
  CHECK(escape_markup("a\x01" "b\x08" "c\x0B" "d\x0C" "e\x1F" "f\x00g"s) ==
        "a" + R + "b" + R + "c" + R + "d" + R + "e" + R + "f" + R + "g");
}

TEST_CASE("escape_markup replaces DEL and the C1 controls", "[util][escape_markup]") {
  CHECK(escape_markup("a\x7F" "b") == "a" + R + "b");
  CHECK(escape_markup("a\u0080b\u009Fc\u00A0") == "a" + R + "b" + R + "c\u00A0");
}

TEST_CASE("escape_markup replaces U+FFFE, U+FFFF and the other noncharacters", "[util][escape_markup]") {
  CHECK(escape_markup("X \uFFFE") == "X " + R);
  CHECK(escape_markup("X \uFFFF.") == "X " + R + ".");
  CHECK(escape_markup("\uFDD0\uFDEF") == R + R);
  CHECK(escape_markup("\U0001FFFE\U0010FFFF") == R + R);
}

TEST_CASE("escape_markup replaces each invalid UTF-8 sequence once", "[util][escape_markup]") {
  CHECK(escape_markup("\xED\xA0\x80") == R + R + R);  // a surrogate (U+D800) encoded: no byte starts a valid one
  CHECK(escape_markup("a\x80z") == "a" + R + "z");   // a lone continuation byte
  CHECK(escape_markup("a\xE6\x97z") == "a" + R + "z");  // 日 cut short: one replacement for its two bytes
  CHECK(escape_markup("\xF0\x9F\x98") == R);
  CHECK(escape_markup("\xC0\xAF<") == R + R + "&lt;");  // an overlong '/'
  CHECK(escape_markup("\xF4\x90\x80\x80") == R + R + R + R);  // above U+10FFFF
  CHECK(escape_markup("\xFF\xFE") == R + R);
}

TEST_CASE("replace_forbidden_characters replaces what escape_markup would, and escapes nothing",
          "[util][escape_markup]") {
  using prfaq::replace_forbidden_characters;
  std::string html = "<p title=\"a&amp;b\">Zoë\tok\n</p>";
  CHECK_FALSE(replace_forbidden_characters(html));
  CHECK(html == "<p title=\"a&amp;b\">Zoë\tok\n</p>");
  html = "<p>a\x01" "b\x7F\uFFFE\u0085\xED\xA0\x80 \x0C</p>\n";
  CHECK(replace_forbidden_characters(html));
  CHECK(html == "<p>a" + R + "b" + R + R + R + R + R + R + " " + R + "</p>\n");
  std::string empty;
  CHECK_FALSE(replace_forbidden_characters(empty));
}
