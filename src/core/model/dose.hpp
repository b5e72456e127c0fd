// SPDX-License-Identifier: MIT
#pragma once
// A concrete dose (what one session prescribes or records) and its notation.
//
// Notation, as typed after "ID:" on the command line and shown in plans:
//   10        10 reps               30s, 2m    one hold of 30 s, of 2 min
//   2x12      2 sets of 12 reps     10x5s      10 reps, each held 5 s
//   2x10x5s   2 sets of 10 reps, each held 5 s
//   ...@red   any of the above with a load, e.g. a band colour
#include <string>
#include <string_view>

#include "exercise.hpp"

namespace backcare {

struct Dose {
    int sets = 1;
    int reps = 0;   // 0: a pure hold
    int hold = 0;   // seconds per rep (or the whole hold when reps is 0)
    int rest = 0;   // seconds between sets
    int tempo = 3;  // seconds per rep of movement
    bool per_side = false;
    std::string load;
    friend bool operator==(const Dose&, const Dose&) = default;
};

// Upper bounds accepted from a person or a file; beyond them a value is a typo.
inline constexpr int max_sets = 50;
inline constexpr int max_reps = 1000;
inline constexpr int max_hold_seconds = 3600;

// Throws UsageError naming the text when it is not valid notation.
Dose parse_dose(std::string_view text);

// Canonical notation ("2x10x5s", "30s"); parse_dose(format_dose(d)) keeps sets, reps, hold, load.
std::string format_dose(const Dose&);

// For people: "2 × 10 reps, hold 5 s, each side" (ASCII "x" when unicode is false).
std::string describe_dose(const Dose&, bool unicode);

// An exercise's prescription for people: "1–2 sets of 8–10 reps, rest 15 s".
std::string describe_dose_spec(const Exercise&, bool unicode);

// The dose an exercise's prescription gives at a level from 1 to 3.
Dose dose_at_level(const Exercise&, int level);

// Estimated seconds to do the dose: reps at the tempo plus holds, each side for
// one-sided exercises, and the rest between sets. Excludes getting into position.
int estimate_seconds(const Dose&);

// "45 s", "1:30", "12 min"
std::string format_seconds(int seconds);

}  // namespace backcare
