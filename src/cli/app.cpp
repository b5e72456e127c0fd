#include "app.hpp"
#include "complete.hpp"

#include <cerrno>
#include <clocale>
#include <cstring>
#include <iostream>
#include <langinfo.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "builtin_catalogue.hpp"
#include "commands.hpp"
#include "errors.hpp"
#include "text.hpp"

#ifndef BACKCARE_VERSION
#define BACKCARE_VERSION "0.0.0"
#endif

namespace backcare::cli {
namespace {

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

Style make_style(const GlobalOptions& g, const Environment& env) {
    Style st;
    const bool tty = stdout_is_terminal();
    const auto term = env("TERM");
    const bool no_color = env("NO_COLOR").value_or("") != "";
    if (g.color == "always")
        st.color = true;
    else if (g.color == "auto")
        st.color = tty && !no_color && term.value_or("") != "dumb";
    const char* codeset = nl_langinfo(CODESET);
    st.unicode = codeset && std::string_view(codeset) == "UTF-8";
    st.width = 80;
    winsize ws{};
    if (tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        st.width = ws.ws_col;
    } else if (auto columns = env("COLUMNS")) {
        try {
            const long c = std::stol(*columns);
            if (c >= 20 && c <= 1000) st.width = static_cast<std::size_t>(c);
        } catch (const std::exception&) {
        }
    }
    return st;
}

Instant now_from(const Environment& env) {
    // BACKCARE_NOW pins the clock for tests; documented as such.
    if (auto pinned = env("BACKCARE_NOW"); pinned && !pinned->empty()) {
        if (auto t = parse_iso_instant(*pinned)) return *t;
        throw UsageError(fmt::format("BACKCARE_NOW must look like 2026-11-23T18:30:00, not '{}'", *pinned));
    }
    return std::chrono::system_clock::now();
}

void print_error(std::ostream& err, const std::string& message, const std::vector<std::string>& detail = {}) {
    err << "backcare: error: " << message << '\n';
    for (const auto& line : detail) err << line << '\n';
}

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
    return names;
}

// The words of a command line "backcare catalogue frob" as a person says them.
std::string command_path(const CLI::App& app) {
    return app.get_parent() ? command_path(*app.get_parent()) + " " + app.get_name() : std::string("backcare");
}

// CLI11 reports an unknown command, or an unknown option before a command,
// as "A subcommand is required". Walking the words first finds what was
// meant and names it.
std::optional<std::string> unknown_word(const CLI::App& app, int argc, const char* const* argv) {
    const CLI::App* current = &app;
    auto find_option = [&](const std::string& name) -> const CLI::Option* {
        for (const CLI::App* a = current; a; a = a->get_parent())
            if (const auto* o = a->get_option_no_throw(name)) return o;
        return nullptr;
    };
    bool asks_help = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") return std::nullopt;
        if (arg == "-h" || arg == "--help" || arg == "-V" || arg == "--version") asks_help = true;
        if (arg.size() > 1 && arg[0] == '-') {
            const bool is_long = arg.rfind("--", 0) == 0;
            const auto eq = arg.find('=');
            const std::string name = is_long ? arg.substr(0, eq) : arg.substr(0, 2);
            const auto* option = find_option(name);
            if (!option) {
                if (is_long || !std::isdigit(static_cast<unsigned char>(arg[1]))) {
                    std::vector<std::string> known;
                    for (const CLI::App* a = current; a; a = a->get_parent())
                        for (const auto* o : a->get_options())
                            for (const auto& l : o->get_lnames()) known.push_back("--" + l);
                    const auto near = is_long ? nearest(name, known, 1) : std::vector<std::string>{};
                    if (!near.empty())
                        return fmt::format("unknown option '{}' for '{}'; did you mean '{}'?", name,
                                           command_path(*current), near.front());
                    return fmt::format("unknown option '{}' for '{}'; see '{} --help'", name, command_path(*current),
                                       command_path(*current));
                }
                return std::nullopt;
            }
            const bool value_attached = is_long ? eq != std::string::npos : arg.size() > 2;
            if (option->get_expected_min() > 0 && !value_attached) ++i;
            continue;
        }
        const auto names = command_names(*current);
        if (names.empty()) continue;  // an argument of the command
        const auto match = current->get_subcommands([&](const CLI::App* s) { return s->check_name(arg); });
        if (match.empty()) {
            const auto near = nearest(arg, names, 1);
            const std::string where = current == &app ? "" : fmt::format(" for '{}'", command_path(*current));
            return fmt::format("unknown command '{}'{}; {}", arg, where,
                               near.empty() ? fmt::format("expected {}", join_or(names))
                                            : fmt::format("did you mean '{}'?", near.front()));
        }
        current = match.front();
    }
    if (asks_help) return std::nullopt;
    if (current == &app) return "no command given; see 'backcare --help'";
    if (!command_names(*current).empty())
        return fmt::format("'{}' needs a command: {}", command_path(*current), join_or(command_names(*current)));
    return std::nullopt;
}

// CLI11's own wording, where it is unclear, in ours.
std::string describe(const CLI::ParseError& e) {
    const std::string what = e.what();
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

}  // namespace

int run(int argc, const char* const* argv, const Environment& env, std::istream& in, std::ostream& out,
        std::ostream& err) {
    std::setlocale(LC_CTYPE, "");
    CLI::App app{"backcare: short routines for upper-back care, and a log of the sessions you do", "backcare"};
    app.set_version_flag("-V,--version", "backcare " BACKCARE_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    GlobalOptions g;
    app.add_option("--db", g.db, "The log's SQLite file (default: $XDG_DATA_HOME/backcare/backcare.db)")->type_name("PATH");
    app.add_option("--config", g.config, "Config file (default: $XDG_CONFIG_HOME/backcare/config.toml)")->type_name("PATH");
    app.add_option("--color", g.color, "Colour: auto (terminals only, not with NO_COLOR), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.add_flag("-q,--quiet", g.quiet, "Print only what was asked for: no notes or hints");
    app.footer("Run 'backcare COMMAND --help' for a command's options; 'man backcare' for everything.");

    std::vector<Command> commands;
    for (auto* setup : {setup_plan, setup_go, setup_log, setup_history, setup_stats, setup_transfer, setup_due, setup_catalogue, setup_config})
        for (auto& c : setup(app)) commands.push_back(std::move(c));

    // The completion scripts' question: never an error, never a prompt.
    if (argc >= 2 && std::string_view(argv[1]) == "__complete") {
        const ExerciseIds ids = [&] {
            std::vector<std::string> out;
            try {
                // The person's own exercises too; a broken file leaves the built-in ones.
                const Paths paths(env, std::nullopt, std::nullopt);
                const Catalogue all = load_catalogue(builtin_catalogue(), paths.catalogue_dir());
                for (const auto& e : all.exercises()) out.push_back(e.id);
            } catch (const std::exception&) {
                out.clear();
                const Catalogue built_in = builtin_catalogue();
                for (const auto& e : built_in.exercises()) out.push_back(e.id);
            }
            return out;
        };
        for (const auto& c : complete(app, std::vector<std::string>(argv + 2, argv + argc), ids)) out << c << '\n';
        return 0;
    }

    try {
        try {
            if (auto problem = unknown_word(app, argc, argv)) {
                print_error(err, *problem);
                return static_cast<int>(Exit::usage);
            }
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp&) {
            out << app.help();  // the help of the subcommand that asked, if any
            return 0;
        } catch (const CLI::CallForAllHelp&) {
            out << app.help("", CLI::AppFormatMode::All);
            return 0;
        } catch (const CLI::CallForVersion& e) {
            out << e.what() << '\n';
            return 0;
        } catch (const CLI::ParseError& e) {
            print_error(err, describe(e));
            return static_cast<int>(Exit::usage);
        }
        Context ctx{env,
                    now_from(env),
                    in,
                    out,
                    err,
                    make_style(g, env),
                    Paths(env, g.config ? std::optional<std::filesystem::path>(*g.config) : std::nullopt,
                          g.db ? std::optional<std::filesystem::path>(*g.db) : std::nullopt),
                    g.quiet,
                    read_journal_options(env)};
        for (auto& c : commands)
            if (c.app->parsed()) {
                const int status = c.run(ctx);
                // A full disk must not pass for a finished export.
                if (!out.flush())
                    throw IoError(fmt::format("cannot write to standard output: {}",
                                              errno ? std::strerror(errno) : "write error"));
                return status;
            }
        print_error(err, "no command given; run 'backcare --help'");
        return static_cast<int>(Exit::usage);
    } catch (const Error& e) {
        print_error(err, e.what(), g.quiet ? std::vector<std::string>{} : e.detail());
        return static_cast<int>(e.code());
    } catch (const std::bad_alloc&) {
        print_error(err, "out of memory");
        return static_cast<int>(Exit::internal);
    } catch (const std::exception& e) {
        print_error(err, fmt::format("internal error: {} (please report this)", e.what()));
        return static_cast<int>(Exit::internal);
    }
}

}  // namespace backcare::cli
