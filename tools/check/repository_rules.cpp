#include "check/repository_rules.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace prfaq {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool has_scheme(std::string_view url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
  for (std::size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// "../refunds/", "refunds.md", "x/refunds/index.html" -> "refunds"
std::string slug_like(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  for (std::string_view tail : {"/index.md", "/index.html"})
    if (path.ends_with(tail)) path.remove_suffix(tail.size());
  for (std::string_view ext : {".md", ".html"})
    if (path.ends_with(ext)) path.remove_suffix(ext.size());
  auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace

BriefFacts facts_of(const Brief& b) {
  BriefFacts f;
  f.path = b.path;
  f.slug = b.slug;
  f.dir = b.dir;
  f.related = b.fm.related;
  f.links = b.body.links;
  for (const auto& s : b.fm.journey)
    if (!s.screen.value.empty()) f.screens.push_back(s.screen);
  return f;
}

void check_repository_rules(const Source& source, const std::vector<std::string>& all_paths,
                            const std::vector<BriefFacts>& checked, std::vector<Finding>& out) {
  std::map<std::string, std::vector<std::string>> by_slug;  // lower-case slug -> paths
  std::set<std::string> slugs;
  for (const auto& p : all_paths) {
    std::string s = slug_of(p);
    by_slug[lower(s)].push_back(p);
    slugs.insert(s);
  }
  for (const auto& f : checked) {
    Emitter emit(f.path, out);
    for (const auto& other : by_slug[lower(f.slug)]) {
      if (other == f.path) continue;
      bool same_case = slug_of(other) == f.slug;
      emit.add({1, 1}, "slug-collision",
               "slug '" + f.slug + "' is also the slug of " + other +
                   (same_case ? "" : " (they differ only in case, which collides on macOS and Windows)"));
    }
    for (const auto& r : f.related)
      if (!slugs.count(r.value))
        emit.add(r.pos, "related-unknown", "'related' names '" + r.value + "', but no brief has that slug");

    auto check_ref = [&](const std::string& raw, Position pos, bool image) {
      std::string_view url = raw;
      std::string_view rule = image ? "image-missing" : "link-broken";
      if (url.empty() || url.front() == '#' || url.starts_with("//") || has_scheme(url)) return;
      if (url.front() == '/' || url.front() == '\\') {
        if (image) emit.add(pos, rule, "image '" + raw + "' is an absolute path; use a path relative to the brief");
        return;
      }
      std::size_t cut = url.find_first_of("?#");
      std::string path = percent_decode(url.substr(0, cut));
      if (path.empty()) return;
      auto resolved = resolve_relative(f.dir, path);
      if (!resolved) {
        emit.add(pos, rule, std::string(image ? "image '" : "link '") + raw + "' points outside the repository");
        return;
      }
      if (source.exists(*resolved)) return;
      if (!image && slugs.count(slug_like(path))) return;
      emit.add(pos, rule,
               std::string(image ? "image '" : "link '") + raw + "' points at " + *resolved +
                   (image ? ", which does not exist" : ", which is no file and no brief"));
    };
    for (const auto& l : f.links) check_ref(l.url, l.pos, l.image);
    for (const auto& s : f.screens) check_ref(s.value, s.pos, true);
  }
}

}  // namespace prfaq
