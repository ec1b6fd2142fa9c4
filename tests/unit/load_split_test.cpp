// load/split.cpp: front matter between +++ lines, and the body after it.
#include <catch2/catch.hpp>

#include <string_view>

#include "load/split.h"

using prfaq::Split;
using prfaq::split_front_matter;

TEST_CASE("front matter and body are split at the +++ lines", "[split]") {
  std::string_view text = "+++\ntitle = \"T\"\n+++\nbody\n";
  Split s = split_front_matter(text);
  CHECK(s.error == Split::Error::none);
  CHECK(s.open_offset == 0u);
  CHECK(text.substr(s.toml_begin, s.toml_end - s.toml_begin) == "title = \"T\"\n");
  CHECK(text.substr(s.body_begin) == "body\n");
}

TEST_CASE("a UTF-8 BOM before the opening line is skipped", "[split]") {
  std::string_view text = "\xEF\xBB\xBF+++\na = 1\n+++\n";
  Split s = split_front_matter(text);
  CHECK(s.error == Split::Error::none);
  CHECK(s.open_offset == 3u);
  CHECK(text.substr(s.toml_begin, s.toml_end - s.toml_begin) == "a = 1\n");
}

TEST_CASE("CRLF fences and trailing blanks are fences", "[split]") {
  std::string_view text = "+++ \r\na = 1\r\n+++\t\r\nbody";
  Split s = split_front_matter(text);
  CHECK(s.error == Split::Error::none);
  CHECK(text.substr(s.toml_begin, s.toml_end - s.toml_begin) == "a = 1\r\n");
  CHECK(text.substr(s.body_begin) == "body");
}

TEST_CASE("a closing fence at the end of the file leaves an empty body", "[split]") {
  std::string_view text = "+++\na = 1\n+++";
  Split s = split_front_matter(text);
  CHECK(s.error == Split::Error::none);
  CHECK(s.body_begin == text.size());
}

TEST_CASE("a file not starting with +++ has no front matter", "[split]") {
  CHECK(split_front_matter("").error == Split::Error::missing);
  CHECK(split_front_matter("# Title\n+++\n").error == Split::Error::missing);
  CHECK(split_front_matter("\n+++\na = 1\n+++\n").error == Split::Error::missing);
  CHECK(split_front_matter("++++\na = 1\n++++\n").error == Split::Error::missing);
  CHECK(split_front_matter("+++ x\na = 1\n+++\n").error == Split::Error::missing);
  CHECK(split_front_matter("---\na: 1\n---\n").error == Split::Error::missing);
}

TEST_CASE("front matter with no closing +++ is unterminated", "[split]") {
  CHECK(split_front_matter("+++").error == Split::Error::unterminated);
  CHECK(split_front_matter("+++\n").error == Split::Error::unterminated);
  CHECK(split_front_matter("+++\na = 1\nbody\n").error == Split::Error::unterminated);
  CHECK(split_front_matter("+++\na = 1\n++++\n").error == Split::Error::unterminated);
}

TEST_CASE("the closing fence is the first +++ line", "[split]") {
  std::string_view text = "+++\na = 1\n+++\nb\n+++\n";
  Split s = split_front_matter(text);
  CHECK(text.substr(s.body_begin) == "b\n+++\n");
}
