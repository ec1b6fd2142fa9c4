#pragma once
// The address a site is published at (`--base-url`, `[site] base_url`):
// what it may be, and the parts of it the site uses.
#include <optional>
#include <string>
#include <string_view>

namespace prfaq {

// What is wrong with `url` as a base URL, to follow the name of where it
// came from ("--base-url ..."); nullopt when it is fine. Fine: "" (none),
// "https://HOST..." or "http://HOST..." with a host, or a path "/...", with
// no query or fragment ('?', '#'), space or control character.
std::optional<std::string> base_url_problem(std::string_view url);
// `url` ending in '/' (unless empty).
std::string normalise_base_url(std::string url);
// The path part of a base URL ("https://x.example/briefs/" -> "/briefs/",
// "/briefs/" -> itself, "" -> "/"): 404.html is served at any address, so
// its links start from the site's root.
std::string base_path(const std::string& base_url);

}  // namespace prfaq
