#pragma once
// Percent-decoding of a link target as Markdown authors write it
// ("my%20shot.png" -> "my shot.png"): each %XX becomes its byte, once
// ("%252e" gives "%2e"); a '%' not followed by two hex digits stays as it is.
#include <string>
#include <string_view>

namespace prfaq {

std::string percent_decoded(std::string_view s);

}  // namespace prfaq
