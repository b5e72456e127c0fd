// SPDX-License-Identifier: MIT
// `backcare log`: a typed session, from items or the remembered plan, and storing it.
#include "logging.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "errors.hpp"
#include "journal.hpp"
#include "remembered_plan.hpp"
#include "session_entry.hpp"
#include "session_json.hpp"
#include "text.hpp"

namespace backcare {
namespace {

// Marks the entries named by --skip as skipped; each must be in the plan, and something must be left.
void skip_entries(std::vector<Entry>& entries, const std::vector<std::string>& skip) {
    for (const auto& id : skip) {
        auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.exercise_id == id; });
        if (it == entries.end()) {
            std::vector<std::string> ids;
            ids.reserve(entries.size());
            for (const auto& e : entries) ids.push_back(e.exercise_id);
            throw UsageError(fmt::format("--skip: '{}' is not in the last plan ({})", id, join(ids, ", ")));
        }
        it->status = EntryStatus::skipped;
    }
    if (std::all_of(entries.begin(), entries.end(), [](const Entry& e) { return e.status == EntryStatus::skipped; }))
        throw UsageError("--skip leaves nothing of the plan to log");
}

void take_plan(Session& s, const LogRequest& rq, bool duration_given, const std::filesystem::path& file) {
    if (!rq.items.empty()) throw UsageError("give exercises or --plan, not both");
    PlannedSession planned = remembered_plan(file);
    // Each entry keeps the plan's dose, skipped ones too, for stats' adherence.
    for (Entry& e : planned.entries) e.planned = PlannedDose{e.sets, e.reps, e.hold};
    skip_entries(planned.entries, rq.skip);
    s.entries = std::move(planned.entries);
    s.goal = planned.goal;
    s.origin = Origin::plan;
    // The plan as planned took the time it said; with skips, what was done.
    if (rq.skip.empty() && !duration_given) s.duration = planned.seconds;
}

void take_items(Session& s, const LogRequest& rq, const Catalogue& catalogue) {
    if (!rq.skip.empty()) throw UsageError("--skip goes with --plan");
    if (rq.items.empty()) throw UsageError("name the exercises done (e.g. cat-cow:10 childs-pose:30s), or use --plan or '-'");
    for (const auto& item : rq.items) s.entries.push_back(parse_item(item, catalogue));
    s.goal = main_goal(s.entries, catalogue);
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
    if (rq.plan || rq.at || rq.duration || rq.pain_before || rq.pain_after || rq.note || rq.uuid || !rq.skip.empty())
        throw UsageError("'log -' reads every field from standard input; give no other session options");
}

Session typed_session(const LogRequest& rq, Instant now, const UuidMaker& new_uuid, const Catalogue& catalogue,
                      const std::filesystem::path& remembered_plan_file) {
    Session s;
    s.uuid = session_uuid(rq, new_uuid);
    if (rq.pain_before) s.pain_before = parse_pain(*rq.pain_before, "--pain-before");
    if (rq.pain_after) s.pain_after = parse_pain(*rq.pain_after, "--pain-after");
    // Plain values rather than optionals: GCC 12 misreads optionals here as uninitialised.
    const int duration = rq.duration ? parse_duration(*rq.duration, "--duration") : -1;
    const When at = rq.at ? parse_when(*rq.at, now, "--at") : When{};
    if (rq.note) s.note = *rq.note;
    if (rq.plan)
        take_plan(s, rq, duration >= 0, remembered_plan_file);
    else
        take_items(s, rq, catalogue);
    if (duration >= 0)
        s.duration = duration;
    else if (s.duration == 0)
        s.duration = estimate_session_seconds(s.entries, catalogue);
    const Instant start = rq.at ? at.at : now - std::chrono::seconds{s.duration};
    s.started = std::chrono::duration_cast<std::chrono::seconds>(start.time_since_epoch()).count();
    // An offset written with the time is where it happened: it wins over TZ, as it does in 'log -'.
    s.utc_offset = at.utc_offset.value_or(utc_offset_at(start));
    check_session(s);
    return s;
}

StoredSession try_session(const std::optional<Journal>& journal, const Session& s) {
    if (journal)
        if (auto stored = journal->find(s.uuid)) return {std::move(stored), true};
    return {s, false};
}

StoredSession store_session(const std::filesystem::path& database, const Session& s, const JournalOptions& options) {
    auto journal = Journal::open_for_writing(database, options);
    AddResult r = journal.add({s});
    if (r.added.empty()) return {journal.find(s.uuid), true};
    return {std::move(r.added.front()), false};
}

}  // namespace backcare
