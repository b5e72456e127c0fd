// backcare history, undo, delete: see and correct the log.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "errors.hpp"
#include "session_json.hpp"
#include "session_text.hpp"

namespace backcare::cli {
namespace {

struct HistoryOptions {
    std::string limit = "10";
    std::optional<std::string> since;
    std::string format = "text";
};

struct DeleteOptions {
    std::string id;
};

int run_history(const HistoryOptions& o, Context& ctx) {
    const auto limit = static_cast<std::size_t>(parse_number_option(o.limit, "--limit", 0, 1'000'000'000));
    const auto today = local_date(ctx.now);
    const std::optional<Date> since = o.since ? std::optional(parse_since(*o.since, today, "--since")) : std::nullopt;
    const auto journal = ctx.journal();
    const auto sessions = journal ? journal->recent(limit == 0 ? SIZE_MAX : limit, since) : std::vector<Session>{};
    if (o.format == "json") {
        ctx.out << "[";
        for (std::size_t i = 0; i < sessions.size(); ++i) ctx.out << (i ? ",\n " : "") << session_json(sessions[i], true);
        ctx.out << "]\n";
    } else if (o.format == "tsv") {
        for (const auto& s : sessions) render_session_tsv(ctx.out, s);
    } else if (sessions.empty()) {
        if (!ctx.quiet) ctx.out << "No sessions logged yet. Try: backcare plan, then backcare log --plan\n";
    } else {
        for (const auto& s : sessions) render_session_line(ctx.out, s, ctx.style);
    }
    return 0;
}

void show_removed(Context& ctx, const Session& s) {
    if (ctx.quiet) return;
    ctx.out << "Removed:\n";
    render_session_text(ctx.out, s, ctx.style);
}

int run_undo(Context& ctx) {
    if (!ctx.journal()) throw NoResult("the log is empty; there is nothing to undo");
    auto journal = Journal::open_for_writing(ctx.paths.database());
    const auto removed = journal.remove_last();
    if (!removed) throw NoResult("the log is empty; there is nothing to undo");
    show_removed(ctx, *removed);
    return 0;
}

int run_delete(const DeleteOptions& o, Context& ctx) {
    if (!ctx.journal()) throw NoResult(fmt::format("no session '{}': the log is empty", o.id));
    auto journal = Journal::open_for_writing(ctx.paths.database());
    const auto removed = journal.remove(o.id);
    if (!removed) throw NoResult(fmt::format("no session '{}' in the log (see 'backcare history')", o.id));
    show_removed(ctx, *removed);
    return 0;
}

}  // namespace

std::vector<Command> setup_history(CLI::App& app) {
    auto h = std::make_shared<HistoryOptions>();
    auto* history = app.add_subcommand("history", "Recent sessions, newest first");
    history->add_option("-n,--limit", h->limit, "How many sessions (default 10; 0 for all)")->type_name("N");
    history->add_option("--since", h->since, "From this date or period: 2026-11-01, 7d, 4w, 3m, 1y, all")->type_name("WHEN");
    history->add_option("-f,--format", h->format, "Output: text, json or tsv")
        ->check(CLI::IsMember({"text", "json", "tsv"}))
        ->type_name("FORMAT");

    auto* undo = app.add_subcommand("undo", "Remove the most recently logged session, and show it");

    auto d = std::make_shared<DeleteOptions>();
    auto* del = app.add_subcommand("delete", "Remove one session by its number (see history) or UUID");
    del->add_option("id", d->id, "Session number, UUID, or a unique UUID prefix of 8 or more characters")->required()->type_name("ID");

    return {{history, [h](Context& ctx) { return run_history(*h, ctx); }},
            {undo, [](Context& ctx) { return run_undo(ctx); }},
            {del, [d](Context& ctx) { return run_delete(*d, ctx); }}};
}

}  // namespace backcare::cli
