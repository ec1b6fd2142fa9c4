#include "source/source.h"

namespace prfaq {

std::optional<std::string> resolve_relative(std::string_view base_dir, std::string_view ref) {
  if (ref.empty() || ref.front() == '/' || ref.front() == '\\') return std::nullopt;
  std::vector<std::string_view> parts;
  auto push = [&](std::string_view path) -> bool {
    std::size_t i = 0;
    while (i <= path.size()) {
      std::size_t j = path.find('/', i);
      if (j == std::string_view::npos) j = path.size();
      std::string_view part = path.substr(i, j - i);
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      i = j + 1;
    }
    return true;
  };
  if (!push(base_dir) || !push(ref)) return std::nullopt;
  std::string out;
  for (auto part : parts) {
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

}  // namespace prfaq
