// SPDX-License-Identifier: MIT
// backcare log reads what is meant: the same plan logged twice is refused
// unless --again, an old plan is noted, and a dose that does not fit the
// exercise is refused (or, when it reads two ways, noted).
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;

namespace {

// The plan's total seconds, remembered at the pinned now (2026-11-23T10:00:00Z).
int remember(const Home& h) {
    const auto r = h.run({"plan", "--seed", "5", "-q"});
    REQUIRE(r.status == 0);
    return Json::parse(e2e::read_file(h.state_dir() / "last-plan.json")).at("total_seconds").get<int>();
}

std::string at(std::int64_t epoch) {
    const std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    return buf;
}

const std::int64_t now_epoch = epoch_of("2026-11-23T10:00:00Z");

}  // namespace

TEST_CASE("log --plan twice for overlapping times is refused, naming the first session and --again", "[log][plan][bad-input]") {
    Home h;
    const int seconds = remember(h);
    REQUIRE(seconds > 120);
    REQUIRE(h.run({"log", "--plan"}).status == 0);
    const auto first = history_json(h).at(0);
    const std::string started = first.at("started").get<std::string>();
    const std::string when = started.substr(0, 10) + " " + started.substr(11, 5);
    const auto before = h.snapshot();

    // At once, a minute later, and as a dry run: refused, nothing stored.
    for (const auto& [now, extra] : std::vector<std::pair<std::int64_t, std::vector<std::string>>>{
             {now_epoch, {}}, {now_epoch + 60, {}}, {now_epoch + 60, {"--dry-run"}}, {now_epoch + 60, {"--skip", "cat-cow,nope"}}}) {
        h.set("BACKCARE_NOW", at(now));
        std::vector<std::string> args{"log", "--plan"};
        args.insert(args.end(), extra.begin(), extra.end());
        INFO(Json(args).dump() << " at " << at(now));
        const auto r = h.run(args);
        if (extra.size() == 2) {
            // Its own refusal (the --skip) comes first; it is refused all the same.
            CHECK(r.status == 2);
        } else {
            e2e::expect_usage_error(r, {"the last plan is logged already, as session 1 of " + when, "overlap", "add --again"});
        }
        CHECK(h.snapshot() == before);
    }
    CHECK(count_sessions(db_path(h)) == 1);

    // With --again it is stored.
    const auto again = h.run({"log", "--plan", "--again", "-q"});
    INFO("stderr: " << again.err);
    REQUIRE(again.status == 0);
    CHECK(count_sessions(db_path(h)) == 2);

    // Once the first is over (the plan's time after it), a new log of it is a new session.
    h.set("BACKCARE_NOW", at(now_epoch + seconds + 60));
    REQUIRE(h.run({"log", "--plan", "-q"}).status == 0);
    CHECK(count_sessions(db_path(h)) == 3);
}

TEST_CASE("log --plan with --at at another time, or a retry with its uuid, is not refused", "[log][plan]") {
    Home h;
    remember(h);
    const std::string uuid = "0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b";
    REQUIRE(h.run({"log", "--plan", "--uuid", uuid}).status == 0);
    const auto retry = h.run({"log", "--plan", "--uuid", uuid});
    REQUIRE(retry.status == 0);
    CHECK(contains(retry.out, "Already logged as session 1"));
    // Yesterday's session of the same plan does not overlap today's.
    REQUIRE(h.run({"log", "--plan", "--at", "yesterday 18:00", "-q"}).status == 0);
    CHECK(count_sessions(db_path(h)) == 2);
    // Typed sessions are never compared.
    REQUIRE(h.run({"log", "cat-cow:10", "-q"}).status == 0);
    REQUIRE(h.run({"log", "cat-cow:10", "-q"}).status == 0);
    CHECK(count_sessions(db_path(h)) == 4);
}

TEST_CASE("a plan made more than a day ago is logged, with a note saying how old it is", "[log][plan]") {
    Home h;
    remember(h);
    SECTION("three days later") {
        h.set("BACKCARE_NOW", "2026-11-26T10:00:00");
        const auto r = h.run({"log", "--plan"});
        REQUIRE(r.status == 0);
        CHECK(r.err == "backcare: note: the remembered plan was made 3 days ago (on 2026-11-23); it is logged as it was "
                       "planned then\n");
        CHECK(count_sessions(db_path(h)) == 1);
    }
    SECTION("on a dry run too, but not with --quiet") {
        h.set("BACKCARE_NOW", "2026-11-25T09:00:00");
        const auto dry = h.run({"log", "--plan", "--dry-run"});
        REQUIRE(dry.status == 0);
        CHECK(contains(dry.err, "backcare: note: the remembered plan was made 1 day ago (on 2026-11-23)"));
        const auto quiet = h.run({"log", "--plan", "--dry-run", "--quiet"});
        REQUIRE(quiet.status == 0);
        CHECK(quiet.err.empty());
        CHECK_FALSE(std::filesystem::exists(db_path(h)));
    }
    SECTION("within a day: no note") {
        h.set("BACKCARE_NOW", "2026-11-24T09:59:00");
        const auto r = h.run({"log", "--plan"});
        REQUIRE(r.status == 0);
        CHECK(r.err.empty());
    }
}

TEST_CASE("log refuses reps for a hold-only exercise and a hold for a reps-only one, suggesting the notation", "[log][bad-input]") {
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10", "-q"}).status == 0);
    const auto before = h.snapshot();
    using Case = std::pair<std::vector<std::string>, std::vector<std::string>>;
    for (const auto& [items, fragments] : std::vector<Case>{
             {{"childs-pose:10"}, {"childs-pose:10:", "is held, not done in reps", "'10' would be 10 reps", "write childs-pose:10s"}},
             {{"cat-cow:10", "childs-pose:2x30"}, {"for 2 holds of 30 s write childs-pose:2x1x30s"}},
             {{"childs-pose:2x30@red"}, {"write childs-pose:2x1x30s@red"}},
             {{"cat-cow:30s"}, {"cat-cow:30s:", "is done in reps, not held", "'30s' would be a hold of 30 s", "write the reps, e.g. cat-cow:"}},
             {{"shoulder-rolls:2m"}, {"is done in reps, not held"}},
         }) {
        std::vector<std::string> args{"log"};
        args.insert(args.end(), items.begin(), items.end());
        INFO(Json(args).dump());
        e2e::expect_usage_error(h.run(args), fragments);
        args.push_back("--dry-run");
        e2e::expect_usage_error(h.run(args), fragments);
        CHECK(h.snapshot() == before);
    }
    // What they suggest is taken.
    REQUIRE(h.run({"log", "childs-pose:10s", "childs-pose:2x1x30s", "cat-cow:10x2s", "-q"}).status == 0);
    CHECK(count_sessions(db_path(h)) == 2);
}

TEST_CASE("sets of reps for an exercise with held reps are logged as written, with a note on the held reading", "[log]") {
    Home h;
    const auto r = h.run({"log", "chin-tuck:10x3"});
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, "Logged:"));
    CHECK(r.err == "backcare: note: chin-tuck:10x3 is read as 10 sets of 3 reps, without a hold; for 10 reps each held 3 s, "
                   "write chin-tuck:10x3s\n");
    CHECK(scalar(db_path(h), "SELECT count(*) FROM entry WHERE exercise_id = 'chin-tuck' AND sets = 10 AND reps = 3 AND hold = 0") == 1);
    // Written with the hold, or for an exercise without one: no note.
    for (const char* item : {"chin-tuck:10x3s", "chin-tuck:10", "band-rows:2x12"}) {
        INFO(item);
        const auto plain = h.run({"log", item});
        REQUIRE(plain.status == 0);
        CHECK(plain.err.empty());
    }
    // A dry run says it too; --quiet does not.
    CHECK(contains(h.run({"log", "chin-tuck:2x10@red", "--dry-run"}).err, "write chin-tuck:2x10s@red"));
    CHECK(h.run({"log", "chin-tuck:2x10", "--dry-run", "--quiet"}).err.empty());
}
