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

namespace {

// Byte by byte, the reading the bit-parallel scan must agree with.
std::vector<std::string> reference_words(std::string_view t) {
  auto word = [&](std::size_t i) { return i < t.size() && is_word_char(static_cast<unsigned char>(t[i])); };
  auto digit = [&](std::size_t i) { return i < t.size() && is_digit(static_cast<unsigned char>(t[i])); };
  auto in_run = [&](std::size_t i) {
    if (word(i)) return true;
    if (i == 0 || i + 1 >= t.size()) return false;
    char c = t[i];
    if (c == '\'' || c == '-') return word(i - 1) && word(i + 1);
    if (c == '.' || c == ',') return digit(i - 1) && digit(i + 1);
    return false;
  };
  std::vector<std::string> out;
  for (std::size_t i = 0; i < t.size();) {
    if (!in_run(i)) { ++i; continue; }
    std::size_t j = i;
    while (j < t.size() && in_run(j)) ++j;
    out.emplace_back(t.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

TEST_CASE("words and their joiners are found across every 64-byte boundary", "[text_stats]") {
  // The scan reads 64 bytes at a time: shifting a text byte by byte puts
  // each word start, end and joiner on each side of a boundary, and the
  // text's end at every position in a block.
  const std::string text = "Don't pay 3.5 or 1,000 for well-known caf\xC3\xA9s. Mr. X. said no! Ok? a-";
  for (std::size_t shift = 0; shift < 140; ++shift) {
    std::string t = std::string(shift, ' ') + text;
    INFO("shift " << shift);
    CHECK(word_texts(t) == reference_words(t));
    CHECK(sentences(t) == 4);
    std::string cut = t.substr(0, t.size() - 2);  // ends in the word "a"
    CHECK(word_texts(cut) == reference_words(cut));
  }
  std::string exactly(128, 'a');  // one word filling two whole blocks
  CHECK(word_texts(exactly) == std::vector<std::string>{exactly});
  CHECK(word_texts(std::string(64, ' ')).empty());
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
  CHECK(sentences("Shoppers in the U.S. get refunds in 10 seconds.") == 1u);
  CHECK(sentences("Open from 9 a.m. to 5 p.m. every day. Closed on Sunday.") == 2u);
  CHECK(sentences("Ask (U.K. only) now.") == 1u);
  CHECK(sentences("It is A.B1. Then more.") == 2u);  // not letters joined by dots
  CHECK(sentences("We sell it in the EU. Then the US.") == 2u);
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

TEST_CASE("count_text's syllables are each word's, wherever the word falls", "[text_stats]") {
  // count_text finds the vowel groups of the whole text 16 and 64 bytes at
  // a time, then reads each word's from their bits; the sum must be what
  // syllables() gives word by word, with words on both sides of every
  // boundary.
  const std::string text =
      "Beautiful queueing AIRPORTS don't make 2027 caf\xC3\xA9s free; yearly eyes used wanted "
      "rhythm-and-blues ooze. Tables reading THE idea! aeiouyAEIOUY bcd";
  for (std::size_t shift = 0; shift < 140; ++shift) {
    std::string t = std::string(shift, shift % 3 ? ' ' : 'x') + " " + text;
    INFO("shift " << shift);
    int expected = 0;
    for (auto w : words(t)) expected += syllables(std::string_view(t).substr(w.begin, w.end - w.begin));
    CHECK(count_text(t).syllables == expected);
  }
  CHECK(count_text(std::string(130, 'a')).syllables == 1);
  CHECK(count_text("a e i o u").syllables == 5);
}

TEST_CASE("the Flesch-Kincaid grade follows its formula", "[text_stats]") {
  CHECK(flesch_kincaid_grade({10, 1, 15}) == Approx(6.01));
  CHECK(flesch_kincaid_grade({0, 0, 0}) == 0);
}
