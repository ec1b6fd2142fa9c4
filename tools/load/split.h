#pragma once
// Splits a brief's bytes into front matter and body. The front matter sits
// between a first line "+++" (after an optional UTF-8 BOM) and the next line
// that is "+++" (trailing spaces and CR allowed).
#include <cstddef>
#include <string_view>

namespace prfaq {

struct Split {
  enum class Error { none, missing, unterminated } error = Error::none;
  std::size_t open_offset = 0;   // where the opening +++ line starts (after a BOM)
  std::size_t toml_begin = 0, toml_end = 0;  // the TOML text
  std::size_t body_begin = 0;    // first byte after the closing +++ line
};

Split split_front_matter(std::string_view bytes);

}  // namespace prfaq
