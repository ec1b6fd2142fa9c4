// util/mustache_error.cpp: kainjow's byte offsets as FILE:LINE:COL.
#include <catch2/catch.hpp>

#include <string>

#include "util/mustache_error.h"

using prfaq::mustache_error;

TEST_CASE("a byte offset becomes the line and column it points at", "[util][mustache_error]") {
  CHECK(mustache_error("t.html", "{{#a}}", "Unclosed section \"a\" at 0") == "t.html:1:1: Unclosed section \"a\"");
  CHECK(mustache_error("t.html", "x\ny\n  {{#a}}", "Unclosed section \"a\" at 6") ==
        "t.html:3:3: Unclosed section \"a\"");
  CHECK(mustache_error("t.html", "x\n", "Unclosed tag at 2") == "t.html:2:1: Unclosed tag");
}

TEST_CASE("the column counts code points, and a BOM opening the file is none", "[util][mustache_error]") {
  CHECK(mustache_error("t", "é日😀{{", "Unclosed tag at 9") == "t:1:4: Unclosed tag");
  CHECK(mustache_error("t", "\xEF\xBB\xBF{{", "Unclosed tag at 3") == "t:1:1: Unclosed tag");
}

TEST_CASE("an offset past the end is the end of the template", "[util][mustache_error]") {
  CHECK(mustache_error("t", "ab\ncd", "Unclosed tag at 99") == "t:2:3: Unclosed tag");
  CHECK(mustache_error("t", "ab", "Unclosed tag at 9999999999999999999") == "t:1:3: Unclosed tag");
}

TEST_CASE("a message with no offset is kept whole after the file", "[util][mustache_error]") {
  CHECK(mustache_error("t", "x", "Lambda with render argument is not allowed for regular variables") ==
        "t: Lambda with render argument is not allowed for regular variables");
  CHECK(mustache_error("t", "x", "Unclosed section \"look at me\"") == "t: Unclosed section \"look at me\"");
  CHECK(mustache_error("t", "x", "Unclosed tag at ") == "t: Unclosed tag at ");
  CHECK(mustache_error("t", "x", "Unclosed tag at 12a") == "t: Unclosed tag at 12a");
  CHECK(mustache_error("t", "x", "Unclosed tag at 123456789012345678901") == "t: Unclosed tag at 123456789012345678901");
  CHECK(mustache_error("t", "x", "") == "t: ");
}
