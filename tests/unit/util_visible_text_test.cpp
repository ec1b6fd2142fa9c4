// util/visible_text.cpp: control characters and bytes that are not UTF-8,
// made visible for a terminal.
#include <catch2/catch.hpp>

#include <string>

#include "util/visible_text.h"

using namespace prfaq;
using namespace std::string_literals;

TEST_CASE("visible_text keeps printable text, UTF-8 and backslashes as they are", "[util]") {
  CHECK(visible_text("") == "");
  CHECK(visible_text("content/payments/instant-refunds.md") == "content/payments/instant-refunds.md");
  CHECK(visible_text("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 a\\nb") == "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 a\\nb");
}

TEST_CASE("visible_text shows line feed, carriage return and tab as backslash n, r and t", "[util]") {
  CHECK(visible_text("Multi\nLine\r\tTab") == "Multi\\nLine\\r\\tTab");
}

TEST_CASE("visible_text shows the other C0 controls and DEL as backslash x and two hex digits", "[util]") {
  CHECK(visible_text("bad\x1b[2Jname") == "bad\\x1b[2Jname");
  CHECK(visible_text("a\0b"s) == "a\\x00b");
  CHECK(visible_text("\x01\x1f\x7f") == "\\x01\\x1f\\x7f");
}

TEST_CASE("visible_text shows the C1 controls as backslash x and the two hex digits of their code point", "[util]") {
  CHECK(visible_text("next\xC2\x85line \xC2\x9B" "31m") == "next\\x85line \\x9b31m");
  CHECK(visible_text("\xC2\xA0\xC2\xA9") == "\xC2\xA0\xC2\xA9");  // U+00A0 and U+00A9 are no controls
}

TEST_CASE("visible_text turns each byte that is not UTF-8 into U+FFFD", "[util]") {
  CHECK(visible_text("bad\xFFname\x85.md") == "bad\xEF\xBF\xBDname\xEF\xBF\xBD.md");
  CHECK(visible_text("\xFF\x1b") == "\xEF\xBF\xBD\\x1b");
}

TEST_CASE("has_control_character finds C0, DEL and C1 controls, and no byte that is not UTF-8", "[util]") {
  CHECK_FALSE(has_control_character("plain caf\xC3\xA9.png"));
  CHECK(has_control_character("a\0b"s));
  CHECK(has_control_character("x\x1b[31m.png"));
  CHECK(has_control_character("tab\there"));
  CHECK(has_control_character("del\x7f"));
  CHECK(has_control_character("nel\xC2\x85"));
  CHECK_FALSE(has_control_character("latin1\x85"));
}
