#pragma once
// "Did you mean ...?": the closest candidate within a small edit distance.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace prfaq {

std::size_t edit_distance(std::string_view a, std::string_view b);
std::optional<std::string> closest(std::string_view word, std::span<const std::string_view> candidates);
// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace prfaq
