// SPDX-License-Identifier: MIT
// `backcare go`'s routine and session (guided.hpp).
#include "guided.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ostream>

#include <fmt/format.h>

#include "errors.hpp"
#include "progression.hpp"
#include "remembered_plan.hpp"
#include "routines.hpp"
#include "session_json.hpp"
#include "text.hpp"

namespace backcare {
namespace {

const Exercise& known_exercise(const std::string& id, const Catalogue& catalogue) {
    if (const Exercise* e = catalogue.find(id)) return *e;
    std::vector<std::string> ids;
    for (const auto& x : catalogue.exercises()) ids.push_back(x.id);
    const auto near = nearest(id, ids, 1);
    throw UsageError(fmt::format("--exercises: unknown exercise '{}'{}", printable(id),
                                 near.empty() ? "; see 'backcare catalogue list'" : fmt::format("; did you mean '{}'?", near.front())));
}

// The exercises named, each at the dose the recent log has earned at the request's level.
Routine exercises_routine(const std::string& list, const RoutineSources& from) {
    Routine r;
    r.request = from.request();
    r.request.goal = std::nullopt;
    const std::vector<Session> recent = recent_sessions(from.journal(), from.today);
    r.pain = pain_in_force(recent, from.today);
    for (const auto& id : split_list(list)) {
        const Exercise& e = known_exercise(id, from.catalogue);
        const Dose earned = progress(e, from.catalogue, r.request.level, recent, from.today).dose;
        // Eased while the pain warning holds, as a plan is.
        r.items.push_back({e, r.pain ? within_level(e, r.request.level, earned) : earned, 0, "", "", r.pain.has_value()});
    }
    if (r.items.empty()) throw UsageError("--exercises needs exercise ids, e.g. --exercises chin-tuck,open-book");
    return r;
}

}  // namespace

void check_guided_choice(const GuidedChoice& c) {
    // --level sets the starting dose of --exercises too.
    const bool plan = c.plan_options || (c.level && !c.exercises);
    if ((c.last ? 1 : 0) + (c.exercises ? 1 : 0) + (plan ? 1 : 0) > 1)
        throw UsageError("choose one of --last, --exercises, or the plan options (--goal, --minutes, ...)");
}

Routine guided_routine(const GuidedChoice& c, const RoutineSources& from) {
    check_guided_choice(c);
    if (c.exercises) return exercises_routine(*c.exercises, from);
    if (c.last) return remembered_routine(from.last_plan_file(), from.catalogue);
    return plan_for(from.catalogue, from.request(), from.journal(), from.today);
}

std::string guided_heading(const GuidedChoice& c, const Routine& r) {
    std::string heading = c.exercises ? std::string("Your own routine") : fmt::format("{} routine", name_of_goal(r.request.goal));
    heading[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(heading[0])));
    return heading;
}

double guided_time_scale(const Environment& env) {
    const auto text = env("BACKCARE_TIME_SCALE");
    if (!text || text->empty()) return 1.0;
    double scale = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), scale);
    if (ec != std::errc() || end != text->data() + text->size() || !(scale >= 1.0 && scale <= 1000.0))
        throw UsageError(fmt::format("BACKCARE_TIME_SCALE must be a number from 1 to 1000, not '{}'", printable(*text)));
    return scale;
}

Session guided_session(const Guide& guide, const PlanGoal& goal, std::string uuid, Instant start) {
    Session s;
    s.uuid = std::move(uuid);
    s.goal = goal;
    s.origin = Origin::guided;
    s.entries = guide.entries();
    s.duration = static_cast<int>(std::min<std::int64_t>(guide.active_ms() / 1000, 86400));
    s.started = std::chrono::duration_cast<std::chrono::seconds>(start.time_since_epoch()).count();
    s.utc_offset = utc_offset_at(start);
    return s;
}

std::size_t exercises_done(const Session& s) {
    return static_cast<std::size_t>(
        std::count_if(s.entries.begin(), s.entries.end(), [](const Entry& e) { return e.status == EntryStatus::done; }));
}

std::string guided_summary(const Session& s, bool stopped) {
    const std::size_t done = exercises_done(s);
    const std::size_t skipped = s.entries.size() - done;
    return fmt::format("{} in {}: {} of {} exercise{} done{}", stopped ? "Stopped" : "Finished", format_seconds(s.duration), done,
                       s.entries.size(), plural_suffix(s.entries.size()),
                       skipped ? fmt::format(", {} {}", skipped, stopped ? "skipped or not reached" : "skipped") : "");
}

AddResult store_guided_session(Session s, const Paths& paths, const JournalOptions& options, std::ostream& kept) {
    if (s.note.size() > max_note_bytes) s.note.resize(max_note_bytes);
    check_session(s);
    try {
        auto journal = Journal::open_for_writing(paths.database(), options);
        return journal.add({s});
    } catch (const Error&) {
        // The routine is done; keep it for a later `log -` rather than lose it.
        kept << "backcare: this session could not be stored; to log it later, save the next line in a file "
                "and run 'backcare log - < FILE':\n"
             << session_json(s, false) << '\n';
        throw;
    }
}

}  // namespace backcare
