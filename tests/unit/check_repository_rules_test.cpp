// check/repository_rules.cpp (and the loader's slug check): slug-malformed,
// slug-collision, related-unknown, link-broken, image-missing.
#include "support.h"

using namespace prfaq;
using namespace prfaq::test;

using Lines = std::vector<std::string>;

namespace {

// A clean idea brief; `extra` front-matter lines go on line 5, `body` from line 6 (or 7 with extra).
std::string brief(std::string_view extra = "", std::string_view body = "") {
  return "+++\ntitle = \"T\"\nstatus = \"idea\"\nowner = \"o\"\n" + std::string(extra) + "+++\n" + std::string(body);
}

}  // namespace

TEST_CASE("slug-malformed: a file name that is no slug, at 1:1", "[repository]") {
  CHECK(findings_of({{"content/Instant_Refunds.md", brief()}}) ==
        Lines{"content/Instant_Refunds.md:1:1: error: 'Instant_Refunds' is not a valid slug: use a-z, 0-9 and '-', "
              "starting with a letter or digit, at most 64 [slug-malformed]"});
  CHECK(findings_of({{"content/instant-refunds.md", brief()}}) == Lines{});
}

TEST_CASE("slug-malformed: a bundle folder name that is no slug", "[repository]") {
  CHECK(findings_of({{"content/-refunds/index.md", brief()}}) ==
        Lines{"content/-refunds/index.md:1:1: error: '-refunds' is not a valid slug: use a-z, 0-9 and '-', starting "
              "with a letter or digit, at most 64 [slug-malformed]"});
}

TEST_CASE("slug-malformed is reported even when the file does not load", "[repository]") {
  CHECK(findings_of({{"content/A.md", ""}}) ==
        Lines{"content/A.md:1:1: error: the file does not start with a +++ line (TOML front matter) "
              "[front-matter-missing]",
              "content/A.md:1:1: error: 'A' is not a valid slug: use a-z, 0-9 and '-', starting with a letter or "
              "digit, at most 64 [slug-malformed]"});
}

TEST_CASE("slug-collision: two briefs in different folders share a slug", "[repository]") {
  CHECK(findings_of({{"content/pay/refunds.md", brief()}, {"content/shop/refunds/index.md", brief()}}) ==
        Lines{"content/pay/refunds.md:1:1: error: slug 'refunds' is also the slug of content/shop/refunds/index.md "
              "[slug-collision]",
              "content/shop/refunds/index.md:1:1: error: slug 'refunds' is also the slug of content/pay/refunds.md "
              "[slug-collision]"});
  CHECK(findings_of({{"content/pay/refunds.md", brief()}, {"content/shop/returns.md", brief()}}) == Lines{});
}

TEST_CASE("slug-collision: slugs differing only in case collide", "[repository]") {
  Lines got = with_rule(findings_of({{"content/a/refunds.md", brief()}, {"content/b/Refunds.md", brief()}}),
                        "slug-collision");
  CHECK(got == Lines{"content/a/refunds.md:1:1: error: slug 'refunds' is also the slug of content/b/Refunds.md (they "
                     "differ only in case, which collides on macOS and Windows) [slug-collision]",
                     "content/b/Refunds.md:1:1: error: slug 'Refunds' is also the slug of content/a/refunds.md (they "
                     "differ only in case, which collides on macOS and Windows) [slug-collision]"});
}

TEST_CASE("slug-collision: only the checked briefs are reported, against every brief", "[repository]") {
  CheckOptions only;
  only.only = {"content/pay/refunds.md"};
  only.only_given = true;
  CHECK(lines_of(check_files({{"content/pay/refunds.md", brief()}, {"content/shop/refunds.md", brief()}},
                             default_config(), only)) ==
        Lines{"content/pay/refunds.md:1:1: error: slug 'refunds' is also the slug of content/shop/refunds.md "
              "[slug-collision]"});
}

TEST_CASE("related-unknown: a related slug no brief has, at the item", "[repository]") {
  CHECK(findings_of({{"content/a.md", brief("related = [\"b\", \"refund-dashbord\"]\n")}, {"content/x/b.md", brief()}}) ==
        Lines{"content/a.md:5:17: error: 'related' names 'refund-dashbord', but no brief has that slug "
              "[related-unknown]"});
}

TEST_CASE("related-unknown: a bundle's slug is a known slug", "[repository]") {
  CHECK(findings_of({{"content/a.md", brief("related = [\"b\"]\n")}, {"content/b/index.md", brief()}}) == Lines{});
}

TEST_CASE("link-broken: a relative link to no file, at the destination", "[repository]") {
  CHECK(findings_of({{"content/a.md", brief("", "See [the plan](plan.md) now.\n")}}) ==
        Lines{"content/a.md:6:16: error: link 'plan.md' points at content/plan.md, which is no file and no brief "
              "[link-broken]"});
}

TEST_CASE("link-broken: links to files, folders, briefs, anchors and other sites are fine", "[repository]") {
  std::string body =
      "[a](notes.txt) [b](../README.md) [c](b.md) [d](../b/) [e](#faq) [f](https://acme.example/x) "
      "[g](mailto:a@acme.example) [h](notes.txt#top) [i](//cdn.example/x) [j](x/)\n";
  CHECK(findings_of({{"content/a.md", brief("", body)},
                     {"content/notes.txt", "n"},
                     {"README.md", "r"},
                     {"content/x/b.md", brief()},
                     {"content/x/y", "a folder's file"}}) == Lines{});
}

TEST_CASE("link-broken: a full check finds linked files in its listing, and asks the source for the rest",
          "[repository]") {
  // Each source's exists() costs system calls per link: the listing of
  // content/ that the check has made already answers for its files and
  // folders. Only a path outside it, or in it but not listed, is asked.
  struct AskedSource : Source {
    MemorySource files;
    mutable std::vector<std::string> asked;
    explicit AskedSource(Files f) : files(std::move(f)) {}
    Listing list_all(std::string_view dir) const override { return files.list_all(dir); }
    std::optional<std::string> read(std::string_view path) const override { return files.read(path); }
    bool exists(std::string_view path) const override {
      asked.emplace_back(path);
      return files.exists(path);
    }
    bool is_file(std::string_view path) const override { return files.is_file(path); }
    std::string describe() const override { return "memory"; }
  };
  AskedSource source({{"content/a.md", brief("", "[a](notes.txt) [b](../README.md) [c](x/) [d](gone.txt)\n")},
                      {"content/notes.txt", "n"},
                      {"README.md", "r"},
                      {"content/x/y.txt", "a folder's file"}});
  CheckOptions options;
  options.jobs = 1;
  CHECK(lines_of(check_repository(source, default_config(), options)) ==
        Lines{"content/a.md:6:46: error: link 'gone.txt' points at content/gone.txt, which is no file and no brief "
              "[link-broken]"});
  CHECK(source.asked == Lines{"README.md", "content/gone.txt"});
}

TEST_CASE("link-broken: a link leaving the repository", "[repository]") {
  CHECK(findings_of({{"content/a.md", brief("", "[up](../../secret.md)\n")}}) ==
        Lines{"content/a.md:6:6: error: link '../../secret.md' points outside the repository [link-broken]"});
}

TEST_CASE("link-broken: percent-encoded names are decoded", "[repository]") {
  CHECK(findings_of({{"content/a.md", brief("", "[n](my%20notes.txt)\n")}, {"content/my notes.txt", "n"}}) ==
        Lines{});
}

TEST_CASE("image-missing: an image pointing at no file, at the source", "[repository]") {
  CHECK(findings_of({{"content/a.md", brief("", "![Flow](screens/flow.png)\n")}}) ==
        Lines{"content/a.md:6:9: error: image 'screens/flow.png' points at content/screens/flow.png, which does not "
              "exist [image-missing]"});
  CHECK(findings_of({{"content/a.md", brief("", "![Flow](screens/flow.png)\n")}, {"content/screens/flow.png", "png"}}) ==
        Lines{});
}

TEST_CASE("image-missing: an image is resolved next to a bundle's index.md", "[repository]") {
  CHECK(findings_of({{"content/r/index.md", brief("", "![x](screens/a.png)\n")}, {"content/r/screens/a.png", "png"}}) ==
        Lines{});
}

TEST_CASE("image-missing: an image is no brief, and an absolute path is refused", "[repository]") {
  CHECK(findings_of({{"content/a.md", brief("", "![x](b.md)\n\n![y](/img/y.png)\n")}, {"content/b/index.md", brief()}}) ==
        Lines{"content/a.md:6:6: error: image 'b.md' points at content/b.md, which does not exist [image-missing]",
              "content/a.md:8:6: error: image '/img/y.png' is an absolute path; use a path relative to the brief "
              "[image-missing]"});
}

TEST_CASE("image-missing: a journey screen pointing at no file, at the value", "[repository]") {
  std::string journey = "[[journey]]\nstep = \"s\"\nscreen = \"screens/start.png\"\n";
  CHECK(findings_of({{"content/a.md", brief(journey)}}) ==
        Lines{"content/a.md:7:10: error: image 'screens/start.png' points at content/screens/start.png, which does "
              "not exist [image-missing]"});
  CHECK(findings_of({{"content/a.md", brief(journey)}, {"content/screens/start.png", "png"}}) == Lines{});
}

TEST_CASE("link-broken: a destination with entities is decoded and found on its own line", "[repository]") {
  // md4c rewrites such a destination out of the file; its position is looked for.
  Lines got = findings_of({{"content/a.md", brief("", "[p](no1.md)\n[q](no2.md)\n[a](x&amp;y.md) [b](caf&#xE9;.md)\n")}});
  REQUIRE(got.size() == 4u);
  CHECK(got[2].starts_with("content/a.md:8:5: error: link '"));
  CHECK(got[2].find("content/x&y.md") != std::string::npos);
  CHECK(got[3].starts_with("content/a.md:8:21: error: link '"));
  CHECK(got[3].find("content/caf\xC3\xA9.md") != std::string::npos);
  CHECK(findings_of({{"content/a.md", brief("", "[a](x&amp;y.pdf)\n")}, {"content/x&y.pdf", "a file"}}) == Lines{});
}

TEST_CASE("link-broken and image-missing: a control character in a decoded target names no file", "[repository]") {
  // A NUL used to cut the path short where the file system read it: %00.md
  // was the brief's own folder, real.md%00junk was real.md.
  std::string body =
      "[u](%00.md) ![i](%00.png) [a](real.md%00junk) [v](a%00b.md)\n\n"
      "![w](x%1b[31mRED%1b[0m.png) [n](a%C2%85b.md) [t](tab%09.md)\n";
  CHECK(findings_of({{"content/p/x.md", brief("", body)}, {"content/p/real.md", brief()}, {"content/p/ab.md", brief()}}) ==
        Lines{"content/p/x.md:6:5: error: link '%00.md' names no file: its path holds a control character "
              "[link-broken]",
              "content/p/x.md:6:18: error: image '%00.png' names no file: its path holds a control character "
              "[image-missing]",
              "content/p/x.md:6:31: error: link 'real.md%00junk' names no file: its path holds a control character "
              "[link-broken]",
              "content/p/x.md:6:51: error: link 'a%00b.md' names no file: its path holds a control character "
              "[link-broken]",
              "content/p/x.md:8:6: error: image 'x%1b[31mRED%1b[0m.png' names no file: its path holds a control "
              "character [image-missing]",
              "content/p/x.md:8:33: error: link 'a%C2%85b.md' names no file: its path holds a control character "
              "[link-broken]",
              "content/p/x.md:8:50: error: link 'tab%09.md' names no file: its path holds a control character "
              "[link-broken]"});
}

TEST_CASE("image-missing: a journey screen with a control character names no file", "[repository]") {
  std::string journey = "[[journey]]\nstep = \"s\"\nscreen = \"s\\u001b[2J.png\"\n";
  CHECK(findings_of({{"content/a.md", brief(journey)}, {"content/s.png", "png"}}) ==
        Lines{"content/a.md:7:10: error: image 's\x1b[2J.png' names no file: its path holds a control character "
              "[image-missing]"});
}

TEST_CASE("image-missing: an image pointing at a folder points at no file", "[repository]") {
  CHECK(findings_of({{"content/p/x.md", brief("", "![j](.) ![k](..) ![r](../..) ![s](screens/)\n")},
                     {"content/p/screens/a.png", "png"}}) ==
        Lines{"content/p/x.md:6:6: error: image '.' points at content/p, which is a folder, not a file "
              "[image-missing]",
              "content/p/x.md:6:14: error: image '..' points at content, which is a folder, not a file "
              "[image-missing]",
              "content/p/x.md:6:23: error: image '../..' points at the repository root, which is a folder, not a "
              "file [image-missing]",
              "content/p/x.md:6:35: error: image 'screens/' points at content/p/screens, which is a folder, not a "
              "file [image-missing]"});
}

TEST_CASE("link-broken: a link to the repository root or to a folder above is fine", "[repository]") {
  CHECK(findings_of({{"content/p/l.md", brief("", "[d](../..) [e](../../) [f](..) [g](.)\n")}}) == Lines{});
}

TEST_CASE("image-missing: a journey screen on another site is no file of the repository", "[repository]") {
  std::string journey = "[[journey]]\nstep = \"s\"\nscreen = \"https://example.com/a.png\"\n";
  CHECK(findings_of({{"content/a.md", brief(journey)}}) ==
        Lines{"content/a.md:7:10: error: journey screen 'https://example.com/a.png' is not a file of the repository; "
              "use a path relative to the brief [image-missing]"});
  CHECK(findings_of({{"content/a.md", brief("[[journey]]\nstep = \"s\"\nscreen = \"\"\n")}}) == Lines{});  // none
}
