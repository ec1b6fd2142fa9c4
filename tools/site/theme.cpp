#include "site/theme.h"

#include <kainjow/mustache.hpp>

#include "util/content_hash.h"
#include "util/embedded.h"
#include "util/error.h"
#include "util/mustache_error.h"

namespace prfaq {

std::span<const EmbeddedFile> builtin_site_theme();  // generated from site-theme/ (cmake/embed.cmake)

namespace {
constexpr std::string_view kThemeDir = "site-theme/";
}

Theme Theme::builtin() {
  Theme t;
  for (const auto& f : builtin_site_theme()) t.files_[std::string(f.path)] = {std::string(f.bytes), false};
  t.finish();
  return t;
}

Theme Theme::load(const Source& source) {
  Theme t = builtin();
  // Listing skips symbolic links, so a theme file can never pull in a file
  // from outside the repository; the user hears of each one skipped.
  Listing listing = source.list_all("site-theme");
  for (const auto& path : listing.files) {
    auto bytes = source.read(path);
    if (!bytes) continue;
    t.files_[path.substr(kThemeDir.size())] = {std::move(*bytes), true};
  }
  for (const auto& s : listing.skipped)
    t.warnings_.push_back("not used: " + s.path + " is " +
                          (s.kind == SkippedEntry::Kind::symlink ? "a symbolic link (prfaq follows none)"
                                                                 : "a submodule or a repository of its own"));
  t.finish();
  return t;
}

void Theme::finish() {
  ContentHash h;
  for (const auto& [path, file] : files_) {
    h.add(path).add(file.bytes);
    if (path.starts_with("templates/")) {
      kainjow::mustache::mustache parsed(file.bytes);
      if (!parsed.is_valid())
        throw Fatal(mustache_error((file.overridden ? std::string(kThemeDir) : "built-in theme file ") + path,
                                   file.bytes, parsed.error_message()));
    }
  }
  hash_ = h.hex();
}

const std::string& Theme::template_text(std::string_view name) const {
  auto it = files_.find("templates/" + std::string(name) + ".html");
  if (it == files_.end()) throw Fatal("the site theme has no templates/" + std::string(name) + ".html");
  return it->second.bytes;
}

std::string Theme::origin(std::string_view name) const {
  std::string path = "templates/" + std::string(name) + ".html";
  auto it = files_.find(path);
  return (it != files_.end() && it->second.overridden ? std::string(kThemeDir) : "built-in theme file ") + path;
}

std::vector<std::pair<std::string, const std::string*>> Theme::assets() const {
  std::vector<std::pair<std::string, const std::string*>> out;
  for (const auto& [path, file] : files_)
    if (path.starts_with("assets/")) out.emplace_back(path.substr(7), &file.bytes);
  return out;
}

}  // namespace prfaq
