// load/brief_paths.cpp: which repository files are briefs.
#include "support.h"

using namespace prfaq;

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
