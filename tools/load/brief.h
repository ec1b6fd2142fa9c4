#pragma once
// A loaded brief: its bytes, its typed front matter, its parsed body and the
// findings the loader made (structure, TOML, schema). The brief owns its
// bytes; `lines` indexes them.
#include <memory>
#include <string>
#include <vector>

#include "check/finding.h"
#include "check/suppressions.h"
#include "load/body.h"
#include "load/front_matter.h"
#include "util/line_index.h"

namespace prfaq {

struct Brief {
  std::string path;  // repository-relative
  std::string slug;  // file name without .md, or the bundle folder's name
  std::string dir;   // folder holding the file (relative links resolve here)
  std::unique_ptr<std::string> bytes;  // stable address: `lines` views it
  LineIndex lines;
  bool front_matter_ok = false;  // front matter found and parsed as TOML
  std::size_t body_offset = 0;   // where the Markdown body starts in bytes
  FrontMatter fm;
  Body body;
  Suppressions suppressions;
  std::vector<Finding> findings;  // what loading found

  Position pos(std::size_t offset) const { return lines.at(offset); }
};

// Slug of the brief at `path` (the file name without .md, or the bundle
// folder's name for .../x/index.md), and whether a slug is well formed.
std::string slug_of(std::string_view path);
std::string_view slug_view(std::string_view path);  // the same, as a view into `path`
bool is_valid_slug(std::string_view slug);
// The slug a relative link names when it names a brief by slug rather than
// by file: "../x/", "x", "x.html", "x/index.html" and "x.md" all name x
// (link-broken accepts them; the site links them to x's page).
std::string linked_slug(std::string_view path);

}  // namespace prfaq
