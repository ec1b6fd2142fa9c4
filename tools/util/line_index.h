#pragma once
// Maps byte offsets of a file's text to 1-based line and column. Columns count
// Unicode code points (what an editor shows), not bytes; a UTF-8 BOM opening
// the text is not counted. The index keeps a
// view of the text: the text must outlive it.
#include <cstdint>
#include <string_view>
#include <vector>

namespace prfaq {

struct Position {
  int line = 1;
  int column = 1;
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);
  // Offsets past the end map to the end of the text.
  Position at(std::size_t offset) const;
  int line_of(std::size_t offset) const;
  // Byte offset where 1-based `line` starts (end of text when past the end).
  std::size_t line_start(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
  // The last position asked for: findings come in order along a line, so a
  // long line is counted once, not once per finding. (One brief, one thread.)
  mutable std::size_t memo_offset_ = 0;
  mutable Position memo_{1, 1};
};

}  // namespace prfaq
