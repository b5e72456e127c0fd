// SPDX-License-Identifier: MIT
// backcare log: record a completed session, typed, from the last plan, or
// many from standard input.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "logging.hpp"
#include "routines.hpp"
#include "safety_render.hpp"
#include "session_input.hpp"
#include "session_json.hpp"
#include "session_reader.hpp"
#include "session_text.hpp"
#include "text.hpp"

namespace backcare::cli {
namespace {

struct LogOptions {
    LogRequest session;
    bool dry_run = false;
    std::string format = "text";
};

void report(Context& ctx, const LogOptions& o, const Session& s, std::string_view verb) {
    if (o.format == "json") {
        ctx.out << logged_session_json(s, s.id != 0) << '\n';
        return;
    }
    // At once, on stderr, once stored: a script's stdout stays as it was.
    if (painful(s) && s.id != 0) render_painful_session(ctx.err, s.pain_before, s.pain_after, Style{});
    if (ctx.quiet) return;
    ctx.out << verb << ":\n";
    render_session_text(ctx.out, s, ctx.style);
}

int run_batch(const LogOptions& o, Context& ctx, const Catalogue& catalogue) {
    check_standard_input_request(o.session);
    ctx.reading_sessions();
    SessionReader reader(ctx.in, "<stdin>", catalogue);
    refuse_future_sessions(reader, ctx.now);
    if (o.dry_run) {
        while (auto s = reader.next()) ctx.out << session_json(*s, false) << '\n';
        return 0;
    }
    // Printed once stored: a refused batch prints nothing.
    std::string stored;
    OnAdded on_added;
    int painful_added = 0;
    on_added = [&](const Session& s) {
        if (painful(s)) ++painful_added;
        if (o.format == "json") stored += logged_session_json(s, true) + '\n';
    };
    const auto [added, present] = Journal::store(ctx.paths.database(), [&] { return reader.next(); }, on_added,
                                                 ctx.journal_options);
    if (added > 0) ctx.stored(plural(added, "session"));
    // One warning for the batch, when its painful sessions leave one in force.
    if (painful_added > 0 && o.format != "json")
        if (const auto w = pain_warning_on(ctx.journal(), local_date(ctx.now))) render_pain_warning(ctx.err, *w, Style{});
    ctx.out << stored;
    if (o.format == "json") return 0;
    if (!ctx.quiet)
        ctx.out << fmt::format("{} session{} logged, {} already present\n", added, plural_suffix(added), present);
    return 0;
}

int run_log(const LogOptions& o, Context& ctx) {
    const Catalogue catalogue = ctx.catalogue();
    if (reads_standard_input(o.session)) return run_batch(o, ctx, catalogue);
    const TypedLog typed = typed_log(o.session, ctx.now, [&] { return ctx.new_uuid(); }, catalogue, ctx.paths.last_plan_file());
    const Session& s = typed.session;
    // A second log of the plan is refused on the log as opened to store it
    // (so that a log that cannot be written is worded as such), or to read
    // it on a dry run; then how the input was read, before anything is stored.
    const auto not_twice = [&](const Journal* j) {
        refuse_logged_twice(j, o.session, typed);
        for (const auto& note : typed.notes) ctx.note(note);
    };
    StoredSession r;
    if (o.dry_run) {
        const auto journal = ctx.journal();
        not_twice(journal ? &*journal : nullptr);
        r = try_session(journal, s);
    } else {
        r = store_session(ctx.paths.database(), s, ctx.journal_options, [&](const Journal& j) { not_twice(&j); });
    }
    if (!r.already_present) {
        if (!o.dry_run) ctx.stored(fmt::format("session {}", r.session->id));
        report(ctx, o, *r.session, o.dry_run ? "Would log (dry run, nothing stored)" : "Logged");
        return 0;
    }
    // A retried log: report the session stored the first time.
    if (o.format == "json" && r.session)
        ctx.out << logged_session_json(*r.session, true) << '\n';
    else if (!ctx.quiet && r.session)
        ctx.out << fmt::format("Already logged as session {} ({}); nothing {}\n", r.session->id, s.uuid, o.dry_run ? "would be stored" : "stored");
    else if (!ctx.quiet)
        ctx.out << fmt::format("Already logged ({}), and since removed; nothing stored\n", s.uuid);
    return 0;
}

}  // namespace

std::vector<Command> setup_log(CLI::App& app) {
    auto o = std::make_shared<LogOptions>();
    auto* sub = app.add_subcommand("log", "Record a completed session");
    sub->add_option("exercises", o->session.items,
                    "Exercises done as ID:DOSE (cat-cow:10 childs-pose:30s band-rows:2x12 shoulder-blade-squeeze:10x5s), "
                    "or '-' to read sessions from standard input (JSON Lines or CSV)")
        ->type_name("ID[:DOSE]");
    sub->add_flag("--plan", o->session.plan, "Record the last plan as planned");
    sub->add_option("--skip", o->session.skip,
                    "With --plan: an exercise left out, and why if you like: " + choices({"hurt", "time", "kit", "other"}) +
                        " (repeatable, or comma-separated: --skip band-rows:kit,cat-cow)")
        ->type_name("ID[:REASON]");
    sub->add_flag("--again", o->session.again,
                  "With --plan: log the plan again even though it is logged already at a time this one would overlap");
    sub->add_option("--at", o->session.at, "When it started: 2026-11-23T18:30, 18:30, 'yesterday 18:00', -2h (default: now minus the duration)")
        ->type_name("WHEN");
    sub->add_option("--duration", o->session.duration, "How long it took: 8m, 90s, 1h15m (default: estimated from the doses)")->type_name("TIME");
    sub->add_option("--pain-before", o->session.pain_before, "Pain before, 0 (none) to 10 (worst)")->type_name("N");
    sub->add_option("--pain-after", o->session.pain_after, "Pain after, 0 to 10")->type_name("N");
    sub->add_option("--note", o->session.note, "A note, stored as written")->type_name("TEXT");
    sub->add_option("--uuid", o->session.uuid, "The session's UUID, so that a retried log is stored once")->type_name("UUID");
    sub->add_flag("-n,--dry-run", o->dry_run, "Show what would be stored; store nothing");
    sub->add_option("-f,--format", o->format, "Output: text or json (the stored session)")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
    return {{sub, [o](Context& ctx) { return run_log(*o, ctx); }}};
}

}  // namespace backcare::cli
