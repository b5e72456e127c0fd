#include "progression.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "session.hpp"
#include "text.hpp"

namespace backcare {
namespace {

int hold_step(int hold) { return hold < 20 ? 2 : 5; }

bool painful(const Session& s) {
    return (s.pain_before && *s.pain_before >= pain_to_pause) || (s.pain_after && *s.pain_after >= pain_to_pause);
}

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
    return fmt::format("{} set{}", d.sets, d.sets == 1 ? "" : "s");
}

std::string did(const Dose& d, const Dose& next) {
    if (d.reps != next.reps) return fmt::format("did {} reps", d.reps);
    if (d.hold != next.hold) return fmt::format("held {} s", d.hold);
    return fmt::format("did {} set{}", d.sets, d.sets == 1 ? "" : "s");
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

std::optional<std::string> pause_reason(std::span<const Session> chronological) {
    for (auto it = chronological.rbegin(); it != chronological.rend(); ++it) {
        if (!it->pain_before && !it->pain_after) continue;
        if (!painful(*it)) return std::nullopt;
        const bool after = it->pain_after && *it->pain_after >= pain_to_pause;
        return fmt::format("pain {}/10 {} the session of {}", after ? *it->pain_after : *it->pain_before,
                           after ? "after" : "before", it->local_date());
    }
    return std::nullopt;
}

Progression progress(const Exercise& exercise, const Catalogue& catalogue, int level,
                     std::span<const Session> chronological) {
    Progression p;
    p.dose = dose_at_level(exercise, level);
    // Steps up are withheld only after the session that pauses progression.
    std::size_t pause_at = chronological.size();
    if (pause_reason(chronological))
        for (std::size_t i = chronological.size(); i-- > 0;)
            if (chronological[i].pain_before || chronological[i].pain_after) {
                pause_at = i;
                break;
            }
    int streak = 0;
    int skips = 0;
    std::string last_skip;
    std::string change;  // the last step and why
    bool seen = false;

    auto step = [&](Step direction, const std::string& because) {
        const auto next = direction == Step::up ? step_up(p.dose, exercise.dose) : step_down(p.dose, exercise.dose);
        p.last_step = direction;
        p.variant = nullptr;
        streak = 0;
        skips = 0;
        if (next) {
            change = direction == Step::up ? fmt::format("{} → {}", because, rung(*next, p.dose))
                                           : fmt::format("{} → {}, from {}", because, rung(*next, p.dose), rung(p.dose, *next));
            p.dose = *next;
            return;
        }
        const std::string& other = direction == Step::up ? exercise.harder : exercise.easier;
        if (const Exercise* v = other.empty() ? nullptr : catalogue.find(other)) {
            p.variant = v;
            change = fmt::format("{} → the {} variant, {}", because, direction == Step::up ? "harder" : "easier", v->name);
        } else {
            change = fmt::format("{} → already the {} dose", because, direction == Step::up ? "top" : "lightest");
        }
    };

    for (std::size_t i = 0; i < chronological.size(); ++i) {
        const Session& s = chronological[i];
        const bool pause = i > pause_at;
        const Entry* e = entry_for(s, exercise.id);
        if (!e) {
            if (painful(s)) streak = 0;
            continue;
        }
        seen = true;
        if (e->status == EntryStatus::skipped) {
            streak = 0;
            if (++skips >= skips_to_step_down)
                step(Step::down, fmt::format("skipped on {} and {}", last_skip, s.local_date()));
            else
                last_skip = s.local_date();
            continue;
        }
        skips = 0;
        if (rise_in(s) >= pain_rise_to_step_down) {
            step(Step::down, fmt::format("pain rose from {} to {} on {}", *s.pain_before, *s.pain_after, s.local_date()));
        } else if (painful(s) || !at_full_dose(*e, p.dose)) {
            streak = 0;
        } else if (rise_in(s) <= 0 && ++streak >= sessions_to_step_up) {
            if (pause && !p.variant) {
                streak = sessions_to_step_up;  // due, and withheld
            } else if (!p.variant) {
                const auto next = step_up(p.dose, exercise.dose);
                const Exercise* harder = exercise.harder.empty() ? nullptr : catalogue.find(exercise.harder);
                if (next)
                    step(Step::up, fmt::format("{} for {} sessions without pain rising", did(p.dose, *next), sessions_to_step_up));
                else if (harder)
                    step(Step::up, fmt::format("did the top dose ({}) for {} sessions without pain rising",
                                               format_dose(p.dose), sessions_to_step_up));
                else
                    streak = sessions_to_step_up;  // at the top, with nowhere to go
            }
        }
    }

    p.has_history = seen;
    const bool can_step = step_up(p.dose, exercise.dose) || (!exercise.harder.empty() && catalogue.find(exercise.harder));
    p.paused = pause_at < chronological.size() && streak >= sessions_to_step_up && !p.variant && can_step;
    if (!seen) {
        p.why = fmt::format("not done in the last {} days: the level {} dose", progression_memory_days, level);
        return p;
    }
    std::vector<std::string> parts;
    if (!change.empty()) parts.push_back(change);
    if (p.paused)
        parts.push_back("a step up is due but paused for pain");
    else if (!p.variant && !can_step && streak >= sessions_to_step_up)
        parts.push_back("the top of its range, and the catalogue has no harder variant");
    else if (!p.variant)
        parts.push_back(fmt::format("{} of {} sessions at full dose towards the next step", streak, sessions_to_step_up));
    if (change.empty()) parts.insert(parts.begin(), fmt::format("the level {} dose", level));
    p.why = join(parts, "; ");
    return p;
}

}  // namespace backcare
