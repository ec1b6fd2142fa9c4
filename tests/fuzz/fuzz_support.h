#pragma once
// Shared by the libFuzzer targets (tests/fuzz/*.cpp, built with PRFAQ_FUZZ):
// the unit tests' in-memory Source (tests/unit/memory_source.h) and the
// configuration that turns every rule on.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/rule_table.h"
#include "config/config.h"
#include "../unit/memory_source.h"

namespace prfaq::fuzz {

using test::MemorySource;

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
