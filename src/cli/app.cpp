// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "command_line.hpp"
#include "complete.hpp"

#include <cerrno>
#include <clocale>
#include <cstring>
#include <ctime>
#include <iostream>
#include <optional>
#include <langinfo.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "builtin_catalogue.hpp"
#include "commands.hpp"
#include "errors.hpp"
#include "files.hpp"
#include "invocation.hpp"
#include "plan_options.hpp"
#include "text.hpp"
#include "version.hpp"


namespace backcare::cli {
namespace {

Terminal standard_output() {
    Terminal t;
    t.is_terminal = ::isatty(STDOUT_FILENO) == 1;
    winsize ws{};
    if (t.is_terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) t.columns = ws.ws_col;
    const char* codeset = nl_langinfo(CODESET);
    t.utf8 = codeset && std::string_view(codeset) == "UTF-8";
    return t;
}

// Every error is shown through the one sanitiser: a message may quote what
// was typed or read (an argument, a file's line), which must not command
// the terminal.
void print_error(std::ostream& err, const std::string& message, const std::vector<std::string>& detail = {}) {
    err << "backcare: error: " << printable(message) << '\n';
    for (const auto& line : detail) err << printable(line) << '\n';
}

// How the log is opened for this command: warnings on stderr, a notice on a
// terminal when a write waits its turn, the command in the writers' lock.
JournalOptions journal_options_for(const std::vector<Command>& commands, const Environment& env, Instant now,
                                   std::ostream& err) {
    JournalOptions options = read_journal_options(env);
    options.now = now;
    options.warn = [&err](const std::string& message) { err << "backcare: warning: " << printable(message) << '\n'; };
    if (::isatty(STDERR_FILENO) == 1)
        options.waiting = [&err](const std::string& holder) {
            err << "backcare: waiting for the log: " << printable(holder) << " is writing to it\n";
        };
    for (const auto& c : commands)
        if (c.app->parsed()) {
            options.command = "backcare";
            for (const CLI::App* a = c.app; a && a->get_parent(); a = a->get_parent()) options.command.insert(8, " " + a->get_name());
        }
    return options;
}

// The parser, its global options bound to g, and every subcommand.
std::vector<Command> define(CLI::App& app, GlobalOptions& g) {
    app.set_version_flag("-V,--version", std::string("backcare ") + program_version());
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--db", g.db, "The log's SQLite file (default: $XDG_DATA_HOME/backcare/backcare.db)")->type_name("PATH");
    app.add_option("--config", g.config, "Config file (default: $XDG_CONFIG_HOME/backcare/config.toml)")->type_name("PATH");
    app.add_option("--color", g.color, "Colour: auto (terminals only, not with NO_COLOR), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.add_flag("-q,--quiet", g.quiet, "Print only what was asked for: no notes or hints");
    const std::string footer = "Run 'backcare help COMMAND' for a command's options; 'man backcare' for everything.";
    app.footer(footer);
    std::vector<Command> commands;
    for (auto* setup : {setup_plan, setup_go, setup_log, setup_history, setup_stats, setup_transfer, setup_due, setup_catalogue, setup_config, setup_health, setup_safety})
        for (auto& c : setup(app)) commands.push_back(std::move(c));
    for (auto& c : setup_help(app)) commands.push_back(std::move(c));
    // The same last line on every help page: a command's own footer comes first.
    for (auto& c : commands)
        for (CLI::App* a = c.app; a && a != &app; a = a->get_parent())
            if (const std::string own = a->get_footer(); !own.empty() && own.find(footer) == std::string::npos)
                a->footer(own + "\n\n" + footer);
    return commands;
}

// The completion scripts' question: never an error, never a prompt. Exits
// 3, printing nothing, where a file name is wanted: the shell completes it.
int answer_completion(CLI::App& app, int argc, const char* const* argv, const Environment& env, std::ostream& out) {
    const ExerciseIds ids = [&] { return exercise_ids(env, builtin_catalogue()); };
    const ExerciseDose dose = [&](const std::string& id) { return exercise_dose(env, builtin_catalogue(), id); };
    // The profiles of the config the command line names, if it does.
    std::optional<std::filesystem::path> config;
    for (int i = 2; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (word == "--config" && i + 1 < argc - 1) config = argv[i + 1];
        if (word.rfind("--config=", 0) == 0) config = std::string(word.substr(9));
    }
    const ProfileNames profiles = [&] { return profile_names(env, config); };
    const Completion c = complete(app, std::vector<std::string>(argv + 2, argv + argc), ids, dose, profiles);
    for (const auto& candidate : c.candidates) out << candidate << '\n';
    return c.files ? 3 : 0;
}

// Help or the version, written: 0, or 74 when standard output cannot take it.
int written(std::ostream& out, std::ostream& err, const std::string& text) {
    errno = 0;
    out << text;
    if (out.flush()) return 0;
    print_error(err, fmt::format("cannot write to standard output: {}", errno ? error_text(errno) : "write error"));
    return static_cast<int>(Exit::io);
}

// Parses the command line; an exit status when that is all there is to do
// (help, the version, or a usage error), nullopt when a command is to run.
// Before help is shown: the plan options' defaults as the config and the
// profile in force (--profile given before --help included) make them.
void show_defaults_in_force(CLI::App& app, const Environment& env, const GlobalOptions& g) {
    std::optional<std::string> profile;
    for (CLI::App* sub : app.get_subcommands([](CLI::App* a) { return a->parsed(); }))
        if (const CLI::Option* o = sub->get_option_no_throw("--profile"); o && o->count() > 0) profile = o->results().back();
    const auto config = readable_config(env, g.config ? std::optional<std::filesystem::path>(*g.config) : std::nullopt);
    show_plan_defaults(app, plan_config(config, profile, env));
}

std::optional<int> parse(CLI::App& app, int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                         const std::function<void()>& before_help) {
    // No command at all: the help, on standard output, as git does (but
    // with status 0, since nothing went wrong).
    if (argc <= 1) return written(out, err, app.help());
    try {
        if (auto problem = unknown_word(app, argc, argv)) {
            print_error(err, *problem);
            return static_cast<int>(Exit::usage);
        }
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        before_help();
        return written(out, err, app.help());  // the help of the subcommand that asked, if any
    } catch (const CLI::CallForAllHelp&) {
        before_help();
        return written(out, err, app.help("", CLI::AppFormatMode::All));
    } catch (const CLI::CallForVersion& e) {
        return written(out, err, std::string(e.what()) + "\n");
    } catch (const CLI::ParseError& e) {
        print_error(err, reword(e));
        return static_cast<int>(Exit::usage);
    }
    return std::nullopt;
}

int run_parsed(const std::vector<Command>& commands, const GlobalOptions& g, const Environment& env, std::istream& in,
               std::ostream& out, std::ostream& err) {
    // Seconds from time(): a clock far off would overflow system_clock's nanoseconds.
    const Instant now = now_from(env, static_cast<std::int64_t>(std::time(nullptr)));
    Context ctx{env,
                now,
                in,
                out,
                err,
                output_style(g.color, standard_output(), env),
                Paths(env, g.config ? std::optional<std::filesystem::path>(*g.config) : std::nullopt,
                      g.db ? std::optional<std::filesystem::path>(*g.db) : std::nullopt),
                g.quiet,
                journal_options_for(commands, env, now, err)};
    if (const auto problem = time_zone_problem(env)) ctx.warn(*problem);
    for (const auto& c : commands)
        if (c.app->parsed()) {
            errno = 0;
            const int status = c.run(ctx);
            if (out.flush()) return status;
            const std::string why = errno ? error_text(errno) : "write error";
            // Stored is stored: a retry must not store it again.
            if (ctx.stored_change) {
                ctx.warn(fmt::format("{} was stored, but its report could not be written to standard output ({})",
                                     *ctx.stored_change, why));
                return status;
            }
            // A full disk must not pass for a finished export.
            throw IoError(fmt::format("cannot write to standard output: {}", why));
        }
    print_error(err, "no command given; run 'backcare --help'");
    return static_cast<int>(Exit::usage);
}

}  // namespace

int run(int argc, const char* const* argv, const Environment& env, std::istream& in, std::ostream& out,
        std::ostream& err) {
    std::setlocale(LC_CTYPE, "");
    CLI::App app{"backcare: short routines for upper-back care, and a log of the sessions you do", "backcare"};
    GlobalOptions g;
    const std::vector<Command> commands = define(app, g);
    if (argc >= 2 && std::string_view(argv[1]) == "__complete") return answer_completion(app, argc, argv, env, out);
    try {
        if (const auto status = parse(app, argc, argv, out, err, [&] { show_defaults_in_force(app, env, g); })) return *status;
        return run_parsed(commands, g, env, in, out, err);
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
