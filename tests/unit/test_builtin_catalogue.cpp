// SPDX-License-Identifier: MIT
// The built-in catalogue compiled in from catalogue/*.toml.
#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "builtin_catalogue.hpp"
#include "catalogue.hpp"
#include "planner.hpp"

using namespace backcare;

namespace {

const Catalogue& builtins() {
    static const Catalogue c = builtin_catalogue();
    return c;
}

const Exercise& seed(const std::string& id) {
    const Exercise* e = builtins().find(id);
    INFO("seed exercise " << id);
    REQUIRE(e != nullptr);
    return *e;
}

constexpr std::chrono::sys_days some_day{std::chrono::year{2026} / 3 / 16};

}  // namespace

TEST_CASE("the built-in catalogue has at least 20 exercises with distinct ids", "[builtin]") {
    const auto& all = builtins().exercises();
    CHECK(all.size() >= 20);
    std::set<std::string> ids;
    for (const auto& e : all) ids.insert(e.id);
    CHECK(ids.size() == all.size());
}

TEST_CASE("the six seed exercises keep the seed article's facts", "[builtin]") {
    SECTION("cat-cow") {
        const Exercise& e = seed("cat-cow");
        CHECK(e.dose.reps == Range{8, 10});
        CHECK(e.position == Position::hands_knees);
    }
    SECTION("childs-pose") {
        const Exercise& e = seed("childs-pose");
        CHECK(e.dose.hold == Range{20, 30});
        CHECK_FALSE(e.dose.reps.present());
        CHECK(e.position == Position::kneeling);
    }
    SECTION("shoulder-blade-squeeze") {
        const Exercise& e = seed("shoulder-blade-squeeze");
        CHECK(e.dose.reps == Range{10, 10});
        CHECK(e.dose.hold == Range{5, 10});
    }
    SECTION("wall-angels") {
        const Exercise& e = seed("wall-angels");
        CHECK(e.dose.reps == Range{10, 10});
        CHECK(e.needs(Equipment::wall));
    }
    SECTION("thoracic-extension") {
        const Exercise& e = seed("thoracic-extension");
        CHECK(e.position == Position::seated);
        CHECK(e.dose.hold == Range{5, 10});
        CHECK(e.dose.reps == Range{8, 10});
    }
    SECTION("band-rows") {
        const Exercise& e = seed("band-rows");
        CHECK(e.dose.reps == Range{10, 12});
        CHECK(e.needs(Equipment::band));
    }
    for (const char* id :
         {"cat-cow", "childs-pose", "shoulder-blade-squeeze", "wall-angels", "thoracic-extension", "band-rows"}) {
        INFO(id);
        CHECK_THAT(seed(id).source, Catch::Contains("ANSSI"));
        CHECK_THAT(seed(id).source, Catch::Contains("Upper Back Tension"));
        CHECK(seed(id).origin == "built-in");
        CHECK(seed(id).level == 1);
    }
}

TEST_CASE("the six seed exercises start at the article's first doses: one set, sets added only later", "[builtin]") {
    const std::map<std::string, std::string> first{{"cat-cow", "8"},         {"childs-pose", "20s"},
                                                   {"shoulder-blade-squeeze", "10x5s"}, {"wall-angels", "10"},
                                                   {"thoracic-extension", "8x5s"},      {"band-rows", "10"}};
    for (const auto& [id, dose] : first) {
        INFO(id);
        CHECK(format_dose(dose_at_level(seed(id), 1)) == dose);
        CHECK(seed(id).dose.sets.min == 1);
    }
}

TEST_CASE("the catalogue's safety content: bone health on loaded flexion and rotation, the W, the doorway", "[builtin]") {
    auto cautions = [](const std::string& id) {
        std::string all;
        for (const auto& c : seed(id).cautions) all += c + "\n";
        return all;
    };
    for (const char* id : {"cat-cow", "childs-pose", "seated-cat-cow", "thread-the-needle", "standing-thoracic-rotation",
                           "seated-thoracic-rotation", "open-book"}) {
        INFO(id);
        CHECK_THAT(cautions(id), Catch::Contains("osteoporosis"));
    }
    std::string w;
    for (const auto& s : seed("w-raise").steps) w += s + "\n";
    CHECK_THAT(w, Catch::Contains("outwards"));
    CHECK(seed("doorway-pec-stretch").needs(Equipment::doorway));
    CHECK_FALSE(seed("doorway-pec-stretch").needs(Equipment::wall));
    CHECK(seed("shoulder-blade-squeeze").position == Position::seated_or_standing);
    CHECK(seed("shoulder-blade-squeeze").desk_friendly);
}

TEST_CASE("every built-in exercise passes validate()", "[builtin]") {
    for (const Exercise& e : builtins().exercises()) {
        INFO(e.id);
        const auto problems = validate(e);
        for (const auto& p : problems) UNSCOPED_INFO(p.field << ": " << p.message);
        CHECK(problems.empty());
    }
}

TEST_CASE("every built-in easier/harder variant names a built-in exercise", "[builtin]") {
    for (const Exercise& e : builtins().exercises()) {
        INFO(e.id);
        if (!e.easier.empty()) {
            INFO("easier " << e.easier);
            CHECK(builtins().find(e.easier) != nullptr);
            CHECK(e.easier != e.id);
        }
        if (!e.harder.empty()) {
            INFO("harder " << e.harder);
            CHECK(builtins().find(e.harder) != nullptr);
            CHECK(e.harder != e.id);
        }
    }
}

TEST_CASE("each goal has enough equipment-free, desk and floor exercises", "[builtin]") {
    for (Goal g : all_values<Goal>()) {
        int no_equipment = 0, desk = 0, floor = 0;
        for (const Exercise& e : builtins().exercises()) {
            if (!e.has_goal(g)) continue;
            no_equipment += e.equipment.empty() ? 1 : 0;
            desk += e.desk_friendly ? 1 : 0;
            floor += on_floor(e.position) ? 1 : 0;
        }
        INFO("goal " << name_of(g));
        CHECK(no_equipment >= 3);
        CHECK(desk >= 3);
        CHECK(floor >= 3);
    }
}

TEST_CASE("every goal and place has a 10-minute level-1 routine without equipment", "[builtin][planner]") {
    const std::vector<PlanGoal> goals{std::nullopt, Goal::flexibility, Goal::strength, Goal::posture};
    for (const PlanGoal& goal : goals)
        for (Place place : {Place::any, Place::desk, Place::floor}) {
            PlanRequest r;
            r.goal = goal;
            r.place = place;
            r.seed = seed_for_day(some_day);
            INFO("goal " << name_of_goal(goal) << ", place " << name_of(place));
            REQUIRE(r.minutes == 10);
            REQUIRE(r.level == 1);
            REQUIRE(r.equipment.empty());
            Routine routine;
            CHECK_NOTHROW(routine = plan_routine(builtins(), r, {}, some_day));
            CHECK(routine.items.size() >= min_exercises);
        }
}
