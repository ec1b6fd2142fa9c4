#include "report/report.h"

#include "util/visible_text.h"

namespace prfaq {

namespace {

// GitHub workflow commands: data escapes %, CR, LF; properties also : and ,.
// The run's log shows the text too: it is made visible first, as in the
// text report (a line break shows as \n, ESC as \x1b), which leaves no CR
// or LF for the command's own escapes.
std::string escape_data(std::string_view raw) {
  std::string s = visible_text(raw);
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
