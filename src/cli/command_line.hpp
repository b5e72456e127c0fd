// SPDX-License-Identifier: MIT
// What is wrong with a command line, said the way backcare says it: words
// CLI11 would misreport, found before it parses, and its own messages
// reworded where they are unclear.
#pragma once
#include <optional>
#include <string>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace backcare::cli {

// An unknown command or option (naming the nearest known one), or a command
// that needs a command and has none; nullopt when the words are for CLI11 to
// judge. CLI11 reports all of these as "A subcommand is required".
std::optional<std::string> unknown_word(const CLI::App&, int argc, const char* const* argv);

// CLI11's message for the error, reworded where its wording is recognised
// (tests/unit/test_command_line.cpp pins the wording this expects).
std::string reword(const CLI::ParseError&);

}  // namespace backcare::cli
