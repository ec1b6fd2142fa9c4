#include "source/git_index_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "util/error.h"

namespace prfaq {

namespace {

// Format: Documentation/gitformat-index.txt in Git. All numbers are
// big-endian; a file ends with a checksum of what precedes it.
constexpr std::size_t kHash = 20;         // SHA-1 ids
constexpr std::size_t kFixed = 62;        // times, dev, ino, mode, uid, gid, size, id, flags
constexpr std::uint16_t kExtended = 0x4000;
constexpr std::uint16_t kStageMask = 0x3000;
constexpr std::uint16_t kIntentToAdd = 0x2000;  // in the extended flags

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool has(std::size_t n) const { return left() >= n; }
  std::size_t left() const { return b_.size() - at_; }
  std::uint32_t u32() {
    auto p = reinterpret_cast<const unsigned char*>(b_.data() + at_);
    at_ += 4;
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
  }
  std::uint16_t u16() {
    auto p = reinterpret_cast<const unsigned char*>(b_.data() + at_);
    at_ += 2;
    return static_cast<std::uint16_t>(p[0] << 8 | p[1]);
  }
  const char* here() const { return b_.data() + at_; }
  void skip(std::size_t n) { at_ += n; }
  std::size_t at() const { return at_; }
  std::size_t size() const { return b_.size(); }

 private:
  std::string_view b_;
  std::size_t at_ = 0;
};

// Git's offset varint (version 4 path prefixes): 7 bits a byte, high bit set
// while more follow, each continuation adding one before the shift.
std::optional<std::uint64_t> varint(Reader& r) {
  if (!r.has(1)) return std::nullopt;
  unsigned char c = static_cast<unsigned char>(*r.here());
  r.skip(1);
  std::uint64_t v = c & 127;
  while (c & 128) {
    if (!r.has(1) || v > (UINT64_MAX >> 8)) return std::nullopt;
    c = static_cast<unsigned char>(*r.here());
    r.skip(1);
    v = ((v + 1) << 7) | (c & 127);
  }
  return v;
}

// The "TREE" extension: nodes in pre-order, each "name\0count subtrees\n"
// and, when count >= 0 (the node is valid), its tree id.
bool parse_cache_tree(std::string_view data, std::unordered_map<std::string, git_oid>& trees) {
  struct Frame {
    std::string path;
    long children_left;
  };
  std::vector<Frame> stack;
  std::size_t at = 0;
  bool top = true;
  while (at < data.size()) {
    auto nul = data.find('\0', at);
    if (nul == std::string_view::npos) return false;
    std::string_view name = data.substr(at, nul - at);
    at = nul + 1;
    auto nl = data.find('\n', at);
    if (nl == std::string_view::npos) return false;
    std::string counts(data.substr(at, nl - at));
    at = nl + 1;
    char* end = nullptr;
    long count = std::strtol(counts.c_str(), &end, 10);
    if (end == counts.c_str() || *end != ' ') return false;
    char* end2 = nullptr;
    long subtrees = std::strtol(end + 1, &end2, 10);
    if (end2 == end + 1 || *end2 != '\0' || subtrees < 0 || count < -1) return false;
    std::string path;
    if (top) {
      if (!name.empty()) return false;
      top = false;
    } else {
      while (!stack.empty() && stack.back().children_left == 0) stack.pop_back();
      if (stack.empty() || name.empty()) return false;  // more nodes than their parents said
      --stack.back().children_left;
      path = stack.back().path.empty() ? std::string(name) : stack.back().path + "/" + std::string(name);
    }
    if (count >= 0) {
      if (data.size() - at < kHash) return false;
      git_oid id;
      git_oid_fromraw(&id, reinterpret_cast<const unsigned char*>(data.data() + at));
      at += kHash;
      trees.emplace(path, id);
    }
    stack.push_back({std::move(path), subtrees});
  }
  return true;
}

// The bytes of a file, in one read where it can; nullopt when it cannot be
// read (libgit2 then says why).
std::optional<std::string> read_whole_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string bytes;
  struct stat st;
  if (::fstat(fd, &st) == 0) bytes.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (true) {
    if (done == bytes.size()) bytes.resize(bytes.size() + 65536);
    ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ::close(fd);
      if (n < 0) return std::nullopt;
      bytes.resize(done);
      return bytes;
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

std::optional<StagedIndex> parse_index_file(std::string_view bytes) {
  if (bytes.size() < 12 + kHash || bytes.substr(0, 4) != "DIRC") return std::nullopt;
  // Everything but the checksum at the end: no read below may go past it.
  Reader r(bytes.substr(0, bytes.size() - kHash));
  r.skip(4);
  std::uint32_t version = r.u32();
  if (version < 2 || version > 4) return std::nullopt;
  std::uint32_t count = r.u32();
  if (count > r.left() / kFixed) return std::nullopt;
  StagedIndex out;
  out.entries.reserve(count);
  std::string previous;  // version 4: paths share a prefix with the one before
  for (std::uint32_t i = 0; i < count; ++i) {
    std::size_t start = r.at();
    if (!r.has(kFixed)) return std::nullopt;
    r.skip(24);
    std::uint32_t mode = r.u32();
    r.skip(12);
    git_oid id;
    git_oid_fromraw(&id, reinterpret_cast<const unsigned char*>(r.here()));
    r.skip(kHash);
    std::uint16_t flags = r.u16();
    std::uint16_t extended = 0;
    if (flags & kExtended) {
      if (version < 3 || !r.has(2)) return std::nullopt;
      extended = r.u16();
    }
    std::string path;
    if (version == 4) {
      auto strip = varint(r);
      if (!strip || *strip > previous.size()) return std::nullopt;
      const char* s = r.here();
      const void* nul = std::memchr(s, '\0', r.left());
      if (!nul) return std::nullopt;
      std::size_t len = static_cast<std::size_t>(static_cast<const char*>(nul) - s);
      path.reserve(previous.size() - *strip + len);
      path.assign(previous, 0, previous.size() - *strip);
      path.append(s, len);
      r.skip(len + 1);
      previous = path;
    } else {
      const char* s = r.here();
      const void* nul = std::memchr(s, '\0', r.left());
      if (!nul) return std::nullopt;
      std::size_t len = static_cast<std::size_t>(static_cast<const char*>(nul) - s);
      path.assign(s, len);
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      std::size_t entry = (r.at() - start + len + 8) & ~std::size_t(7);
      if (r.size() - start < entry) return std::nullopt;
      r.skip(entry - (r.at() - start));
    }
    if (path.empty() || path.back() == '/') return std::nullopt;  // a sparse index's folder entry
    if ((flags & kStageMask) != 0) {
      if (out.conflicted.empty() || out.conflicted.back() != path) out.conflicted.push_back(path);
      continue;
    }
    if ((extended & kIntentToAdd) != 0) continue;
    out.entries.push_back({std::move(path), id, mode});
  }
  // Extensions: a name of four bytes and a size. One whose name starts
  // with a capital letter may be ignored; any other must be understood.
  while (r.has(8)) {
    std::string name(r.here(), 4);
    r.skip(4);
    std::uint32_t size = r.u32();
    if (!r.has(size)) return std::nullopt;
    std::string_view data(r.here(), size);
    r.skip(size);
    if (name == "TREE") {
      if (!parse_cache_tree(data, out.trees)) out.trees.clear();  // then without it
    } else if (!(name[0] >= 'A' && name[0] <= 'Z')) {
      return std::nullopt;  // "link" (a split index), "sdir" (a sparse one), or newer
    }
  }
  if (r.left() != 0) return std::nullopt;
  return out;
}

StagedIndex read_staged_index(const GitRepo& repo) {
  std::string file;
  const char* env = std::getenv("GIT_INDEX_FILE");
  if (repo.from_env() && env && *env)
    file = env;
  else
    file = (repo.git_dir() / "index").string();
  if (auto bytes = read_whole_file(file))
    if (auto parsed = parse_index_file(*bytes)) return std::move(*parsed);
  // Missing (a repository with nothing staged yet) or not ours to read:
  // libgit2 says which, or reads it.
  git_index* raw = nullptr;
  git_check(git_repository_index(&raw, repo.get()), "reading the Git index");
  GitIndex index(raw);
  StagedIndex out;
  std::size_t n = git_index_entrycount(index.get());
  out.entries.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const git_index_entry* e = git_index_get_byindex(index.get(), i);  // borrowed
    if (!e) continue;
    if (git_index_entry_stage(e) != 0) {
      if (out.conflicted.empty() || out.conflicted.back() != e->path) out.conflicted.push_back(e->path);
      continue;
    }
    if (e->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD) continue;
    out.entries.push_back({e->path, e->id, e->mode});
  }
  return out;
}

void refuse_conflicts(const StagedIndex& index) {
  if (index.conflicted.empty()) return;
  throw Fatal("the index has unresolved conflicts (" + index.conflicted.front() +
              (index.conflicted.size() > 1 ? " and " + std::to_string(index.conflicted.size() - 1) + " more" : "") +
              "): resolve them and git add, then check again");
}

}  // namespace prfaq
