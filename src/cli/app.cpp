#include "app.hpp"

#include <clocale>
#include <iostream>
#include <langinfo.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "errors.hpp"

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
    for (auto* setup : {setup_plan, setup_log, setup_history, setup_transfer, setup_due, setup_catalogue, setup_config})
        for (auto& c : setup(app)) commands.push_back(std::move(c));

    try {
        try {
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
            print_error(err, e.what());
            err << "Run 'backcare --help' or 'backcare COMMAND --help' for usage.\n";
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
                    g.quiet};
        for (auto& c : commands)
            if (c.app->parsed()) return c.run(ctx);
        print_error(err, "no command given; run 'backcare --help'");
        return static_cast<int>(Exit::usage);
    } catch (const Error& e) {
        print_error(err, e.what(), e.detail());
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
