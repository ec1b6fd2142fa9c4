#include "check/rule_table.h"
#include "cli/commands.h"
#include "util/error.h"
#include "util/json.h"

namespace prfaq {

int run_rules(const Args& args, Io& io) {
  if (!args.positional.empty()) throw Fatal("prfaq rules takes no arguments; see 'prfaq rules --help'");
  std::string format = args.get("--format").value_or("text");
  if (format == "json") {
    io.out << "[";
    bool first = true;
    for (const auto& r : all_rules()) {
      io.out << (first ? "\n  " : ",\n  ") << "{\"id\": " << json_string(r.id)
             << ", \"severity\": " << json_string(to_string(r.severity)) << ", \"from\": "
             << (r.ladder ? json_string(to_string(*r.ladder)) : "null")
             << ", \"description\": " << json_string(r.description) << "}";
      first = false;
    }
    io.out << "\n]\n";
    return 0;
  }
  if (format != "text") throw Fatal("unknown format '" + format + "' (text, json)");
  for (const auto& r : all_rules()) {
    std::string id(r.id);
    std::string sev = r.ladder ? "error from " + std::string(to_string(*r.ladder)) : std::string(to_string(r.severity));
    io.out << id << std::string(id.size() < 27 ? 27 - id.size() : 1, ' ') << sev
           << std::string(sev.size() < 20 ? 20 - sev.size() : 1, ' ') << r.description << '\n';
  }
  return 0;
}

}  // namespace prfaq
