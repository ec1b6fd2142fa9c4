#pragma once
// "a", "a and b", "a, b and c": a list in a message.
#include <string>
#include <string_view>
#include <vector>

namespace prfaq {

inline std::string join_list(const std::vector<std::string>& items, std::string_view last = " and ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? last : std::string_view(", ");
    out += items[i];
  }
  return out;
}

}  // namespace prfaq
