// load/text_stats.cpp: words, sentences, syllables and the grade level.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "load/text_stats.h"

using namespace prfaq;

namespace {

std::vector<std::string> word_texts(std::string_view text) {
  std::vector<std::string> out;
  for (auto w : words(text)) out.emplace_back(text.substr(w.begin, w.end - w.begin));
  return out;
}

std::size_t sentences(std::string_view text) {
  TextScan scan;
  scan_text(text, scan);
  return scan.sentence_count();
}

}  // namespace

TEST_CASE("words are runs of letters and digits with inner apostrophes and hyphens", "[text_stats]") {
  CHECK(word_texts("Don't stop: well-known, (really)!") ==
        std::vector<std::string>{"Don't", "stop", "well-known", "really"});
  CHECK(word_texts("- dash - alone -") == std::vector<std::string>{"dash", "alone"});
}

TEST_CASE("numbers with a decimal point or thousands comma are one word", "[text_stats]") {
  CHECK(word_texts("3.5 and 1,000 but a,b") == std::vector<std::string>{"3.5", "and", "1,000", "but", "a", "b"});
}

TEST_CASE("non-ASCII letters are part of a word", "[text_stats]") {
  CHECK(word_texts("caf\xC3\xA9 au lait") == std::vector<std::string>{"caf\xC3\xA9", "au", "lait"});
}

TEST_CASE("sentences end at . ! or ? before a space or the end", "[text_stats]") {
  CHECK(sentences("Acme launches Pay. It is free.") == 2u);
  CHECK(sentences("Is it free? Yes! Really.") == 3u);
  CHECK(sentences("It costs 3.5 dollars.") == 1u);
  CHECK(sentences("See example.com for more") == 1u);
  CHECK(sentences("He said \"stop.\" Then left.") == 2u);
  CHECK(sentences("") == 0u);
  CHECK(sentences("...") == 0u);
}

TEST_CASE("abbreviations and initials do not end a sentence", "[text_stats]") {
  CHECK(sentences("Use e.g. the app, i.e. the phone.") == 1u);
  CHECK(sentences("Mr. Smith met Dr. Jones.") == 1u);
  CHECK(sentences("J. Smith wrote it.") == 1u);
  CHECK(sentences("Acme launches X. It is free.") == 1u);  // "X." reads as an initial
  CHECK(sentences("It grew 5. Then it fell.") == 2u);
}

TEST_CASE("a sentence's span and the sentence of a word", "[text_stats]") {
  std::string_view text = "One two. Three four five.";
  TextScan scan;
  scan_text(text, scan);
  REQUIRE(scan.sentence_count() == 2u);
  CHECK(scan.sentence_words(0) == 2u);
  CHECK(scan.sentence_words(1) == 3u);
  Span s = scan.sentence_span(1);
  CHECK(text.substr(s.begin, s.end - s.begin) == "Three four five");
  CHECK(scan.sentence_of(1) == 0u);
  CHECK(scan.sentence_of(2) == 1u);
}

TEST_CASE("syllables are vowel groups, less a silent final e or ed", "[text_stats]") {
  CHECK(syllables("cat") == 1);
  CHECK(syllables("make") == 1);
  CHECK(syllables("table") == 2);
  CHECK(syllables("free") == 1);
  CHECK(syllables("used") == 1);
  CHECK(syllables("wanted") == 2);
  CHECK(syllables("reading") == 2);
  CHECK(syllables("the") == 1);
  CHECK(syllables("rhythm") == 1);
  CHECK(syllables("2027") == 1);
  CHECK(syllables("") == 0);
}

TEST_CASE("count_text counts words, sentences and syllables", "[text_stats]") {
  TextCounts c = count_text("The cat sat. A table fell.");
  CHECK(c.words == 6);
  CHECK(c.sentences == 2);
  CHECK(c.syllables == 7);
}

TEST_CASE("the Flesch-Kincaid grade follows its formula", "[text_stats]") {
  CHECK(flesch_kincaid_grade({10, 1, 15}) == Approx(6.01));
  CHECK(flesch_kincaid_grade({0, 0, 0}) == 0);
}
