// The benchmark's floor: read every .md file under a folder and parse it with
// md4c (GitHub dialect, no-op callbacks), on one thread, as prfaq's loader
// parses bodies. Prints files, bytes and seconds. Not part of prfaq.
#include <md4c.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: md4c_parse FOLDER\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  std::size_t files = 0, bytes = 0;
  MD_PARSER parser{};
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = [](MD_BLOCKTYPE, void*, void*) { return 0; };
  parser.leave_block = [](MD_BLOCKTYPE, void*, void*) { return 0; };
  parser.enter_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.text = [](MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*) { return 0; };
  for (auto& e : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (!e.is_regular_file() || e.path().extension() != ".md") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, nullptr);
    ++files;
    bytes += text.size();
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu files, %zu bytes, %.3f s\n", files, bytes, secs);
  return 0;
}
