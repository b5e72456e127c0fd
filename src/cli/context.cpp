// SPDX-License-Identifier: MIT
#include "context.hpp"
#include "config_file.hpp"

#include <charconv>
#include <csignal>
#include <unistd.h>
#include <ostream>
#include <random>

#include <fmt/format.h>

#include "builtin_catalogue.hpp"
#include "errors.hpp"
#include "first_run.hpp"
#include "safety_render.hpp"
#include "terminal.hpp"
#include "text.hpp"

namespace backcare::cli {

Config Context::config() const { return load_config(paths.config_file(), paths.config_file_required()); }

Catalogue Context::catalogue() const { return load_catalogue(builtin_catalogue(), paths.catalogue_dir()); }

void Context::warn(const std::string& message) const { err << "backcare: warning: " << printable(message) << '\n'; }

void Context::note(const std::string& message) const {
    if (!quiet) err << "backcare: note: " << printable(message) << '\n';
}

void Context::reading_sessions() const {
    if (!quiet && ::isatty(STDIN_FILENO) == 1)
        err << "backcare: reading sessions from the terminal, as JSON Lines or CSV; end with Ctrl-D\n" << std::flush;
}

void Context::stored(std::string what) {
    stored_change = std::move(what);
    // A reader gone away now fails the write instead of ending the process.
    std::signal(SIGPIPE, SIG_IGN);
}

std::string Context::new_uuid() const {
    std::random_device random;
    auto next = [&] { return (static_cast<std::uint64_t>(random()) << 32) | random(); };
    return make_uuid(next(), next());
}

std::optional<Journal> Context::journal() const { return Journal::open_existing(paths.database(), journal_options); }


JournalOptions read_journal_options(const Environment& env) {
    JournalOptions options;
    const auto text = env("BACKCARE_BUSY_TIMEOUT_MS");
    if (!text || text->empty()) return options;
    int ms = -1;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), ms);
    if (ec != std::errc() || end != text->data() + text->size() || ms < 0 || ms > 600000)
        throw UsageError(fmt::format("BACKCARE_BUSY_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000, not '{}'",
                                     printable(*text)));
    options.busy_timeout = std::chrono::milliseconds(ms);
    return options;
}

std::string choices(const std::vector<std::string>& names) { return join(names, "|"); }

void first_routine_safety(Context& ctx) {
    if (!output_is_terminal() || !first_routine(ctx.paths.safety_shown_file())) return;
    render_safety_text(ctx.out, ctx.style);
    ctx.out << '\n'
            << ctx.style.dim("(Shown before your first routine; 'backcare safety' shows it again.)") << "\n\n";
}

}  // namespace backcare::cli
