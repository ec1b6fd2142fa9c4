#include "site/base_url.h"

namespace prfaq {

namespace {

constexpr std::string_view kForms = "(https://host/path/ or /path/)";

// What is wrong with the scheme and host of an address that is not a path.
std::optional<std::string> host_problem(std::string_view url) {
  std::size_t scheme = url.starts_with("https://") ? 8 : url.starts_with("http://") ? 7 : 0;
  if (scheme == 0) return "takes an absolute address " + std::string(kForms) + ", not '" + std::string(url) + "'";
  // The authority runs to the path, query or fragment; the host is what is
  // left of it without user information ("user@") and port (":8080").
  std::string_view authority = url.substr(scheme, url.find_first_of("/?#", scheme) - scheme);
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host = authority.substr(0, authority.starts_with('[') ? authority.find(']') + 1 : authority.rfind(':'));
  if (host.empty())
    return "'" + std::string(url) + "' names no host: give the address the site is published at " + std::string(kForms);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> base_url_problem(std::string_view url) {
  if (url.empty()) return std::nullopt;
  if (!url.starts_with('/'))
    if (auto problem = host_problem(url)) return problem;
  // Every address of the site is the base URL and a path after it: a query
  // or a fragment would end up in the middle of each one.
  if (url.find_first_of("?#") != std::string_view::npos)
    return "'" + std::string(url) + "' has a query or fragment (?, #): give the address the site is published at " +
           std::string(kForms);
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F)
      return "'" + std::string(url) + "' has a space or control character: write it percent-encoded (%20)";
  return std::nullopt;
}

std::string normalise_base_url(std::string url) {
  if (!url.empty() && url.back() != '/') url += '/';
  return url;
}

std::string base_path(const std::string& base_url) {
  if (base_url.starts_with('/')) return base_url;  // a path alone: "/briefs/"
  auto scheme = base_url.find("://");
  if (scheme == std::string::npos) return "/";
  auto slash = base_url.find('/', scheme + 3);
  return slash == std::string::npos ? "/" : base_url.substr(slash);
}

}  // namespace prfaq
