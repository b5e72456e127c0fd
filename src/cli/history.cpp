// SPDX-License-Identifier: MIT
// backcare history, undo, delete: see and correct the log.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "corrections.hpp"
#include "session_json.hpp"
#include "session_text.hpp"

namespace backcare::cli {
namespace {

struct HistoryOptions {
    HistoryQuery query;
    std::string format = "text";
};

struct DeleteOptions {
    std::string id;
};

int run_history(const HistoryOptions& o, Context& ctx) {
    const HistoryRange range = history_range(o.query, local_date(ctx.now));
    const std::vector<Session> sessions = history(range, ctx.journal());
    if (o.format == "json") {
        ctx.out << "[";
        for (std::size_t i = 0; i < sessions.size(); ++i) ctx.out << (i ? ",\n " : "") << session_json(sessions[i], true);
        ctx.out << "]\n";
    } else if (o.format == "tsv") {
        for (const auto& s : sessions) render_session_tsv(ctx.out, s);
    } else if (sessions.empty()) {
        if (!ctx.quiet) ctx.out << nothing_in_history(range, ctx.journal()) << '\n';
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
    const Session removed = undo_last(ctx.paths.database(), ctx.journal_options);
    ctx.stored(fmt::format("the removal of session {}", removed.id));
    show_removed(ctx, removed);
    return 0;
}

int run_delete(const DeleteOptions& o, Context& ctx) {
    const Session removed = delete_session(ctx.paths.database(), o.id, ctx.journal_options);
    ctx.stored(fmt::format("the removal of session {}", removed.id));
    show_removed(ctx, removed);
    return 0;
}

}  // namespace

std::vector<Command> setup_history(CLI::App& app) {
    auto h = std::make_shared<HistoryOptions>();
    auto* history = app.add_subcommand("history", "Recent sessions, newest first");
    history->add_option("-n,--limit", h->query.limit, "How many sessions (default 10; 0 for all)")->type_name("N");
    history->add_option("--since", h->query.since, "From this date or period: 2026-11-01, 7d, 4w, 3m, 1y, all")->type_name("WHEN");
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
