#include "util/line_index.h"

#include <algorithm>
#include <cstring>

namespace prfaq {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.reserve(text.size() / 40 + 1);
  starts_.push_back(0);
  const char* base = text.data();
  const char* p = base;
  const char* end = base + text.size();
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    starts_.push_back(static_cast<std::uint32_t>(p - base));
  }
}

int LineIndex::line_of(std::size_t offset) const {
  if (offset > text_.size()) offset = text_.size();
  auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<std::uint32_t>(offset));
  return static_cast<int>(it - starts_.begin());
}

Position LineIndex::at(std::size_t offset) const {
  if (offset > text_.size()) offset = text_.size();
  int line = line_of(offset);
  int column = 1;
  std::size_t i = starts_[static_cast<std::size_t>(line - 1)];
  // A UTF-8 BOM opening the text is no column: editors do not show it.
  if (i == 0 && offset >= 3 && text_.starts_with("\xEF\xBB\xBF")) i = 3;
  if (memo_.line == line && memo_offset_ >= i && memo_offset_ <= offset) {
    i = memo_offset_;
    column = memo_.column;
  }
  for (; i < offset; ++i) {
    // Count code points: every byte that is not a UTF-8 continuation byte.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  memo_offset_ = offset;
  memo_ = {line, column};
  return {line, column};
}

std::size_t LineIndex::line_start(int line) const {
  if (line < 1) return 0;
  if (static_cast<std::size_t>(line) > starts_.size()) return text_.size();
  return starts_[static_cast<std::size_t>(line - 1)];
}

}  // namespace prfaq
