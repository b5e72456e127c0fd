// SPDX-License-Identifier: MIT
#pragma once
// Doses that follow the person's own history. The rules, as backcare(1)
// documents them:
//
//  - Three sessions with an exercise done at full dose (at least the dose
//    prescribed, all sets) and pain not rising during the session step its
//    dose up, one thing at a time: reps (+2), then the hold (+2 s, +5 s from
//    20 s), then a set, each within the catalogue's range; past the top of
//    every range, the harder variant is offered in its place.
//  - Pain rising by 2 or more during a session with the exercise, the
//    exercise skipped because it hurt, or skipped in two of its sessions
//    running without a reason (or for "other"), steps its dose down the
//    same ladder; below its bottom, the easier variant is offered.
//  - A skip for time or kit counts for nothing: no reset, no step, and it
//    does not break a run of skips; any other skip holds the count (it
//    neither counts towards a step up nor starts the count again).
//  - A painful session (pain.hpp: pain after 7/10 or more, or up by 2) counts
//    for none of the exercises in it and starts their count again (the count
//    of an exercise not in it is kept); while the pain warning holds (7 days
//    and 2 sessions without pain rising after it), no dose steps up
//    ("paused"), and a step up that falls due waits; steps down still happen.
//  - A session done at less than the dose, or with pain up by 1, neither
//    counts nor steps; only the last progression_memory_days count.
#include <optional>
#include <span>
#include <string>

#include "catalogue.hpp"
#include "clock.hpp"
#include "dose.hpp"
#include "pain.hpp"
#include "session.hpp"

namespace backcare {

inline constexpr int progression_memory_days = 90;
inline constexpr int sessions_to_step_up = 3;
inline constexpr int skips_to_step_down = 2;
inline constexpr int pain_rise_to_step_down = pain_rise;

enum class Step { none, up, down };

struct Progression {
    Dose dose;
    // When set, the harder (after stepping up) or easier (after stepping
    // down) exercise to do instead, at the dose above.
    const Exercise* variant = nullptr;
    Step last_step = Step::none;
    bool paused = false;       // a step up is due but withheld for pain
    bool has_history = false;  // done or skipped in the sessions given
    // Why this dose, for `plan --explain`: "held 10 s for 3 sessions without
    // pain rising → 12 s; 1 of 3 sessions towards the next step".
    std::string why;
};

// The pain warning (pain.hpp) in force on today, from the sessions, oldest first.
std::optional<PainWarning> pain_in_force(std::span<const Session> chronological, Date today);

// The dose of an exercise after replaying the sessions (oldest first; only
// those in the last progression_memory_days should be given), from its dose
// at the level, as of today. Variants are looked up in the catalogue.
Progression progress(const Exercise&, const Catalogue&, int level, std::span<const Session> chronological, Date today);

// A dose eased while the pain warning holds: no more than the level's, in
// sets, reps or hold (what was earned above it waits; what was stepped down stays).
Dose within_level(const Exercise&, int level, const Dose&);

// One rung of the ladder up or down; nullopt at the top or bottom.
std::optional<Dose> step_up(const Dose&, const DoseSpec&);
std::optional<Dose> step_down(const Dose&, const DoseSpec&);

}  // namespace backcare
