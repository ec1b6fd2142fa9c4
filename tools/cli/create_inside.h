#pragma once
// Creating folders and files below the repository root (`prfaq new`,
// `prfaq init`) without following a symbolic link in any component of the
// path: a `content/` or `content/payments` that links out of the repository
// is refused, so nothing is ever written outside it.
#include <filesystem>
#include <string>
#include <string_view>

namespace prfaq {

// Where creating a file went: created, or kept because something exists
// at the path already (a file, a folder, a link).
enum class Created { created, exists };

// Makes the folders of `rel` (a '/'-separated path below `root`, without
// "." or ".." components) that are missing, then creates its last
// component as a file holding `text`; never replaces anything. Throws
// Fatal naming the path (from the root) when a folder on the way is a
// symbolic link or not a folder, or when writing fails.
Created create_file_inside(const std::filesystem::path& root, std::string_view rel, std::string_view text);

// Makes the folder `rel` below `root` and those above it that are missing;
// true when it made the last one. Throws Fatal as create_file_inside does.
bool create_folder_inside(const std::filesystem::path& root, std::string_view rel);

}  // namespace prfaq
