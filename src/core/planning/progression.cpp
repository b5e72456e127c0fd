// SPDX-License-Identifier: MIT
#include "progression.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pain.hpp"
#include "session.hpp"
#include "text.hpp"

namespace backcare {
namespace {

int hold_step(int hold) { return hold < 20 ? 2 : 5; }

int rise_in(const Session& s) { return s.pain_before && s.pain_after ? *s.pain_after - *s.pain_before : 0; }

const Entry* entry_for(const Session& s, std::string_view id) {
    for (const Entry& e : s.entries)
        if (e.exercise_id == id) return &e;
    return nullptr;
}

// At least the dose progression has reached, and the dose planned if there was one.
bool at_full_dose(const Entry& e, const Dose& d) {
    if (e.sets < d.sets || e.reps < d.reps || e.hold < d.hold) return false;
    const DoseClass c = dose_class(e.status == EntryStatus::done, e.sets, e.reps, e.hold, e.planned);
    return c == DoseClass::full || c == DoseClass::unplanned;
}

// What changed between two rungs, as a person reads it: "12 reps", "25 s", "3 sets".
std::string rung(const Dose& d, const Dose& other) {
    if (d.reps != other.reps) return fmt::format("{} reps", d.reps);
    if (d.hold != other.hold) return fmt::format("{} s", d.hold);
    return fmt::format("{} set{}", d.sets, plural_suffix(d.sets));
}

std::string did(const Dose& d, const Dose& next) {
    if (d.reps != next.reps) return fmt::format("did {} reps", d.reps);
    if (d.hold != next.hold) return fmt::format("held {} s", d.hold);
    return fmt::format("did {} set{}", d.sets, plural_suffix(d.sets));
}

}  // namespace

std::optional<Dose> step_up(const Dose& d, const DoseSpec& spec) {
    Dose next = d;
    if (spec.reps.present() && d.reps < spec.reps.max) {
        next.reps = std::min(spec.reps.max, d.reps + 2);
    } else if (spec.hold.present() && d.hold < spec.hold.max) {
        next.hold = std::min(spec.hold.max, d.hold + hold_step(d.hold));
    } else if (d.sets < spec.sets.max) {
        next.sets = d.sets + 1;
    } else {
        return std::nullopt;
    }
    return next;
}

std::optional<Dose> step_down(const Dose& d, const DoseSpec& spec) {
    Dose next = d;
    if (d.sets > spec.sets.min) {
        next.sets = d.sets - 1;
    } else if (spec.hold.present() && d.hold > spec.hold.min) {
        next.hold = std::max(spec.hold.min, d.hold - hold_step(d.hold - 1));
    } else if (spec.reps.present() && d.reps > spec.reps.min) {
        next.reps = std::max(spec.reps.min, d.reps - 2);
    } else {
        return std::nullopt;
    }
    return next;
}

Dose within_level(const Exercise& e, int level, const Dose& earned) {
    const Dose base = dose_at_level(e, level);
    Dose d = earned;
    d.sets = std::min(d.sets, base.sets);
    d.reps = std::min(d.reps, base.reps);
    d.hold = std::min(d.hold, base.hold);
    return d;
}

std::vector<ScoredSession> pain_scores(std::span<const Session> chronological) {
    std::vector<ScoredSession> out;
    out.reserve(chronological.size());
    for (const Session& s : chronological) out.push_back(scored(s));
    return out;
}

std::optional<PainWarning> pain_in_force(std::span<const Session> chronological, Date today) {
    const auto scores = pain_scores(chronological);
    return pain_warning(scores, today);
}

namespace {

// One exercise's sessions replayed in order, its dose stepped as the rules say.
class Replay {
public:
    Replay(const Exercise& exercise, const Catalogue& catalogue, int level)
        : exercise_(exercise), catalogue_(catalogue), level_(level) {
        p_.dose = dose_at_level(exercise, level);
    }

    // The next session; pause: a step up falling due now is withheld (the pain warning holds).
    // A painful session resets the count of the exercises in it, not of the others.
    void add(const Session& s, bool pause) {
        const Entry* e = entry_for(s, exercise_.id);
        if (!e) return;
        seen_ = true;
        if (e->status == EntryStatus::skipped) return skipped(s, e->skip_reason);
        skips_ = 0;
        skip_note_.clear();
        if (rise_in(s) >= pain_rise_to_step_down)
            step(Step::down, fmt::format("pain rose from {} to {} on {}", *s.pain_before, *s.pain_after, s.local_date()));
        else if (painful(s) || !at_full_dose(*e, p_.dose))
            streak_ = 0;
        else if (rise_in(s) <= 0 && ++streak_ >= sessions_to_step_up)
            step_up_due(pause);
    }

    // The dose after the last session; pain_paused: the pain warning holds today.
    Progression result(bool pain_paused) {
        p_.has_history = seen_;
        bool can_step = step_up(p_.dose, exercise_.dose) || harder();
        // A step withheld while the warning held is taken once it has ended.
        if (!pain_paused && streak_ >= sessions_to_step_up && !p_.variant && can_step) {
            step_up_due(false);
            can_step = step_up(p_.dose, exercise_.dose) || harder();
        }
        p_.paused = pain_paused && streak_ >= sessions_to_step_up && !p_.variant && can_step;
        p_.why = why(can_step);
        return p_;
    }

private:
    const Exercise* harder() const { return exercise_.harder.empty() ? nullptr : catalogue_.find(exercise_.harder); }

    // A skip that hurt steps down as pain rising would; one for time or kit
    // counts for nothing; any other holds the count, and two of those
    // running step down.
    void skipped(const Session& s, std::optional<SkipReason> reason) {
        const std::string day = s.local_date();
        if (reason == SkipReason::hurt) return step(Step::down, fmt::format("skipped on {} because it hurt", day));
        if (reason == SkipReason::time || reason == SkipReason::kit) {
            skip_note_ = fmt::format("skipped on {} ({}): not counted", day, name_of(*reason));
            return;
        }
        const std::string why = reason ? fmt::format(" ({})", name_of(*reason)) : std::string();
        if (++skips_ >= skips_to_step_down) {
            step(Step::down, fmt::format("skipped on {} and {}{}", last_skip_, day, why));
        } else {
            last_skip_ = day;
            skip_note_ = fmt::format("skipped on {}{}: the count is held", day, why);
        }
    }

    void step_up_due(bool pause) {
        if (p_.variant) return;
        if (pause) {
            streak_ = sessions_to_step_up;  // due, and withheld
            return;
        }
        if (const auto next = step_up(p_.dose, exercise_.dose))
            step(Step::up, fmt::format("{} for {} sessions without pain rising", did(p_.dose, *next), sessions_to_step_up));
        else if (harder())
            step(Step::up, fmt::format("did the top dose ({}) for {} sessions without pain rising", format_dose(p_.dose),
                                       sessions_to_step_up));
        else
            streak_ = sessions_to_step_up;  // at the top, with nowhere to go
    }

    void step(Step direction, const std::string& because) {
        const bool up = direction == Step::up;
        const auto next = up ? step_up(p_.dose, exercise_.dose) : step_down(p_.dose, exercise_.dose);
        p_.last_step = direction;
        p_.variant = nullptr;
        streak_ = 0;
        skips_ = 0;
        skip_note_.clear();
        if (next) {
            change_ = up ? fmt::format("{} → {}", because, rung(*next, p_.dose))
                         : fmt::format("{} → {}, from {}", because, rung(*next, p_.dose), rung(p_.dose, *next));
            p_.dose = *next;
            return;
        }
        const std::string& other = up ? exercise_.harder : exercise_.easier;
        if (const Exercise* v = other.empty() ? nullptr : catalogue_.find(other)) {
            p_.variant = v;
            change_ = fmt::format("{} → the {} variant, {}", because, up ? "harder" : "easier", v->name);
        } else {
            change_ = fmt::format("{} → already the {} dose", because, up ? "top" : "lightest");
        }
    }

    std::string why(bool can_step) const {
        if (!seen_) return fmt::format("not done in the last {} days: the level {} dose", progression_memory_days, level_);
        std::vector<std::string> parts;
        if (!change_.empty()) parts.push_back(change_);
        if (!skip_note_.empty()) parts.push_back(skip_note_);
        if (p_.paused)
            parts.push_back("a step up is due but paused while the pain warning holds");
        else if (!p_.variant && !can_step && streak_ >= sessions_to_step_up)
            parts.push_back("the top of its range, and the catalogue has no harder variant");
        else if (!p_.variant)
            parts.push_back(fmt::format("{} of {} sessions at full dose towards the next step", streak_, sessions_to_step_up));
        if (change_.empty()) parts.insert(parts.begin(), fmt::format("the level {} dose", level_));
        return join(parts, "; ");
    }

    const Exercise& exercise_;
    const Catalogue& catalogue_;
    const int level_;
    Progression p_;
    int streak_ = 0;         // sessions at full dose since the last step
    int skips_ = 0;          // sessions running with the exercise skipped
    std::string last_skip_;  // the day of the last skip
    std::string skip_note_;  // the last skip since the last session done or step, and what it counted for
    std::string change_;     // the last step and why
    bool seen_ = false;
};

}  // namespace

Progression progress(const Exercise& exercise, const Catalogue& catalogue, int level, std::span<const Session> chronological,
                     Date today) {
    const auto scores = pain_scores(chronological);
    const std::vector<bool> held = pain_warning_each(scores);
    Replay replay(exercise, catalogue, level);
    // Each session sees the warning as it stood that day, the painful session itself included.
    // (Sessions after today, from a clock set back, are not replayed.)
    for (std::size_t i = 0; i < chronological.size() && scores[i].day <= today; ++i) replay.add(chronological[i], held[i]);
    return replay.result(pain_warning(scores, today).has_value());
}

}  // namespace backcare
