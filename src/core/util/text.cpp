// SPDX-License-Identifier: MIT
#include "text.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace backcare {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t count) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(word, c);
        // A candidate that contains the word ("squeeze" in "shoulder-blade-squeeze") is close too.
        if (word.size() >= 3 && c.find(word) != std::string::npos) d = std::min<std::size_t>(d, 1);
        const std::size_t limit = std::max<std::size_t>(2, std::max(word.size(), c.size()) / 3);
        if (d <= limit) scored.emplace_back(d, c);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && i < count; ++i) out.push_back(scored[i].second);
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

std::string join_or(const std::vector<std::string>& items) {
    if (items.size() <= 1) return join(items, "");
    std::vector<std::string> head(items.begin(), items.end() - 1);
    return join(head, ", ") + " or " + items.back();
}

std::vector<std::string> split_list(std::string_view text, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(separator, start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view part = text.substr(start, end - start);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        if (!part.empty()) out.emplace_back(part);
        start = end + 1;
    }
    return out;
}

std::size_t utf8_length(std::string_view text, std::size_t at) {
    if (at >= text.size()) return 0;
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = b(at);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    // The second byte's range is narrower after some lead bytes: that is
    // what rules out overlong forms, surrogates and values past U+10FFFF.
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) n = 3, lo = 0xA0;
    else if (c == 0xED) n = 3, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) n = 3;
    else if (c == 0xF0) n = 4, lo = 0x90;
    else if (c == 0xF4) n = 4, hi = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else return 0;
    if (at + n > text.size()) return 0;
    if (b(at + 1) < lo || b(at + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(at + k) < 0x80 || b(at + k) > 0xBF) return 0;
    return n;
}

std::size_t next_char(std::string_view text, std::size_t at) { return at + std::max<std::size_t>(utf8_length(text, at), 1); }

std::size_t find_invalid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_length(text, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

bool valid_utf8(std::string_view text) { return find_invalid_utf8(text) == std::string_view::npos; }

std::size_t char_boundary(std::string_view text, std::size_t at) {
    std::size_t i = 0;
    while (i < at && i < text.size()) i = next_char(text, i);
    return i;
}

std::size_t display_width(std::string_view text) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size(); i = next_char(text, i)) ++columns;
    return columns;
}

std::string clip(std::string_view text, std::size_t width) {
    std::size_t end = 0;
    for (std::size_t columns = 0; end < text.size() && columns < width; ++columns) end = next_char(text, end);
    return std::string(text.substr(0, end));
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_length(text, i);
        if (n == 0) {  // not UTF-8: a byte a terminal could read as a control (0x9b is CSI)
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
        const bool c0 = n == 1 && (byte(0) < 0x20 || byte(0) == 0x7f);
        const bool c1 = n == 2 && byte(0) == 0xc2 && byte(1) < 0xa0;
        // Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) reorder what follows them.
        const bool bidi = n == 3 && byte(0) == 0xe2 &&
                          ((byte(1) == 0x80 && byte(2) >= 0xaa && byte(2) <= 0xae) || (byte(1) == 0x81 && byte(2) >= 0xa6 && byte(2) <= 0xa9));
        if (c0 || c1 || bidi)
            out += ' ';
        else
            out.append(text.substr(i, n));
        i += n;
    }
    return out;
}

bool has_control(std::string_view text, bool newlines_allowed) {
    for (std::size_t i = 0; i < text.size(); i = next_char(text, i)) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (newlines_allowed && (c == '\n' || c == '\r' || c == '\t')) continue;
        if (c < 0x20 || c == 0x7f) return true;
        if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xa0 &&
            static_cast<unsigned char>(text[i + 1]) >= 0x80)
            return true;
    }
    return false;
}

std::string pad(std::string_view text, std::size_t width) {
    std::string out(text);
    const std::size_t w = display_width(text);
    if (w < width) out.append(width - w, ' ');
    return out;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    width = std::max<std::size_t>(width, 10);
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
            lines.push_back(std::move(line));
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += word;
    }
    if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
    return lines;
}

std::string tsv_field(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    const auto hex = [&](unsigned char c) { out += fmt::format("\\x{:02x}", c); };
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_length(s, i);
        const auto c = static_cast<unsigned char>(s[i]);
        if (n == 0) {  // not UTF-8: the byte, escaped
            hex(c);
            ++i;
            continue;
        }
        if (n == 2 && c == 0xc2 && static_cast<unsigned char>(s[i + 1]) < 0xa0) {  // a C1 control
            hex(c);
            hex(static_cast<unsigned char>(s[i + 1]));
        } else if (n > 1) {
            out.append(s.substr(i, n));
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7f) {
            hex(c);
        } else {
            out += static_cast<char>(c);
        }
        i += n;
    }
    return out;
}

std::optional<double> average(long long sum, long long n) {
    if (n == 0) return std::nullopt;
    return static_cast<double>(sum) / static_cast<double>(n);
}

}  // namespace backcare
