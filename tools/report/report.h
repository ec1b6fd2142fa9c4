#pragma once
// Findings -> the formats users read: text for people (file:line:col:
// severity: message [rule]), JSON (documented in docs/reference.md), GitHub
// workflow annotations, SARIF 2.1.0 for code scanning.
#include <ostream>
#include <string_view>

#include "check/checker.h"

namespace prfaq {

enum class Format { text, json, github, sarif };
std::optional<Format> parse_format(std::string_view s);

struct ReportOptions {
  bool color = false;
};

void write_text(std::ostream& out, const CheckResult& r, const ReportOptions& o);
// The finding lines of write_text alone, without its closing summary line.
void write_text_findings(std::ostream& out, const std::vector<Finding>& findings, const ReportOptions& o);
void write_json(std::ostream& out, const CheckResult& r);
void write_github(std::ostream& out, const CheckResult& r);
void write_sarif(std::ostream& out, const CheckResult& r);
void write_report(std::ostream& out, Format f, const CheckResult& r, const ReportOptions& o);

}  // namespace prfaq
