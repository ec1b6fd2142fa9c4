#include "report/report.h"

#include "util/visible_text.h"

namespace prfaq {

namespace {

std::string plural(int n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

std::optional<Format> parse_format(std::string_view s) {
  if (s == "text") return Format::text;
  if (s == "json") return Format::json;
  if (s == "github") return Format::github;
  if (s == "sarif") return Format::sarif;
  return std::nullopt;
}

void write_text_findings(std::ostream& out, const std::vector<Finding>& findings, const ReportOptions& o) {
  const char* bold = o.color ? "\033[1m" : "";
  const char* red = o.color ? "\033[1;31m" : "";
  const char* yellow = o.color ? "\033[1;33m" : "";
  const char* dim = o.color ? "\033[2m" : "";
  const char* reset = o.color ? "\033[0m" : "";
  for (const auto& f : findings) {
    bool error = f.severity == Severity::error;
    // One finding, one line, and nothing in a file name or a quoted value
    // that acts on the terminal: control characters show as escapes.
    out << bold << visible_text(f.file) << ':' << f.pos.line << ':' << f.pos.column << ":" << reset << ' '
        << (error ? red : yellow) << to_string(f.severity) << ':' << reset << ' ' << visible_text(f.message) << ' '
        << dim << '[' << f.rule << ']' << reset << '\n';
  }
}

void write_text(std::ostream& out, const CheckResult& r, const ReportOptions& o) {
  const char* red = o.color ? "\033[1;31m" : "";
  const char* yellow = o.color ? "\033[1;33m" : "";
  const char* reset = o.color ? "\033[0m" : "";
  write_text_findings(out, r.findings, o);
  std::size_t n = r.briefs.size();
  if (r.errors == 0 && r.warnings == 0) {
    out << plural(static_cast<int>(n), "brief") << " checked, no problems\n";
    return;
  }
  int briefs = 0;
  for (const auto& b : r.briefs) briefs += (b.errors + b.warnings) > 0;
  // Findings may also name files that are not briefs (a symbolic link, a
  // submodule): then the count is of files.
  int files = 0;
  for (std::size_t i = 0; i < r.findings.size(); ++i)
    files += i == 0 || r.findings[i].file != r.findings[i - 1].file;  // sorted by file
  int total = static_cast<int>(n);
  out << (r.errors ? red : yellow) << plural(r.errors, "error") << ", " << plural(r.warnings, "warning") << reset
      << " in "
      << (files == briefs ? plural(briefs, "brief") + " (" + std::to_string(n) + " checked)"
                          : plural(files, "file") + " (" + plural(total, "brief") + " checked)")
      << '\n';
}

void write_report(std::ostream& out, Format f, const CheckResult& r, const ReportOptions& o) {
  switch (f) {
    case Format::text: return write_text(out, r, o);
    case Format::json: return write_json(out, r);
    case Format::github: return write_github(out, r);
    case Format::sarif: return write_sarif(out, r);
  }
}

}  // namespace prfaq
