#pragma once
// Finds the words and phrases of a word list in text, whole words only.
// An entry written in capitals (TODO) matches only in capitals; any other
// entry matches in any case. Multi-word entries ("lorem ipsum") match
// consecutive words. Built once per check run, shared read-only by threads.
// Hot path: every word of every brief goes through find(), so a bit table
// on (length, first letter, last letter) rejects almost all words before any
// string is compared.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "load/text_stats.h"

namespace prfaq {

class WordMatcher {
 public:
  WordMatcher() = default;
  explicit WordMatcher(const std::vector<std::string>& entries);
  struct Match {
    Span span;                 // in the text
    const std::string* entry;  // the list entry that matched
  };
  // `ws` are the words of `text` (TextScan::words).
  void find(std::string_view text, const std::vector<Span>& ws, std::vector<Match>& out) const;
  std::vector<Match> find(std::string_view text, const std::vector<Span>& ws) const {
    std::vector<Match> out;
    find(text, ws, out);
    return out;
  }
  // The entry matching at word i, if any; the first in list order when
  // several do. A word of no listed shape is rejected first, at once.
  const std::string* match_at(std::string_view text, const std::vector<Span>& ws, std::size_t i, Span& span) const;
  // Adds `other`'s shapes to this matcher's quick test (for a combined pre-test).
  void add_shapes(const WordMatcher& other);
  bool empty() const { return entries_.empty(); }
  // Could `w` start a match? (The cheap test find() does first.)
  bool may_start(std::string_view w) const { return has_shape(word_shape(w)); }
  bool may_start(const Span& word) const { return has_shape(word.shape); }
  // The first i >= from with may_start(ws[i]), or ws.size(): the loop
  // every word of a brief goes through, kept to a few instructions a word.
  std::size_t next_candidate(const std::vector<Span>& ws, std::size_t from) const {
    const Span* p = ws.data() + from;
    const Span* end = ws.data() + ws.size();
    while (p != end && !has_shape(p->shape)) ++p;
    return static_cast<std::size_t>(p - ws.data());
  }
  // False when no entry's first word occurs anywhere in `text`, even
  // inside another word (in any case, unless the entry is in capitals):
  // then find() finds nothing in it, so its words need not be found. A
  // byte scan, far cheaper than finding the words of a short string.
  bool may_occur(std::string_view text) const;

 private:
  struct Entry {
    std::string text;
    std::vector<std::string> words;  // lower case unless exact
    std::uint32_t shape = 0;         // of words[0]: a word of another shape cannot start it
    bool exact = false;
  };
  bool has_shape(std::uint32_t shape) const { return (shapes_[shape / 64] >> (shape % 64)) & 1u; }
  // Sorted by shape, entries of one shape in list order (so the first to
  // match is the list's first), each shape's run found by a binary search.
  std::vector<Entry> entries_;
  std::array<std::uint64_t, (kShapeCount + 63) / 64> shapes_{};  // shapes of every entry's first word
  // For may_occur: per byte, the entries whose first word can start with
  // it, bit k for entries_[k] (bit 31 for entry 31 and all after it).
  std::array<std::uint32_t, 256> first_bytes_{};
};

}  // namespace prfaq
