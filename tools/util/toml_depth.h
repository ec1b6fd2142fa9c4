#pragma once
// How deep a TOML document nests, found by a scan of its text before it is
// parsed. toml++ bounds nested arrays and inline tables (256) but not the
// tables that dotted keys and table headers create: `a.a.a...a = 1` with
// 100,000 parts overflows an 8 MiB stack while toml++ parses it (and the
// tree's destructor recurses as deep). The depth of a value is what toml++ recurses through
// to reach it: one level per key part and header part, one for the element
// of a [[header]] and one per enclosing array. `[a.b]` then
// `c.d = [{ e = 1 }]` puts 1 at depth 6 (a, b, c, d, the array's element, e).
//
// The scan follows TOML's syntax only as far as depth needs it (strings,
// comments, headers, keys, brackets); it never fails: what is not TOML is
// left for the parser to report.
#include <cstddef>
#include <optional>
#include <string_view>

namespace prfaq {

// The nesting depth TOML text may reach: far deeper than any real brief or
// prfaq.toml (5 at most), far below what overflows a thread's stack.
inline constexpr int kMaxTomlDepth = 100;

// What prfaq reports where toml_too_deep() finds a place.
inline constexpr std::string_view kTooDeepMessage =
    "tables, arrays and dotted keys nest more than 100 levels deep here";

// The byte offset in `toml` where nesting first goes deeper than
// `max_depth`; nullopt when it never does.
std::optional<std::size_t> toml_too_deep(std::string_view toml, int max_depth = kMaxTomlDepth);

// The two steps of toml_too_deep(), apart for tests.
namespace detail {
// At least the depth `toml` can reach, from a count of bytes: every level
// the scan counts but one comes with a byte counted here. A header's
// levels come with its '[' (one, or two for the array's element) and its
// '.'. Below it, an array's level for its element comes with its '['; a
// key's first part with the '{' of the inline table it is in (arrays hold
// no keys; a table holds one key at a time), except for the key of the
// top level, the one level no byte brings; a key's other parts with their
// '.'. So the depth is at most '[' + '{' + '.' + 1, counting those bytes
// anywhere, in strings and comments too. Real front matter counts far
// below 100 and needs no scan.
std::size_t toml_depth_bound(std::string_view toml);
// The scan: the offset where nesting first goes deeper than `max_depth`.
std::optional<std::size_t> scan_toml_depth(std::string_view toml, int max_depth);
}  // namespace detail

}  // namespace prfaq
