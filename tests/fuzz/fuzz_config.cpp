// parse_config of arbitrary text. A bad prfaq.toml is Fatal (prfaq exits 2
// with file:line:col); any other exception or a crash is a bug.
#include "config/config.h"
#include "fuzz_support.h"
#include "util/error.h"

using namespace prfaq;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    Config c = parse_config(fuzz::as_string(data, size), "prfaq.toml");
    // The parsed config is used: every rule's severity resolves at every status.
    for (const auto& r : all_rules())
      for (Status s : kLadder) (void)c.severity_for(r.id, s, c.ladder_status(r.id));
  } catch (const Fatal& e) {
    fuzz::expect(std::string_view(e.what()).starts_with("prfaq.toml:"));
  }
  return 0;
}
