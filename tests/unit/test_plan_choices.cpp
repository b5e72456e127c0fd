// SPDX-License-Identifier: MIT
// The options that choose a routine, over the settings (plan_choices.hpp).
#include <catch2/catch.hpp>

#include "errors.hpp"
#include "plan_choices.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::error_of;
using backcare::test::ymd;

namespace {

const Date today = ymd(2026, 11, 23);

Config settings() {
    Config c;
    c.goal.value = Goal::posture;
    c.minutes.value = 20;
    c.equipment.value = {Equipment::band};
    c.place.value = Place::floor;
    c.level.value = 2;
    return c;
}

}  // namespace

TEST_CASE("plan choices: without options, the settings and the day's seed", "[plan-choices]") {
    const PlanRequest r = plan_request({}, settings, today);
    CHECK(r.goal == PlanGoal{Goal::posture});
    CHECK(r.minutes == 20);
    CHECK(r.equipment == std::vector<Equipment>{Equipment::band});
    CHECK(r.place == Place::floor);
    CHECK(r.level == 2);
    CHECK(r.seed == seed_for_day(today));
    CHECK(plan_request({}, settings, today + std::chrono::days{1}).seed != r.seed);
}

TEST_CASE("plan choices: each option given overrides its setting", "[plan-choices]") {
    PlanChoices o;
    o.goal = "balanced";
    o.minutes = "5";
    o.equipment = "none";
    o.place = "desk";
    o.level = "3";
    o.seed = "42";
    const PlanRequest r = plan_request(o, settings, today);
    CHECK_FALSE(r.goal);
    CHECK(r.minutes == 5);
    CHECK(r.equipment.empty());
    CHECK(r.place == Place::desk);
    CHECK(r.level == 3);
    CHECK(r.seed == 42);
}

TEST_CASE("plan choices: a bad option is reported before the settings are read", "[plan-choices]") {
    int read = 0;
    const auto broken = [&]() -> Config {
        ++read;
        throw DataError("config.toml:1:1: broken");
    };
    for (auto [name, set] : std::vector<std::pair<std::string, std::function<void(PlanChoices&)>>>{
             {"--goal", [](PlanChoices& o) { o.goal = "speed"; }},
             {"--minutes", [](PlanChoices& o) { o.minutes = "91"; }},
             {"--equipment", [](PlanChoices& o) { o.equipment = "barbell"; }},
             {"--place", [](PlanChoices& o) { o.place = "beach"; }},
             {"--level", [](PlanChoices& o) { o.level = "0"; }},
             {"--seed", [](PlanChoices& o) { o.seed = "-1"; }}}) {
        PlanChoices o;
        set(o);
        CHECK_THAT(error_of<UsageError>([&] { plan_request(o, broken, today); }), Catch::Contains(name));
    }
    CHECK(read == 0);
    CHECK(error_of<DataError>([&] { plan_request({}, broken, today); }) == "config.toml:1:1: broken");
    CHECK(read == 1);
}
