// The index reader (source/git_index_file): on indexes the real `git`
// writes (versions 2, 3 and 4, intent-to-add entries, conflicts, a split
// index), the entries must be those libgit2 reads from the same file, and
// the cache tree's ids those Git gives for the same folders. Broken files
// are refused (nullopt: libgit2 then reads them and reports), never a
// crash.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "source/git_handles.h"
#include "source/git_index_file.h"
#include "source/libgit2.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using namespace prfaq;

namespace {

struct Repo : prfaq::test::TempDir {
  const fs::path& root = path;
  Repo() : TempDir("index-test") {
    git("init -q -b main");
    git("config user.email t@example.com");
    git("config user.name T");
  }
  std::string git(const std::string& args) const {
    std::string cmd = "git -C '" + root.string() + "' " + args + " 2>&1";
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    int rc = ::pclose(p);
    INFO(cmd << "\n" << out);
    REQUIRE((rc == 0 || args.starts_with("merge")));
    return out;
  }
  std::string index_bytes() const {
    std::ifstream in(root / ".git/index", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::string rev(const std::string& what) const {
    std::string out = git("rev-parse " + what);
    return out.substr(0, out.find('\n'));
  }
};

// Entries as "mode id path", from our reader and from libgit2's.
std::vector<std::string> ours(const StagedIndex& idx) {
  std::vector<std::string> out;
  char mode[16];
  for (const auto& e : idx.entries) {
    std::snprintf(mode, sizeof mode, "%o", e.mode);
    out.push_back(std::string(mode) + " " + oid_hex(e.id) + " " + e.path);
  }
  return out;
}

std::vector<std::string> libgit2s(const Repo& r) {
  libgit2_init_once();
  git_index* raw = nullptr;
  REQUIRE(git_index_open(&raw, (r.root / ".git/index").c_str()) == 0);
  GitIndex index(raw);
  std::vector<std::string> out;
  char mode[16];
  for (std::size_t i = 0; i < git_index_entrycount(index.get()); ++i) {
    const git_index_entry* e = git_index_get_byindex(index.get(), i);
    if (git_index_entry_stage(e) != 0 || (e->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD)) continue;
    std::snprintf(mode, sizeof mode, "%o", e->mode);
    out.push_back(std::string(mode) + " " + oid_hex(e->id) + " " + e->path);
  }
  return out;
}

std::string tree_of(const StagedIndex& idx, const std::string& folder) {
  auto it = idx.trees.find(folder);
  return it == idx.trees.end() ? "(none)" : oid_hex(it->second);
}

void some_files(const Repo& r) {
  for (int i = 0; i < 30; ++i)
    r.write("content/team" + std::to_string(i % 3) + "/brief-" + std::to_string(i) + ".md", "brief " + std::to_string(i) + "\n");
  r.write("content/a-very/deep/folder/with/a/long/name/that/goes/on/index.md", "deep\n");
  r.write("README.md", "readme\n");
  r.write("prfaq.toml", "[site]\n");
}

}  // namespace

TEST_CASE("index file: version 2 after a commit, with every folder's tree", "[source]") {
  Repo r;
  some_files(r);
  r.git("add -A");
  r.git("commit -q -m one");
  auto idx = parse_index_file(r.index_bytes());
  REQUIRE(idx);
  CHECK(idx->entries.size() == 33);
  CHECK(ours(*idx) == libgit2s(r));
  CHECK(tree_of(*idx, "") == r.rev("HEAD^{tree}"));
  CHECK(tree_of(*idx, "content") == r.rev("HEAD:content"));
  CHECK(tree_of(*idx, "content/team1") == r.rev("HEAD:content/team1"));
  CHECK(tree_of(*idx, "content/a-very/deep/folder") == r.rev("HEAD:content/a-very/deep/folder"));

  // A staged change leaves its folders without a tree, and the others theirs.
  r.write("content/team1/brief-1.md", "changed\n");
  r.git("add content/team1/brief-1.md");
  idx = parse_index_file(r.index_bytes());
  REQUIRE(idx);
  CHECK(ours(*idx) == libgit2s(r));
  CHECK(tree_of(*idx, "") == "(none)");
  CHECK(tree_of(*idx, "content") == "(none)");
  CHECK(tree_of(*idx, "content/team1") == "(none)");
  CHECK(tree_of(*idx, "content/team2") == r.rev("HEAD:content/team2"));
}

TEST_CASE("index file: version 3 leaves out intent-to-add entries, version 4 compresses paths", "[source]") {
  Repo r;
  some_files(r);
  r.git("add -A");
  r.git("commit -q -m one");
  r.write("content/team0/new.md", "new\n");
  r.write("content/link-target.md", "x\n");
  r.git("add -N content/team0/new.md");
  fs::create_symlink("link-target.md", r.root / "content/link.md");
  r.git("add content/link.md content/link-target.md");
  std::string bytes = r.index_bytes();
  REQUIRE(bytes.substr(0, 8) == std::string("DIRC\0\0\0\3", 8));
  auto idx = parse_index_file(bytes);
  REQUIRE(idx);
  CHECK(ours(*idx) == libgit2s(r));
  CHECK(std::none_of(idx->entries.begin(), idx->entries.end(), [](auto& e) { return e.path == "content/team0/new.md"; }));
  CHECK(std::any_of(idx->entries.begin(), idx->entries.end(),
                    [](auto& e) { return e.path == "content/link.md" && e.mode == 0120000; }));

  r.git("update-index --index-version 4");
  bytes = r.index_bytes();
  REQUIRE(bytes.substr(0, 8) == std::string("DIRC\0\0\0\4", 8));
  auto v4 = parse_index_file(bytes);
  REQUIRE(v4);
  CHECK(ours(*v4) == libgit2s(r));
  CHECK(ours(*v4) == ours(*idx));
}

TEST_CASE("index file: entries in conflict are left out", "[source]") {
  Repo r;
  r.write("content/a.md", "base\n");
  r.write("content/b.md", "b\n");
  r.git("add -A");
  r.git("commit -q -m base");
  r.git("checkout -q -b other");
  r.write("content/a.md", "other\n");
  r.git("commit -q -am other");
  r.git("checkout -q main");
  r.write("content/a.md", "main\n");
  r.git("commit -q -am main");
  r.git("merge -q other");  // conflicts in content/a.md
  auto idx = parse_index_file(r.index_bytes());
  REQUIRE(idx);
  CHECK(ours(*idx) == libgit2s(r));
  REQUIRE(idx->entries.size() == 1);
  CHECK(idx->entries[0].path == "content/b.md");
}

TEST_CASE("index file: a split index is left to libgit2", "[source]") {
  Repo r;
  some_files(r);
  r.git("add -A");
  r.git("update-index --split-index");
  CHECK_FALSE(parse_index_file(r.index_bytes()));
}

TEST_CASE("index file: every truncation and many corruptions are refused or read, never a crash", "[source]") {
  Repo r;
  some_files(r);
  r.git("add -A");
  r.git("commit -q -m one");
  std::string bytes = r.index_bytes();
  REQUIRE(parse_index_file(bytes));
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto cut = parse_index_file(std::string_view(bytes).substr(0, n));
    if (cut) CHECK(cut->entries.size() <= 33);  // a cut inside the checksum may still read
  }
  std::uint32_t seed = 12345;
  for (int i = 0; i < 20000; ++i) {
    std::string bad = bytes;
    for (int k = 0; k < 4; ++k) {
      seed = seed * 1103515245 + 12345;
      bad[(seed >> 8) % bad.size()] = static_cast<char>(seed >> 24);
    }
    auto parsed = parse_index_file(bad);
    if (parsed) CHECK(parsed->entries.size() <= 33);
  }
  CHECK_FALSE(parse_index_file(""));
  CHECK_FALSE(parse_index_file(std::string("DIRC\0\0\0\5", 8) + std::string(40, '\0')));
}
