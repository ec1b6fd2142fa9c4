#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "serve/watcher.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using prfaq::Watcher;
using Paths = std::vector<std::string>;

namespace {

struct Repo : prfaq::test::TempDir {
  const fs::path& root = path;
  Repo() : TempDir("watcher-test") {
    fs::create_directories(root / "content" / "payments");
    write("prfaq.toml", "");
    write("content/a.md", "a");
  }
};

Paths next(Watcher& w) {
  auto changed = w.wait(50ms, 2000ms);
  REQUIRE(changed);
  return *changed;
}

}  // namespace

TEST_CASE("serve: editor temp files are ignored") {
  for (const char* name : {".#a.md", "#a.md#", "a.md~", ".a.md.swp", ".a.md.swx", ".a.md.swo", "4913",
                           "a.md___jb_tmp___", ".goutputstream-XYZ1"})
    CHECK(Watcher::ignored(name));
  for (const char* name : {"a.md", "index.md", "swap.md", "a.swift", "#a.md", "_template.md"}) CHECK_FALSE(Watcher::ignored(name));
}

TEST_CASE("serve: the watcher reports changed files, once each, after a quiet moment") {
  Repo r;
  Watcher w(r.root);
  r.write("content/a.md", "b");
  r.write("content/.#a.md", "lock");
  r.write("content/payments/b.md", "b");
  r.write("content/payments/b.md", "c");
  CHECK(next(w) == Paths{"content/a.md", "content/payments/b.md"});
  // Saving by rename, as many editors do: the temp file is not reported.
  r.write("content/a.md~", "x");
  fs::rename(r.root / "content/a.md~", r.root / "content/a.md");
  CHECK(next(w) == Paths{"content/a.md"});
  // The same with a name no list knows (sed -i): it came and went.
  r.write("content/payments/sedX1b2c3", "y");
  fs::rename(r.root / "content/payments/sedX1b2c3", r.root / "content/payments/b.md");
  CHECK(next(w) == Paths{"content/payments/b.md"});
  // Only a file that came and went: no change, the wait goes on.
  r.write("content/scratch", "y");
  fs::remove(r.root / "content/scratch");
  std::thread later([&] {
    std::this_thread::sleep_for(300ms);
    r.write("content/a.md", "later");
  });
  CHECK(next(w) == Paths{"content/a.md"});
  later.join();
  r.write("prfaq.toml", "[site]\n");
  r.write("README.md", "not watched");
  fs::create_directory(r.root / "public");
  r.write("public/index.html", "not watched");
  CHECK(next(w) == Paths{"prfaq.toml"});
}

TEST_CASE("serve: new folders are watched, and moved or deleted ones forgotten") {
  Repo r;
  Watcher w(r.root);
  fs::create_directories(r.root / "content" / "new" / "deep");
  CHECK(next(w) == Paths{"content/new"});
  r.write("content/new/deep/c.md", "c");
  CHECK(next(w) == Paths{"content/new/deep/c.md"});
  fs::rename(r.root / "content" / "new", r.root / "content" / "renamed");
  CHECK(next(w) == Paths{"content/new", "content/renamed"});
  r.write("content/renamed/deep/c.md", "d");
  CHECK(next(w) == Paths{"content/renamed/deep/c.md"});
  fs::remove_all(r.root / "content" / "renamed");
  auto gone = next(w);
  CHECK(std::find(gone.begin(), gone.end(), "content/renamed") != gone.end());
  // site-theme/ made after the watcher started.
  fs::create_directories(r.root / "site-theme" / "templates");
  CHECK(next(w) == Paths{"site-theme"});
  r.write("site-theme/templates/404.html", "x");
  CHECK(next(w) == Paths{"site-theme/templates/404.html"});
}

TEST_CASE("serve: stop() ends a wait from another thread") {
  Repo r;
  Watcher w(r.root);
  std::thread stopper([&] {
    std::this_thread::sleep_for(30ms);
    w.stop();
  });
  CHECK_FALSE(w.wait());
  stopper.join();
  CHECK_FALSE(w.wait());
}
