#pragma once
// UTF-8 validation and decoding, as in RFC 3629: overlongs, surrogates and
// code points above U+10FFFF are invalid.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace prfaq {

// The byte offset of the first invalid sequence, or nullopt when the whole
// text is valid UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// `text` with each byte that starts no valid sequence replaced by U+FFFD
// (a file name from another system, in output that must be UTF-8).
std::string with_invalid_utf8_replaced(std::string_view text);

// Appends code point `cp` as UTF-8; U+FFFD for NUL, a surrogate or a value
// beyond U+10FFFF (as HTML reads such a character reference).
void append_utf8(std::string& out, std::uint32_t cp);

// One character of UTF-8 text. For an invalid sequence, `length` is that of
// its maximal subpart (the bytes that could still have begun a valid one,
// at least 1): where a browser's decoder puts one U+FFFD.
struct Utf8Char {
  char32_t code_point = 0;  // meaningless when !valid
  std::size_t length = 1;
  bool valid = false;
};
// The character starting at text[at]; at < text.size().
Utf8Char decode_utf8(std::string_view text, std::size_t at);

}  // namespace prfaq
