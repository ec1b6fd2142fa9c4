#pragma once
// Words, sentences and syllables of plain text, for the length, readability
// and word-list rules. Words are runs of letters, digits, apostrophes and
// inner hyphens; any non-ASCII byte counts as a letter (so "café" is one word).
#include <cstddef>
#include <string_view>
#include <vector>

namespace prfaq {

struct Span {
  std::size_t begin = 0, end = 0;
};

std::vector<Span> words(std::string_view text);
// Sentences end at '.', '!' or '?' followed by a space or the end, except
// after common abbreviations (e.g., i.e., Mr., Dr., vs.) and single initials.
std::vector<Span> sentences(std::string_view text);
int syllables(std::string_view word);

struct TextCounts {
  int words = 0, sentences = 0, syllables = 0;
  TextCounts& operator+=(const TextCounts& o) {
    words += o.words;
    sentences += o.sentences;
    syllables += o.syllables;
    return *this;
  }
};
TextCounts count_text(std::string_view text);
// Flesch-Kincaid grade level; 0 for text with no words.
double flesch_kincaid_grade(const TextCounts& c);

}  // namespace prfaq
