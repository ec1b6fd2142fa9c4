// Rules symlink-skipped and submodule-skipped: one warning at 1:1 for each
// entry a listing of content/ left out, none for hidden ones, none when off.
#include "support.h"

#include "check/skipped_entries.h"

using namespace prfaq;
using namespace prfaq::test;

namespace {

std::vector<std::string> lines(const std::vector<SkippedEntry>& skipped, const Config& config = default_config()) {
  std::vector<std::string> out;
  for (const auto& f : skipped_entry_findings(skipped, config)) out.push_back(line_of(f));
  return out;
}

const std::string kLink =
    "1:1: warning: a symbolic link: prfaq follows none, so it is neither checked nor published (commit the file "
    "itself here) [symlink-skipped]";
const std::string kRepo =
    "1:1: warning: a submodule or a repository of its own: the files in it are neither checked nor published "
    "[submodule-skipped]";

}  // namespace

TEST_CASE("skipped: a link and a submodule get a warning each", "[rules]") {
  CHECK(lines({{SkippedEntry::Kind::symlink, "content/a.md"}, {SkippedEntry::Kind::submodule, "content/vendor"}}) ==
        std::vector<std::string>{"content/a.md:" + kLink, "content/vendor:" + kRepo});
}

TEST_CASE("skipped: hidden entries say nothing", "[rules]") {
  CHECK(lines({{SkippedEntry::Kind::symlink, "content/.cache/a.md"},
               {SkippedEntry::Kind::symlink, "content/.a.md"},
               {SkippedEntry::Kind::submodule, "content/team/.git-thing"}})
            .empty());
  CHECK(lines({{SkippedEntry::Kind::symlink, "content/a.b/x.md"}}) == std::vector<std::string>{"content/a.b/x.md:" + kLink});
}

TEST_CASE("skipped: severity from prfaq.toml, and off means off", "[rules]") {
  Config c = config_of("[rules]\nsymlink-skipped = \"error\"\nsubmodule-skipped = \"off\"\n");
  CHECK(lines({{SkippedEntry::Kind::symlink, "content/a.md"}, {SkippedEntry::Kind::submodule, "content/vendor"}}, c) ==
        std::vector<std::string>{"content/a.md:1:1: error: a symbolic link: prfaq follows none, so it is neither "
                                 "checked nor published (commit the file itself here) [symlink-skipped]"});
}
