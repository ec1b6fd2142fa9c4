#pragma once
// Shared by the libFuzzer targets (tests/fuzz/*.cpp, built with PRFAQ_FUZZ):
// an in-memory Source (the same seam the unit tests use, tests/unit/support.h,
// without Catch2) and the configuration that turns every rule on.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/rule_table.h"
#include "config/config.h"
#include "source/source.h"

namespace prfaq::fuzz {

class MemorySource final : public Source {
 public:
  explicit MemorySource(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  std::vector<std::string> list(std::string_view dir) const override {
    std::vector<std::string> out;
    std::string prefix = dir.empty() ? std::string() : std::string(dir) + "/";
    for (const auto& [path, bytes] : files_)
      if (path.starts_with(prefix)) out.push_back(path);
    return out;
  }
  std::optional<std::string> read(std::string_view path) const override {
    auto it = files_.find(std::string(path));
    if (it == files_.end()) return std::nullopt;
    return it->second;
  }
  bool exists(std::string_view path) const override {
    if (files_.count(std::string(path))) return true;
    std::string folder = std::string(path) + "/";
    auto it = files_.lower_bound(folder);
    return it != files_.end() && it->first.starts_with(folder);
  }
  std::string describe() const override { return "memory"; }

 private:
  std::map<std::string, std::string> files_;
};

// Every rule at error severity; ladder rules required from idea, so a brief
// of any status trips all of them; a small findings limit, so the cap runs
// too. Written as prfaq.toml text: the configuration a user could write.
inline Config every_rule_config() {
  std::string toml = "[review]\nrequired_roles = [\"engineering\", \"design\", \"marketing\", \"legal\"]\n"
                     "[limits]\nmax_findings_per_file = 20\n[rules]\n";
  for (const auto& r : all_rules()) {
    toml += std::string(r.id) + " = { severity = \"error\"";
    if (r.ladder && r.id != "required-field") toml += ", from = \"idea\"";
    toml += " }\n";
  }
  return parse_config(toml, "prfaq.toml");
}

inline std::string as_string(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// A broken invariant the sanitizers cannot see: crash, so libFuzzer keeps the input.
inline void expect(bool ok) {
  if (!ok) std::abort();
}

}  // namespace prfaq::fuzz
