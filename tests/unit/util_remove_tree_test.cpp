// util/remove_tree.cpp: removing the old site, never following links.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "as_nobody.h"
#include "util/remove_tree.h"

namespace fs = std::filesystem;
using prfaq::remove_tree;

namespace {

// A fresh folder under the system temp folder, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    static int n = 0;
    path = fs::temp_directory_path() /
           ("prfaq-remove-tree-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

void write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(p, ec));
}

}  // namespace

TEST_CASE("removes nested folders holding many files", "[util][remove_tree]") {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  for (int d = 0; d < 10; ++d)
    for (int f = 0; f < 50; ++f)
      write(site / ("d" + std::to_string(d)) / "a" / "b" / ("f" + std::to_string(f) + ".html"), "x");
  fs::create_directories(site / "empty" / "deeper" / "deepest");
  write(site / "index.html", "home");
  write(site / ".hidden", "h");
  remove_tree(site);
  CHECK_FALSE(present(site));
  CHECK(fs::is_empty(tmp.path));
}

TEST_CASE("a link inside is removed, what it points at survives", "[util][remove_tree]") {
  TempDir tmp;
  fs::path site = tmp.path / "site", outside = tmp.path / "outside";
  write(outside / "keep.txt", "keep");
  write(outside / "sub" / "deep.txt", "deep");
  write(site / "a" / "page.html", "x");
  fs::create_directory_symlink(outside, site / "dir-link");
  fs::create_directory_symlink(outside, site / "a" / "nested-link");
  fs::create_symlink(outside / "keep.txt", site / "file-link");
  fs::create_symlink(tmp.path / "nowhere", site / "dangling");
  remove_tree(site);
  CHECK_FALSE(present(site));
  CHECK(read(outside / "keep.txt") == "keep");
  CHECK(read(outside / "sub" / "deep.txt") == "deep");
}

TEST_CASE("a link given as the root is removed, not followed", "[util][remove_tree]") {
  TempDir tmp;
  write(tmp.path / "real" / "keep.txt", "keep");
  fs::create_directory_symlink(tmp.path / "real", tmp.path / "link");
  remove_tree(tmp.path / "link");
  CHECK_FALSE(present(tmp.path / "link"));
  CHECK(read(tmp.path / "real" / "keep.txt") == "keep");
}

TEST_CASE("a missing path is left alone", "[util][remove_tree]") {
  TempDir tmp;
  write(tmp.path / "other.txt", "x");
  remove_tree(tmp.path / "missing");
  remove_tree(tmp.path / "missing" / "deeper");
  CHECK_FALSE(present(tmp.path / "missing"));
  CHECK(read(tmp.path / "other.txt") == "x");
}

TEST_CASE("a file path is unlinked", "[util][remove_tree]") {
  TempDir tmp;
  write(tmp.path / "file.txt", "x");
  write(tmp.path / "sibling.txt", "y");
  remove_tree(tmp.path / "file.txt");
  CHECK_FALSE(present(tmp.path / "file.txt"));
  CHECK(read(tmp.path / "sibling.txt") == "y");
}

TEST_CASE("an empty folder is removed", "[util][remove_tree]") {
  TempDir tmp;
  fs::create_directory(tmp.path / "empty");
  remove_tree(tmp.path / "empty");
  CHECK_FALSE(present(tmp.path / "empty"));
}

TEST_CASE("folders made read-only inside are removed too, as their owner", "[util][remove_tree]") {
  // A site whose briefs/ someone chmod'ed 555, and an unreadable folder:
  // rm -rf would leave both. Checked as an ordinary user (root ignores modes).
  TempDir tmp;
  fs::permissions(tmp.path, fs::perms::others_exec | fs::perms::others_write, fs::perm_options::add);
  fs::path site = tmp.path / "site";
  write(site / "briefs/a.html", "a");
  write(site / "briefs/deep/b.html", "b");
  write(site / "locked/c.html", "c");
  if (::geteuid() == 0)
    for (const auto& p : {site, site / "briefs", site / "briefs/deep", site / "locked", site / "briefs/a.html",
                          site / "briefs/deep/b.html", site / "locked/c.html"})
      REQUIRE(::chown(p.c_str(), 65534, 65534) == 0);
  fs::permissions(site / "briefs/deep", fs::perms::owner_read | fs::perms::owner_exec);
  fs::permissions(site / "briefs", fs::perms::owner_read | fs::perms::owner_exec);
  fs::permissions(site / "locked", fs::perms::none);
  fs::permissions(site, fs::perms::owner_read | fs::perms::owner_exec);
  auto left = prfaq::test::as_nobody([&] {
    remove_tree(site);
    return present(site) ? std::string("left") : std::string("gone");
  });
  if (!left) {
    WARN("cannot switch to user nobody: checked as root only");
    remove_tree(site);
  }
  CHECK(left.value_or("gone") == "gone");
  CHECK(!present(site));
}
