// cli/slugify.cpp: a slug from a title.
#include <catch2/catch.hpp>

#include <string>

#include "util/slugify.h"
#include "load/brief.h"

using prfaq::slugify;

TEST_CASE("a title becomes lower-case words joined by dashes", "[slugify]") {
  CHECK(slugify("Instant Refunds") == "instant-refunds");
  CHECK(slugify("  Instant   Refunds!  ") == "instant-refunds");
  CHECK(slugify("2027 Plan: Q3/Q4") == "2027-plan-q3-q4");
}

TEST_CASE("apostrophes join words", "[slugify]") {
  CHECK(slugify("Don't Stop") == "dont-stop");
  CHECK(slugify("Don\xE2\x80\x99t Stop") == "dont-stop");  // curly apostrophe
}

TEST_CASE("Latin-1 accents fold to ASCII", "[slugify]") {
  CHECK(slugify("Caf\xC3\xA9 \xC3\x9C" "ber Stra\xC3\x9F" "e") == "cafe-uber-strasse");
  CHECK(slugify("\xC3\x86on") == "aeon");
}

TEST_CASE("other non-ASCII characters separate words", "[slugify]") {
  CHECK(slugify("Refunds \xE2\x80\x93 Fast") == "refunds-fast");  // en dash
  CHECK(slugify("A\xC3\x97" "B") == "a-b");                        // multiplication sign
  CHECK(slugify("Go \xF0\x9F\x9A\x80 now") == "go-now");           // emoji
  CHECK(slugify("\xC5\x81" "odz") == "odz");                       // Ł: outside Latin-1
}

TEST_CASE("a title with no letter or digit gives an empty slug", "[slugify]") {
  CHECK(slugify("!!! ???") == "");
  CHECK(slugify("") == "");
}

TEST_CASE("a long title is cut at a word boundary within 64 characters", "[slugify]") {
  std::string title;
  for (int i = 0; i < 20; ++i) title += "wordy ";
  std::string slug = slugify(title);
  CHECK(slug.size() == 59);  // 10 x "wordy" and 9 dashes: the next word would end at 65
  CHECK(slug.substr(0, 12) == "wordy-wordy-");
  CHECK(slug.back() == 'y');
}

TEST_CASE("a slug of exactly 64 characters is kept whole", "[slugify]") {
  std::string title;
  for (int i = 0; i < 20; ++i) title += "word ";
  CHECK(slugify(title).size() == 64);  // 13 x "word" and 12 dashes; the dash after is cut
}

TEST_CASE("a long word with no boundary is cut at 64 characters", "[slugify]") {
  CHECK(slugify(std::string(70, 'x')) == std::string(64, 'x'));
}

TEST_CASE("every slug slugify makes is a valid slug", "[slugify]") {
  for (auto title : {"Instant Refunds", "Caf\xC3\xA9", "2027 Plan", "a--b", "-x-"}) {
    INFO(title);
    CHECK(prfaq::is_valid_slug(slugify(title)));
  }
}
