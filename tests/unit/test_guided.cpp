// SPDX-License-Identifier: MIT
// `backcare go`'s use cases (guided.hpp): the routine the options choose,
// the time scale, and the session stored once the routine has been run.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "builtin_catalogue.hpp"
#include "errors.hpp"
#include "guided.hpp"
#include "progression.hpp"
#include "remembered_plan.hpp"
#include "plan_render.hpp"
#include "session_json.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::make_exercise;
using backcare::test::TempDir;

namespace {

const Catalogue& catalogue() {
    static const Catalogue c = builtin_catalogue();
    return c;
}

const Date today = Date{std::chrono::year{2026} / 11 / 23};

// The sources, counting what is read.
struct Counted {
    int requests = 0, journals = 0, plans = 0;
    PlanRequest request;
    std::filesystem::path plan_file = "/nonexistent/last-plan.json";

    RoutineSources sources() {
        return {catalogue(),
                [this] {
                    ++requests;
                    return request;
                },
                [this] {
                    ++journals;
                    return std::optional<Journal>();
                },
                [this] {
                    ++plans;
                    return plan_file;
                },
                today};
    }
};

std::vector<std::string> ids(const Routine& r) {
    std::vector<std::string> out;
    for (const auto& i : r.items) out.push_back(i.exercise.id);
    return out;
}

RoutineItem item(std::string id, Dose d) { return {make_exercise(std::move(id), {Goal::posture}), d, 0, "", "", false}; }

// Getting ready 20 s, 2 sets of 3 reps (9 s each) with 10 s of rest between; then a 20 s hold.
Guide guide() { return Guide({item("reps", Dose{2, 3, 1, 10, 2, false, ""}), item("hold", Dose{1, 0, 20, 0, 3, false, ""})}); }

Environment env_with(std::map<std::string, std::string> vars) {
    return [vars](const std::string& name) -> std::optional<std::string> {
        const auto it = vars.find(name);
        return it == vars.end() ? std::nullopt : std::optional(it->second);
    };
}

}  // namespace

TEST_CASE("guided: one of --last, --exercises or the plan options", "[guided]") {
    CHECK_NOTHROW(check_guided_choice({}));
    CHECK_NOTHROW(check_guided_choice({true, std::nullopt, false, false}));
    CHECK_NOTHROW(check_guided_choice({false, "chin-tuck", false, true}));  // --level: the doses of --exercises
    CHECK_NOTHROW(check_guided_choice({false, std::nullopt, true, true}));
    CHECK_THROWS_WITH(check_guided_choice({true, std::nullopt, false, true}), Catch::Contains("choose one of --last, --exercises"));
    CHECK_THROWS_AS(check_guided_choice({true, std::nullopt, true, false}), UsageError);
    CHECK_THROWS_AS(check_guided_choice({true, "chin-tuck", false, false}), UsageError);
    CHECK_THROWS_AS(check_guided_choice({false, "chin-tuck", true, false}), UsageError);
}

TEST_CASE("guided: --exercises at the doses earned, in the order named", "[guided]") {
    Counted c;
    c.request.level = 3;
    c.request.goal = Goal::strength;
    const Routine r = guided_routine({false, "open-book, chin-tuck", false, true}, c.sources());
    CHECK(ids(r) == std::vector<std::string>{"open-book", "chin-tuck"});
    CHECK(r.request.level == 3);
    CHECK_FALSE(r.request.goal);  // the exercises' own, not the configuration's
    const Exercise& chin = *catalogue().find("chin-tuck");
    CHECK(r.items[1].dose == progress(chin, catalogue(), 3, {}, Date{}).dose);
    CHECK(r.items[1].dose != progress(chin, catalogue(), 1, {}, Date{}).dose);
    CHECK(c.requests == 1);
    CHECK(c.journals == 1);
    CHECK(c.plans == 0);
    CHECK(guided_heading({false, "open-book", false, false}, r) == "Your own routine");
}

TEST_CASE("guided: --exercises refuses unknown ids and an empty list", "[guided]") {
    Counted c;
    CHECK_THROWS_WITH(guided_routine({false, "chin-tuk", false, false}, c.sources()),
                      Catch::Contains("unknown exercise 'chin-tuk'") && Catch::Contains("did you mean 'chin-tuck'?"));
    CHECK_THROWS_WITH(guided_routine({false, "zzzzzzzzzz", false, false}, c.sources()),
                      Catch::Contains("see 'backcare catalogue list'"));
    CHECK_THROWS_WITH(guided_routine({false, ",", false, false}, c.sources()), Catch::Contains("--exercises needs exercise ids"));
}

TEST_CASE("guided: --last runs the remembered plan and reads nothing else", "[guided]") {
    TempDir dir;
    Counted c;
    c.plan_file = dir.path() / "last-plan.json";
    CHECK_THROWS_AS(guided_routine({true, std::nullopt, false, false}, c.sources()), NoResult);
    PlanRequest request;
    request.goal = Goal::posture;
    request.minutes = 5;
    const Routine planned = plan_routine(catalogue(), request, LastDone{}, today);
    remember_plan(c.plan_file, plan_json(planned, Instant{}));
    const Routine r = guided_routine({true, std::nullopt, false, false}, c.sources());
    CHECK(ids(r) == ids(planned));
    CHECK(r.request.goal == PlanGoal(Goal::posture));
    CHECK(c.requests == 0);
    CHECK(c.journals == 0);
    CHECK(guided_heading({true, std::nullopt, false, false}, r) == "Posture routine");
}

TEST_CASE("guided: otherwise a fresh plan from the request", "[guided]") {
    Counted c;
    c.request.goal = Goal::flexibility;
    c.request.minutes = 5;
    const Routine r = guided_routine({false, std::nullopt, true, false}, c.sources());
    CHECK(ids(r) == ids(plan_routine(catalogue(), c.request, LastDone{}, today)));
    CHECK(c.requests == 1);
    CHECK(c.plans == 0);
    CHECK(guided_heading({false, std::nullopt, true, false}, r) == "Flexibility routine");
    Routine balanced;
    CHECK(guided_heading({}, balanced) == "Balanced routine");
}

TEST_CASE("guided: BACKCARE_TIME_SCALE from 1 to 1000", "[guided]") {
    CHECK(guided_time_scale(env_with({})) == 1.0);
    CHECK(guided_time_scale(env_with({{"BACKCARE_TIME_SCALE", ""}})) == 1.0);
    CHECK(guided_time_scale(env_with({{"BACKCARE_TIME_SCALE", "20"}})) == 20.0);
    CHECK(guided_time_scale(env_with({{"BACKCARE_TIME_SCALE", "1000"}})) == 1000.0);
    for (const char* bad : {"0", "fast", "1e9", "-3", "nan", "20x", "0.5"})
        CHECK_THROWS_WITH(guided_time_scale(env_with({{"BACKCARE_TIME_SCALE", bad}})),
                          Catch::Contains("BACKCARE_TIME_SCALE must be a number from 1 to 1000"));
}

TEST_CASE("guided: the session of a run, and its summary", "[guided]") {
    const Instant start = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + std::chrono::hours{18};
    Guide g = guide();
    g.advance(20'000 + 9'000 + 3'000);  // the first set, and into the rest: quit there
    const Session s = guided_session(g, Goal::posture, "0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b", start);
    CHECK(s.uuid == "0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b");
    CHECK(s.goal == PlanGoal(Goal::posture));
    CHECK(s.origin == Origin::guided);
    CHECK(s.started == std::chrono::duration_cast<std::chrono::seconds>(start.time_since_epoch()).count());
    CHECK(s.utc_offset == utc_offset_at(start));
    CHECK(s.duration == 32);
    CHECK(s.entries[0].sets == 1);
    CHECK(s.entries == g.entries());
    CHECK_FALSE(s.pain_before);
    CHECK(s.note.empty());
    CHECK(exercises_done(s) == 1);
    CHECK(guided_summary(s, false) == "Finished in 32 s: 1 of 2 exercises done, 1 skipped");
    CHECK(guided_summary(s, true) == "Stopped in 32 s: 1 of 2 exercises done, 1 skipped or not reached");

    Guide all = guide();
    all.next();
    all.next();
    const Session done = guided_session(all, std::nullopt, "u", start);
    CHECK(exercises_done(done) == 2);
    CHECK(guided_summary(done, false) == "Finished in 0 s: 2 of 2 exercises done");

    Guide one({item("reps", Dose{1, 3, 0, 0, 2, false, ""})});
    one.advance(20'000 + 6'000);
    CHECK(guided_summary(guided_session(one, std::nullopt, "u", start), false) == "Finished in 26 s: 1 of 1 exercise done");
}

TEST_CASE("guided: the time logged is capped at a day", "[guided]") {
    Guide g({item("long", Dose{50, 0, 3600, 0, 3, false, ""})});
    g.advance(30 * 3600 * std::int64_t{1000});
    CHECK(guided_session(g, std::nullopt, "u", Instant{}).duration == 86400);
}

TEST_CASE("guided: the session stored, or kept for a later log - when it cannot be", "[guided]") {
    TempDir dir;
    const Exercise& chin = *catalogue().find("chin-tuck");
    Guide g({{chin, dose_at_level(chin, 1), 0, "", "", false}});
    g.next();
    Session s = guided_session(g, std::nullopt, "0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b",
                               std::chrono::sys_days{std::chrono::year{2026} / 11 / 23});
    s.note = std::string(max_note_bytes + 10, 'a');
    std::ostringstream kept;
    SECTION("stored, the note cut to the longest allowed") {
        const Paths paths(env_with({}), std::nullopt, dir.path() / "log.db");
        const AddResult r = store_guided_session(s, paths, {}, kept);
        REQUIRE(r.added.size() == 1);
        CHECK(r.added.front().origin == Origin::guided);
        CHECK(r.added.front().note.size() == max_note_bytes);
        CHECK(kept.str().empty());
        CHECK(store_guided_session(s, paths, {}, kept).added.empty());  // the same uuid: stored once
    }
    SECTION("kept: a line of JSON that log - takes, and the error thrown on") {
        const Paths paths(env_with({}), std::nullopt, dir.path());  // a directory: no log there
        CHECK_THROWS_AS(store_guided_session(s, paths, {}, kept), Error);
        const auto lines = backcare::test::lines_of(kept.str());
        REQUIRE(lines.size() == 2);
        CHECK(lines[0].find("this session could not be stored") != std::string::npos);
        const Session back = parse_session_json(lines[1], catalogue());
        CHECK(back.uuid == s.uuid);
        CHECK(back.origin == Origin::guided);
        CHECK(back.note.size() == max_note_bytes);
    }
    SECTION("an invalid session is refused before the log is touched") {
        s.pain_before = 11;
        const Paths paths(env_with({}), std::nullopt, dir.path() / "log.db");
        CHECK_THROWS_AS(store_guided_session(s, paths, {}, kept), UsageError);
        CHECK(kept.str().empty());
        CHECK_FALSE(std::filesystem::exists(dir.path() / "log.db"));
    }
}
