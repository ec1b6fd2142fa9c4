#pragma once
// Text that a person reads on a terminal: a file name, a brief's value, a
// finding's message quoting either, as the text report, the GitHub
// annotations and `prfaq list` print them. A control character would act
// on the terminal rather than show (ESC starts an escape sequence that can
// recolour or clear the screen, a line feed breaks the report's lines), so
// each shows as an escape instead, the way the text report has always shown
// a line break in a quoted value:
//   \n, \r and \t for line feed, carriage return and tab;
//   \xHH, the code point in two lower-case hex digits, for every other C0
//   control (U+0000 to U+001F), DEL (U+007F) and the C1 controls (U+0080 to
//   U+009F): ESC is \x1b, NEL \x85.
// A byte that is not UTF-8 shows as U+FFFD, as in the JSON report. Nothing
// else changes (a backslash stays one backslash): the result is for
// reading, not for parsing back.
#include <string>
#include <string_view>

namespace prfaq {

std::string visible_text(std::string_view text);

// Whether `text` holds a control character: one that visible_text escapes
// (C0, DEL or C1; a byte that is not UTF-8 is none).
bool has_control_character(std::string_view text);

}  // namespace prfaq
