// SPDX-License-Identifier: MIT
#include "planner.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

#include <fmt/format.h>

#include "errors.hpp"
#include "progression.hpp"
#include "text.hpp"

namespace backcare {
namespace {

// splitmix64: a fixed, portable mix, so the same seed gives the same plan everywhere.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t hash_text(std::uint64_t seed, std::string_view s) {
    std::uint64_t h = mix(seed);
    for (unsigned char c : s) h = mix(h ^ c);
    return h;
}

int kind_rank(Kind k) {
    switch (k) {
        case Kind::mobility: return 0;
        case Kind::strength: return 1;
        case Kind::stretch: return 2;
    }
    return 1;
}

struct Candidate {
    const Exercise* exercise;
    double score;            // higher first
    std::optional<int> age;  // days since last done, within the planner's memory
};

// Longest gap since last done wins, capped at two weeks so that a random
// share keeps routines varied among exercises not done lately.
std::vector<Candidate> rank(const Catalogue& catalogue, const PlanRequest& request, const LastDone& last_done,
                            std::chrono::sys_days today) {
    std::vector<Candidate> out;
    auto listed = [](const std::vector<std::string>& ids, const std::string& id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    for (const Exercise& e : catalogue.exercises()) {
        if (!fits(e, request) || listed(request.include, e.id) || listed(request.exclude, e.id)) continue;
        double days = planner_memory_days;
        std::optional<int> age;
        if (auto it = last_done.find(e.id); it != last_done.end()) {
            days = std::clamp(static_cast<double>((today - it->second).count()), 0.0, double{planner_memory_days});
            age = static_cast<int>(days);
        }
        const double jitter = static_cast<double>(hash_text(request.seed, e.id) >> 11) / 9007199254740992.0;  // [0, 1)
        out.push_back({&e, days + 6.0 * jitter, age});
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
        return a.score > b.score || (a.score == b.score && a.exercise->id < b.exercise->id);
    });
    return out;
}

// What each slot of a routine is filled with, in turn: a goal, a kind, or
// both. A routine opens with mobility and closes with a stretch where the
// goal has them; balanced ones take a turn at each goal in between.
struct Slot {
    std::optional<Goal> goal;
    std::optional<Kind> kind;
    bool accepts(const Exercise& e) const { return (!goal || e.has_goal(*goal)) && (!kind || e.kind == *kind); }
    std::string describe() const {
        if (kind == Kind::mobility) return "mobility opens the routine";
        if (kind == Kind::stretch) return "a stretch closes the routine";
        if (goal) return fmt::format("a {} exercise", name_of(*goal));
        return "an exercise for the goal";
    }
};

std::string describe_age(const std::optional<int>& age) {
    if (!age) return fmt::format("not done in the last {} days", planner_memory_days);
    // Done or skipped: either way it was in a session's routine.
    if (*age == 0) return "last in a session today";
    return fmt::format("last in a session {} ago", plural(*age, "day"));
}

// The exercise and dose the person's history calls for, instead of a candidate at a level.
struct Pick {
    const Exercise* exercise;
    Dose dose;
    std::string why;
    bool eased = false;
    // For a variant: the exercise itself at its own dose, when the variant is in the routine already.
    std::optional<RoutineItem> instead = {};
};

class Doses {
public:
    // Without history (ignoring: the doses it earned do not fit the time), the level's doses.
    Doses(const Catalogue& catalogue, const PlanRequest& request, std::span<const Session> recent, Date today, bool ignoring = false)
        : catalogue_(catalogue),
          request_(request),
          recent_(recent),
          today_(today),
          ignoring_(ignoring),
          pain_(ignoring ? std::nullopt : pain_in_force(recent, today)) {}

    const Pick& operator()(const Exercise& e, int level) {
        const auto key = std::pair{e.id, level};
        if (auto it = cache_.find(key); it != cache_.end()) return it->second;
        return cache_.emplace(key, pick(e, level)).first->second;
    }

private:
    Pick pick(const Exercise& e, int level) const {
        if (ignoring_)
            return {&e, dose_at_level(e, level),
                    fmt::format("the doses your log has earned do not fit {} minutes: the level {} dose", request_.minutes, level)};
        Progression p = progress(e, catalogue_, level, recent_, today_);
        ease(e, level, p);
        const bool eased = p.last_step == Step::down || pain_;
        if (!p.variant) return {&e, p.dose, p.why, eased};
        PlanRequest any_level = request_;
        any_level.level = 3;
        if (!fits(*p.variant, any_level))
            return {&e, p.dose, p.why + fmt::format("; {} does not fit this place or equipment, so the same again", p.variant->name),
                    eased};
        Progression v = progress(*p.variant, catalogue_, 1, recent_, today_);
        ease(*p.variant, 1, v);
        RoutineItem same{e, p.dose, 0, "", fmt::format("{}; {} is in the routine already, so this at that dose", p.why, p.variant->name), eased};
        return {p.variant, v.dose, fmt::format("{}; {}", p.why, v.has_history ? v.why : "starting at its lightest dose"),
                eased || v.last_step == Step::down, std::move(same)};
    }

    // While the pain warning holds the routine is eased: no dose above the
    // level's (what was earned waits), and (planner) no sets to fill time.
    void ease(const Exercise& e, int level, Progression& p) const {
        if (!pain_) return;
        const Dose eased = within_level(e, level, p.dose);
        if (eased == p.dose) return;
        p.dose = eased;
        p.why += fmt::format("; eased to the level {} dose while the pain warning holds", level);
    }

    const Catalogue& catalogue_;
    const PlanRequest& request_;
    std::span<const Session> recent_;
    Date today_;
    bool ignoring_;
    std::optional<PainWarning> pain_;
    std::map<std::pair<std::string, int>, Pick> cache_;
};

std::vector<Slot> slots_for(const PlanGoal& goal) {
    if (goal)
        return {{goal, Kind::mobility}, {goal, std::nullopt}, {goal, Kind::stretch},
                {goal, std::nullopt}, {goal, std::nullopt}, {goal, std::nullopt}};
    return {{std::nullopt, Kind::mobility}, {Goal::strength, std::nullopt}, {std::nullopt, Kind::stretch},
            {Goal::posture, std::nullopt},  {Goal::flexibility, std::nullopt}, {Goal::strength, std::nullopt}};
}

void order_gently(std::vector<RoutineItem>& items) {
    // Everything off the floor first, so a routine goes down once and stays
    // there; on each side mobility first, strength in the middle, stretches
    // last, and standing before seated (hands and knees before lying).
    std::stable_sort(items.begin(), items.end(), [](const RoutineItem& a, const RoutineItem& b) {
        auto key = [](const RoutineItem& i) {
            return std::tuple{on_floor(i.exercise.position), kind_rank(i.exercise.kind), static_cast<int>(i.exercise.position)};
        };
        return key(a) < key(b);
    });
}

void retime(std::vector<RoutineItem>& items) {
    const Exercise* previous = nullptr;
    for (auto& item : items) {
        item.seconds = estimate_seconds(item.dose) + transition_seconds(previous, item.exercise);
        previous = &item.exercise;
    }
}

int total(const std::vector<RoutineItem>& items) {
    return std::accumulate(items.begin(), items.end(), 0, [](int sum, const RoutineItem& i) { return sum + i.seconds; });
}

constexpr int worst_transition = 20;

bool family_in(const std::vector<RoutineItem>& items, const Exercise& e) {
    return std::any_of(items.begin(), items.end(),
                       [&](const RoutineItem& i) { return i.exercise.family_name() == e.family_name(); });
}

// The item a candidate brings at a level: the exercise its history calls for
// (a variant, perhaps), or the exercise itself when that variant's family is
// in the routine already; nullopt when neither may join.
std::optional<RoutineItem> item_for(const Exercise& candidate, int level, Doses& doses, const std::vector<RoutineItem>& chosen,
                                    const PlanRequest& request) {
    if (family_in(chosen, candidate)) return std::nullopt;
    const Pick& pick = doses(candidate, level);
    // A variant kept out (--exclude) is as one that does not fit: the exercise itself.
    const bool excluded = std::find(request.exclude.begin(), request.exclude.end(), pick.exercise->id) != request.exclude.end();
    if (!excluded && !family_in(chosen, *pick.exercise)) return RoutineItem{*pick.exercise, pick.dose, 0, "", pick.why, pick.eased};
    if (!pick.instead) return std::nullopt;
    RoutineItem same = *pick.instead;
    // Its why ends "; VARIANT is in the routine already, so this at that dose".
    if (excluded)
        same.dose_because = fmt::format("{}; {} is excluded, so the same again",
                                        same.dose_because.substr(0, same.dose_because.rfind("; ")), pick.exercise->name);
    return same;
}

// The exercises asked for, each at the dose its history calls for (never a
// variant in its place: it was asked for by name).
std::vector<RoutineItem> included_items(const std::vector<const Exercise*>& included, int level, Doses& doses,
                                        const std::string& from) {
    std::vector<RoutineItem> out;
    for (const Exercise* e : included) {
        const Pick& pick = doses(*e, level);
        RoutineItem item = pick.exercise == e || !pick.instead ? RoutineItem{*e, pick.dose, 0, "", pick.why, pick.eased} : *pick.instead;
        if (item.exercise.id != e->id) item = RoutineItem{*e, dose_at_level(*e, level), 0, "", fmt::format("the level {} dose", level), false};
        item.seconds = estimate_seconds(item.dose) + worst_transition;
        item.chosen_because = "asked for with " + from;
        out.push_back(std::move(item));
    }
    return out;
}

std::optional<std::vector<RoutineItem>> choose(const std::vector<Candidate>& ranked, const std::vector<const Exercise*>& included,
                                               const PlanRequest& request, int level, int budget, Doses& doses) {
    std::vector<RoutineItem> chosen = included_items(included, level, doses, request.include_from);
    int used = total(chosen);
    if (used > budget) return std::nullopt;
    const auto slots = slots_for(request.goal);
    // An exercise asked for takes the first turn it answers.
    std::vector<bool> taken(slots.size(), false);
    for (const auto& item : chosen)
        for (std::size_t i = 0; i < slots.size(); ++i)
            if (!taken[i] && slots[i].accepts(item.exercise)) {
                taken[i] = true;
                break;
            }
    // Room is kept for the cheapest exercises that make up the minimum, so
    // that one long early pick cannot crowd out a routine that fits.
    int cheapest = budget;
    for (const Candidate& c : ranked)
        cheapest = std::min(cheapest, estimate_seconds(doses(*c.exercise, level).dose) + worst_transition);
    const std::size_t most = std::max(routine_turns, chosen.size());
    for (std::size_t s = 0; s < slots.size() && chosen.size() < most; ++s) {
        if (taken[s]) continue;
        const Slot& slot = slots[s];
        const int still_needed = std::max(0, static_cast<int>(min_exercises) - static_cast<int>(chosen.size()) - 1);
        for (const Candidate& c : ranked) {
            if (!slot.accepts(*c.exercise)) continue;
            auto item = item_for(*c.exercise, level, doses, chosen, request);
            if (!item) continue;
            item->seconds = estimate_seconds(item->dose) + worst_transition;
            if (used + item->seconds + still_needed * cheapest > budget) continue;
            item->chosen_because = fmt::format("{}; {}", slot.describe(), describe_age(c.age));
            if (item->exercise.id != c.exercise->id)
                item->chosen_because = fmt::format("in place of {}: {}", c.exercise->name, item->chosen_because);
            used += item->seconds;
            chosen.push_back(std::move(*item));
            break;
        }
    }
    if (chosen.size() < min_exercises) return std::nullopt;
    return chosen;
}

// Adds sets, one at a time and to the exercise with the fewest, while the
// routine is under `until` seconds and each set keeps it within `limit`:
// a longer session is more of the same first. Returns the sets added.
int fill_sets(std::vector<RoutineItem>& items, int until, int limit) {
    int added = 0;
    std::vector<bool> full(items.size(), false);
    while (total(items) < until) {
        std::optional<std::size_t> best;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (full[i] || items[i].eased || items[i].dose.sets >= items[i].exercise.dose.sets.max) continue;
            if (!best || items[i].dose.sets < items[*best].dose.sets) best = i;
        }
        if (!best) break;
        items[*best].dose.sets += 1;
        retime(items);
        if (total(items) > limit) {
            items[*best].dose.sets -= 1;
            retime(items);
            full[*best] = true;
        } else {
            ++added;
        }
    }
    return added;
}

// When every set is in and the routine still falls short: more exercises,
// in the ranked order, each within the upper bound. Returns how many.
int fill_exercises(std::vector<RoutineItem>& items, const std::vector<Candidate>& ranked, const PlanRequest& request, int level,
                   Doses& doses, int until, int limit, std::map<std::string, int>& sets_before) {
    const int minutes = request.minutes;
    int added = 0;
    for (const Candidate& c : ranked) {
        if (total(items) >= until || items.size() >= max_exercises) break;
        auto item = item_for(*c.exercise, level, doses, items, request);
        if (!item) continue;
        item->chosen_because = fmt::format("one more exercise to fill {} minutes; {}", minutes, describe_age(c.age));
        if (item->exercise.id != c.exercise->id)
            item->chosen_because = fmt::format("in place of {}: {}", c.exercise->name, item->chosen_because);
        const std::string id = item->exercise.id;
        const int sets = item->dose.sets;
        items.push_back(std::move(*item));
        order_gently(items);
        retime(items);
        if (total(items) > limit) {
            items.erase(std::find_if(items.begin(), items.end(), [&](const RoutineItem& i) { return i.exercise.id == id; }));
            retime(items);
            continue;
        }
        ++added;
        sets_before.emplace(id, sets);
        fill_sets(items, until, limit);
    }
    return added;
}

// When every exercise that fits is in at its most sets and the routine is
// still short: the routine again, round after round up to the upper bound,
// where all of it is on one side of the floor (a round never climbs back up).
int fill_rounds(std::vector<RoutineItem>& items, int until, int limit) {
    if (items.empty() || total(items) >= until) return 1;
    const bool floor = on_floor(items.front().exercise.position);
    if (std::any_of(items.begin(), items.end(), [&](const RoutineItem& i) { return on_floor(i.exercise.position) != floor; }))
        return 1;
    const std::vector<RoutineItem> one = items;
    int rounds = 1;
    for (int r = 2; r <= max_rounds; ++r) {
        std::vector<RoutineItem> more = items;
        for (RoutineItem item : one) {
            item.round = r;
            more.push_back(std::move(item));
        }
        retime(more);
        if (total(more) > limit) break;
        items = std::move(more);
        rounds = r;
        if (total(items) >= until) break;
    }
    for (auto& item : items)
        if (item.round > 1) item.chosen_because = fmt::format("round {} of {}: the routine again", item.round, rounds);
    return rounds;
}

void explain_filled_sets(std::vector<RoutineItem>& items, const std::map<std::string, int>& sets_before, int minutes) {
    for (auto& item : items) {
        const auto it = sets_before.find(item.exercise.id);
        const int added = item.dose.sets - (it == sets_before.end() ? item.dose.sets : it->second);
        if (added > 0)
            item.dose_because += fmt::format("; {} more set{} to fill {} minutes", added, plural_suffix(added), minutes);
    }
}

std::string describe_request(const PlanRequest& r) {
    std::vector<std::string> parts;
    parts.push_back(fmt::format("goal {}", name_of_goal(r.goal)));
    if (r.place != Place::any) parts.push_back(fmt::format("place {}", name_of(r.place)));
    std::vector<std::string> eq;
    for (Equipment e : r.equipment) eq.emplace_back(name_of(e));
    parts.push_back(eq.empty() ? "no equipment" : "equipment " + join(eq, ","));
    parts.push_back(fmt::format("level {}", r.level));
    return join(parts, ", ");
}

// Whether any routine fits the request given all the time there is.
bool can_plan(const Catalogue& catalogue, const PlanRequest& r) {
    const auto ranked = rank(catalogue, r, LastDone{}, std::chrono::sys_days{});
    Doses doses(catalogue, r, {}, Date{});
    return choose(ranked, {}, r, 1, max_minutes * 60, doses).has_value();
}

[[noreturn]] void too_few(const Catalogue& catalogue, const PlanRequest& request, std::size_t found) {
    std::vector<std::string> tries;
    auto attempt = [&](const PlanRequest& relaxed, std::string hint) {
        if (!can_plan(catalogue, relaxed)) return false;
        tries.push_back(std::move(hint));
        return true;
    };
    for (int level = request.level + 1; level <= 3; ++level) {
        PlanRequest r = request;
        r.level = level;
        if (attempt(r, fmt::format("--level {}", level))) break;  // the lowest level that is enough
    }
    if (request.place != Place::any) {
        PlanRequest r = request;
        r.place = Place::any;
        attempt(r, "--place any");
    }
    for (Equipment e : all_values<Equipment>()) {
        if (std::find(request.equipment.begin(), request.equipment.end(), e) != request.equipment.end()) continue;
        PlanRequest r = request;
        r.equipment.push_back(e);
        attempt(r, fmt::format("--equipment {}", name_of(e)));
    }
    if (request.goal) {
        PlanRequest r = request;
        r.goal = std::nullopt;
        attempt(r, "--goal balanced");
    }
    const std::string needs = request.goal ? fmt::format("a routine needs {}", min_exercises)
                                           : fmt::format("a balanced routine needs {} across the goals", min_exercises);
    throw NoResult(fmt::format("only {} fit{} {} ({}){}", plural(found, "exercise"), found == 1 ? "s" : "",
                               describe_request(request), needs, tries.empty() ? "" : "; try " + join_or(tries)));
}


// Why an exercise cannot be in any routine for the request (its goal aside).
std::optional<std::string> why_it_cannot_fit(const Exercise& e, const PlanRequest& r) {
    if (e.level > r.level) return fmt::format("it is level {}; try --level {}", e.level, e.level);
    if (r.place == Place::desk && !e.desk_friendly)
        return fmt::format("it is a floor exercise ({}), not one for a desk; try --place any", name_of(e.position));
    if (r.place == Place::floor && !on_floor(e.position))
        return fmt::format("it is not a floor exercise ({}); try --place any", name_of(e.position));
    const auto at_hand = equipment_at_hand(r);
    for (Equipment need : e.equipment)
        if (std::find(at_hand.begin(), at_hand.end(), need) == at_hand.end()) {
            std::vector<std::string> with;
            for (Equipment have : r.equipment) with.emplace_back(name_of(have));
            with.emplace_back(name_of(need));
            return fmt::format("it needs a {}; try --equipment {}", name_of(need), join(with, ","));
        }
    return std::nullopt;
}

// Where a list is from decides the error: a flag's is a usage error, a file's a data error.
[[noreturn]] void refuse_list(const std::string& from, const std::string& message) {
    if (from.rfind("--", 0) == 0) throw UsageError(message);
    throw DataError(fmt::format("{}: {}", from, message));
}

const Exercise& listed_exercise(const Catalogue& catalogue, const std::string& id, const std::string& from) {
    try {
        return catalogue.get(id);
    } catch (const UsageError& e) {
        refuse_list(from, e.what());
    }
}

// The exercises asked for, checked with those kept out: each id known,
// none in both, one of each family, each possible here.
std::vector<const Exercise*> check_lists(const Catalogue& catalogue, const PlanRequest& r) {
    for (const auto& id : r.exclude) (void)listed_exercise(catalogue, id, r.exclude_from);
    std::vector<const Exercise*> out;
    for (const auto& id : r.include) {
        const Exercise& e = listed_exercise(catalogue, id, r.include_from);
        if (std::find(r.exclude.begin(), r.exclude.end(), id) != r.exclude.end())
            throw UsageError(fmt::format("'{}' is both in {} and in {}", id, r.include_from, r.exclude_from));
        for (const Exercise* other : out)
            if (other->family_name() == e.family_name())
                refuse_list(r.include_from, fmt::format("'{}' and '{}' are of one family ({}), and a routine has one of them",
                                                        other->id, id, e.family_name()));
        if (auto why = why_it_cannot_fit(e, r)) throw NoResult(fmt::format("{} {}: {}", r.include_from, id, *why));
        out.push_back(&e);
    }
    if (out.size() > max_exercises)
        refuse_list(r.include_from, fmt::format("{} exercises are asked for; a routine has at most {}", out.size(), max_exercises));
    return out;
}

// Whether a set or an exercise could still join (only not within the time):
// else everything that may be in is in, at its most sets.
bool room_left(const Routine& routine, const std::vector<Candidate>& ranked) {
    const bool sets_left = std::any_of(routine.items.begin(), routine.items.end(), [](const RoutineItem& i) {
        return !i.eased && i.dose.sets < i.exercise.dose.sets.max;
    });
    return sets_left || (routine.exercise_count() < max_exercises &&
                         std::any_of(ranked.begin(), ranked.end(), [&](const Candidate& c) { return !family_in(routine.items, *c.exercise); }));
}

// Why a routine falls short of the time asked for: said, not hidden.
std::string short_because(const Routine& routine, const PlanRequest& request, const std::vector<Candidate>& ranked) {
    if (routine.pain) return "the pain warning holds, so no sets or exercises are added to fill the time";
    if (room_left(routine, ranked)) return fmt::format("one more set or exercise would run past {} % of the time", fill_high_percent);
    const std::string all_in = routine.exercise_count() >= max_exercises
                                   ? fmt::format("{} exercises, as many as a routine has, are in, each at its most sets", max_exercises)
                                   : fmt::format("every exercise that fits ({}) is in, each at its most sets", describe_request(request));
    const int rounds = routine.fill.rounds;
    if (rounds == 1) return all_in;
    return fmt::format("{}, {} times over{}", all_in, rounds,
                       rounds == max_rounds ? fmt::format(" ({} rounds at most)", max_rounds)
                                            : fmt::format(", and one more round would run past {} %", fill_high_percent));
}

}  // namespace

int Routine::total_seconds() const { return total(items); }

std::size_t Routine::exercise_count() const {
    return static_cast<std::size_t>(std::count_if(items.begin(), items.end(), [](const RoutineItem& i) { return i.round == 1; }));
}

int transition_seconds(const Exercise* previous, const Exercise& next) {
    if (previous && previous->position == next.position) return 10;
    return worst_transition;
}

std::vector<Equipment> equipment_at_hand(const PlanRequest& r) {
    std::vector<Equipment> out = r.equipment;
    auto add = [&](Equipment e) {
        if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    };
    // A chair and a doorway are near wherever one stands or sits (a desk, a
    // room at home); floor work is done away from them, on a mat or carpet.
    if (r.place != Place::floor) {
        add(Equipment::chair);
        add(Equipment::doorway);
    }
    if (r.place == Place::floor) add(Equipment::mat);
    return out;
}

bool fits(const Exercise& e, const PlanRequest& r) {
    if (e.level > r.level) return false;
    if (r.goal && !e.has_goal(*r.goal)) return false;
    if (r.place == Place::desk && !e.desk_friendly) return false;
    if (r.place == Place::floor && !on_floor(e.position)) return false;
    const auto at_hand = equipment_at_hand(r);
    return std::all_of(e.equipment.begin(), e.equipment.end(),
                       [&](Equipment need) { return std::find(at_hand.begin(), at_hand.end(), need) != at_hand.end(); });
}

std::uint64_t seed_for_day(std::chrono::sys_days today) {
    const std::chrono::year_month_day ymd{today};
    return static_cast<std::uint64_t>(static_cast<int>(ymd.year())) * 10000 +
           std::uint64_t{static_cast<unsigned>(ymd.month())} * 100 + static_cast<unsigned>(ymd.day());
}

Routine plan_routine(const Catalogue& catalogue, const PlanRequest& request, const LastDone& last_done,
                     std::chrono::sys_days today, std::span<const Session> recent) {
    const std::vector<const Exercise*> included = check_lists(catalogue, request);
    const auto ranked = rank(catalogue, request, last_done, today);
    Doses doses(catalogue, request, recent, today);
    const int budget = request.minutes * 60;

    if (ranked.size() + included.size() < min_exercises) too_few(catalogue, request, ranked.size() + included.size());

    // In the ranked order; when that does not fit, the quickest exercises
    // first, so that whether a routine fits does not depend on the seed.
    auto attempt = [&](int level, int seconds, Doses& doses) {
        auto chosen = choose(ranked, included, request, level, seconds, doses);
        if (chosen) return chosen;
        auto quickest = ranked;
        auto cost = [&](const Candidate& c) { return estimate_seconds(doses(*c.exercise, level).dose); };
        std::stable_sort(quickest.begin(), quickest.end(), [&](const Candidate& a, const Candidate& b) {
            return std::pair{cost(a), a.exercise->id} < std::pair{cost(b), b.exercise->id};
        });
        return choose(quickest, included, request, level, seconds, doses);
    };
    // The level's dose first; the lightest dose if that does not fit.
    Doses plain(catalogue, request, {}, today, true);
    Doses* used = &doses;
    int level = request.level;
    auto chosen = attempt(level, budget, doses);
    if (!chosen) chosen = attempt(level = 1, budget, doses);
    // Doses the log has earned can outgrow the time; then the plain ones, said so.
    if (!chosen && !recent.empty()) chosen = attempt(level = request.level, budget, *(used = &plain));
    if (!chosen && !recent.empty()) chosen = attempt(level = 1, budget, plain);
    if (!chosen) {
        // Would more time help? Then say how much is enough.
        const int asked = total(included_items(included, 1, plain, request.include_from));
        for (int minutes = request.minutes + 1; minutes <= max_minutes; ++minutes)
            if (attempt(1, minutes * 60, plain)) {
                if (asked > budget)
                    throw NoResult(fmt::format("the exercises asked for with {} take about {} on their own, more than {}; try --minutes {}",
                                               request.include_from, format_seconds(asked), plural(request.minutes, "minute"), minutes));
                throw NoResult(fmt::format("no {} routine of {} exercises fits {} ({}); try --minutes {}",
                                           name_of_goal(request.goal), min_exercises, plural(request.minutes, "minute"),
                                           describe_request(request), minutes));
            }
        too_few(catalogue, request, ranked.size() + included.size());
    }
    Routine routine{request, std::move(*chosen), pain_in_force(recent, today), {}};
    order_gently(routine.items);
    retime(routine.items);
    std::map<std::string, int> sets_before;
    for (const auto& item : routine.items) sets_before.emplace(item.exercise.id, item.dose.sets);
    // The time asked for: sets up to it, then (while short of the lower
    // bound) more exercises and sets up to the upper bound. Not while the pain
    // warning holds: then the routine stays short.
    const int low = budget * fill_low_percent / 100, high = budget * fill_high_percent / 100;
    const int base_exercises = static_cast<int>(routine.items.size());
    if (!routine.pain) fill_sets(routine.items, budget, budget);
    if (!routine.pain && routine.total_seconds() < low) {
        routine.fill.added_exercises = fill_exercises(routine.items, ranked, request, level, *used, low, budget, sets_before);
        if (routine.total_seconds() < low)
            routine.fill.added_exercises += fill_exercises(routine.items, ranked, request, level, *used, low, high, sets_before);
        fill_sets(routine.items, low, high);
    }
    explain_filled_sets(routine.items, sets_before, request.minutes);
    routine.fill.added_sets = 0;
    for (const auto& item : routine.items) routine.fill.added_sets += item.dose.sets - sets_before.at(item.exercise.id);
    routine.fill.added_exercises = static_cast<int>(routine.items.size()) - base_exercises;  // before any second round
    if (!routine.pain && routine.total_seconds() < low && !room_left(routine, ranked))
        routine.fill.rounds = fill_rounds(routine.items, low, high);
    if (routine.total_seconds() < low) routine.fill.short_because = short_because(routine, request, ranked);
    return routine;
}

Routine eased_for_pain(Routine routine, bool shorter) {
    if (shorter && routine.items.size() > 1) routine.items.resize((routine.items.size() + 1) / 2);
    for (RoutineItem& item : routine.items) {
        const Dose eased = within_level(item.exercise, 1, item.dose);
        if (eased != item.dose) item.dose_because += "; eased for pain before the routine: at most the level 1 dose";
        item.dose = eased;
        item.eased = true;
    }
    retime(routine.items);
    return routine;
}

}  // namespace backcare
