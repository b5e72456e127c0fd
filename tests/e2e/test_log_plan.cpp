// SPDX-License-Identifier: MIT
// backcare plan reads the log: exercises done lately give way to others.
#include <algorithm>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::Home;
using namespace e2e::logs;

namespace {

std::vector<std::string> plan_ids(const Home& h, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"plan", "--seed", "5", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = h.run(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    const Json plan = Json::parse(r.out);
    std::vector<std::string> ids;
    for (const auto& e : plan.at("exercises")) ids.push_back(e.at("id"));
    return ids;
}

}  // namespace

TEST_CASE("plan prefers exercises not done lately: after logging a plan, the same seed changes", "[log][plan]") {
    Home h;
    const auto first = plan_ids(h);
    REQUIRE(!first.empty());
    // Without a log, the same seed gives the same routine.
    CHECK(plan_ids(h) == first);
    // Log every exercise of it, today.
    const auto r = h.run({"log", "--plan", "--format", "json"});
    REQUIRE(r.status == 0);
    const Json s = Json::parse(r.out);
    CHECK(s.at("date") == "2026-11-23");
    REQUIRE(s.at("entries").size() == first.size());
    const auto second = plan_ids(h, {"--no-save"});
    INFO("before: " << Json(first).dump() << "\nafter:  " << Json(second).dump());
    CHECK(second != first);
    // At least one exercise not done today comes in.
    CHECK(std::any_of(second.begin(), second.end(),
                      [&](const std::string& id) { return std::find(first.begin(), first.end(), id) == first.end(); }));
    // The log was only read.
    CHECK(count_sessions(db_path(h)) == 1);
}

TEST_CASE("log --plan stores each entry's planned dose, skipped ones too - typed entries have none", "[log][plan]") {
    Home h;
    REQUIRE(h.run({"plan", "--seed", "5"}).status == 0);
    const Json plan = Json::parse(e2e::read_file(h.state_dir() / "last-plan.json"));
    const auto& exercises = plan.at("exercises");
    REQUIRE(exercises.size() >= 2);
    const std::string skipped = exercises.at(0).at("id");
    const auto r = h.run({"log", "--plan", "--skip", skipped});
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    const auto typed = h.run({"log", "cat-cow:10"});
    REQUIRE(typed.status == 0);

    // In the database: the plan's sets, reps and hold on every entry of the planned session.
    const auto db = db_path(h);
    CHECK(scalar(db, "SELECT count(*) FROM entry WHERE session_id = 1") == static_cast<std::int64_t>(exercises.size()));
    for (std::size_t i = 0; i < exercises.size(); ++i) {
        const auto& dose = exercises[i].at("dose");
        INFO(exercises[i].at("id").get<std::string>());
        CHECK(scalar(db, str("SELECT count(*) FROM entry WHERE session_id = 1 AND position = ", i + 1,
                             " AND planned_sets = ", dose.at("sets").get<int>(), " AND planned_reps = ", dose.at("reps").get<int>(),
                             " AND planned_hold = ", dose.at("hold_seconds").get<int>(), " AND status = '", i == 0 ? "skipped" : "done",
                             "'")) == 1);
    }
    CHECK(scalar(db, "SELECT count(*) FROM entry WHERE session_id = 2 AND planned_sets IS NULL AND planned_reps IS NULL "
                     "AND planned_hold IS NULL") == 1);

    // In the export: a "planned" object on the plan's entries only.
    const auto out = h.run({"export", "--format", "jsonl"});
    REQUIRE(out.status == 0);
    const auto sessions = json_lines(out.out);
    REQUIRE(sessions.size() == 2);
    const auto& entries = sessions[0].at("entries");
    REQUIRE(entries.size() == exercises.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& dose = exercises[i].at("dose");
        CHECK(entries[i].at("planned") == Json{{"sets", dose.at("sets")}, {"reps", dose.at("reps")}, {"hold_seconds", dose.at("hold_seconds")}});
    }
    CHECK(entries[0].at("status") == "skipped");
    CHECK_FALSE(sessions[1].at("entries")[0].contains("planned"));

    // And stats counts them: the plan's entries done as planned are at full dose.
    const auto stats = h.run({"stats", "--format", "json"});
    REQUIRE(stats.status == 0);
    const Json doses = Json::parse(stats.out).at("adherence").at("doses");
    CHECK(doses.at("full") == exercises.size() - 1);
    CHECK(doses.at("reduced") == 0);
    CHECK(doses.at("skipped") == 1);
    CHECK(doses.at("unplanned") == 1);
}
