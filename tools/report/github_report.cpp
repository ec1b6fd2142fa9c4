#include "report/report.h"

namespace prfaq {

namespace {

// GitHub workflow commands: data escapes %, CR, LF; properties also : and ,.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

void write_github(std::ostream& out, const CheckResult& r) {
  for (const auto& f : r.findings) {
    out << "::" << (f.severity == Severity::error ? "error" : "warning") << " file=" << escape_property(f.file)
        << ",line=" << f.pos.line << ",col=" << f.pos.column << ",title=" << escape_property(f.rule)
        << "::" << escape_data(f.message) << '\n';
  }
  out << r.errors << " error" << (r.errors == 1 ? "" : "s") << ", " << r.warnings << " warning"
      << (r.warnings == 1 ? "" : "s") << " in " << r.briefs.size() << " brief" << (r.briefs.size() == 1 ? "" : "s")
      << '\n';
}

}  // namespace prfaq
