#include <cctype>
#include <map>

#include "check/rule_table.h"
#include "report/report.h"
#include "util/json.h"

namespace prfaq {

namespace {

// Percent-encodes a repository-relative path for a SARIF artifact URI.
std::string uri_of(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') out += ch;
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

// SARIF 2.1.0: one run, the tool's rules in tool.driver.rules, one result per
// finding. Columns count Unicode code points, as the text report's do.
void write_sarif(std::ostream& out, const CheckResult& r) {
  std::map<std::string_view, std::size_t> index;
  auto rules = all_rules();
  out << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
         "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n          \"name\": \"prfaq\",\n"
         "          \"version\": \"" PRFAQ_VERSION "\",\n"
         "          \"rules\": [";
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& rule = rules[i];
    index[rule.id] = i;
    out << (i ? "," : "") << "\n            {\"id\": " << json_string(rule.id)
        << ", \"shortDescription\": {\"text\": " << json_string(rule.description) << "}"
        << ", \"defaultConfiguration\": {\"level\": " << json_string(rule.severity == Severity::error ? "error" : "warning")
        << "}}";
  }
  out << "\n          ]\n        }\n      },\n      \"columnKind\": \"unicodeCodePoints\",\n"
         // SARIF 2.1.0 3.14.14: a base's uri with no uriBaseId of its own must be
         // absolute; the repository root is known only where the log is read.
         "      \"originalUriBaseIds\": {\"SRCROOT\": {\"description\": {\"text\": \"The repository root.\"}}},\n"
         "      \"results\": [";
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const auto& f = r.findings[i];
    out << (i ? "," : "") << "\n        {\"ruleId\": " << json_string(f.rule);
    if (auto it = index.find(f.rule); it != index.end()) out << ", \"ruleIndex\": " << it->second;
    out << ", \"level\": " << json_string(f.severity == Severity::error ? "error" : "warning")
        << ", \"message\": {\"text\": " << json_string(f.message) << "}"
        << ", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": " << json_string(uri_of(f.file))
        << ", \"uriBaseId\": \"SRCROOT\"}, \"region\": {\"startLine\": " << f.pos.line
        << ", \"startColumn\": " << f.pos.column << "}}}]}";
  }
  out << (r.findings.empty() ? "]" : "\n      ]") << "\n    }\n  ]\n}\n";
}

}  // namespace prfaq
