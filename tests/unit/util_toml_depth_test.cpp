// util/toml_depth.cpp: the nesting limit checked before toml++ parses (it
// recurses once per table level that dotted keys and headers create).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "util/toml_depth.h"

using prfaq::toml_too_deep;
using prfaq::detail::scan_toml_depth;
using prfaq::detail::toml_depth_bound;

namespace {

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("toml nesting limit: real front matter and prfaq.toml are far below it", "[toml_depth]") {
  CHECK(toml_too_deep("title = \"T\"\n[[metric]]\nactuals = [{ date = 2020-01-01, value = 1.5 }]\n", 5) ==
        std::nullopt);
  CHECK(toml_too_deep("[status.draft.rules]\nplaceholder = \"warning\"\n", 4) == std::nullopt);
  CHECK(toml_too_deep("[rules]\nfaq-coverage = { topics = { cost = [\"cost\"] } }\n", 5) == std::nullopt);
}

TEST_CASE("toml nesting limit: every key part, header part, array and table counts", "[toml_depth]") {
  CHECK(toml_too_deep("a.b.c = 1\n", 3) == std::nullopt);
  CHECK(toml_too_deep("a.b.c.d = 1\n", 3) == 5u);  // the third '.'
  CHECK(toml_too_deep("[a.b]\nc = 1\n", 3) == std::nullopt);
  CHECK(toml_too_deep("[a.b]\nc.d = 1\n", 3) == 7u);
  CHECK(toml_too_deep("[[a.b]]\nc = 1\n", 4) == std::nullopt);  // a, b, the array's element, c
  CHECK(toml_too_deep("[[a.b]]\nc = 1\n", 3) == 8u);
  CHECK(toml_too_deep("[[a.b]]\nc = 1\n", 2) == 3u);
  CHECK(toml_too_deep("x = [[1]]\n", 3) == std::nullopt);
  CHECK(toml_too_deep("x = [[[1]]]\n", 3) == 6u);
  CHECK(toml_too_deep("x = { a = { b = 1 } }\n", 3) == std::nullopt);
  CHECK(toml_too_deep("x = { a = { b.c = 1 } }\n", 3) == 13u);
  CHECK(toml_too_deep("[a.b]\nc.d = [{ e = 1 }]\n", 6) == std::nullopt);  // the header's example
  CHECK(toml_too_deep("[a.b]\nc.d = [{ e = 1 }]\n", 5) == 15u);
}

TEST_CASE("toml nesting limit: closed arrays and tables give their levels back", "[toml_depth]") {
  CHECK(toml_too_deep("x = [[1], [2], [3]]\ny = { a = 1, b = { c = 2 }, d = [{}] }\n", 4) == std::nullopt);
  CHECK(toml_too_deep(repeat("[a.b.c]\nd = 1\n", 1000), 4) == std::nullopt);
  CHECK(toml_too_deep("x = " + repeat("[1],", 1000) + "\n", 3) == std::nullopt);
}

TEST_CASE("toml nesting limit: strings and comments hold no structure", "[toml_depth]") {
  CHECK(toml_too_deep("x = \"[[[[{{{{a.b.c.d\"\n", 2) == std::nullopt);
  CHECK(toml_too_deep("x = 'a.b.c.d[[[['\n", 2) == std::nullopt);
  CHECK(toml_too_deep("x = \"\"\"\n[[[[\n\\\"\"\"\n[[[[\"\"\"\n", 2) == std::nullopt);
  CHECK(toml_too_deep("x = '''\n[[[[\n'''\n", 2) == std::nullopt);
  CHECK(toml_too_deep("x = 1 # [[[[ a.b.c.d\n", 2) == std::nullopt);
  CHECK(toml_too_deep("\"a.b.c.d\" = 1\n", 1) == std::nullopt);  // one quoted key part
  CHECK(toml_too_deep("[\"a.b\".'c.d']\nx = 1\n", 3) == std::nullopt);
  CHECK(toml_too_deep("x = \"a\\\"[[[[\"\n", 2) == std::nullopt);  // an escaped quote does not end it
}

TEST_CASE("toml nesting limit: numbers and dates in values are not key parts", "[toml_depth]") {
  CHECK(toml_too_deep("x = 1.5\ny = 1979-05-27T07:32:00.999999Z\nz = [1.1, 2.2, 3.3]\n", 2) == std::nullopt);
  CHECK(toml_too_deep("1.2.3 = 1\n", 2) == 3u);  // but a key of digits is dotted
}

TEST_CASE("toml nesting limit: 100,000 levels are found in one pass, at the first level too deep", "[toml_depth]") {
  std::string dotted = "a" + repeat(".a", 100000) + " = 1\n";
  CHECK(toml_too_deep(dotted) == 199u);  // the 100th '.': 101 parts
  std::string header = "[a" + repeat(".a", 100000) + "]\n";
  CHECK(toml_too_deep(header) == 200u);
  std::string arrays = "x = " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  CHECK(toml_too_deep(arrays) == 103u);  // x, then 100 arrays: the 100th '['
  std::string tables = "x = " + repeat("{a=", 100000) + "1" + std::string(100000, '}') + "\n";
  CHECK(toml_too_deep(tables) == 302u);  // the 100th "a": x and 100 more parts
}

TEST_CASE("toml nesting limit: the byte count it skips the scan under", "[toml_depth]") {
  CHECK(toml_depth_bound("") == 1u);
  CHECK(toml_depth_bound("a.b = [{}]\n") == 4u);  // 2 + 1 + 1
  CHECK(toml_depth_bound("x = \"[{.\" # [{.") == 7u);  // strings and comments count too
  CHECK(toml_depth_bound(std::string(1000, '[')) == 1001u);  // blocks of 64 and the rest
  CHECK(toml_depth_bound(repeat("{a.b}", 100) + "x") == 201u);
  // Reached: x, a and the array's element; a, b, c and the array's element.
  CHECK(toml_depth_bound("x = {a = [1]}\n") == 3u);
  CHECK(scan_toml_depth("x = {a = [1]}\n", 2) == 9u);
  CHECK(toml_too_deep("x = {a = [1]}\n", 3) == std::nullopt);
  CHECK(toml_depth_bound("[a.b]\nc = [1]\n") == 4u);
  CHECK(scan_toml_depth("[a.b]\nc = [1]\n", 3) == 10u);
  // Real front matter is far below 100: toml_too_deep does not scan it.
  std::string fm = "title = \"T\"\nowner = [\"a.b@c.example\"]\ntags = [\"x\", \"y\"]\n" +
                   repeat("[[review]]\nwho = \"a.b@c.example\"\nnote = \"Done.\"\n", 5);
  CHECK(toml_depth_bound(fm) < 100u);
}

TEST_CASE("toml nesting limit: nothing reaches deeper than the byte count", "[toml_depth]") {
  // Random text of TOML's structural pieces, mostly not TOML: the scan
  // never goes deeper than the count says, so skipping it under the count
  // changes no answer.
  const std::vector<std::string> pieces = {"[", "[[", "]", "]]", "{", "}", ".", ".", "a", "b", "1", "=", "=",
                                           ",", "\n", "\n", " ", "\"", "'", "\"\"\"", "'''", "\\", "#", "x = ",
                                           "[a.b]\n", "c.d = ", "{ e = ", "[[t]]\n"};
  std::mt19937 rng(5);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    int len = static_cast<int>(rng() % 40);
    for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
    INFO(text);
    auto bound = static_cast<int>(toml_depth_bound(text));
    REQUIRE(scan_toml_depth(text, bound) == std::nullopt);
    for (int max_depth = -1; max_depth <= bound + 1; ++max_depth)
      REQUIRE(toml_too_deep(text, max_depth) == scan_toml_depth(text, max_depth));
  }
}
