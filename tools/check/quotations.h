#pragma once
// Counts the quotations in a block of prose, for the customer-quote rule:
// text between straight double quotes ("...") or curly ones (“...”) that
// holds at least a given number of words.
#include <string_view>
#include <vector>

#include "load/text_stats.h"

namespace prfaq {

// Quotations in `text` of at least `min_words` words (words() of the
// quoted text). `ws` are the words of `text` (TextScan::words): a straight
// quote is in no word, so the words between two are the quoted text's own
// and are counted from `ws`, not found again.
int count_quotations(std::string_view text, const std::vector<Span>& ws, int min_words);

}  // namespace prfaq
