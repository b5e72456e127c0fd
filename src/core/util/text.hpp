// SPDX-License-Identifier: MIT
#pragma once
// Small text helpers shared by the renderers and error messages.
#include <concepts>
#include <optional>
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

// UTF-8 is walked one character at a time with these two; a byte that does
// not start a valid sequence is a character of its own, so text that is not
// UTF-8 still moves forward and is measured byte by byte.
//
// The length of the code point at text[at]: 1 to 4 bytes when the bytes there
// are valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF), 0
// when they are not or at is the end.
std::size_t utf8_length(std::string_view text, std::size_t at);
// Where the character after the one at text[at] starts.
std::size_t next_char(std::string_view text, std::size_t at);

// The offset of the first byte that is not valid UTF-8; npos when all are.
std::size_t find_invalid_utf8(std::string_view text);
bool valid_utf8(std::string_view text);

// The first character start at or after byte `at` (a cut that splits no character).
std::size_t char_boundary(std::string_view text, std::size_t at);

// Display width of UTF-8 text, counting each code point as one column.
std::size_t display_width(std::string_view text);

// The first `width` columns of text, cut between characters.
std::string clip(std::string_view text, std::size_t width);

// ASCII letters in lower case; other bytes as they are.
std::string lowercase(std::string_view text);

// The one sanitiser for text shown to a person (names, notes, steps, paths,
// the words of an error message): on one terminal line and unable to
// command the terminal. Control characters (C0, DEL and C1, so escape
// sequences too) and bidirectional overrides become spaces; bytes that are
// not UTF-8 become U+FFFD.
std::string printable(std::string_view text);
// Whether text holds a control character (C0, DEL or C1); with
// newlines_allowed, newline, carriage return and tab are not counted (a
// note may have lines, typed on any system).
bool has_control(std::string_view text, bool newlines_allowed = false);

// Pads (or leaves) text to a display width.
std::string pad(std::string_view text, std::size_t width);

// A field for tab-separated output: backslash, tab, newline and carriage
// return become \\, \t, \n and \r; other control bytes (C1 too) and bytes
// that are not UTF-8 become \xHH, so every record stays on one line and no
// field commands a terminal, and the bytes can be read back exactly.
std::string tsv_field(std::string_view);

// The "s" of a plural after a count other than one: "{} file{}".
template <std::integral N> constexpr std::string_view plural_suffix(N n) { return n == 1 ? "" : "s"; }

// "1 session", "3 sessions": a count and a noun whose plural takes an "s".
template <std::integral N> std::string plural(N n, std::string_view noun) {
    return std::to_string(n) + ' ' + std::string(noun) + std::string(plural_suffix(n));
}

// "1 entry", "3 entries": a count and a noun whose plural is irregular.
template <std::integral N> std::string plural(N n, std::string_view noun, std::string_view nouns) {
    return std::to_string(n) + ' ' + std::string(n == 1 ? noun : nouns);
}

// sum / n, or nullopt when there is nothing to average.
std::optional<double> average(long long sum, long long n);

}  // namespace backcare
