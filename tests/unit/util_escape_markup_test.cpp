// util/escape_markup.cpp: one escaping for the pages, the charts and the feed.
#include <catch2/catch.hpp>

#include <string>

#include "util/escape_markup.h"

using namespace std::string_literals;
using prfaq::escape_markup;

TEST_CASE("escape_markup escapes the five markup characters", "[util][escape_markup]") {
  CHECK(escape_markup("<&>\"'") == "&lt;&amp;&gt;&quot;&#39;");
  CHECK(escape_markup("&amp;") == "&amp;amp;");
  CHECK(escape_markup("") == "");
}

TEST_CASE("escape_markup drops the control characters XML forbids and keeps the rest", "[util][escape_markup]") {
  CHECK(escape_markup("a\x01" "b\x08" "c\x0B" "d\x0C" "e\x1F" "f\x00g"s) == "abcdefg");
  CHECK(escape_markup("tab\there\nnew\rline") == "tab\there\nnew\rline");
  CHECK(escape_markup("Zoë 日本 \x7f") == "Zoë 日本 \x7f");
}
