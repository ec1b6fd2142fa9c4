#pragma once
// Files built into the binary (cmake/embed.cmake): the built-in brief
// template, and later the default site theme.
#include <optional>
#include <span>
#include <string_view>

namespace prfaq {

struct EmbeddedFile {
  std::string_view path;
  std::string_view bytes;
};

std::span<const EmbeddedFile> builtin_templates();

inline std::optional<std::string_view> find_embedded(std::span<const EmbeddedFile> files, std::string_view path) {
  for (const auto& f : files)
    if (f.path == path) return f.bytes;
  return std::nullopt;
}

}  // namespace prfaq
