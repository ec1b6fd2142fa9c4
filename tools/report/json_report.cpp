#include "report/report.h"
#include "util/json.h"

namespace prfaq {

// Schema (version 1), documented in docs/reference.md:
// { "version": 1,
//   "summary": { "briefs": N, "errors": N, "warnings": N },
//   "findings": [ { "file", "line", "column", "severity", "rule", "message" } ],
//   "briefs": [ { "path", "slug", "status", "readiness", "errors", "warnings" } ] }
void write_json(std::ostream& out, const CheckResult& r) {
  out << "{\n  \"version\": 1,\n  \"summary\": {\"briefs\": " << r.briefs.size() << ", \"errors\": " << r.errors
      << ", \"warnings\": " << r.warnings << "},\n  \"findings\": [";
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const auto& f = r.findings[i];
    out << (i ? ",\n    " : "\n    ") << "{\"file\": " << json_string(f.file) << ", \"line\": " << f.pos.line
        << ", \"column\": " << f.pos.column << ", \"severity\": " << json_string(to_string(f.severity))
        << ", \"rule\": " << json_string(f.rule) << ", \"message\": " << json_string(f.message) << "}";
  }
  out << (r.findings.empty() ? "]" : "\n  ]") << ",\n  \"briefs\": [";
  for (std::size_t i = 0; i < r.briefs.size(); ++i) {
    const auto& b = r.briefs[i];
    out << (i ? ",\n    " : "\n    ") << "{\"path\": " << json_string(b.path) << ", \"slug\": " << json_string(b.slug)
        << ", \"status\": " << json_string(b.status) << ", \"readiness\": "
        << (b.readiness ? json_string(to_string(*b.readiness)) : "null") << ", \"errors\": " << b.errors
        << ", \"warnings\": " << b.warnings << "}";
  }
  out << (r.briefs.empty() ? "]" : "\n  ]") << "\n}\n";
}

}  // namespace prfaq
