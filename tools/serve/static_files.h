#pragma once
// The built site's files for `prfaq serve`: a request target -> the bytes
// of one regular file inside the site folder, or why not.
//
// Safety, enforced here whatever the HTTP layer did before:
// - the path is percent-decoded exactly once; a bad escape, a NUL, a
//   backslash, or a "." or ".." segment (raw or encoded, also one that an
//   encoded '/' makes, as in "..%2f") is a bad request (400);
// - every folder on the way and the file itself are opened without
//   following a symbolic link (O_NOFOLLOW, one component at a time from the
//   site folder), so nothing outside the site is reached, whatever a link
//   in it points at; only regular files are read;
// - names starting with '.' (the build's marker and manifest) are not
//   served: 404.
// A folder is served as its index.html; a folder named without its final
// '/' is redirected (301) to the address with it, so relative links work.
// A missing file gets the site's own 404.html with status 404.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prfaq {

struct StaticResponse {
  int status = 200;          // 200, 301, 400 or 404
  std::string content_type;  // of body
  std::string body;
  std::string location;      // for 301: where to go, an absolute path
};

// A request path as folder and file names, decoded.
struct UrlPath {
  std::vector<std::string> segments;  // no empty ones: "//a" is "/a"
  bool folder = false;                // the path ends with '/' (or is "/")
};

// The path part of a raw request target ("/a/b.html?q=1" -> a, b.html);
// nullopt when it is a bad request (see above, or not starting with '/').
std::optional<UrlPath> parse_url_path(std::string_view target);

// The Content-Type for a file name (by its extension, any case):
// "text/html; charset=utf-8", "application/atom+xml" for feed.xml, ...;
// "application/octet-stream" for what is not known.
std::string_view content_type_of(std::string_view name);

// The response for a GET of `target` (raw, as received) from the site in
// folder `site`. Reads the file whole (a preview's files are small). Never
// throws for anything a request holds; a file that cannot be read is a 404.
StaticResponse serve_static(const std::filesystem::path& site, std::string_view target);

}  // namespace prfaq
