#include "site/site_urls.h"

#include <algorithm>
#include <set>

#include "util/slugify.h"

namespace prfaq {

void PageNames::add(const std::string& key, std::string_view base) {
  files_.emplace(key, Entry{std::string(base.empty() ? std::string_view(key) : base), {}});
  assigned_ = false;
}

namespace {

// Names Windows gives to devices, with any extension: a site copied there
// could not hold "con.html" (slugs are lower case, and so is this list).
bool windows_device_name(std::string_view name) {
  static const std::set<std::string_view> devices = {"con", "prn", "aux", "nul"};
  if (devices.count(name)) return true;
  return name.size() == 4 && (name.starts_with("com") || name.starts_with("lpt")) && name[3] >= '1' && name[3] <= '9';
}

}  // namespace

void PageNames::freeze() const {
  if (assigned_) return;
  std::set<std::string> taken(reserved_.begin(), reserved_.end());
  for (auto& [key, entry] : files_) {  // sorted by key: deterministic suffixes
    std::string base = slugify(entry.base);
    if (base.empty()) base = "x";
    std::string candidate = base;
    for (int n = 2; taken.count(candidate) || windows_device_name(candidate); ++n) candidate = base + "-" + std::to_string(n);
    taken.insert(candidate);  // slugify lower-cases: case-insensitive clashes are caught
    entry.file = candidate;
  }
  assigned_ = true;
}

const std::string& PageNames::file(const std::string& key) const {
  freeze();
  static const std::string none = "x";
  auto it = files_.find(key);
  return it == files_.end() ? none : it->second.file;
}

std::string brief_page_url(std::string_view page_name) { return "briefs/" + std::string(page_name) + ".html"; }

std::optional<std::string> media_url(std::string_view repo_path) {
  constexpr std::string_view prefix = "content/";
  if (!repo_path.starts_with(prefix) || repo_path.size() == prefix.size()) return std::nullopt;
  return "media/" + std::string(repo_path.substr(prefix.size()));
}

std::string escape_url_path(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (unsigned char c : path) {
    bool raw = c >= 0x80 || (c > 0x20 && c != 0x7F && c != '"' && c != '<' && c != '>' && c != '#' && c != '?' &&
                             c != '%' && c != '\\' && c != '\'' && c != '`');
    if (raw) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string root_prefix(int depth) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += "../";
  return out;
}

}  // namespace prfaq
