// `prfaq serve`: a preview of the site while briefs are being written.
// Builds the working tree into a private folder, serves it, and on every
// change the watcher reports rebuilds (reusing what did not change), says
// what happened in one line and reloads the open pages. A build that
// cannot finish (a broken prfaq.toml or theme template) is reported, and
// the last good site stays served until the next save.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "cli/commands.h"
#include "cli/repository.h"
#include "report/report.h"
#include "serve/http_server.h"
#include "serve/live_reload.h"
#include "serve/preview_site.h"
#include "serve/stop_signals.h"
#include "serve/watcher.h"
#include "util/error.h"
#include "util/visible_text.h"

extern char** environ;

namespace prfaq {

namespace {

constexpr int kDefaultPort = 1717;

int port_of(const Args& args) {
  auto p = args.get("--port");
  if (!p) return kDefaultPort;
  try {
    std::size_t used = 0;
    int n = std::stoi(*p, &used);
    if (used == p->size() && n >= 0 && n <= 65535) return n;
  } catch (...) {
  }
  throw Fatal("--port takes a port number from 0 to 65535 (0: any free port), not '" + *p + "'");
}

std::string seconds_since(std::chrono::steady_clock::time_point start) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return text;
}

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

// "content/a.md", "content/a.md and content/b.md", "content/a.md, content/b.md and 3 more".
// A folder is left out when a file in it is named: a new folder shows as
// the briefs it holds.
std::string what_changed(const std::vector<std::string>& all) {
  if (std::find(all.begin(), all.end(), "*") != all.end()) return "files";
  std::vector<std::string> changed;
  for (const auto& c : all)  // sorted: what is under c comes right after it
    if (!changed.empty() && c.starts_with(changed.back() + "/")) changed.back() = c;
    else changed.push_back(c);
  std::string out;
  std::size_t shown = std::min<std::size_t>(changed.size(), 2);
  for (std::size_t i = 0; i < shown; ++i) out += (i ? (changed.size() == 2 ? " and " : ", ") : "") + changed[i];
  if (changed.size() > 2) out += " and " + std::to_string(changed.size() - 2) + " more";
  return out;
}

std::string error_count(const CheckResult& check) {
  std::size_t briefs = 0;
  for (const auto& b : check.briefs) briefs += b.errors > 0;
  if (!briefs) return "no errors";
  return plural(static_cast<std::size_t>(check.errors), "error") + " in " + plural(briefs, "brief");
}

// Opens `url` in the desktop's browser when xdg-open is there; never fails.
void open_browser(const std::string& url, Io& io) {
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);  // ignored here, but not in the browser
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::string program = "xdg-open";
  char* argv[] = {program.data(), const_cast<char*>(url.c_str()), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", &files, &attr, argv, environ) != 0)
    io.err << "prfaq: --open: cannot run xdg-open; open " << url << " in a browser\n" << std::flush;
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attr);
}

}  // namespace

int run_serve(const Args& args, Io& io) {
  if (!args.positional.empty()) throw Fatal("prfaq serve takes no paths; it serves every brief (see --port, --bind)");
  int port = port_of(args);
  std::string address = args.get("--bind").value_or("127.0.0.1");
  if (address.empty()) throw Fatal("--bind takes an address, such as 127.0.0.1");
  Repository repo = open_repository(io.cwd);

  ::signal(SIGPIPE, SIG_IGN);  // a page closed mid-answer is an error return, not the end
  // Watching starts before the first build: a save during it is not lost.
  Watcher watcher(repo.root);
  StopSignals signals([&] { watcher.stop(); });
  PreviewSite preview(repo.root);
  LiveReload live;

  // The port first: one in use is said at once, not after a long build.
  HttpServer server(preview.site(), live);
  int bound = server.bind(address, port);
  auto started = std::chrono::steady_clock::now();
  BuildResult first = preview.build(repo.config);
  for (const auto& w : first.warnings) io.err << "prfaq: warning: " << visible_text(w) << "\n";
  if (signals.received()) return 0;  // Ctrl-C while the first build ran
  server.start();
  std::string host = address.find(':') != std::string::npos ? "[" + address + "]" : address;
  std::string url = "http://" + host + ":" + std::to_string(bound) + "/";
  io.out << "prfaq: built " << plural(first.briefs, "brief") << " in " << seconds_since(started) << ", "
         << error_count(first.check) << " (each brief's page shows its findings)\n";
  if (!is_loopback(address))
    io.err << "prfaq: warning: serving on " << address << ": anyone who can reach this machine can read the briefs\n";
  io.out << "prfaq: serving " << plural(first.briefs, "brief") << " at " << url << " (Ctrl-C to stop)\n" << std::flush;
  io.err << std::flush;
  if (args.has("--open")) open_browser(url, io);

  CheckResult last = std::move(first.check);
  while (auto changed = watcher.wait()) {
    auto start = std::chrono::steady_clock::now();
    std::string what = what_changed(*changed) + " changed";
    try {
      Config config = load_config(repo.root);  // it may be what changed
      BuildResult r = preview.build(config);
      live.reload();
      for (const auto& w : r.warnings) io.err << "prfaq: warning: " << visible_text(w) << "\n";
      io.out << "prfaq: " << what << ": rebuilt in " << seconds_since(start) << ", " << error_count(r.check) << "\n";
      RebuildReport report = report_rebuild(&last, r.check, *changed);
      std::set<std::string> shown(report.with_errors.begin(), report.with_errors.end());
      std::vector<Finding> findings;
      for (const auto& f : r.check.findings)
        if (shown.count(f.file)) findings.push_back(f);
      const char* no_color = std::getenv("NO_COLOR");  // no-color.org: set and not empty, as check reads it
      write_text_findings(io.out, findings, {io.out_is_terminal && !(no_color && *no_color)});
      for (const auto& path : report.fixed) io.out << visible_text(path) << ": no errors now\n";
      last = std::move(r.check);
    } catch (const std::exception& e) {
      io.err << "prfaq: " << what << ": " << (dynamic_cast<const Fatal*>(&e) ? "error: " : "internal error: ")
             << visible_text(e.what()) << "\nprfaq: still serving the last good build; the next save rebuilds it\n";
    }
    io.out << std::flush;
    io.err << std::flush;
  }
  server.stop();
  io.out << (io.out_is_terminal ? "\n" : "") << "prfaq: stopped\n" << std::flush;
  while (::waitpid(-1, nullptr, WNOHANG) > 0) {  // xdg-open, if it is done
  }
  return 0;
}

}  // namespace prfaq
