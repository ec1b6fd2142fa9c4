#include "util/mustache_error.h"

#include <algorithm>

#include "util/line_index.h"

namespace prfaq {

std::string mustache_error(std::string_view file, std::string_view text, const std::string& message) {
  std::string where(file);
  std::size_t at = message.rfind(" at ");
  // At most 19 digits: any offset fits in an unsigned long long.
  if (at != std::string::npos && at + 4 < message.size() && message.size() - at - 4 <= 19 &&
      message.find_first_not_of("0123456789", at + 4) == std::string::npos) {
    std::size_t offset = std::min<std::size_t>(std::stoull(message.substr(at + 4)), text.size());
    Position pos = LineIndex(text).at(offset);
    return where + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + message.substr(0, at);
  }
  return where + ": " + message;
}

}  // namespace prfaq
