// FsSource: the working tree, never through a symbolic link, and what its
// listing leaves out said by name (symlink-skipped, submodule-skipped).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "source/fs_source.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using prfaq::FsSource;
using prfaq::Listing;
using prfaq::SkippedEntry;

namespace {

struct Tree : prfaq::test::TempDir {
  Tree() : TempDir("fs-source-test") {}
  const fs::path& root = path;
};

std::vector<std::string> skipped_of(const Listing& l) {
  std::vector<std::string> out;
  for (const auto& s : l.skipped)
    out.push_back((s.kind == SkippedEntry::Kind::symlink ? "link " : "repo ") + s.path);
  return out;
}

}  // namespace

TEST_CASE("fs source: links and nested repositories are listed as skipped, and nothing below them", "[source]") {
  Tree t;
  t.write("content/a.md", "a");
  t.write("content/team/b.md", "b");
  t.write("outside/secret.md", "secret");
  fs::create_symlink("../outside/secret.md", t.root / "content/link.md");
  fs::create_directory_symlink("../outside", t.root / "content/team/linked-folder");
  fs::create_symlink("/nonexistent/dangling", t.root / "content/dangling.md");
  t.write("content/vendor/.git/HEAD", "ref: refs/heads/main\n");  // a nested repository
  t.write("content/vendor/c.md", "c");
  t.write("content/vendor/deep/e.md", "e");  // below a repository: nothing, whatever readdir's order
  fs::create_symlink("c.md", t.root / "content/vendor/deep/link.md");
  t.write("content/sub/.git", "gitdir: ../../.git/modules/sub\n");  // a submodule's checkout
  t.write("content/sub/d.md", "d");

  FsSource source(t.root);
  Listing l = source.list_all("content");
  CHECK(l.files == std::vector<std::string>{"content/a.md", "content/team/b.md"});
  CHECK(skipped_of(l) == std::vector<std::string>{"link content/dangling.md", "link content/link.md",
                                                  "repo content/sub", "link content/team/linked-folder",
                                                  "repo content/vendor"});
  CHECK(source.list("content") == l.files);
  CHECK_FALSE(source.read("content/link.md"));
  CHECK_FALSE(source.read("content/team/linked-folder/secret.md"));
  CHECK(source.read("content/a.md") == "a");
  // The listed folder itself may be a repository (the root of one): it is
  // listed all the same.
  t.write(".git/HEAD", "ref: refs/heads/main\n");
  CHECK(source.list_all("").files ==
        std::vector<std::string>{".git/HEAD", "content/a.md", "content/team/b.md", "outside/secret.md"});
}

TEST_CASE("fs source: a plain tree has nothing skipped, and a missing folder lists nothing", "[source]") {
  Tree t;
  t.write("content/a.md", "a");
  t.write("content/.hidden/b.md", "b");
  FsSource source(t.root);
  Listing l = source.list_all("content");
  CHECK(l.files == std::vector<std::string>{"content/.hidden/b.md", "content/a.md"});
  CHECK(l.skipped.empty());
  CHECK(source.list_all("site-theme").files.empty());
}

TEST_CASE("fs source: is_file is true for a file, false for a folder, a link or nothing", "[source]") {
  Tree t;
  t.write("content/a.md", "a");
  t.write("outside/secret.png", "secret");
  fs::create_symlink("../outside/secret.png", t.root / "content/link.png");
  FsSource source(t.root);
  CHECK(source.is_file("content/a.md"));
  CHECK_FALSE(source.is_file("content"));
  CHECK(source.exists("content"));
  CHECK_FALSE(source.is_file("content/link.png"));
  CHECK_FALSE(source.is_file("content/none.png"));
  CHECK_FALSE(source.is_file(""));
}

TEST_CASE("fs source: a listed folder that is itself a link is skipped by name, and nothing in it listed",
          "[source]") {
  Tree t;
  t.write("theme/templates/404.html", "<h1>elsewhere</h1>");
  fs::create_directory_symlink("theme", t.root / "site-theme");
  fs::create_symlink("nowhere", t.root / "dangling");
  FsSource source(t.root);
  Listing l = source.list_all("site-theme");
  CHECK(l.files.empty());
  CHECK(skipped_of(l) == std::vector<std::string>{"link site-theme"});
  CHECK(skipped_of(source.list_all("site-theme/")) == std::vector<std::string>{"link site-theme"});
  CHECK(skipped_of(source.list_all("dangling")) == std::vector<std::string>{"link dangling"});
  CHECK(skipped_of(source.list_all("missing")).empty());
}

TEST_CASE("fs source: read gives every byte of files of any size, empty to larger than a page", "[source]") {
  Tree t;
  FsSource source(t.root);
  for (std::size_t size : {0u, 1u, 4095u, 4096u, 4097u, 65536u, 1000003u}) {
    std::string bytes(size, 'x');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + i % 26);
    t.write("content/f.md", bytes);
    auto got = source.read("content/f.md");
    REQUIRE(got);
    CHECK(got->size() == size);
    CHECK(*got == bytes);
  }
}
