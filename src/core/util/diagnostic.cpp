// SPDX-License-Identifier: MIT
#include "diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "text.hpp"

namespace backcare {

// Both are for a person, and quote what a file holds: through the one sanitiser.
std::string Diagnostic::headline() const {
    if (where.line <= 0) return printable(fmt::format("{}: {}", where.file, message));
    if (where.column <= 0) return printable(fmt::format("{}:{}: {}", where.file, where.line, message));
    return printable(fmt::format("{}:{}:{}: {}", where.file, where.line, where.column, message));
}

std::vector<std::string> Diagnostic::snippet() const {
    if (where.line <= 0 || where.line_text.empty()) return {};
    const std::string number = std::to_string(where.line);
    std::string text = where.line_text;
    // Tabs would shift the caret; show them as single spaces.
    std::replace(text.begin(), text.end(), '\t', ' ');
    std::size_t col = static_cast<std::size_t>(std::max(where.column, 1)) - 1;
    // A very long line is shown as a window around the spot.
    constexpr std::size_t window = 100, lead = 40;
    if (text.size() > window) {
        const std::size_t first = char_boundary(text, col > lead ? col - lead : 0);
        const std::size_t last = char_boundary(text, std::min(text.size(), first + window));
        const bool cut_front = first > 0, cut_back = last < text.size();
        text = (cut_front ? "..." : "") + text.substr(first, last - first) + (cut_back ? "..." : "");
        col = col - first + (cut_front ? 3 : 0);
    }
    const std::size_t width = static_cast<std::size_t>(std::clamp(where.width, 1, 80));
    return {
        fmt::format(" {} | {}", number, printable(text)),
        fmt::format(" {} | {}^{}", std::string(number.size(), ' '), std::string(std::min(col, text.size()), ' '),
                    std::string(width - 1, '~')),
    };
}

}  // namespace backcare
