// The prfaq driver: parses the command line, runs one command from the
// table, prints "prfaq: error: ..." for a Fatal and picks the exit code.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "util/error.h"
#include "util/suggest.h"
#include "util/visible_text.h"

#ifdef PRFAQ_MIMALLOC
#include <mimalloc.h>
// A reference to mimalloc, so that a linker that drops libraries nothing
// calls (--as-needed) keeps it: its malloc replaces glibc's in the whole
// process, which no code names (CMakeLists.txt says why).
[[gnu::used]] static int (*const keep_mimalloc)() = mi_version;
#endif

namespace {

int run(std::vector<std::string> argv) {
  using namespace prfaq;
  std::string cwd = std::filesystem::current_path().string();
  std::size_t i = 0;
  while (i < argv.size() && argv[i].starts_with("-")) {
    const std::string& a = argv[i];
    if (a == "--version") {
      std::cout << "prfaq " PRFAQ_VERSION "\n";
      return 0;
    }
    if (a == "-h" || a == "--help") {
      print_main_help(std::cout);
      return 0;
    }
    if (a == "-C") {
      if (i + 1 >= argv.size()) throw Fatal("-C needs a folder");
      std::filesystem::path p = std::filesystem::path(argv[i + 1]);
      p = p.is_absolute() ? p : std::filesystem::path(cwd) / p;
      std::error_code ec;
      if (!std::filesystem::is_directory(p, ec)) throw Fatal("-C " + argv[i + 1] + ": no such folder");
      cwd = std::filesystem::canonical(p).string();
      i += 2;
      continue;
    }
    throw Fatal("unknown option '" + a + "'; see 'prfaq --help'");
  }
  if (i >= argv.size()) {
    print_main_help(std::cerr);
    return 2;
  }
  std::string name = argv[i];
  bool help = name == "help" && i + 1 < argv.size();
  if (name == "help" && !help) {
    print_main_help(std::cout);
    return 0;
  }
  if (help) name = argv[++i];
  const Command* cmd = find_command(name);
  if (!cmd) {
    std::vector<std::string_view> names;
    for (const auto& c : commands()) names.push_back(c.name);
    throw Fatal("'" + name + "' is not a prfaq command" + did_you_mean(name, names) + "; see 'prfaq --help'");
  }
  if (help) {
    print_command_help(std::cout, *cmd);
    return 0;
  }
  std::vector<std::string> rest(argv.begin() + static_cast<long>(i) + 1, argv.end());
  Args args = parse_args(*cmd, rest);
  if (args.has("--help")) {
    print_command_help(std::cout, *cmd);
    return 0;
  }
  Io io{std::cout, std::cerr, static_cast<bool>(isatty(STDOUT_FILENO)), cwd};
  return cmd->run(args, io);
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    int code = run(std::vector<std::string>(argv + 1, argv + argc));
    std::cout.flush();
    return code;
  } catch (const prfaq::Fatal& e) {
    std::cout.flush();
    std::cerr << "prfaq: error: " << prfaq::visible_text(e.what()) << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "prfaq: internal error: " << prfaq::visible_text(e.what()) << '\n';
    return 2;
  }
}
