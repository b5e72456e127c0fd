// SPDX-License-Identifier: MIT
#pragma once
// How text output looks on this stream: colour, Unicode symbols, width.
#include <string>
#include <string_view>

namespace backcare {

struct Style {
    bool color = false;
    bool unicode = false;
    std::size_t width = 80;

    std::string bold(std::string_view s) const { return wrap("1", s); }
    std::string dim(std::string_view s) const { return wrap("2", s); }
    std::string green(std::string_view s) const { return wrap("32", s); }
    std::string yellow(std::string_view s) const { return wrap("33", s); }
    std::string red(std::string_view s) const { return wrap("31", s); }
    std::string_view dot() const { return unicode ? " · " : " - "; }

private:
    std::string wrap(std::string_view code, std::string_view s) const {
        if (!color) return std::string(s);
        return "\033[" + std::string(code) + "m" + std::string(s) + "\033[0m";
    }
};

}  // namespace backcare
