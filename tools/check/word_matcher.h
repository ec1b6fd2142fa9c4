#pragma once
// Finds the words and phrases of a word list in text, whole words only.
// An entry written in capitals (TODO) matches only in capitals; any other
// entry matches in any case. Multi-word entries ("lorem ipsum") match
// consecutive words. Built once per check run, shared read-only by threads.
// Hot path: every word of every brief goes through find(), so a bit table
// on (length, first letter, last letter) rejects almost all words before any
// string is compared.
#include <bitset>
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
  // The entry matching at word i, if any.
  const std::string* match_at(std::string_view text, const std::vector<Span>& ws, std::size_t i, Span& span) const;
  // Adds `other`'s shapes to this matcher's quick test (for a combined pre-test).
  void add_shapes(const WordMatcher& other) { shapes_ |= other.shapes_; }
  bool empty() const { return entries_.empty(); }
  // Could `w` start a match? (The cheap test find() does first.)
  // (operator[], not test(): a shape is always in range, and this runs for
  // every word.)
  bool may_start(std::string_view w) const { return shapes_[word_shape(w)]; }
  bool may_start(const Span& word) const { return shapes_[word.shape]; }

 private:
  struct Entry {
    std::string text;
    std::vector<std::string> words;  // lower case unless exact
    std::uint32_t shape = 0;         // of words[0]: a word of another shape cannot start it
    bool exact = false;
  };
  std::vector<Entry> entries_;
  std::bitset<kShapeCount> shapes_;  // shapes of every entry's first word
};

}  // namespace prfaq
