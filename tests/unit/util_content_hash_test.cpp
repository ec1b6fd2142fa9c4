// util/content_hash.h: the change-detection hash of incremental builds.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "util/content_hash.h"

using prfaq::ContentHash;
using namespace std::string_literals;

namespace {

std::string hash_of(std::string_view bytes) { return ContentHash().add(bytes).hex(); }

bool is_lower_hex(const std::string& s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

TEST_CASE("the same bytes give the same hash", "[util][content_hash]") {
  std::string text = "+++\ntitle = \"Instant Refunds\"\n+++\nBody.\n";
  CHECK(hash_of(text) == hash_of(text));
  CHECK(hash_of(text) == hash_of(std::string(text)));  // another buffer, another alignment
  CHECK(ContentHash().add("a").add("b").hex() == ContentHash().add("a").add("b").hex());
}

TEST_CASE("changing any one byte changes the hash", "[util][content_hash]") {
  std::string text;
  for (int i = 0; i < 37; ++i) text += static_cast<char>('a' + i % 26);  // not a multiple of 8
  std::set<std::string> seen = {hash_of(text)};
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] = static_cast<char>(changed[i] ^ 1);
    INFO("byte " << i);
    CHECK(seen.insert(hash_of(changed)).second);
  }
}

TEST_CASE("where one piece ends and the next begins is part of the hash", "[util][content_hash]") {
  std::string ab_c = ContentHash().add("ab").add("c").hex();
  std::string a_bc = ContentHash().add("a").add("bc").hex();
  std::string abc = ContentHash().add("abc").hex();
  CHECK(ab_c != a_bc);
  CHECK(ab_c != abc);
  CHECK(a_bc != abc);
  // An empty piece counts: ("", "x") and ("x", "") are different records.
  CHECK(ContentHash().add("").add("x").hex() != ContentHash().add("x").add("").hex());
  // Trailing zero bytes are not padding.
  CHECK(hash_of("a") != hash_of("a\0"s));
  CHECK(hash_of("abcdefgh") != hash_of("abcdefgh\0"s));
}

TEST_CASE("a hash is 32 lowercase hex digits", "[util][content_hash]") {
  for (std::string_view bytes : {"", "a", "abcdefgh", "a longer text of more than sixteen bytes"}) {
    std::string h = hash_of(bytes);
    CHECK(h.size() == 32);
    CHECK(is_lower_hex(h));
  }
}

TEST_CASE("empty input has a hash of its own", "[util][content_hash]") {
  std::string empty = hash_of("");
  CHECK(empty == hash_of(""));
  CHECK(empty != hash_of("\0"s));
  CHECK(empty != ContentHash().hex());  // one empty piece, not none
  CHECK(ContentHash().hex() == ContentHash().hex());
}

TEST_CASE("numbers and bytes are separate inputs", "[util][content_hash]") {
  CHECK(ContentHash().add(std::uint64_t{1}).hex() != ContentHash().add(std::uint64_t{2}).hex());
  CHECK(ContentHash().add(std::uint64_t{1}).hex() == ContentHash().add(std::uint64_t{1}).hex());
  CHECK(ContentHash().add(std::uint64_t{0}).hex() != ContentHash().hex());
}
