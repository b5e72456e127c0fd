// SPDX-License-Identifier: MIT
#pragma once
// A problem found in a file, reported as "file:line:column: message" and,
// where the source line is known, that line with a caret under the spot.
#include <string>
#include <vector>

namespace backcare {

struct SourcePos {
    SourcePos() = default;
    explicit SourcePos(std::string f, int l = 0, int c = 0) : file(std::move(f)), line(l), column(c) {}

    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based; 0 when unknown
    std::string line_text;
    int width = 1;   // how many characters to underline
};

struct Diagnostic {
    SourcePos where;
    std::string message;

    // "file:line:column: message"
    std::string headline() const;
    // The source line and a caret line under the spot; empty when unknown.
    std::vector<std::string> snippet() const;
};

}  // namespace backcare
