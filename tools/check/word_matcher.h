#pragma once
// Finds the words and phrases of a word list in text, whole words only.
// An entry written in capitals (TODO) matches only in capitals; any other
// entry matches in any case. Multi-word entries ("lorem ipsum") match
// consecutive words. Built once per check run, shared read-only by threads.
#include <string>
#include <string_view>
#include <unordered_map>
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
  // `ws` are the words of `text` (load/text_stats.h words()).
  std::vector<Match> find(std::string_view text, const std::vector<Span>& ws) const;
  bool empty() const { return first_.empty(); }

 private:
  struct Entry {
    std::string text;
    std::vector<std::string> words;  // lower case unless exact
    bool exact = false;
  };
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<std::size_t>> first_;  // lower-case first word -> entries
};

}  // namespace prfaq
