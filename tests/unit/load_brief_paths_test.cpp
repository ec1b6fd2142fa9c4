// load/brief_paths.cpp: which repository files are briefs.
#include "support.h"

using namespace prfaq;
using namespace prfaq::test;

TEST_CASE("briefs are content .md files and bundle index.md files", "[brief_paths]") {
  std::vector<std::string> files = {
      "content/_template.md",          "content/a.md",
      "content/b/index.md",            "content/b/notes.md",
      "content/b/screens/x.png",       "content/org/c.md",
      "content/org/_drafts/d.md",      "content/.hidden/e.md",
      "content/index.md",              "content/f.txt",
  };
  CHECK(find_brief_paths(files) ==
        std::vector<std::string>{"content/a.md", "content/b/index.md", "content/org/c.md"});
}

TEST_CASE("an index.md in a bundle's sub-folder is a resource of the bundle, not a bundle", "[brief_paths]") {
  std::vector<std::string> files = {
      "content/b/y/index.md",     "content/b/y/sub/index.md", "content/b/y/sub/notes.md",
      "content/b/y/sub/deeper/index.md", "content/b/z.md",
  };
  CHECK(find_brief_paths(files) == std::vector<std::string>{"content/b/y/index.md", "content/b/z.md"});
}

TEST_CASE("one path at a time, a source's briefs are those of its listing", "[brief_paths]") {
  Files files;
  for (std::string path : {"content/_template.md", "content/a.md", "content/index.md", "content/b/index.md",
                           "content/b/notes.md", "content/b/sub/index.md", "content/b/sub/deeper/x.md",
                           "content/org/c.md", "content/org/_drafts/d/index.md", "content/org/_drafts/d/e.md",
                           "content/.hidden/e.md", "content/f.txt", "content/g/h/i/index.md", "content/g/h/j.md"})
    files[path] = "";
  MemorySource source(files);
  std::vector<std::string> listing = source.list("content");
  std::vector<std::string> briefs = find_brief_paths(listing);
  CHECK(briefs == std::vector<std::string>{"content/a.md", "content/b/index.md", "content/g/h/i/index.md",
                                           "content/g/h/j.md", "content/org/c.md"});
  for (const auto& path : listing) {
    INFO(path);
    CHECK(is_brief_path(path, source) == std::binary_search(briefs.begin(), briefs.end(), path));
  }
}
