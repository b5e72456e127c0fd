// backcare log: record a completed session, typed, from the last plan, or
// many from standard input.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "errors.hpp"
#include "remembered_plan.hpp"
#include "session_entry.hpp"
#include "session_json.hpp"
#include "session_reader.hpp"
#include "session_text.hpp"
#include "text.hpp"

namespace backcare::cli {
namespace {

struct LogOptions {
    std::vector<std::string> items;
    bool plan = false;
    std::vector<std::string> skip;
    std::optional<std::string> at, duration, pain_before, pain_after, note, uuid;
    bool dry_run = false;
    std::string format = "text";
};

Session typed_session(const LogOptions& o, Context& ctx, const Catalogue& catalogue) {
    Session s;
    s.uuid = o.uuid ? lowercase(*o.uuid) : ctx.new_uuid();
    if (o.uuid && !is_uuid(s.uuid))
        throw UsageError(fmt::format("--uuid: '{}' is not a UUID like 0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b",
                                     o.uuid->substr(0, 40)));
    if (o.pain_before) s.pain_before = parse_pain(*o.pain_before, "--pain-before");
    if (o.pain_after) s.pain_after = parse_pain(*o.pain_after, "--pain-after");
    // Plain values rather than optionals: GCC 12 misreads optionals here as uninitialised.
    const int duration = o.duration ? parse_duration(*o.duration, "--duration") : -1;
    const Instant at = o.at ? parse_when(*o.at, ctx.now, "--at") : Instant{};
    if (o.note) s.note = *o.note;

    if (o.plan) {
        if (!o.items.empty()) throw UsageError("give exercises or --plan, not both");
        PlannedSession planned = remembered_plan(ctx.paths.last_plan_file());
        // Each entry keeps the plan's dose, skipped ones too, for stats' adherence.
        for (Entry& e : planned.entries) e.planned = PlannedDose{e.sets, e.reps, e.hold};
        for (const auto& id : o.skip) {
            auto it = std::find_if(planned.entries.begin(), planned.entries.end(), [&](const Entry& e) { return e.exercise_id == id; });
            if (it == planned.entries.end()) {
                std::vector<std::string> ids;
                for (const auto& e : planned.entries) ids.push_back(e.exercise_id);
                throw UsageError(fmt::format("--skip: '{}' is not in the last plan ({})", id, join(ids, ", ")));
            }
            it->status = EntryStatus::skipped;
        }
        if (std::all_of(planned.entries.begin(), planned.entries.end(),
                        [](const Entry& e) { return e.status == EntryStatus::skipped; }))
            throw UsageError("--skip leaves nothing of the plan to log");
        s.entries = std::move(planned.entries);
        s.goal = planned.goal;
        s.origin = Origin::plan;
        // The plan as planned took the time it said; with skips, what was done.
        if (o.skip.empty() && duration < 0) s.duration = planned.seconds;
    } else {
        if (!o.skip.empty()) throw UsageError("--skip goes with --plan");
        if (o.items.empty()) throw UsageError("name the exercises done (e.g. cat-cow:10 childs-pose:30s), or use --plan or '-'");
        for (const auto& item : o.items) s.entries.push_back(parse_item(item, catalogue));
        s.goal = main_goal(s.entries, catalogue);
    }
    if (duration >= 0)
        s.duration = duration;
    else if (s.duration == 0)
        s.duration = estimate_session_seconds(s.entries, catalogue);
    const Instant start = o.at ? at : ctx.now - std::chrono::seconds{s.duration};
    s.started = std::chrono::duration_cast<std::chrono::seconds>(start.time_since_epoch()).count();
    s.utc_offset = utc_offset_at(start);
    check_session(s);
    return s;
}

void report(Context& ctx, const LogOptions& o, const Session& s, std::string_view verb) {
    if (o.format == "json") {
        ctx.out << session_json(s, s.id != 0) << '\n';
        return;
    }
    if (ctx.quiet) return;
    ctx.out << verb << ":\n";
    render_session_text(ctx.out, s, ctx.style);
}

int run_log(const LogOptions& o, Context& ctx) {
    const Catalogue catalogue = ctx.catalogue();
    const bool batch = o.items.size() == 1 && o.items.front() == "-";
    if (batch) {
        if (o.plan || o.at || o.duration || o.pain_before || o.pain_after || o.note || o.uuid || !o.skip.empty())
            throw UsageError("'log -' reads every field from standard input; give no other session options");
        SessionReader reader(ctx.in, "<stdin>", catalogue);
        // A day of slack for clocks and time zones.
        reader.refuse_after(std::chrono::duration_cast<std::chrono::seconds>(ctx.now.time_since_epoch()).count() + 86400);
        if (o.dry_run) {
            while (auto s = reader.next()) ctx.out << session_json(*s, false) << '\n';
            return 0;
        }
        // Printed once stored: a refused batch prints nothing.
        std::string stored;
        OnAdded on_added;
        if (o.format == "json") on_added = [&](const Session& s) { stored += session_json(s, true) + '\n'; };
        const auto [added, present] = Journal::store(ctx.paths.database(), [&] { return reader.next(); }, on_added);
        ctx.out << stored;
        if (o.format == "json") return 0;
        if (!ctx.quiet)
            ctx.out << fmt::format("{} session{} logged, {} already present\n", added, added == 1 ? "" : "s", present);
        return 0;
    }
    const Session s = typed_session(o, ctx, catalogue);
    if (o.dry_run) {
        report(ctx, o, s, "Would log (dry run, nothing stored)");
        return 0;
    }
    auto journal = Journal::open_for_writing(ctx.paths.database());
    const AddResult r = journal.add({s});
    if (r.added.empty()) {
        // A retried log: report the session stored the first time.
        const auto stored = journal.find(s.uuid);
        if (o.format == "json" && stored)
            ctx.out << session_json(*stored, true) << '\n';
        else if (!ctx.quiet)
            ctx.out << fmt::format("Already logged as session {} ({}); nothing stored\n", stored ? stored->id : 0, s.uuid);
        return 0;
    }
    report(ctx, o, r.added.front(), "Logged");
    return 0;
}

}  // namespace

std::vector<Command> setup_log(CLI::App& app) {
    auto o = std::make_shared<LogOptions>();
    auto* sub = app.add_subcommand("log", "Record a completed session");
    sub->add_option("exercises", o->items,
                    "Exercises done as ID:DOSE (cat-cow:10 childs-pose:30s band-rows:2x12 shoulder-blade-squeeze:10x5s), "
                    "or '-' to read sessions from standard input (JSON Lines or CSV)")
        ->type_name("ID[:DOSE]");
    sub->add_flag("--plan", o->plan, "Record the last plan as planned");
    sub->add_option("--skip", o->skip, "With --plan: an exercise left out (repeatable)")->type_name("ID");
    sub->add_option("--at", o->at, "When it started: 2026-11-23T18:30, 18:30, 'yesterday 18:00', -2h (default: now minus the duration)")
        ->type_name("WHEN");
    sub->add_option("--duration", o->duration, "How long it took: 8m, 90s, 1h15m (default: estimated from the doses)")->type_name("TIME");
    sub->add_option("--pain-before", o->pain_before, "Pain before, 0 (none) to 10 (worst)")->type_name("N");
    sub->add_option("--pain-after", o->pain_after, "Pain after, 0 to 10")->type_name("N");
    sub->add_option("--note", o->note, "A note, stored as written")->type_name("TEXT");
    sub->add_option("--uuid", o->uuid, "The session's UUID, so that a retried log is stored once")->type_name("UUID");
    sub->add_flag("-n,--dry-run", o->dry_run, "Show what would be stored; store nothing");
    sub->add_option("-f,--format", o->format, "Output: text or json (the stored session)")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
    return {{sub, [o](Context& ctx) { return run_log(*o, ctx); }}};
}

}  // namespace backcare::cli
