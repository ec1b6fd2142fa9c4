#pragma once
// Inline suppression comments, in the markdownlint way:
//   <!-- prfaq-disable RULE [RULE...] -->   ...   <!-- prfaq-enable RULE -->
//   <!-- prfaq-disable-next-line RULE -->
//   <!-- prfaq-disable-line RULE -->       (the comment's own line)
// and, inside the TOML front matter, the same words in a TOML comment:
//   # prfaq-disable-next-line unknown-key
// Without a rule id a comment applies to every rule. scan() returns the ids
// it did not know, so the loader can report them.
#include <string>
#include <string_view>
#include <vector>

#include "util/line_index.h"

namespace prfaq {

class Suppressions {
 public:
  struct Bad {
    Position pos;
    std::string rule;
  };
  // Scans the whole file text. `known` tells whether a rule id exists.
  template <class Known>
  std::vector<Bad> scan(const LineIndex& lines, Known&& known);
  bool suppressed(std::string_view rule, int line) const;

 private:
  struct Range {
    std::string rule;  // empty: every rule
    int first = 0, last = 0;  // inclusive lines
  };
  std::vector<Range> ranges_;
  void scan_text(const LineIndex& lines, std::vector<std::pair<Position, std::string>>& ids);
};

template <class Known>
std::vector<Suppressions::Bad> Suppressions::scan(const LineIndex& lines, Known&& known) {
  std::vector<std::pair<Position, std::string>> ids;
  scan_text(lines, ids);
  std::vector<Bad> bad;
  for (auto& [pos, id] : ids)
    if (!known(id)) bad.push_back({pos, id});
  return bad;
}

}  // namespace prfaq
