// SPDX-License-Identifier: MIT
#pragma once
// Builds a routine from the catalogue: pure, deterministic for a seed.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "dose.hpp"
#include "pain.hpp"
#include "session.hpp"
#include "settings.hpp"

namespace backcare {

struct PlanRequest {
    PlanGoal goal;  // nullopt: balanced
    int minutes = 10;
    std::vector<Equipment> equipment;  // what is at hand
    Place place = Place::any;
    int level = 1;
    std::uint64_t seed = 0;
    // Ids always in the routine (whatever the goal), and ids never in it;
    // where each list came from, for messages ("--include", or "include in
    // profile desk, ...").
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    std::string include_from = "--include";
    std::string exclude_from = "--exclude";
};

// When each exercise was last done (local calendar days), from the log.
// How far back the planner looks: an exercise not done for this many days
// counts as never done.
inline constexpr int planner_memory_days = 14;

struct RoutineItem {
    Exercise exercise;
    Dose dose;
    int seconds = 0;  // the dose plus getting into position
    // For `plan --explain`: why this exercise, and why this dose.
    std::string chosen_because;
    std::string dose_because;
    // Stepped down for pain or skips: spare time is not filled with its sets.
    bool eased = false;
    // 1, or a later round of the same exercises (all on the floor, or all
    // off it, so a round never climbs back up).
    int round = 1;
};

// How a routine was brought to the time asked for, or why it falls short.
struct TimeFill {
    int added_exercises = 0;  // beyond the routine's six turns
    int added_sets = 0;
    int rounds = 1;           // how many times the exercises are done
    // Set when the routine fills less than fill_low of the time asked for.
    std::string short_because;
};

struct Routine {
    PlanRequest request;
    std::vector<RoutineItem> items;
    // The pain warning in force (pain.hpp): the routine is eased and no dose steps up.
    std::optional<PainWarning> pain;
    TimeFill fill;
    int total_seconds() const;
    // How many exercises: those of the first round (later ones repeat them).
    std::size_t exercise_count() const;
};

inline constexpr std::size_t min_exercises = 3;
// Six turns make a routine; more exercises join only to fill a long one.
inline constexpr std::size_t routine_turns = 6;
inline constexpr std::size_t max_exercises = 10;
// The share of --minutes a routine fills when the catalogue allows it.
inline constexpr int fill_low_percent = 85;
inline constexpr int fill_high_percent = 110;
inline constexpr int max_rounds = 4;

// Seconds to get into position: a few for each exercise, more when the
// position changes (standing to the floor, say).
int transition_seconds(const Exercise* previous, const Exercise& next);

// The equipment a request has: what was named, plus a chair at a desk and a
// mat (or carpet) for the floor.
std::vector<Equipment> equipment_at_hand(const PlanRequest&);

// Whether an exercise may be in a routine for the request (goal, level,
// place, equipment), ignoring time.
bool fits(const Exercise&, const PlanRequest&);

// The seed used when none is given: the local date, so the routine changes
// from day to day but not from one call to the next.
std::uint64_t seed_for_day(std::chrono::sys_days today);

// Throws NoResult saying what to relax when no routine of 3 or more
// exercises fits (UsageError for an unknown id in include or exclude);
// prefers exercises done least recently. A routine has one exercise of a
// family, and goes down to the floor at most once. Doses follow the
// recent sessions (oldest first) by the rules in progression.hpp.
Routine plan_routine(const Catalogue&, const PlanRequest&, const LastDone&, std::chrono::sys_days today,
                     std::span<const Session> recent = {});

// For pain before a routine: every dose at most the level 1 dose; shorter:
// the first half of the exercises (the gentlest come first), eased too.
Routine eased_for_pain(Routine, bool shorter);

}  // namespace backcare
