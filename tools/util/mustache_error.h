#pragma once
// Where a Mustache template error is. kainjow mustache ends a parse error
// with " at N", N a byte offset into the template ("Unclosed section
// \"cards\" at 18"); a user wants the line and column, as for every other
// problem prfaq reports.
#include <string>
#include <string_view>

namespace prfaq {

// `message` from kainjow for the template `text` read from `file`, as
// "FILE:LINE:COL: MESSAGE" without the " at N" (line and column 1-based, the
// column in code points, as util/line_index.h counts them); "FILE: MESSAGE"
// when the message names no offset. An offset past the end is the end.
std::string mustache_error(std::string_view file, std::string_view text, const std::string& message);

}  // namespace prfaq
