#pragma once
// Words, sentences and syllables of plain text, for the length, readability
// and word-list rules. Words are runs of letters, digits, apostrophes and
// inner hyphens ("3.5" and "1,000" are one word); any non-ASCII byte counts
// as a letter (so "café" is one word). Sentences end at '.', '!' or '?'
// followed by a space or the end, except after common abbreviations (e.g.,
// i.e., Mr., Dr., vs.) and single initials. One pass does both (scan_text):
// the loader scans each block once and every rule reuses the result.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace prfaq {

// Offsets within one brief, which [limits] max_brief_bytes keeps below
// 1 GiB: 32 bits each, so that a block's words take half the memory (the
// words of every block are the largest thing a check allocates).
struct Span {
  std::uint32_t begin = 0, end = 0;
  // For words: (length, first letter, last letter) as one number, so word
  // lists can reject a word with one bit test (check/word_matcher.h).
  std::uint32_t shape = 0;
};

// The span of the bytes from `begin` to `end` of a brief.
inline Span span_between(std::size_t begin, std::size_t end) {
  return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), 0};
}

struct TextScan {
  std::vector<Span> words;
  // Index in `words` of each sentence's first word but the first sentence's
  // (word 0, when there are words); a sentence runs to the next one's first
  // word. Sentences without words are not listed. Most blocks are one
  // sentence: for them this stays empty, with nothing to allocate.
  std::vector<std::uint32_t> later_starts;
  std::size_t sentence_count() const { return words.empty() ? 0 : later_starts.size() + 1; }
  std::size_t sentence_start(std::size_t k) const { return k == 0 ? 0 : later_starts[k - 1]; }
  std::size_t sentence_words(std::size_t k) const {
    std::size_t end = k < later_starts.size() ? later_starts[k] : words.size();
    return end - sentence_start(k);
  }
  // Text span of sentence k: first word's begin to last word's end.
  Span sentence_span(std::size_t k) const;
  // The sentence holding word w.
  std::size_t sentence_of(std::size_t w) const;
};

void scan_text(std::string_view text, TextScan& out);
std::vector<Span> words(std::string_view text);
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
TextCounts count_text(std::string_view text, const TextScan& scan);
TextCounts count_text(std::string_view text);
// Flesch-Kincaid grade level; 0 for text with no words.
double flesch_kincaid_grade(const TextCounts& c);

// ASCII character classes without locale calls (hot paths).
namespace detail {
struct WordChars {
  bool table[256] = {};
  constexpr WordChars() {
    for (int c = 0; c < 256; ++c)
      table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
  }
};
inline constexpr WordChars kWordChars{};
}  // namespace detail
inline bool is_word_char(unsigned char c) { return detail::kWordChars.table[c]; }

// The shape of a word: length (capped at 31), first and last letter
// (case-insensitive; any other character is 26). Words of one shape are
// rare enough that a list lookup can start from a bit table of shapes.
inline constexpr std::uint32_t kShapeCount = 32 * 27 * 27;
namespace detail {
struct LetterIndex {
  unsigned char table[256] = {};
  constexpr LetterIndex() {
    for (int c = 0; c < 256; ++c) {
      int u = c | 0x20;
      table[c] = static_cast<unsigned char>((u >= 'a' && u <= 'z') ? u - 'a' : 26);
    }
  }
};
inline constexpr LetterIndex kLetterIndex{};
}  // namespace detail
inline std::uint32_t letter_index(char c) { return detail::kLetterIndex.table[static_cast<unsigned char>(c)]; }
// The shape of a word of `size` bytes from `first` to `last`.
inline std::uint32_t word_shape(std::size_t size, char first, char last) {
  std::uint32_t len = size < 31 ? static_cast<std::uint32_t>(size) : 31u;
  return (len * 27 + letter_index(first)) * 27 + letter_index(last);
}
inline std::uint32_t word_shape(std::string_view w) {
  return w.empty() ? 0 : word_shape(w.size(), w.front(), w.back());
}
inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace prfaq
