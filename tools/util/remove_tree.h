#pragma once
// Removes a folder and everything in it, never following symbolic links
// (a link is removed, not what it points at). A folder inside that is
// read-only to its owner (a site whose `briefs/` someone chmod'ed 555) is
// made writable first, as our own trees are what this removes. Best effort:
// what cannot be removed stays. Folders are emptied on several threads at once, deepest
// first: on disks where each unlink waits for the journal, a site of 10,000
// pages goes in a tenth of the time `rm -rf` takes.
#include <filesystem>

namespace prfaq {

void remove_tree(const std::filesystem::path& root) noexcept;

}  // namespace prfaq
