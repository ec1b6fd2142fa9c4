#pragma once
// UTF-8 validation. Returns the byte offset of the first invalid sequence, or
// nullopt when the whole text is valid UTF-8 (overlongs, surrogates and code
// points above U+10FFFF are invalid, as in RFC 3629).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace prfaq {

std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// `text` with each byte that starts no valid sequence replaced by U+FFFD
// (a file name from another system, in output that must be UTF-8).
std::string with_invalid_utf8_replaced(std::string_view text);

// Appends code point `cp` as UTF-8; U+FFFD for NUL, a surrogate or a value
// beyond U+10FFFF (as HTML reads such a character reference).
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace prfaq
