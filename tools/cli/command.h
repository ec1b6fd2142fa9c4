#pragma once
// The command table: every `prfaq` command with its summary, usage and
// options. `--help` text and "did you mean" come from this table, and the
// driver dispatches through it.
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace prfaq {

struct OptionSpec {
  std::string_view name;      // "--format"
  std::string_view value;     // "FORMAT"; empty for a flag
  std::string_view help;
  bool repeat = false;        // may be given more than once
};

// Parsed command line of one command.
struct Args {
  std::map<std::string, std::vector<std::string>, std::less<>> options;  // "--format" -> values ("" for flags)
  std::vector<std::string> positional;
  bool has(std::string_view o) const { return options.count(o) > 0; }
  std::optional<std::string> get(std::string_view o) const;
};

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  std::string cwd;  // where prfaq was started (after -C)
};

struct Command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;    // "prfaq check [options] [PATH...]"
  std::string_view details;  // paragraphs after the usage
  std::vector<OptionSpec> options;
  std::function<int(const Args&, Io&)> run;
};

std::span<const Command> commands();
const Command* find_command(std::string_view name);
// Parses argv of one command; throws Fatal on an unknown option or a missing value.
Args parse_args(const Command& cmd, std::span<const std::string> argv);
void print_command_help(std::ostream& out, const Command& cmd);
void print_main_help(std::ostream& out);

}  // namespace prfaq
