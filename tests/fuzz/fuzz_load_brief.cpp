// load_brief of arbitrary bytes: front matter split, TOML, schema, Markdown
// sections. Loading never throws for anything a file holds (load/loader.h),
// and every finding has a position inside the file.
#include "fuzz_support.h"
#include "load/loader.h"

using namespace prfaq;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Config config = default_config();
  std::string bytes = fuzz::as_string(data, size);
  Brief b = load_brief("content/x.md", bytes, config);
  int lines = 1;
  for (char c : bytes) lines += c == '\n';
  for (const auto& f : b.findings) fuzz::expect(f.pos.line >= 1 && f.pos.line <= lines && f.pos.column >= 1);
  for (const auto& s : b.body.sections)
    fuzz::expect(s.begin <= s.end && s.end <= b.body.blocks.size());
  return 0;
}
