// site/base_url.cpp: what a base URL may be, and its path.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "site/base_url.h"

using prfaq::base_path;
using prfaq::base_url_problem;
using prfaq::normalise_base_url;

TEST_CASE("a base URL is none, an http(s) address with a host, or a path", "[site][base_url]") {
  for (const char* ok : {"", "/", "/briefs/", "https://briefs.acme.example/", "https://briefs.acme.example",
                         "http://localhost:8080/pm/", "https://user@host/", "https://[::1]:8080/", "https://h/p%20q/",
                         "https://h/z\xC3\xBCrich/"}) {
    INFO(ok);
    CHECK(base_url_problem(ok) == std::nullopt);
  }
}

TEST_CASE("a base URL without a scheme prfaq knows, or a slash, is refused", "[site][base_url]") {
  CHECK(base_url_problem("briefs.acme.example") ==
        std::optional<std::string>(
            "takes an absolute address (https://host/path/ or /path/), not 'briefs.acme.example'"));
  CHECK(base_url_problem("ftp://x.example/").has_value());
  CHECK(base_url_problem("HTTPS://x.example/").has_value());
}

TEST_CASE("an http(s) base URL with no host is refused", "[site][base_url]") {
  for (const char* no_host : {"https:///", "https://", "http:///briefs/", "https://:8080/", "https://user@/",
                              "https://?q", "https://#f", "https://[/"}) {
    INFO(no_host);
    CHECK(base_url_problem(no_host) ==
          std::optional<std::string>("'" + std::string(no_host) +
                                     "' names no host: give the address the site is published at "
                                     "(https://host/path/ or /path/)"));
  }
}

TEST_CASE("a base URL with a query, a fragment, a space or a control character is refused", "[site][base_url]") {
  // Each would land in the middle of every address: "https://h/?x=1/briefs/a.html".
  for (const char* bad : {"https://h?x", "https://h/pm/?x=1", "https://h#top", "/pm#x", "/pm/?"}) {
    INFO(bad);
    CHECK(base_url_problem(bad) ==
          std::optional<std::string>("'" + std::string(bad) +
                                     "' has a query or fragment (?, #): give the address the site is published at "
                                     "(https://host/path/ or /path/)"));
  }
  for (const char* bad : {"https://h/p q/", "/p\tq/", "https://h/\x7F/", "https://h/ "}) {
    INFO(bad);
    CHECK(base_url_problem(bad) ==
          std::optional<std::string>("'" + std::string(bad) +
                                     "' has a space or control character: write it percent-encoded (%20)"));
  }
}

TEST_CASE("normalise_base_url ends a base URL in a slash", "[site][base_url]") {
  CHECK(normalise_base_url("") == "");
  CHECK(normalise_base_url("/pm") == "/pm/");
  CHECK(normalise_base_url("https://x.example/pm/") == "https://x.example/pm/");
}

TEST_CASE("base_path is the path of the base URL, or /", "[site][base_url]") {
  CHECK(base_path("") == "/");
  CHECK(base_path("/pm/") == "/pm/");
  CHECK(base_path("https://x.example/pm/") == "/pm/");
  CHECK(base_path("https://x.example") == "/");
}
