#include <catch2/catch.hpp>

#include "util/json.h"

using prfaq::json_string;

TEST_CASE("json_string quotes and escapes quotes, backslashes and control characters", "[util]") {
  CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_string("line\nnext\ttab") == "\"line\\nnext\\ttab\"");
  CHECK(json_string(std::string_view("\x01", 1)) == "\"\\u0001\"");
}

TEST_CASE("json_string keeps UTF-8 and turns bytes that are not UTF-8 into U+FFFD", "[util]") {
  CHECK(json_string("caf\xC3\xA9") == "\"caf\xC3\xA9\"");
  CHECK(json_string("a\xff" "b") == "\"a\xEF\xBF\xBD" "b\"");
  CHECK(json_string("\xff\xfe") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
}
