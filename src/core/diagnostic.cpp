#include "diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace backcare {

std::string Diagnostic::headline() const {
    if (where.line <= 0) return fmt::format("{}: {}", where.file, message);
    if (where.column <= 0) return fmt::format("{}:{}: {}", where.file, where.line, message);
    return fmt::format("{}:{}:{}: {}", where.file, where.line, where.column, message);
}

std::vector<std::string> Diagnostic::snippet() const {
    if (where.line <= 0 || where.line_text.empty()) return {};
    const std::string number = std::to_string(where.line);
    std::string text = where.line_text;
    // Tabs would shift the caret; show them as single spaces.
    std::replace(text.begin(), text.end(), '\t', ' ');
    const std::size_t col = static_cast<std::size_t>(std::max(where.column, 1)) - 1;
    const std::size_t width = static_cast<std::size_t>(std::clamp(where.width, 1, 80));
    return {
        fmt::format(" {} | {}", number, text),
        fmt::format(" {} | {}^{}", std::string(number.size(), ' '), std::string(std::min(col, text.size()), ' '),
                    std::string(width - 1, '~')),
    };
}

}  // namespace backcare
