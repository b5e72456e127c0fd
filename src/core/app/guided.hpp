// SPDX-License-Identifier: MIT
// `backcare go` as use cases: the routine to run, chosen by the command
// line, and the session to log once it has been run.
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include "catalogue.hpp"
#include "clock.hpp"
#include "guide.hpp"
#include "journal.hpp"
#include "paths.hpp"
#include "planner.hpp"
#include "session.hpp"

namespace backcare {

// Where the routine comes from, as the command line asked.
struct GuidedChoice {
    bool last = false;                     // --last: the plan `backcare plan` remembered
    std::optional<std::string> exercises;  // --exercises: comma-separated ids
    bool plan_options = false;             // any of --goal, --minutes, --equipment, --place, --seed, --include, --exclude, --profile
    bool level = false;                    // --level: a plan option, or the starting dose of --exercises
};

// What a routine is built from. Each is read only when the choice needs
// it, so that `--last` reads neither the configuration nor the log.
struct RoutineSources {
    const Catalogue& catalogue;
    std::function<PlanRequest()> request;  // from the plan options over the configuration
    std::function<std::optional<Journal>()> journal;
    std::function<std::filesystem::path()> last_plan_file;
    Date today;
};

// UsageError unless at most one of --last, --exercises and the plan options is given.
void check_guided_choice(const GuidedChoice&);

// The routine to run: the remembered plan, the exercises named at the doses
// the log has earned them, or a fresh plan. UsageError for a bad choice or
// an unknown exercise; what remembered_routine and plan_for throw.
Routine guided_routine(const GuidedChoice&, const RoutineSources&);

// "Your own routine", "Posture routine": what the run is called.
std::string guided_heading(const GuidedChoice&, const Routine&);

// The pace of the routine's clock: BACKCARE_TIME_SCALE=20 runs it twenty
// times faster than real time, for tests and demonstrations. UsageError
// unless it is a number from 1 to 1000.
double guided_time_scale(const Environment&);

// The session a guided run did, for the log: what the guide says was done,
// its active time (capped at a day), begun at start. No pain scores or note.
Session guided_session(const Guide&, const PlanGoal&, std::string uuid, Instant start);

std::size_t exercises_done(const Session&);

// "Finished in 2m 5s: 2 of 3 exercises done, 1 skipped"; "Stopped in ..."
// when the person quit, the rest then "skipped or not reached".
std::string guided_summary(const Session&, bool stopped);

// Stores the session in the log paths name (a note longer than
// max_note_bytes cut to it). When the log cannot be found or take it, the
// session is kept for a later `log -`: a line of JSON on kept, after a word
// on what to do with it; the error is then thrown on.
AddResult store_guided_session(Session, const Paths&, const JournalOptions&, std::ostream& kept);

}  // namespace backcare
