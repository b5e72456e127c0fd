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
