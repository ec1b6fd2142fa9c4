// util/line_index.cpp: byte offsets to 1-based line and code-point column.
#include <catch2/catch.hpp>

#include "util/line_index.h"

using prfaq::LineIndex;
using prfaq::Position;

TEST_CASE("the first byte is line 1, column 1", "[line_index]") {
  LineIndex idx("abc\ndef\n");
  CHECK(idx.at(0) == Position{1, 1});
  CHECK(idx.at(2) == Position{1, 3});
}

TEST_CASE("a byte after a newline starts the next line", "[line_index]") {
  LineIndex idx("abc\ndef\n");
  CHECK(idx.at(3) == Position{1, 4});  // the newline itself
  CHECK(idx.at(4) == Position{2, 1});
  CHECK(idx.at(6) == Position{2, 3});
  CHECK(idx.line_of(5) == 2);
}

TEST_CASE("columns count code points, not bytes", "[line_index]") {
  LineIndex idx("\xC3\xA9t\xC3\xA9 x");  // "été x"
  CHECK(idx.at(6) == Position{1, 5});
}

TEST_CASE("a CR before the newline is a column of its line", "[line_index]") {
  LineIndex idx("ab\r\ncd");
  CHECK(idx.at(2) == Position{1, 3});
  CHECK(idx.at(4) == Position{2, 1});
}

TEST_CASE("a UTF-8 BOM is not a column", "[line_index]") {
  LineIndex idx("\xEF\xBB\xBF+++\nx");
  CHECK(idx.at(3) == Position{1, 1});
  CHECK(idx.at(5) == Position{1, 3});
  CHECK(idx.at(7) == Position{2, 1});
}

TEST_CASE("offsets past the end map to the end of the text", "[line_index]") {
  LineIndex idx("ab\ncd");
  CHECK(idx.at(100) == Position{2, 3});
  CHECK(idx.line_of(100) == 2);
}

TEST_CASE("a text ending in a newline has an empty last line", "[line_index]") {
  CHECK(LineIndex("a\nb\n").line_count() == 3);
  CHECK(LineIndex("a\nb").line_count() == 2);
  CHECK(LineIndex("").line_count() == 1);
}

TEST_CASE("line_start gives each line's first byte", "[line_index]") {
  LineIndex idx("ab\ncde\nf");
  CHECK(idx.line_start(1) == 0u);
  CHECK(idx.line_start(2) == 3u);
  CHECK(idx.line_start(3) == 7u);
  CHECK(idx.line_start(4) == 8u);  // past the end: the end of the text
  CHECK(idx.line_start(0) == 0u);
}

TEST_CASE("positions stay right when asked out of order on a long line", "[util]") {
  std::string text = "ab\n" + std::string(1000, 'x') + "\xC3\xA9" + std::string(10, 'y') + "\nz";
  prfaq::LineIndex idx(text);
  std::size_t e_acute = 3 + 1000;
  CHECK(idx.at(e_acute + 2 + 5) == prfaq::Position{2, 1007});  // after the two-byte é: one column
  CHECK(idx.at(3 + 10) == prfaq::Position{2, 11});             // backwards on the same line
  CHECK(idx.at(e_acute + 2) == prfaq::Position{2, 1002});
  CHECK(idx.at(1) == prfaq::Position{1, 2});                   // another line
  CHECK(idx.at(text.size() - 1) == prfaq::Position{3, 1});
}
