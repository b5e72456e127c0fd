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
//  - Pain rising by 2 or more during a session with the exercise, or the
//    exercise skipped in two sessions running, steps its dose down the same
//    ladder; below its bottom, the easier variant is offered.
//  - A session with pain of 7/10 or more (before or after) counts for no
//    exercise; while the last session that has a pain score is one of them,
//    no dose steps up ("paused").
//  - A session done at less than the dose, or with pain up by 1, neither
//    counts nor steps; only the last progression_memory_days count.
#include <optional>
#include <span>
#include <string>

#include "catalogue.hpp"
#include "clock.hpp"
#include "dose.hpp"
#include "session.hpp"

namespace backcare {

inline constexpr int progression_memory_days = 90;
inline constexpr int sessions_to_step_up = 3;
inline constexpr int skips_to_step_down = 2;
inline constexpr int pain_rise_to_step_down = 2;
inline constexpr int pain_to_pause = 7;

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

// The pain that pauses progression, when the last session with a pain score
// had 7/10 or more: "pain 8/10 after the session of 2026-11-20".
std::optional<std::string> pause_reason(std::span<const Session> chronological);

// The dose of an exercise after replaying the sessions (oldest first; only
// those in the last progression_memory_days should be given), from its dose
// at the level. Variants are looked up in the catalogue.
Progression progress(const Exercise&, const Catalogue&, int level, std::span<const Session> chronological);

// One rung of the ladder up or down; nullopt at the top or bottom.
std::optional<Dose> step_up(const Dose&, const DoseSpec&);
std::optional<Dose> step_down(const Dose&, const DoseSpec&);

}  // namespace backcare
