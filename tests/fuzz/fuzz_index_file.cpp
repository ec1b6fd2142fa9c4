// parse_index_file of arbitrary bytes: the index of a repository a hook runs
// in may be anything. The reader either reads it or refuses it (nullopt,
// and libgit2 reads it instead); a crash, a hang or a read out of bounds is
// a bug. What it reads is sorted and holds no folder entry.
#include "fuzz_support.h"
#include "source/git_index_file.h"

using namespace prfaq;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto index = parse_index_file(fuzz::as_string(data, size));
  if (!index) return 0;
  for (const auto& e : index->entries) fuzz::expect(!e.path.empty() && e.path.back() != '/');
  return 0;
}
