#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "as_nobody.h"
#include "site/output_dir.h"
#include "temp_dir.h"
#include "util/error.h"

namespace fs = std::filesystem;
using prfaq::Fatal;
using prfaq::OutputDir;

using prfaq::test::TempDir;

namespace {

// The working directory for one test, restored afterwards.
struct Cwd {
  fs::path saved = fs::current_path();
  explicit Cwd(const fs::path& p) { fs::current_path(p); }
  ~Cwd() { fs::current_path(saved); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

// Every file (not folder) under `dir`, relative, with its bytes.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (!e.is_directory()) out[fs::relative(e.path(), dir).generic_string()] = slurp(e.path());
  return out;
}

std::set<std::string> names(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

ino_t inode(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_ino;
}

const std::string kMarker(OutputDir::kMarker);
const std::string kMarkerText = "This folder is written by `prfaq build`, which replaces it whole on every build.\n";

void build(const fs::path& out, const std::map<std::string, std::string>& files) {
  OutputDir d(out);
  for (const auto& [rel, bytes] : files) d.write(rel, bytes);
  d.commit();
}

}  // namespace

TEST_CASE("a first build creates the folder with its marker and files, leaving only the lock beside it",
          "[site][output_dir]") {
  TempDir tmp;
  fs::path out = tmp.path / "public";
  fs::path staging;
  {
    OutputDir d(out);
    staging = d.staging();
    CHECK(staging == tmp.path / (".public.prfaq-tmp-" + std::to_string(::getpid())));
    CHECK(!d.read_previous("index.html"));
    CHECK(!d.reuse("index.html"));
    d.write("index.html", "<h1>Briefs</h1>");
    d.write("briefs/deep/a.html", std::string("A\0B", 3));
    d.write("empty.txt", "");
    d.commit();
  }
  CHECK(tree(out) == std::map<std::string, std::string>{{kMarker, kMarkerText},
                                                        {"briefs/deep/a.html", std::string("A\0B", 3)},
                                                        {"empty.txt", ""},
                                                        {"index.html", "<h1>Briefs</h1>"}});
  CHECK(names(tmp.path) == std::set<std::string>{".public.prfaq-lock", "public"});
  mode_t mask = ::umask(0);
  ::umask(mask);
  struct stat st {};
  REQUIRE(::stat((out / "index.html").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == (0644 & ~mask));
  REQUIRE(::stat((out / "briefs").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == (0755 & ~mask));
}

TEST_CASE("a second build replaces the whole site: a file not written again is gone", "[site][output_dir]") {
  TempDir tmp;
  fs::path out = tmp.path / "public";
  build(out, {{"index.html", "old"}, {"briefs/a.html", "A"}, {"manifest.json", "{\"v\":1}"}});
  {
    OutputDir d(out);
    CHECK(d.read_previous("manifest.json") == std::optional<std::string>("{\"v\":1}"));
    CHECK(d.read_previous("briefs/a.html") == std::optional<std::string>("A"));
    CHECK(!d.read_previous("nope.json"));
    CHECK(!d.read_previous("briefs"));  // a folder is not a file
    d.write("index.html", "new");
    d.commit();
  }
  CHECK(tree(out) == std::map<std::string, std::string>{{kMarker, kMarkerText}, {"index.html", "new"}});
  CHECK(names(tmp.path) == std::set<std::string>{".public.prfaq-lock", "public"});
}

TEST_CASE("reuse hard-links the previous file and refuses missing files and symlinks", "[site][output_dir]") {
  TempDir tmp;
  fs::path out = tmp.path / "public";
  build(out, {{"css/site.css", "body{}"}, {"index.html", "i"}});
  fs::create_symlink("index.html", out / "link.html");
  fs::create_directory_symlink("css", out / "styles");
  fs::create_symlink(tmp.path / "secret", out / "escape.txt");
  put(tmp.path / "secret", "outside");
  ino_t before = inode(out / "css/site.css");
  {
    OutputDir d(out);
    CHECK(d.reuse("css/site.css"));
    CHECK(inode(d.staging() / "css/site.css") == before);
    CHECK(!d.reuse("css/missing.css"));
    CHECK(!d.reuse("missing/site.css"));
    CHECK(!d.reuse("css"));             // a folder
    CHECK(!d.reuse("link.html"));       // a symlink to a file of the site
    CHECK(!d.reuse("styles/site.css"));  // through a symlinked folder
    CHECK(!d.reuse("escape.txt"));      // a symlink leading outside
    CHECK(!d.read_previous("escape.txt"));
    CHECK(!d.read_previous("styles/site.css"));
    d.write("index.html", "new");
    CHECK(d.reuse("index.html"));  // replaces a file written earlier in the build
    d.commit();
  }
  CHECK(tree(out) == std::map<std::string, std::string>{
                         {kMarker, kMarkerText}, {"css/site.css", "body{}"}, {"index.html", "i"}});
  CHECK(inode(out / "css/site.css") == before);
  CHECK(slurp(tmp.path / "secret") == "outside");
}

TEST_CASE("a build destroyed without commit leaves the previous site byte-identical", "[site][output_dir]") {
  TempDir tmp;
  fs::path out = tmp.path / "public";
  build(out, {{"index.html", "kept"}, {"briefs/a.html", "A"}});
  auto before = tree(out);
  ino_t index = inode(out / "index.html");
  fs::path staging;
  {
    OutputDir d(out);
    staging = d.staging();
    d.write("index.html", "half-built");
    d.write("briefs/b.html", "B");
    CHECK(d.reuse("briefs/a.html"));
    CHECK(fs::exists(staging / "briefs/b.html"));
  }
  CHECK(tree(out) == before);
  CHECK(inode(out / "index.html") == index);
  CHECK(!fs::exists(staging));
  CHECK(names(tmp.path) == std::set<std::string>{".public.prfaq-lock", "public"});
}

TEST_CASE("a folder prfaq did not write, a file or a symlink is never replaced", "[site][output_dir]") {
  TempDir tmp;
  fs::path content = tmp.path / "content";
  put(content / "a.md", "# A");
  CHECK_THROWS_MATCHES(OutputDir(content), Fatal,
                       Catch::Message("refusing to replace " + content.string() +
                                      ": the folder is not empty and has no .prfaq-build file, so prfaq build did "
                                      "not write it; choose a new or empty output folder"));
  CHECK(tree(content) == std::map<std::string, std::string>{{"a.md", "# A"}});

  {
    Cwd cwd(content);  // `--out .`
    CHECK_THROWS_WITH(OutputDir("."), Catch::StartsWith("refusing to replace .: the folder is not empty"));
  }

  put(tmp.path / "file", "x");
  CHECK_THROWS_MATCHES(OutputDir(tmp.path / "file"), Fatal,
                       Catch::Message("refusing to replace " + (tmp.path / "file").string() +
                                      ": it is a file, not a folder"));
  CHECK(slurp(tmp.path / "file") == "x");

  fs::create_directory(tmp.path / "site");
  build(tmp.path / "site", {{"index.html", "i"}});
  fs::create_directory_symlink("site", tmp.path / "link");
  CHECK_THROWS_MATCHES(OutputDir(tmp.path / "link"), Fatal,
                       Catch::Message("refusing to replace " + (tmp.path / "link").string() +
                                      ": it is a symbolic link; give the folder itself"));
  CHECK(fs::is_symlink(tmp.path / "link"));

  fs::create_directory(tmp.path / "empty");  // an empty folder holds nothing to lose
  build(tmp.path / "empty", {{"index.html", "i"}});
  CHECK(tree(tmp.path / "empty").count("index.html") == 1);
}

TEST_CASE("a refused output folder gets nothing written beside it, not even a lock file", "[site][output_dir]") {
  TempDir tmp;
  put(tmp.path / "x/userdir/notes.txt", "mine");
  put(tmp.path / "x/file", "x");
  fs::create_directory(tmp.path / "x/site");
  fs::create_directory_symlink("site", tmp.path / "x/link");
  for (const char* refused : {"userdir", "file", "link"}) {
    INFO(refused);
    CHECK_THROWS_WITH(OutputDir(tmp.path / "x" / refused), Catch::StartsWith("refusing to replace "));
    CHECK_THROWS_WITH(OutputDir::peek(tmp.path / "x" / refused, ".prfaq-manifest"),
                      Catch::StartsWith("refusing to replace "));
  }
  CHECK(names(tmp.path / "x") == std::set<std::string>{"userdir", "file", "site", "link"});
  CHECK(tree(tmp.path / "x/userdir") == std::map<std::string, std::string>{{"notes.txt", "mine"}});
}

TEST_CASE("peek reads the site now in the folder and writes nothing", "[site][output_dir]") {
  TempDir tmp;
  fs::path out = tmp.path / "deep/public";
  CHECK(OutputDir::peek(out, "index.html") == std::nullopt);
  CHECK(!fs::exists(tmp.path / "deep"));
  build(out, {{"index.html", "i"}});
  auto before = names(tmp.path / "deep");
  CHECK(OutputDir::peek(out, "index.html") == std::optional<std::string>("i"));
  CHECK(OutputDir::peek(out, "none.html") == std::nullopt);
  CHECK(names(tmp.path / "deep") == before);
}

TEST_CASE("paths that could leave the output folder are refused and nothing is written", "[site][output_dir]") {
  TempDir tmp;
  fs::path out = tmp.path / "site" / "public";
  OutputDir d(out);
  const std::vector<std::string> refused = {"../x", "/etc/x", "a//b", "a/./b", "a\\b", "",
                                            "a/", "/", ".", "..", "a/../../x", std::string("a\0b", 3)};
  for (const std::string& bad : refused) {
    std::string shown = bad.empty() ? "(empty path)" : bad;
    if (bad.size() == 3 && bad[1] == '\0') shown = "a\\0b";
    INFO("rel: " << shown);
    CHECK_THROWS_MATCHES(d.write(bad, "x"), Fatal,
                         Catch::Message("refusing to write outside the output folder: " + shown));
    CHECK_THROWS_MATCHES(d.reuse(bad), Fatal, Catch::Message("refusing to write outside the output folder: " + shown));
    CHECK_THROWS_AS(d.read_previous(bad), Fatal);
  }
  CHECK(fs::is_empty(d.staging()));
  CHECK(!fs::exists("/etc/x"));
  CHECK(names(tmp.path) == std::set<std::string>{"site"});
  CHECK(names(tmp.path / "site") ==
        std::set<std::string>{".public.prfaq-lock", ".public.prfaq-tmp-" + std::to_string(::getpid())});
}

TEST_CASE("staging folders left by killed builds are removed, others kept", "[site][output_dir]") {
  TempDir tmp;
  fs::path out = tmp.path / "public";
  put(tmp.path / ".public.prfaq-tmp-123/briefs/a.html", "stale");
  put(tmp.path / ".public.prfaq-tmp-123-old/index.html", "old site moved aside");
  put(tmp.path / ".other.prfaq-tmp-123/x", "another output folder's build");
  put(tmp.path / ".public.prfaq-tmp-x.prfaq-tmp-9/x", "the build of an output folder named public.prfaq-tmp-x");
  {
    OutputDir d(out);
    CHECK(!fs::exists(tmp.path / ".public.prfaq-tmp-123"));
    CHECK(!fs::exists(tmp.path / ".public.prfaq-tmp-123-old"));
    d.write("index.html", "i");
    d.commit();
  }
  CHECK(names(tmp.path) == std::set<std::string>{".other.prfaq-tmp-123", ".public.prfaq-lock",
                                                 ".public.prfaq-tmp-x.prfaq-tmp-9", "public"});
}

TEST_CASE("errors name the user's path, never the staging folder", "[site][output_dir]") {
  TempDir tmp;
  Cwd cwd(tmp.path);
  OutputDir d("public/");
  d.write("a", "file");
  CHECK_THROWS_MATCHES(d.write("a/b.html", "x"), Fatal,
                       Catch::Message("cannot write public/a/b.html: Not a directory"));
  CHECK_THROWS_MATCHES(d.write("a/b/c.html", "x"), Fatal, Catch::Message("cannot create public/a/b: Not a directory"));
  d.commit();
  CHECK(tree(tmp.path / "public") == std::map<std::string, std::string>{{kMarker, kMarkerText}, {"a", "file"}});
}

TEST_CASE("threads may write different files of one build at once", "[site][output_dir]") {
  TempDir tmp;
  fs::path out = tmp.path / "public";
  {
    OutputDir d(out);
    std::vector<std::thread> threads;
    std::vector<std::exception_ptr> errors(8);
    for (int t = 0; t < 8; ++t)
      threads.emplace_back([&, t] {
        try {
          for (int i = 0; i < 50; ++i)
            d.write("shared/" + std::to_string(i % 5) + "/" + std::to_string(t) + "-" + std::to_string(i), "x");
        } catch (...) {
          errors[t] = std::current_exception();
        }
      });
    for (auto& th : threads) th.join();
    for (auto& e : errors)
      if (e) std::rethrow_exception(e);
    d.commit();
  }
  CHECK(tree(out).size() == 8 * 50 + 1);
}

TEST_CASE("a second build into the same folder waits for the first (threads)", "[site][output_dir]") {
  TempDir tmp;
  fs::path out = tmp.path / "public";
  std::optional<OutputDir> first;
  first.emplace(out);
  first->write("first.html", "1");
  std::atomic<bool> second_started{false}, first_committed{false};
  bool saw_first_committed = false;
  std::exception_ptr error;
  std::thread second([&] {
    try {
      OutputDir d(out);
      second_started = true;
      saw_first_committed = first_committed.load();
      d.write("second.html", "2");
      d.commit();
    } catch (...) {
      error = std::current_exception();
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(!second_started);
  first->commit();
  first_committed = true;
  first.reset();  // releases the lock
  second.join();
  if (error) std::rethrow_exception(error);
  CHECK(saw_first_committed);
  CHECK(tree(out) == std::map<std::string, std::string>{{kMarker, kMarkerText}, {"second.html", "2"}});
}

TEST_CASE("a build waits for another process building into the same folder", "[site][output_dir]") {
  TempDir tmp;
  fs::path out = tmp.path / "public";
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {  // no Catch in here: report by exit code only
    ::close(ready[0]);
    try {
      OutputDir d(out);
      d.write("child.html", "c");
      char c = 'r';
      if (::write(ready[1], &c, 1) != 1) ::_exit(3);
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      d.commit();
    } catch (...) {
      ::_exit(1);
    }
    ::_exit(0);
  }
  ::close(ready[1]);
  char c = 0;
  CHECK(::read(ready[0], &c, 1) == 1);  // the child now holds the lock
  ::close(ready[0]);
  {
    OutputDir d(out);  // blocks until the child's build is done
    CHECK(tree(out) == std::map<std::string, std::string>{{kMarker, kMarkerText}, {"child.html", "c"}});
    d.write("parent.html", "p");
    d.commit();
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(tree(out) == std::map<std::string, std::string>{{kMarker, kMarkerText}, {"parent.html", "p"}});
}

TEST_CASE("a read-only parent folder gives Fatal", "[site][output_dir]") {
  TempDir tmp;
  fs::path ro = tmp.path / "ro";
  fs::create_directory(ro);
  fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec |
                          fs::perms::others_read | fs::perms::others_exec);
  const std::string expected = "cannot lock " + (ro / "public").string() + " (" + (ro / ".public.prfaq-lock").string() +
                               "): Permission denied";
  if (::geteuid() != 0) {
    CHECK_THROWS_MATCHES(OutputDir(ro / "public"), Fatal, Catch::Message(expected));
  } else {
    WARN("running as root, which ignores folder permissions: the read-only assertion is skipped here "
         "and checked in a child process running as user nobody (65534) instead");
    fs::permissions(tmp.path, fs::perms::others_exec, fs::perm_options::add);
    int msg[2];
    REQUIRE(::pipe(msg) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(msg[0]);
      if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(2);
      try {
        OutputDir d(ro / "public");
      } catch (const Fatal& e) {
        std::string what = e.what();
        ::_exit(::write(msg[1], what.data(), what.size()) == static_cast<ssize_t>(what.size()) ? 0 : 3);
      } catch (...) {
        ::_exit(4);
      }
      ::_exit(1);  // no Fatal
    }
    ::close(msg[1]);
    std::string what;
    char buf[512];
    for (ssize_t n; (n = ::read(msg[0], buf, sizeof buf)) > 0;) what.append(buf, static_cast<std::size_t>(n));
    ::close(msg[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 2) {
      WARN("cannot switch to user nobody: the read-only parent is not checked");
    } else {
      CHECK(WEXITSTATUS(status) == 0);
      CHECK(what == expected);
    }
  }
  CHECK(fs::is_empty(ro));
}

TEST_CASE("an output folder made read-only is refused and left as it was", "[site][output_dir]") {
  // The swap only needs the parent to be writable, so without this check the
  // build would replace a folder its owner had made read-only.
  TempDir tmp;
  fs::permissions(tmp.path, fs::perms::others_exec | fs::perms::others_write, fs::perm_options::add);
  fs::path out = tmp.path / "public";
  { OutputDir d(out); d.write("index.html", "old"); d.commit(); }
  if (::geteuid() == 0)  // the site and its lock file become nobody's
    for (const auto& p : fs::recursive_directory_iterator(tmp.path)) REQUIRE(::chown(p.path().c_str(), 65534, 65534) == 0);
  fs::permissions(out, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write, fs::perm_options::remove);
  auto what = prfaq::test::as_nobody([&] {
    try {
      OutputDir d(out);
    } catch (const Fatal& e) {
      return std::string(e.what());
    }
    return std::string("no Fatal");
  });
  if (!what) WARN("cannot switch to user nobody: the read-only output folder is not checked");
  else CHECK(*what == "cannot write the site into " + out.string() + ": Permission denied");
  CHECK(tree(out) == std::map<std::string, std::string>{{kMarker, kMarkerText}, {"index.html", "old"}});
}
