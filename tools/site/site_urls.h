#pragma once
// Where every file of the site lives, and the URLs between them. Every URL
// a page holds is relative (a page at depth d starts with "../" d times), so
// the site works from any sub-path of any host and from file:// offline.
//
//   index.html                      home
//   briefs/<page>.html              one brief
//   status/index.html, status/<status>.html
//   team/ tag/ owner/ index.html and <term>.html
//   media/<path under content/>     bundle images and other linked files
//   timeline.html search.html 404.html feed.xml sitemap.xml briefs.json search-index.js
//   assets/                         the theme's CSS and JS
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace prfaq {

// Page names for briefs and for the terms of one listing kind (teams, tags,
// owners): a name safe in any file system and URL ([a-z0-9-], from the slug
// or the term), unique also case-insensitively; clashes get "-2", "-3" in
// sorted order, so the same set of names always maps the same way. Names
// given as `reserved` are taken before any key: a listing folder's own
// index.html makes "index" one, so a team "Index" is team/index-2.html.
class PageNames {
 public:
  explicit PageNames(std::vector<std::string> reserved = {}) : reserved_(std::move(reserved)) {}
  // Adds a key (a term, or a brief's path) whose file name comes from
  // `base` (the key itself when empty); call for all keys before `file`.
  void add(const std::string& key, std::string_view base = {});
  // Assigns the file names; call once all keys are added, before file() is
  // called from several threads.
  void freeze() const;
  // The file name (without .html) of a key given to add().
  const std::string& file(const std::string& key) const;

 private:
  struct Entry {
    std::string base, file;
  };
  std::vector<std::string> reserved_;  // file names no key gets
  mutable std::map<std::string, Entry> files_;  // by key; file "" until assigned
  mutable bool assigned_ = false;
};

// The file name in a listing folder (team/, tag/, owner/) that is not a
// term's page: the folder's index, "<kind>/index.html".
inline constexpr std::string_view kListingIndex = "index";

// The brief at repository path `path` -> its page, "briefs/<page>.html".
std::string brief_page_url(std::string_view page_name);
// A file under content/ -> where the site publishes it ("media/<rest>"); nullopt outside content/.
std::optional<std::string> media_url(std::string_view repo_path);
// A relative URL path with characters that may not appear raw in a URL path
// percent-encoded (space, quote, '<', '>', '#', '?', '%', '\', control bytes);
// UTF-8 stays as is ('/' is kept).
std::string escape_url_path(std::string_view path);
// "../" repeated for a page `depth` folders below the site's top.
std::string root_prefix(int depth);

}  // namespace prfaq
