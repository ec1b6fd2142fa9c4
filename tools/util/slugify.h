#pragma once
// A slug from a title: lower case ASCII letters and digits joined by '-',
// accents folded (é -> e, Ł -> l, œ -> oe; Latin-1 and Latin Extended-A), at most 64 characters, cut at a word boundary.
// Empty when the title has no letter or digit that folds to ASCII.
#include <string>
#include <string_view>

namespace prfaq {

std::string slugify(std::string_view title);

}  // namespace prfaq
