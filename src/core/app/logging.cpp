// SPDX-License-Identifier: MIT
// `backcare log`: a typed session, from items or the remembered plan, and storing it.
#include "logging.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "errors.hpp"
#include "journal.hpp"
#include "remembered_plan.hpp"
#include "session_entry.hpp"
#include "session_json.hpp"
#include "text.hpp"

namespace backcare {
namespace {

// Marks the entries named by --skip as skipped, with the reason given after
// a colon; each must be in the plan, once, and something must be left.
void skip_entries(std::vector<Entry>& entries, const std::vector<std::string>& skip) {
    std::vector<std::string> named;
    for (const auto& option : skip) {
        const auto parts = split_list(option);
        if (parts.empty()) throw UsageError("--skip: name an exercise of the last plan, as ID or ID:REASON");
        for (const auto& part : parts) {
            const auto colon = part.find(':');
            const std::string id = part.substr(0, colon);
            std::optional<SkipReason> reason;
            if (colon != std::string::npos) {
                const std::string typed = lowercase(part.substr(colon + 1));
                reason = parse_skip_reason(typed);
                // A reason may be given by its first letter, as go asks it.
                for (SkipReason r : all_skip_reasons)
                    if (!reason && typed.size() == 1 && name_of(r).front() == typed.front()) reason = r;
                if (!reason)
                    throw UsageError(fmt::format("--skip {}: '{}' is not a reason; give {} (e.g. --skip {}:kit), or leave it out (--skip ID)",
                                                 printable(part.substr(0, 80)), printable(typed.substr(0, 40)),
                                                 skip_reason_names(), printable(id.substr(0, 40))));
            }
            auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.exercise_id == id; });
            if (it == entries.end()) {
                std::vector<std::string> ids;
                ids.reserve(entries.size());
                for (const auto& e : entries) ids.push_back(e.exercise_id);
                throw UsageError(fmt::format("--skip: '{}' is not in the last plan ({})", printable(id.substr(0, 40)), join(ids, ", ")));
            }
            if (std::find(named.begin(), named.end(), id) != named.end())
                throw UsageError(fmt::format("--skip: '{}' is named twice", id));
            named.push_back(id);
            it->status = EntryStatus::skipped;
            it->skip_reason = reason;
        }
    }
    if (std::all_of(entries.begin(), entries.end(), [](const Entry& e) { return e.status == EntryStatus::skipped; }))
        throw UsageError("--skip leaves nothing of the plan to log");
}

// "3 days ago (on 2026-11-20)" for a plan made more than a day before now.
std::optional<std::string> plan_age(const PlannedSession& planned, Instant now) {
    if (!planned.created) return std::nullopt;
    const auto created = Instant{std::chrono::seconds{*planned.created}};
    const auto age = std::chrono::duration_cast<std::chrono::seconds>(now - created).count();
    if (age <= 86400) return std::nullopt;
    return fmt::format("the remembered plan was made {} ago (on {}); it is logged as it was planned then",
                       plural(age / 86400, "day"), format_date(local_date(created)));
}

void take_plan(TypedLog& out, const LogRequest& rq, bool duration_given, const std::filesystem::path& file, Instant now) {
    Session& s = out.session;
    if (!rq.items.empty()) throw UsageError("give exercises or --plan, not both");
    PlannedSession planned = remembered_plan(file);
    if (auto age = plan_age(planned, now)) out.notes.push_back(std::move(*age));
    out.plan_seconds = planned.seconds;
    // Each entry keeps the plan's dose, skipped ones too, for stats' adherence.
    for (Entry& e : planned.entries) e.planned = PlannedDose{e.sets, e.reps, e.hold};
    skip_entries(planned.entries, rq.skip);
    s.entries = std::move(planned.entries);
    s.goal = planned.goal;
    s.origin = Origin::plan;
    // The plan as planned took the time it said; with skips, what was done.
    if (rq.skip.empty() && !duration_given) s.duration = planned.seconds;
}

// A typed dose that does not fit the exercise: reps for one that is only
// held, or a hold alone for one done only in reps, is refused with what was
// probably meant; sets of reps for one with held reps ("chin-tuck:10x3") is
// noted with the held reading.
void check_typed_dose(const Entry& e, const std::string& item, const Catalogue& catalogue, std::vector<std::string>& notes) {
    const Exercise* x = catalogue.find(e.exercise_id);
    const auto colon = item.find(':');
    if (!x || colon == std::string::npos) return;
    const std::string typed = item.substr(colon + 1);
    const std::string load = e.load.empty() ? "" : "@" + e.load;
    const bool reps_only = x->dose.reps.present() && !x->dose.hold.present();
    const bool hold_only = x->dose.hold.present() && !x->dose.reps.present();
    if (hold_only && e.hold == 0) {
        const std::string meant = e.sets > 1 ? fmt::format("{}x1x{}s{}", e.sets, e.reps, load) : fmt::format("{}s{}", e.reps, load);
        throw UsageError(fmt::format("{}: {} is held, not done in reps, and '{}' would be {}; for {} of {} s write {}:{}",
                                     printable(item), x->name, printable(typed), describe_dose(dose_of(e), false),
                                     e.sets > 1 ? fmt::format("{} holds", e.sets) : std::string("a hold"), e.reps,
                                     e.exercise_id, meant));
    }
    if (reps_only && e.reps == 0) {
        Dose level = dose_at_level(*x, 1);
        level.load = e.load;
        const std::string held = e.sets > 1 ? fmt::format("{} holds of {} s", e.sets, e.hold) : fmt::format("a hold of {} s", e.hold);
        throw UsageError(fmt::format("{}: {} is done in reps, not held, and '{}' would be {}; write the reps, e.g. {}:{}",
                                     printable(item), x->name, printable(typed), held, e.exercise_id, format_dose(level)));
    }
    if (x->dose.reps.present() && x->dose.hold.present() && e.sets > 1 && e.hold == 0)
        notes.push_back(fmt::format("{} is read as {} sets of {} reps, without a hold; for {} reps each held {} s, write {}:{}x{}s{}",
                                    printable(item), e.sets, e.reps, e.sets, e.reps, e.exercise_id, e.sets, e.reps, load));
}

void take_items(TypedLog& out, const LogRequest& rq, const Catalogue& catalogue) {
    Session& s = out.session;
    if (!rq.skip.empty()) throw UsageError("--skip goes with --plan");
    if (rq.again) throw UsageError("--again goes with --plan");
    if (rq.items.empty()) throw UsageError("name the exercises done (e.g. cat-cow:10 childs-pose:30s), or use --plan or '-'");
    for (const auto& item : rq.items) {
        s.entries.push_back(parse_item(item, catalogue));
        check_typed_dose(s.entries.back(), item, catalogue, out.notes);
    }
    s.goal = main_goal(s.entries, catalogue);
}

bool same_exercises(const Session& a, const Session& b) {
    return std::equal(a.entries.begin(), a.entries.end(), b.entries.begin(), b.entries.end(),
                      [](const Entry& x, const Entry& y) { return x.exercise_id == y.exercise_id; });
}

std::string session_uuid(const LogRequest& rq, const UuidMaker& new_uuid) {
    if (!rq.uuid) return new_uuid();
    std::string uuid = lowercase(*rq.uuid);
    if (!is_uuid(uuid))
        throw UsageError(fmt::format("--uuid: '{}' is not a UUID like 0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b",
                                     rq.uuid->substr(0, 40)));
    return uuid;
}

}  // namespace

bool reads_standard_input(const LogRequest& rq) { return rq.items.size() == 1 && rq.items.front() == "-"; }

void check_standard_input_request(const LogRequest& rq) {
    if (rq.plan || rq.again || rq.at || rq.duration || rq.pain_before || rq.pain_after || rq.note || rq.uuid || !rq.skip.empty())
        throw UsageError("'log -' reads every field from standard input; give no other session options");
}

TypedLog typed_log(const LogRequest& rq, Instant now, const UuidMaker& new_uuid, const Catalogue& catalogue,
                   const std::filesystem::path& remembered_plan_file) {
    TypedLog out;
    Session& s = out.session;
    s.uuid = session_uuid(rq, new_uuid);
    if (rq.pain_before) s.pain_before = parse_pain(*rq.pain_before, "--pain-before");
    if (rq.pain_after) s.pain_after = parse_pain(*rq.pain_after, "--pain-after");
    // Plain values rather than optionals: GCC 12 misreads optionals here as uninitialised.
    const int duration = rq.duration ? parse_duration(*rq.duration, "--duration") : -1;
    const When at = rq.at ? parse_when(*rq.at, now, "--at") : When{};
    if (rq.note) s.note = *rq.note;
    if (rq.plan)
        take_plan(out, rq, duration >= 0, remembered_plan_file, now);
    else
        take_items(out, rq, catalogue);
    if (duration >= 0)
        s.duration = duration;
    else if (s.duration == 0)
        s.duration = estimate_session_seconds(s.entries, catalogue);
    const Instant start = rq.at ? at.at : now - std::chrono::seconds{s.duration};
    s.started = std::chrono::duration_cast<std::chrono::seconds>(start.time_since_epoch()).count();
    // An offset written with the time is where it happened: it wins over TZ, as it does in 'log -'.
    s.utc_offset = at.utc_offset.value_or(utc_offset_at(start));
    check_session(s);
    return out;
}

void refuse_logged_twice(const Journal* journal, const LogRequest& rq, const TypedLog& typed) {
    if (!rq.plan || rq.again || !journal || typed.plan_seconds <= 0) return;
    const Session& s = typed.session;
    if (journal->find(s.uuid)) return;  // a retry: reported as already logged
    const std::int64_t window = typed.plan_seconds;
    // Every session that could start within the window, whatever its offset.
    const auto since = std::chrono::floor<std::chrono::days>(Instant{std::chrono::seconds{s.started - window}}) - std::chrono::days{1};
    for (const Session& other : journal->recent(std::numeric_limits<std::size_t>::max(), Date{since})) {
        if (other.origin != Origin::plan && other.origin != Origin::guided) continue;
        const std::int64_t apart = other.started > s.started ? other.started - s.started : s.started - other.started;
        if (apart >= window || !same_exercises(other, s)) continue;
        const std::string started = format_started(other);
        throw UsageError(fmt::format("the last plan is logged already, as session {} of {} {}, and this log of it would "
                                     "overlap that one (the plan takes {}); to log it again, add --again",
                                     other.id, started.substr(0, 10), started.substr(11, 5), format_seconds(typed.plan_seconds)));
    }
}

StoredSession try_session(const std::optional<Journal>& journal, const Session& s) {
    if (journal)
        if (auto stored = journal->find(s.uuid)) return {std::move(stored), true};
    return {s, false};
}

StoredSession store_session(const std::filesystem::path& database, const Session& s, const JournalOptions& options,
                            const std::function<void(const Journal&)>& before) {
    auto journal = Journal::open_for_writing(database, options);
    if (before) before(journal);
    AddResult r = journal.add({s});
    if (r.added.empty()) return {journal.find(s.uuid), true};
    return {std::move(r.added.front()), false};
}

}  // namespace backcare
