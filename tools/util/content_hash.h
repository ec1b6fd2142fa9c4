#pragma once
// A 128-bit content hash for change detection (incremental site builds):
// the same bytes always give the same hash, on every machine and run.
// Not cryptographic: it tells "changed" from "unchanged" for content a team
// writes, nothing more. Two 64-bit lanes with different multipliers, fed 8
// bytes at a time, so hashing a 125 MB corpus costs a few hundredths of a
// second.
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace prfaq {

class ContentHash {
 public:
  ContentHash& add(std::string_view bytes) {
    const char* p = bytes.data();
    std::size_t n = bytes.size();
    while (n >= 8) {
      mix(load(p));
      p += 8;
      n -= 8;
    }
    char last[8] = {};
    std::memcpy(last, p, n);
    mix(load(last) ^ (static_cast<std::uint64_t>(n) << 56));
    mix(bytes.size());  // "ab" + "c" differs from "a" + "bc"
    return *this;
  }
  ContentHash& add(std::uint64_t v) {
    mix(v);
    return *this;
  }
  // 32 lowercase hex digits.
  std::string hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(32, '0');
    std::uint64_t lanes[2] = {finish(a_), finish(b_)};
    for (int l = 0; l < 2; ++l)
      for (int i = 0; i < 16; ++i) out[l * 16 + i] = digits[(lanes[l] >> (60 - 4 * i)) & 15];
    return out;
  }

 private:
  // Eight bytes as a little-endian number, so that the hash is the same on
  // every machine.
  static std::uint64_t load(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
    return w;
  }
  void mix(std::uint64_t w) {
    a_ = rotl((a_ ^ w) * 0x9E3779B97F4A7C15ull, 29);
    b_ = rotl((b_ + w) * 0xC2B2AE3D27D4EB4Full, 31) ^ a_;
  }
  static std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
  static std::uint64_t finish(std::uint64_t x) {  // splitmix64's finaliser
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    return x ^ (x >> 31);
  }
  std::uint64_t a_ = 0x243F6A8885A308D3ull, b_ = 0x13198A2E03707344ull;
};

}  // namespace prfaq
