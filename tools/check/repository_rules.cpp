#include "check/repository_rules.h"

#include "load/text_stats.h"
#include "util/percent_decode.h"
#include "util/visible_text.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace prfaq {

namespace {

bool has_scheme(std::string_view url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
  for (std::size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

// A resolved path as a message names it: the root has no path to show.
std::string shown_path(const std::string& resolved) { return resolved.empty() ? "the repository root" : resolved; }

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

namespace {

std::string lower_key(std::string_view s) {  // ASCII: no locale call per character
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

}  // namespace

RepositoryRules::RepositoryRules(const Source& source, const std::vector<std::string>& all_paths,
                                 std::size_t checked, const std::vector<std::string>* listed)
    : source_(source), listed_(listed) {
  // Every brief's slug as a view into its path, with its lower-case key in
  // one buffer (sized first, so the views into it stay valid): no string
  // per brief, and keys that sort and compare byte by byte (a hook checking
  // one brief in a repository of 10,000 pays for this on every commit).
  std::size_t total = 0;
  for (const auto& p : all_paths) total += slug_view(p).size();
  keys_.reserve(total);
  slugs_.reserve(all_paths.size());
  for (const auto& p : all_paths) {
    std::string_view slug = slug_view(p);
    std::size_t at = keys_.size();
    for (char c : slug) keys_ += lower_ascii(c);
    slugs_.push_back({slug, &p, std::string_view(keys_).substr(at, slug.size())});
  }
  // A hook checks a few briefs: scanning all slugs for each lookup is
  // cheaper than sorting them. A full check sorts once and searches.
  sorted_ = checked > 8;
  if (sorted_) std::sort(slugs_.begin(), slugs_.end(), [](const Slug& a, const Slug& b) { return a.key < b.key; });
}

std::vector<const RepositoryRules::Slug*> RepositoryRules::same_ci(std::string_view slug) const {
  std::vector<const Slug*> out;
  std::string key = lower_key(slug);
  if (!sorted_) {
    for (const auto& s : slugs_)
      if (s.key == key) out.push_back(&s);
    return out;
  }
  auto it = std::lower_bound(slugs_.begin(), slugs_.end(), std::string_view(key),
                             [](const Slug& a, std::string_view b) { return a.key < b; });
  for (; it != slugs_.end() && it->key == key; ++it) out.push_back(&*it);
  return out;
}

bool RepositoryRules::exists(const std::string& path) const {
  if (path.empty()) return true;  // the repository root
  // A listed file, or a folder holding one: found in the listing, where
  // asking the source would cost a few system calls per link.
  if (listed_) {
    auto it = std::lower_bound(listed_->begin(), listed_->end(), path);
    if (it != listed_->end() && *it == path) return true;
    std::string folder = path + "/";
    it = std::lower_bound(it, listed_->end(), folder);
    if (it != listed_->end() && it->starts_with(folder)) return true;
  }
  return source_.exists(path);
}

bool RepositoryRules::is_file(const std::string& path) const {
  if (path.empty()) return false;
  if (listed_ && std::binary_search(listed_->begin(), listed_->end(), path)) return true;
  return source_.is_file(path);
}

bool RepositoryRules::has_slug(std::string_view slug) const {
  for (const Slug* s : same_ci(slug))
    if (s->slug == slug) return true;
  return false;
}

void RepositoryRules::check(const BriefFacts& f, std::vector<Finding>& out) const {
  Emitter emit(f.path, out);
  for (const Slug* match : same_ci(f.slug)) {
    const std::string& other = *match->path;
    if (other == f.path) continue;
    bool same_case = slug_of(other) == f.slug;
    emit.add({1, 1}, "slug-collision",
             "slug '" + f.slug + "' is also the slug of " + other +
                 (same_case ? "" : " (they differ only in case, which collides on macOS and Windows)"));
  }
  for (const auto& r : f.related)
    if (!has_slug(r.value))
      emit.add(r.pos, "related-unknown", "'related' names '" + r.value + "', but no brief has that slug");

  for (const auto& l : f.links) check_reference(f, l.url, l.pos, l.image, emit);
  for (const auto& s : f.screens) {
    // A screen is a file of the repository, published with the site: one on
    // another site (or at "#x") is shown by no page.
    const std::string& v = s.value;
    if (v.front() == '#' || v.starts_with("//") || has_scheme(v))
      emit.add(s.pos, "image-missing",
               "journey screen '" + v + "' is not a file of the repository; use a path relative to the brief");
    else
      check_reference(f, v, s.pos, true, emit);
  }
}

void RepositoryRules::check_reference(const BriefFacts& f, const std::string& raw, Position pos, bool image,
                                      Emitter& emit) const {
  std::string_view url = raw;
  std::string_view rule = image ? "image-missing" : "link-broken";
  auto quoted = [&] { return std::string(image ? "image '" : "link '") + raw + "'"; };  // as written
  if (url.empty() || url.front() == '#' || url.starts_with("//") || has_scheme(url)) return;
  if (url.front() == '/' || url.front() == '\\') {
    if (image) emit.add(pos, rule, quoted() + " is an absolute path; use a path relative to the brief");
    return;
  }
  std::string path = percent_decoded(url.substr(0, url.find_first_of("?#")));
  if (path.empty()) return;
  // No file prfaq looks up has a control character in its name (and a NUL
  // would cut the path short where the system reads it): a %00 or a %1b
  // names nothing, and the decoded path is not shown.
  if (has_control_character(path)) {
    emit.add(pos, rule, quoted() + " names no file: its path holds a control character");
    return;
  }
  auto resolved = resolve_relative(f.dir, path);
  if (!resolved) {
    emit.add(pos, rule, quoted() + " points outside the repository");
    return;
  }
  if (image) {
    if (is_file(*resolved)) return;
    emit.add(pos, rule,
             quoted() + " points at " + shown_path(*resolved) +
                 (exists(*resolved) ? ", which is a folder, not a file" : ", which does not exist"));
    return;
  }
  if (exists(*resolved) || has_slug(linked_slug(path))) return;
  emit.add(pos, rule, quoted() + " points at " + shown_path(*resolved) + ", which is no file and no brief");
}

void check_repository_rules(const Source& source, const std::vector<std::string>& all_paths,
                            const std::vector<BriefFacts>& checked, std::vector<Finding>& out) {
  RepositoryRules rules(source, all_paths, checked.size());
  for (const auto& f : checked) rules.check(f, out);
}

}  // namespace prfaq
