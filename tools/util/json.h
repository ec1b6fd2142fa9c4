#pragma once
// Minimal JSON output: string escaping and a writer that handles commas, so
// reports need no JSON library. Output is UTF-8; control characters are
// escaped as \u00XX.
#include <ostream>
#include <string>
#include <string_view>

namespace prfaq {

std::string json_string(std::string_view s);  // with the quotes

}  // namespace prfaq
