// SPDX-License-Identifier: MIT
// Doses that move with the log: weeks of sessions logged with --at, and the
// plan's doses going up, then down after a painful session, and pausing.
#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;

namespace {

struct Planned {
    std::string id;
    std::tuple<int, int, int> dose;  // sets, reps, hold
    std::string why;
};

// The plan for the same request each time; the routine stays the same because
// every session is logged more than two weeks before the pinned today.
std::vector<Planned> plan(const Home& h) {
    const auto r = h.run({"plan", "--goal", "posture", "--minutes", "30", "--seed", "1", "--format", "json"});
    REQUIRE(r.status == 0);
    std::vector<Planned> out;
    const Json parsed = Json::parse(r.out);
    for (const auto& e : parsed["exercises"])
        out.push_back({e["id"], {e["dose"]["sets"], e["dose"]["reps"], e["dose"]["hold_seconds"]}, e["why"]["dose"]});
    return out;
}

void log_plan(const Home& h, const std::string& day, int before, int after) {
    const auto r = h.run({"log", "--plan", "--at", day + " 18:00", "--pain-before", std::to_string(before), "--pain-after",
                          std::to_string(after), "-q"});
    REQUIRE(r.status == 0);
}

}  // namespace

TEST_CASE("plan doses step up over weeks of full sessions, down after pain, and pause at 7", "[progression]") {
    Home h;  // today is 2026-11-23
    const std::vector<std::string> days{"2026-10-20", "2026-10-22", "2026-10-24", "2026-10-27", "2026-10-29", "2026-10-31"};
    std::vector<std::vector<Planned>> plans;
    for (const auto& day : days) {
        plans.push_back(plan(h));
        log_plan(h, day, 2, 2);
    }
    plans.push_back(plan(h));
    // The exercises in every plan (a long routine's extra exercises, added
    // to fill the time, vary as the doses grow), each plan's dose of them.
    std::vector<std::string> common;
    for (const auto& item : plans.front())
        if (std::all_of(plans.begin(), plans.end(), [&](const auto& p) {
                return std::any_of(p.begin(), p.end(), [&](const Planned& q) { return q.id == item.id; });
            }))
            common.push_back(item.id);
    REQUIRE(common.size() >= 3);
    auto of = [](const std::vector<Planned>& p, const std::string& id) {
        return *std::find_if(p.begin(), p.end(), [&](const Planned& q) { return q.id == id; });
    };
    // The same for three sessions; then up, for every exercise that has room.
    int stepped = 0;
    for (const auto& id : common) {
        INFO(id);
        const auto dose = [&](std::size_t n) { return of(plans[n], id).dose; };
        CHECK(dose(1) == dose(0));
        CHECK(dose(2) == dose(0));
        CHECK(dose(3) >= dose(0));
        CHECK(dose(6) >= dose(3));
        if (dose(6) > dose(3) && dose(3) > dose(0)) ++stepped;
        CHECK(contains(of(plans[0], id).why, "not done in the last 90 days"));
    }
    CHECK(stepped >= 1);
    const auto& up = plans[6];
    const auto moved = std::find_if(common.begin(), common.end(),
                                    [&](const std::string& id) { return contains(of(up, id).why, "for 3 sessions without pain rising →"); });
    REQUIRE(moved != common.end());

    // A session in which pain rose from 2 to 5: every exercise in it steps down.
    log_plan(h, "2026-11-02", 2, 5);
    const auto down = plan(h);
    REQUIRE(std::any_of(down.begin(), down.end(), [&](const Planned& q) { return q.id == *moved; }));
    CHECK(of(down, *moved).dose < of(up, *moved).dose);
    CHECK(contains(of(down, *moved).why, "pain rose from 2 to 5 on 2026-11-02 →"));
    const auto explained = h.run({"plan", "--goal", "posture", "--minutes", "30", "--seed", "1", "--explain", "--no-save"});
    REQUIRE(explained.status == 0);
    CHECK(contains(explained.out, "Dose: pain rose from 2 to 5 on 2026-11-02 →"));
    CHECK(contains(explained.out, "Why: mobility opens the routine; not done in the last 14 days."));
    // That session was painful too (up by 3): the warning opens the plan.
    CHECK(explained.out.rfind("Pain warning: in the session of 2026-11-02, pain rose from 2 to 5.", 0) == 0);

    // Pain 8/10 after a later session: the warning now names that one.
    log_plan(h, "2026-11-04", 7, 8);
    const auto paused = h.run({"plan", "--goal", "posture", "--minutes", "30", "--seed", "1", "--no-save"});
    REQUIRE(paused.status == 0);
    CHECK(paused.out.rfind("Pain warning: in the session of 2026-11-04, pain 8/10 after it.", 0) == 0);
    const auto json = h.run({"plan", "--goal", "posture", "--minutes", "30", "--seed", "1", "--format", "json", "--no-save"});
    CHECK(Json::parse(json.out).at("pain_warning").at("date") == "2026-11-04");
}

namespace {

std::string first_paragraph(const std::string& text) { return text.substr(0, text.find("\n\n")); }

Json pain_warning_of(const Home& h, std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "json"});
    const auto r = h.run(args);
    REQUIRE(r.status == 0);
    return Json::parse(r.out).at("pain_warning");
}

}  // namespace

TEST_CASE("plan --explain, stats and due agree on the pain warning the same day - a step waits, then comes", "[progression][pain]") {
    Home h;  // today is 2026-11-23
    // Only three exercises fit: the same routine whatever was done lately.
    const std::vector<std::string> posture{"plan", "--goal", "strength", "--place", "floor", "--seed", "1"};
    REQUIRE(h.run(posture).status == 0);
    log_plan(h, "2026-11-17", 7, 8);  // painful: counts for nothing
    for (const char* day : {"2026-11-18", "2026-11-19", "2026-11-20"}) log_plan(h, day, 1, 1);

    // Six days on, three good sessions: it still holds, and the step due waits.
    auto explain = posture;
    explain.insert(explain.end(), {"--explain", "--no-save"});
    const auto planned = h.run(explain);
    REQUIRE(planned.status == 0);
    const auto stats = h.run({"stats"});
    REQUIRE(stats.status == 0);
    CHECK(planned.out.rfind("Pain warning: in the session of 2026-11-17, pain 8/10 after it.", 0) == 0);
    CHECK(first_paragraph(planned.out) == first_paragraph(stats.out));
    CHECK(contains(planned.out, "(3 so far)"));
    CHECK(contains(planned.out, "Dose: the level 1 dose; a step up is due but paused while the pain warning"));
    auto plan_json = posture;
    plan_json.push_back("--no-save");
    const Json from_plan = pain_warning_of(h, plan_json);
    CHECK(from_plan == pain_warning_of(h, {"stats"}));
    CHECK(from_plan.at("days_since") == 6);
    const auto due = h.run({"due"});
    CHECK(due.status == 1);
    CHECK(due.out == "not due: pain warning (pain 8/10 after it, on 2026-11-17)\n");
    CHECK(due.err.empty());  // the paragraph only at a terminal

    // The next day it has ended everywhere, and the step is taken.
    h.set("BACKCARE_NOW", "2026-11-24T10:00:00");
    const auto after = h.run(explain);
    REQUIRE(after.status == 0);
    CHECK_FALSE(contains(after.out, "Pain warning"));
    CHECK_FALSE(contains(after.out, "paused"));
    CHECK(contains(after.out, "for 3 sessions without pain rising →"));
    CHECK(pain_warning_of(h, plan_json).is_null());
    CHECK(pain_warning_of(h, {"stats"}).is_null());
    CHECK_FALSE(contains(h.run({"stats"}).out, "Pain warning"));
    CHECK(h.run({"due"}).out == "due: 0 of 1 session done today\n");
}

TEST_CASE("plan --explain in ASCII and without colour off a terminal", "[progression]") {
    Home h;
    h.set("LC_ALL", "C");
    const auto r = h.run({"plan", "--explain", "--seed", "3"});
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, "     Why: "));
    CHECK(contains(r.out, "     Dose: not done in the last 90 days: the level 1 dose"));
    CHECK_FALSE(e2e::has_ansi(r.out));
    for (const auto& line : e2e::lines(r.out)) CHECK(line.size() <= 80);
}

TEST_CASE("plan --explain is refused with tsv and markdown, which have no room for it", "[progression][bad-input]") {
    Home h;
    const auto before = h.snapshot();
    for (const char* format : {"tsv", "markdown"})
        e2e::expect_usage_error(h.run({"plan", "--explain", "--format", format}), {"--explain goes with the text format"});
    CHECK(h.snapshot() == before);
}
