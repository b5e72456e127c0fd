// SPDX-License-Identifier: MIT
#pragma once
// Typed errors. Each carries the exit status documented in backcare(1);
// main() catches them once and prints "backcare: error: <message>".
#include <stdexcept>
#include <string>
#include <vector>

namespace backcare {

enum class Exit : int {
    ok = 0,
    failure = 1,      // a "no": nothing fits, lint found problems, not due
    usage = 2,        // bad option, value or environment
    data = 65,        // a file's content is invalid (catalogue, config, input)
    internal = 70,    // a bug: please report
    io = 74,          // a file could not be read or written
    busy = 75,        // the log is locked by another writer; try again later
    interrupted = 130,
};

class Error : public std::runtime_error {
public:
    Error(Exit code, const std::string& message, std::vector<std::string> detail = {})
        : std::runtime_error(message), code_(code), detail_(std::move(detail)) {}
    Exit code() const noexcept { return code_; }
    // Extra lines shown after the message, e.g. the offending source line and a caret.
    const std::vector<std::string>& detail() const noexcept { return detail_; }

private:
    Exit code_;
    std::vector<std::string> detail_;
};

struct UsageError : Error {
    explicit UsageError(const std::string& m) : Error(Exit::usage, m) {}
};
struct DataError : Error {
    explicit DataError(const std::string& m, std::vector<std::string> detail = {})
        : Error(Exit::data, m, std::move(detail)) {}
};
struct IoError : Error {
    explicit IoError(const std::string& m) : Error(Exit::io, m) {}
};
// Another process holds the log past the busy timeout; nothing was stored.
struct Busy : Error {
    explicit Busy(const std::string& m) : Error(Exit::busy, m) {}
};
// The request was valid but has no answer, e.g. no routine fits the constraints.
struct NoResult : Error {
    explicit NoResult(const std::string& m) : Error(Exit::failure, m) {}
};

}  // namespace backcare
