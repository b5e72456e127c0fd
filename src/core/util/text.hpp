#pragma once
// Small text helpers shared by the renderers and error messages.
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

// The candidates closest to word by edit distance, best first; only those
// close enough to be a plausible typo.
std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t count = 3);

std::string join(const std::vector<std::string>& items, std::string_view separator);

// "a, b or c"
std::string join_or(const std::vector<std::string>& items);

// Splits "a,b, c" into trimmed, non-empty parts.
std::vector<std::string> split_list(std::string_view text, char separator = ',');

// Greedy word wrap; a word longer than width stands on its own line.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// Display width of UTF-8 text, counting each code point as one column.
std::size_t display_width(std::string_view text);

// ASCII letters in lower case; other bytes as they are.
std::string lowercase(std::string_view text);

// Free text (a note) made safe to print on one terminal line: control
// characters, escape sequences included, become spaces.
std::string printable(std::string_view text);

// Pads (or leaves) text to a display width.
std::string pad(std::string_view text, std::size_t width);

}  // namespace backcare

namespace backcare {
// A field for tab-separated output: backslash, tab, newline and carriage
// return become \\, \t, \n and \r, so every record stays on one line.
std::string tsv_field(std::string_view);
}  // namespace backcare
