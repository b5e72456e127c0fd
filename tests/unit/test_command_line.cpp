// SPDX-License-Identifier: MIT
// The command line's errors in backcare's words (command_line.hpp). reword()
// recognises CLI11's English messages; these tests produce each message it
// matches from CLI11 itself, so a CLI11 that words them differently fails
// here rather than silently showing its own text to people.
#include <catch2/catch.hpp>

#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app.hpp"
#include "command_line.hpp"
#include "unit_helpers.hpp"

using namespace backcare;

namespace {

struct Caught {
    std::string kind;  // the class of the error, of those reword() tells apart
    std::string raw;   // its what()
    std::string reworded;
};

std::string kind_of(const CLI::ParseError& e) {
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return "ArgumentMismatch";
    if (dynamic_cast<const CLI::RequiredError*>(&e)) return "RequiredError";
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) return "ExtrasError";
    return "another ParseError";
}

Caught parse_error(CLI::App& app, const std::vector<std::string>& words) {
    std::vector<const char*> argv{"backcare"};
    for (const auto& w : words) argv.push_back(w.c_str());
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
        return {kind_of(e), e.what(), cli::reword(e)};
    }
    return {"<no error>", "", ""};
}

bool matches(const std::string& text, const std::string& pattern) { return std::regex_search(text, std::regex(pattern)); }

// The whole program on a command line; what it printed on standard error, and its status.
std::pair<int, std::string> run_program(const std::vector<std::string>& words) {
    const backcare::test::TempDir home;
    const Environment env = [&](const std::string& name) -> std::optional<std::string> {
        if (name == "HOME") return home.path().string();
        return std::nullopt;
    };
    std::vector<const char*> argv{"backcare"};
    for (const auto& w : words) argv.push_back(w.c_str());
    std::istringstream in;
    std::ostringstream out, err;
    const int status = cli::run(static_cast<int>(argv.size()), argv.data(), env, in, out, err);
    return {status, err.str()};
}

}  // namespace

TEST_CASE("CLI11: an option without its value", "[command-line]") {
    CLI::App app;
    std::optional<std::string> at;
    app.add_option("--at", at)->type_name("WHEN");
    const Caught c = parse_error(app, {"--at"});
    CHECK(c.kind == "ArgumentMismatch");
    CHECK(matches(c.raw, "^--at: .*missing"));
    CHECK(c.reworded == "--at needs a value");
    CHECK(run_program({"log", "--at"}) == std::pair<int, std::string>{2, "backcare: error: --at needs a value\n"});
}

TEST_CASE("CLI11: an option given twice", "[command-line]") {
    CLI::App app;
    std::optional<std::string> at;
    app.add_option("--at", at)->type_name("WHEN");
    const Caught c = parse_error(app, {"--at", "18:00", "--at", "19:00"});
    CHECK(c.kind == "ArgumentMismatch");
    CHECK(matches(c.raw, "^--at: .*At Most"));
    CHECK(c.reworded == "--at is given more than once");
    CHECK(run_program({"log", "--at", "18:00", "--at", "19:00"}) ==
          std::pair<int, std::string>{2, "backcare: error: --at is given more than once\n"});
}

TEST_CASE("CLI11: a required argument missing", "[command-line]") {
    CLI::App app;
    std::string id;
    app.add_option("id", id)->required()->type_name("ID");
    const Caught c = parse_error(app, {});
    CHECK(c.kind == "RequiredError");
    CHECK(matches(c.raw, "^id is required"));
    CHECK(c.reworded == "missing ID (see --help)");
    CHECK(run_program({"delete"}) == std::pair<int, std::string>{2, "backcare: error: missing ID (see --help)\n"});
}

TEST_CASE("CLI11: a required option missing keeps CLI11's words", "[command-line]") {
    CLI::App app;
    std::string file;
    app.add_option("--file", file)->required();
    const Caught c = parse_error(app, {});
    CHECK(c.kind == "RequiredError");
    CHECK(matches(c.raw, "^--file is required"));
    CHECK(c.reworded == c.raw);
}

TEST_CASE("CLI11: an argument no command takes", "[command-line]") {
    CLI::App app;
    const Caught c = parse_error(app, {"extra"});
    CHECK(c.kind == "ExtrasError");
    CHECK(matches(c.raw, ": extra$"));
    CHECK(c.reworded == "unexpected argument 'extra'");
    CHECK(run_program({"plan", "extra"}) == std::pair<int, std::string>{2, "backcare: error: unexpected argument 'extra'\n"});
}

TEST_CASE("command line: unknown words are named before CLI11 parses", "[command-line]") {
    CHECK(run_program({"plam"}).second == "backcare: error: unknown command 'plam'; did you mean 'plan'?\n");
    CHECK(run_program({"plan", "--minuets", "5"}).second ==
          "backcare: error: unknown option '--minuets' for 'backcare plan'; did you mean '--minutes'?\n");
    CHECK(run_program({}) == std::pair<int, std::string>{0, ""});  // no command: the help, on stdout
    CHECK(run_program({"catalogue"}).second == "backcare: error: 'backcare catalogue' needs a command: list, show or lint\n");
}
