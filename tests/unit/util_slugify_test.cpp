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
  CHECK(slugify("Go \xC6\x80 now") == "go-now");                   // ƀ: Latin Extended-B
}

TEST_CASE("Latin Extended-A letters fold to ASCII", "[slugify]") {
  CHECK(slugify("\xC5\x81\xC3\xB3" "d\xC5\xBA") == "lodz");            // Łódź
  CHECK(slugify("\xC4\xB0stanbul \xC4\xB2ssel") == "istanbul-ijssel");  // İstanbul Ĳssel
  CHECK(slugify("\xC5\x93uvre \xC5\x92il") == "oeuvre-oeil");           // œuvre Œil
  CHECK(slugify("\xC4\x80\xC4\x8D\xC5\xBE") == "acz");                  // Ā, first of the block; č; ž
  CHECK(slugify("Ga\xC5\xBF") == "gas");                                // ſ, last of the block
  CHECK(slugify("\xC5\xA0koda \xC5\x9E" "eker \xC5\xB8") == "skoda-seker-y");
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
