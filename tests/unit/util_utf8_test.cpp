// util/utf8.cpp: first_invalid_utf8, RFC 3629 validation, with_invalid_utf8_replaced and decode_utf8.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>

#include "util/utf8.h"

using prfaq::first_invalid_utf8;
using prfaq::with_invalid_utf8_replaced;
using namespace std::string_literals;

TEST_CASE("empty text is valid UTF-8", "[utf8]") { CHECK(first_invalid_utf8("") == std::nullopt); }

TEST_CASE("ASCII and 2, 3 and 4 byte sequences are valid", "[utf8]") {
  CHECK(first_invalid_utf8("plain ASCII text, longer than eight bytes") == std::nullopt);
  CHECK(first_invalid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") == std::nullopt);  // é € 😀
  CHECK(first_invalid_utf8("\xEF\xBB\xBF+++") == std::nullopt);                           // BOM
  CHECK(first_invalid_utf8("\xF4\x8F\xBF\xBF") == std::nullopt);                          // U+10FFFF
}

TEST_CASE("a lone continuation byte is invalid at its offset", "[utf8]") {
  CHECK(first_invalid_utf8("ab\x80") == 2u);
}

TEST_CASE("a byte after the ASCII fast path is found at its offset", "[utf8]") {
  CHECK(first_invalid_utf8("0123456789\xFF") == 10u);
  CHECK(first_invalid_utf8("01234567\xFE") == 8u);
  // The fast path reads 32 bytes, then 8, at a time: a bad byte, or a good
  // sequence before one, at every offset across several steps.
  for (std::size_t at = 0; at < 100; ++at) {
    std::string text(100, 'a');
    text[at] = '\xFF';
    CHECK(first_invalid_utf8(text) == at);
    std::string good = std::string(at, 'a') + "\xC3\xA9" + std::string(40, 'b') + "\x80";
    CHECK(first_invalid_utf8(good) == at + 42);
  }
}

TEST_CASE("overlong encodings are invalid", "[utf8]") {
  CHECK(first_invalid_utf8("x\xC0\xAF") == 1u);
  CHECK(first_invalid_utf8("x\xC1\xBF") == 1u);
  CHECK(first_invalid_utf8("x\xE0\x80\xAF") == 1u);
  CHECK(first_invalid_utf8("x\xF0\x80\x80\xAF") == 1u);
}

TEST_CASE("UTF-16 surrogates are invalid", "[utf8]") {
  CHECK(first_invalid_utf8("x\xED\xA0\x80") == 1u);
  CHECK(first_invalid_utf8("x\xED\x9F\xBF") == std::nullopt);  // U+D7FF, just below
}

TEST_CASE("code points above U+10FFFF are invalid", "[utf8]") {
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u);
  CHECK(first_invalid_utf8("\xF5\x80\x80\x80") == 0u);
}

TEST_CASE("a sequence cut off by the end of the text is invalid", "[utf8]") {
  CHECK(first_invalid_utf8("abc\xE2\x82") == 3u);
  CHECK(first_invalid_utf8("\xF0\x9F\x98") == 0u);
}

TEST_CASE("a sequence whose continuation is not a continuation byte is invalid", "[utf8]") {
  CHECK(first_invalid_utf8("ok \xF0\x9F\x98" "A") == 3u);
  CHECK(first_invalid_utf8("ok \xC3" "A") == 3u);
}

TEST_CASE("a NUL byte is valid UTF-8", "[utf8]") { CHECK(first_invalid_utf8("a\0b"s) == std::nullopt); }

TEST_CASE("with_invalid_utf8_replaced turns each bad byte into U+FFFD and keeps the rest", "[utf8]") {
  CHECK(with_invalid_utf8_replaced("") == "");
  CHECK(with_invalid_utf8_replaced("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK(with_invalid_utf8_replaced("a\xFF\xFE" "b\xC3") == "a\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

TEST_CASE("decode_utf8 reads one character and its length", "[utf8]") {
  using prfaq::decode_utf8;
  auto one = [](std::string_view s, std::size_t at = 0) {
    auto c = decode_utf8(s, at);
    return std::tuple(static_cast<std::uint32_t>(c.code_point), c.length, c.valid);
  };
  CHECK(one("a") == std::tuple(0x61u, 1u, true));
  CHECK(one("\0"s) == std::tuple(0u, 1u, true));
  CHECK(one("x\xC3\xA9", 1) == std::tuple(0xE9u, 2u, true));
  CHECK(one("\xEF\xBF\xBE") == std::tuple(0xFFFEu, 3u, true));
  CHECK(one("\xF4\x8F\xBF\xBF") == std::tuple(0x10FFFFu, 4u, true));
}

TEST_CASE("decode_utf8 gives an invalid sequence the length of its maximal subpart", "[utf8]") {
  using prfaq::decode_utf8;
  auto bad = [](std::string_view s) {
    auto c = decode_utf8(s, 0);
    return c.valid ? 0u : c.length;
  };
  CHECK(bad("\x80") == 1u);
  CHECK(bad("\xFF") == 1u);
  CHECK(bad("\xC0\x80") == 1u);          // overlong: C0 never starts a sequence
  CHECK(bad("\xE0\x80\x80") == 1u);      // overlong: E0 needs A0..BF next
  CHECK(bad("\xED\xA0\x80") == 1u);      // a surrogate: ED needs 80..9F next
  CHECK(bad("\xF4\x90\x80\x80") == 1u);  // above U+10FFFF
  CHECK(bad("\xE6\x97") == 2u);          // cut at the end of the text
  CHECK(bad("\xE6\x97z") == 2u);         // cut by a character that is not a continuation
  CHECK(bad("\xF0\x9F\x98") == 3u);
}
