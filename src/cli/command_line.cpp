// SPDX-License-Identifier: MIT
// What is wrong with a command line, said the way backcare says it.
#include "command_line.hpp"

#include <cctype>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "text.hpp"

namespace backcare::cli {
namespace {

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
    return names;
}

// The words of a command line "backcare catalogue frob" as a person says them.
std::string command_path(const CLI::App& app) {
    return app.get_parent() ? command_path(*app.get_parent()) + " " + app.get_name() : std::string("backcare");
}

const CLI::Option* find_option(const CLI::App& current, const std::string& name) {
    for (const CLI::App* a = &current; a; a = a->get_parent())
        if (const auto* o = a->get_option_no_throw(name)) return o;
    return nullptr;
}

// An option unknown to the command (and to those above it), naming the nearest long one.
std::string unknown_option(const CLI::App& current, const std::string& name, bool is_long) {
    std::vector<std::string> known;
    for (const CLI::App* a = &current; a; a = a->get_parent())
        for (const auto* o : a->get_options())
            for (const auto& l : o->get_lnames()) known.push_back("--" + l);
    const auto near = is_long ? nearest(name, known, 1) : std::vector<std::string>{};
    if (!near.empty())
        return fmt::format("unknown option '{}' for '{}'; did you mean '{}'?", name, command_path(current), near.front());
    return fmt::format("unknown option '{}' for '{}'; see '{} --help'", name, command_path(current), command_path(current));
}

std::string unknown_command(const CLI::App& app, const CLI::App& current, const std::string& word) {
    const auto names = command_names(current);
    const auto near = nearest(word, names, 1);
    const std::string where = &current == &app ? "" : fmt::format(" for '{}'", command_path(current));
    return fmt::format("unknown command '{}'{}; {}", word, where,
                       near.empty() ? fmt::format("expected {}", join_or(names)) : fmt::format("did you mean '{}'?", near.front()));
}

// After the words: a command that needs a command and has none.
std::optional<std::string> missing_command(const CLI::App& app, const CLI::App& current) {
    if (&current == &app) return "no command given; see 'backcare --help'";
    if (!command_names(current).empty())
        return fmt::format("'{}' needs a command: {}", command_path(current), join_or(command_names(current)));
    return std::nullopt;
}

}  // namespace

std::optional<std::string> unknown_word(const CLI::App& app, int argc, const char* const* argv) {
    const CLI::App* current = &app;
    bool asks_help = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") return std::nullopt;
        if (arg == "-h" || arg == "--help" || arg == "-V" || arg == "--version") asks_help = true;
        if (arg.size() > 1 && arg[0] == '-') {
            const bool is_long = arg.rfind("--", 0) == 0;
            const auto eq = arg.find('=');
            const std::string name = is_long ? arg.substr(0, eq) : arg.substr(0, 2);
            const auto* option = find_option(*current, name);
            if (!option) {
                // A short "option" that is a digit is a negative number, for CLI11 to place.
                if (is_long || !std::isdigit(static_cast<unsigned char>(arg[1]))) return unknown_option(*current, name, is_long);
                return std::nullopt;
            }
            const bool value_attached = is_long ? eq != std::string::npos : arg.size() > 2;
            if (option->get_expected_min() > 0 && !value_attached) ++i;
            continue;
        }
        if (command_names(*current).empty()) continue;  // an argument of the command
        const auto match = current->get_subcommands([&](const CLI::App* s) { return s->check_name(arg); });
        if (match.empty()) return unknown_command(app, *current, arg);
        current = match.front();
    }
    if (asks_help) return std::nullopt;
    return missing_command(app, *current);
}

std::string reword(const CLI::ParseError& e) {
    std::string what = e.what();
    // "--format: jsn not in {text,json}" (CLI::IsMember): in the words of every other message.
    if (dynamic_cast<const CLI::ValidationError*>(&e)) {
        const auto colon = what.find(": "), not_in = what.find(" not in {");
        if (colon != std::string::npos && not_in != std::string::npos && not_in > colon && what.back() == '}') {
            const std::string name = what.substr(0, colon);
            const std::string value = what.substr(colon + 2, not_in - colon - 2);
            const auto allowed = split_list(std::string_view(what).substr(not_in + 9, what.size() - not_in - 10));
            return fmt::format("{} must be {}, not '{}'", name, join_or(allowed), value);
        }
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
        const std::string name = what.substr(0, what.find(':'));
        if (what.find("missing") != std::string::npos) return fmt::format("{} needs a value", name);
        if (what.find("At Most") != std::string::npos) return fmt::format("{} is given more than once", name);
    }
    if (dynamic_cast<const CLI::RequiredError*>(&e)) {
        const auto end = what.find(" is required");
        if (end != std::string::npos && end > 0 && what[0] != '-') {
            std::string name = what.substr(0, end);
            for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return fmt::format("missing {} (see --help)", name);
        }
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
        const auto colon = what.find(": ");
        if (colon != std::string::npos) return fmt::format("unexpected argument '{}'", what.substr(colon + 2));
    }
    return what;
}

}  // namespace backcare::cli
