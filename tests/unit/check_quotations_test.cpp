// check/quotations.cpp: quotations of at least so many words, for the
// customer-quote rule, counted from the words the loader already found.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "check/quotations.h"

using namespace prfaq;

namespace {

int count(std::string_view text, int min_words) { return count_quotations(text, words(text), min_words); }

// The rule as first written: each quotation's text scanned alone.
int reference(std::string_view t, int min_words) {
  int n = 0;
  std::size_t i = 0;
  while (i < t.size()) {
    std::size_t a = t.find('"', i), b = t.find("\xE2\x80\x9C", i);
    if (a == std::string_view::npos && b == std::string_view::npos) break;
    bool straight = a != std::string_view::npos && (b == std::string_view::npos || a < b);
    std::size_t open = straight ? a : b, len = straight ? 1 : 3;
    std::size_t close = straight ? t.find('"', open + 1) : t.find("\xE2\x80\x9D", open + 3);
    if (close == std::string_view::npos) break;
    if (static_cast<int>(words(t.substr(open + len, close - open - len)).size()) >= min_words) ++n;
    i = close + len;
  }
  return n;
}

}  // namespace

TEST_CASE("quotations: straight or curly, of at least so many words", "[quotations]") {
  CHECK(count("\"I love it a lot,\" said Ann. \"Yes,\" said Bo.", 4) == 1);
  CHECK(count("\"I love it a lot,\" said Ann. \"Yes,\" said Bo.", 1) == 2);
  CHECK(count("\xE2\x80\x9CI love it a lot,\xE2\x80\x9D said Ann.", 4) == 1);
  CHECK(count("\xE2\x80\x9CI love it,\xE2\x80\x9D said Ann.", 4) == 0);
  CHECK(count("\"unterminated, with many words in it", 1) == 0);
  CHECK(count("\"\" and \"  \" hold no words", 1) == 0);
  CHECK(count("", 0) == 0);
}

TEST_CASE("quotations: words against the quotes count as they would alone", "[quotations]") {
  // A word touching a straight quote ends at it: "it's" inside, "3.5" inside.
  CHECK(count("x\"it's 3.5 well-known\"y", 3) == 1);
  CHECK(count("x\"it's 3.5 well-known\"y", 4) == 0);
  // A hyphen or apostrophe next to a quote joins nothing.
  CHECK(count("a-\"-b c-\"-d", 2) == 1);
  // Curly quotes are letters to the word scan: their quotation is scanned alone.
  CHECK(count("\xE2\x80\x9C-a b\xE2\x80\x9D", 2) == 1);
}

TEST_CASE("quotations: the same count as each quotation scanned alone", "[quotations]") {
  const std::vector<std::string> pieces = {"\"", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", " ", " ", "a", "Bo", "3",
                                           ".", ",", "'", "-", "1,000", "3.5", "\xC3\xA9", "\n", "!", "x"};
  std::mt19937 rng(3);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    int len = static_cast<int>(rng() % 30);
    for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
    int min_words = static_cast<int>(rng() % 4);
    INFO(text << " min_words=" << min_words);
    REQUIRE(count(text, min_words) == reference(text, min_words));
  }
}
