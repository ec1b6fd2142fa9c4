#pragma once
// Inline suppression comments, in the markdownlint way:
//   <!-- prfaq-disable RULE [RULE...] -->   ...   <!-- prfaq-enable RULE -->
//   <!-- prfaq-disable-next-line RULE -->
//   <!-- prfaq-disable-line RULE -->       (the comment's own line)
// and, inside the TOML front matter, the same words in a TOML comment:
//   # prfaq-disable-next-line unknown-key
// Without a rule id a comment applies to every rule. scan() returns the ids
// it did not know, so the loader can report them.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "load/text_stats.h"
#include "util/line_index.h"

namespace prfaq {

class Suppressions {
 public:
  struct Bad {
    Position pos;
    std::string rule;
  };
  // Reads the comments in `ranges` (file offsets: the front matter, where a
  // '#' starts a TOML comment, and the body's raw HTML as md4c found it, so
  // a comment shown in code or a heading that names a directive is not
  // one). Returns the rule ids that `known` rejects, for the loader to report.
  template <class Known>
  std::vector<Bad> scan(const LineIndex& lines, Span toml, const std::vector<Span>& html, Known&& known) {
    std::vector<std::pair<Position, std::string>> ids;
    scan_comments(lines, toml, true, ids);
    for (const auto& h : html) {
      scan_comments(lines, h, false, ids);
      html_in_comment(lines.text(), h, h.end);  // a comment may go on in the next span
    }
    finish(lines);
    std::vector<Bad> bad;
    for (auto& [pos, id] : ids)
      if (!known(id)) bad.push_back({pos, id});
    return bad;
  }
  // O(log n): a file may hold 10,000s of comments and findings.
  bool suppressed(std::string_view rule, int line) const;

 private:
  using Lines = std::vector<std::pair<int, int>>;  // inclusive line ranges
  // Per rule id ("": every rule): the ranges while scanning; after
  // finish(), sorted and merged so that none overlap.
  std::map<std::string, Lines, std::less<>> ranges_;
  std::map<std::string, std::vector<int>, std::less<>> open_;  // first lines of disables not closed yet
  // The raw HTML read so far, in file order: whether it left a "<!--" open,
  // and where reading stopped. A comment may span several of md4c's spans.
  bool html_comment_ = false;
  std::size_t html_pos_ = 0;
  bool html_next_known_ = false;  // html_next_: the next "<!--" or "-->" there, up to html_next_span_end_
  std::size_t html_next_ = 0, html_next_span_end_ = 0;
  std::size_t html_close_ = 0;  // the "-->" ending the last directive's comment (npos: none left)
  std::size_t html_skip_ = 0;   // up to there, text was read as that comment's rule ids
  bool html_in_comment(std::string_view text, Span span, std::size_t at);
  void scan_comments(const LineIndex& lines, Span span, bool toml, std::vector<std::pair<Position, std::string>>& ids);
  void finish(const LineIndex& lines);
};

}  // namespace prfaq
