// SPDX-License-Identifier: MIT
// A typed `log` (logging.hpp): the session from items or the remembered plan,
// each refusal, and storing a retry once.
#include <catch2/catch.hpp>

#include "errors.hpp"
#include "journal.hpp"
#include "logging.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::catalogue;
using backcare::test::epoch;
using backcare::test::error_of;
using backcare::test::TempDir;
using backcare::test::TzGuard;
using backcare::test::utc;

namespace {

const Instant now = utc(2026, 11, 23, 18, 30);
const std::string fresh_uuid = "0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b";

// A remembered plan of two exercises, 7 minutes as planned.
const char* const plan_text =
    R"({"goal":"posture","total_seconds":420,"exercises":[)"
    R"({"id":"cat-cow","name":"Cat-cow","dose":{"sets":1,"reps":10,"hold_seconds":0,"per_side":false}},)"
    R"({"id":"childs-pose","name":"Child's pose","dose":{"sets":1,"reps":0,"hold_seconds":30,"per_side":false}}]})";

struct Logging {
    TzGuard tz{"UTC0"};
    TempDir dir;
    std::filesystem::path plan_file = dir.path() / "last-plan.json";
    int uuids_made = 0;

    void remember() const { dir.write("last-plan.json", plan_text); }
    Session session(const LogRequest& rq) {
        return typed_log(rq, now, [&] { ++uuids_made; return fresh_uuid; }, catalogue(), plan_file).session;
    }
    std::string refusal(const LogRequest& rq) {
        return error_of<UsageError>([&] { session(rq); });
    }
};

LogRequest items(std::vector<std::string> typed) {
    LogRequest rq;
    rq.items = std::move(typed);
    return rq;
}

LogRequest plan(std::vector<std::string> skip = {}) {
    LogRequest rq;
    rq.plan = true;
    rq.skip = std::move(skip);
    return rq;
}

}  // namespace

TEST_CASE("log: typed items make a session that ended now, estimated from the doses", "[logging]") {
    Logging l;
    const Session s = l.session(items({"cat-cow:10", "childs-pose:30s"}));
    CHECK(s.uuid == fresh_uuid);
    CHECK(l.uuids_made == 1);
    REQUIRE(s.entries.size() == 2);
    CHECK(s.entries[0].exercise_id == "cat-cow");
    CHECK_FALSE(s.entries[0].planned);
    CHECK(s.origin == Origin::typed);
    CHECK(s.duration == estimate_session_seconds(s.entries, catalogue()));
    CHECK(s.duration > 0);
    CHECK(s.started == epoch(now) - s.duration);
    CHECK(s.goal == main_goal(s.entries, catalogue()));
}

TEST_CASE("log: --duration, --at, pain and a note are taken as given", "[logging]") {
    Logging l;
    LogRequest rq = items({"cat-cow:10"});
    rq.duration = "8m";
    rq.at = "2026-11-23T17:00";
    rq.pain_before = "4";
    rq.pain_after = "2";
    rq.note = "stiff\nthen better";
    const Session s = l.session(rq);
    CHECK(s.duration == 480);
    CHECK(s.started == epoch(utc(2026, 11, 23, 17, 0)));
    CHECK(s.utc_offset == 0);
    CHECK(s.pain_before == 4);
    CHECK(s.pain_after == 2);
    CHECK(s.note == "stiff\nthen better");
    rq.at.reset();
    CHECK(l.session(rq).started == epoch(now) - 480);
}

TEST_CASE("log: the start's UTC offset is the one in force then", "[logging]") {
    Logging l;
    const TzGuard berlin("CET-1CEST,M3.5.0,M10.5.0/3");
    LogRequest rq = items({"cat-cow:10"});
    rq.at = "2026-07-01T12:00";
    CHECK(l.session(rq).utc_offset == 7200);
    rq.at = "2026-11-23T12:00";
    CHECK(l.session(rq).utc_offset == 3600);
}

TEST_CASE("log: a --uuid given is lowercased and checked - no fresh one is made", "[logging]") {
    Logging l;
    LogRequest rq = items({"cat-cow:10"});
    rq.uuid = "0B7E7C3A-2F4E-4C1D-9A57-3C2D1E0F9A8C";
    CHECK(l.session(rq).uuid == "0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8c");
    CHECK(l.uuids_made == 0);
    rq.uuid = "not-a-uuid";
    CHECK(l.refusal(rq) == "--uuid: 'not-a-uuid' is not a UUID like 0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b");
    rq.uuid = std::string(100, 'x');
    CHECK(l.refusal(rq) == "--uuid: '" + std::string(40, 'x') + "' is not a UUID like 0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b");
}

TEST_CASE("log: options that cannot be read are refused by name", "[logging]") {
    Logging l;
    LogRequest rq = items({"cat-cow:10"});
    rq.pain_before = "11";
    CHECK_THAT(l.refusal(rq), Catch::StartsWith("--pain-before must be"));
    rq.pain_before.reset();
    rq.pain_after = "x";
    CHECK_THAT(l.refusal(rq), Catch::StartsWith("--pain-after must be"));
    rq.pain_after.reset();
    rq.duration = "soon";
    CHECK_THAT(l.refusal(rq), Catch::Contains("--duration"));
    rq.duration.reset();
    rq.at = "2026-11-24T09:00";  // tomorrow
    CHECK_THAT(l.refusal(rq), Catch::Contains("--at"));
    CHECK_THAT(l.refusal(items({"no-such-exercise:10"})), Catch::Contains("no-such-exercise"));
}

TEST_CASE("log: exercises, --plan and --skip must fit together", "[logging]") {
    Logging l;
    l.remember();
    CHECK(l.refusal(LogRequest{}) == "name the exercises done (e.g. cat-cow:10 childs-pose:30s), or use --plan or '-'");
    LogRequest both = plan();
    both.items = {"cat-cow:10"};
    CHECK(l.refusal(both) == "give exercises or --plan, not both");
    LogRequest skip_alone = items({"cat-cow:10"});
    skip_alone.skip = {"cat-cow"};
    CHECK(l.refusal(skip_alone) == "--skip goes with --plan");
}

TEST_CASE("log --plan: the remembered plan as planned, in its own time", "[logging]") {
    Logging l;
    l.remember();
    const Session s = l.session(plan());
    CHECK(s.origin == Origin::plan);
    CHECK(s.goal == PlanGoal{Goal::posture});
    CHECK(s.duration == 420);
    CHECK(s.started == epoch(now) - 420);
    REQUIRE(s.entries.size() == 2);
    CHECK(s.entries[1].planned == PlannedDose{1, 0, 30});
    CHECK(s.entries[1].status == EntryStatus::done);
    LogRequest timed = plan();
    timed.duration = "5m";
    CHECK(l.session(timed).duration == 300);
}

TEST_CASE("log --plan --skip: the entries left out stay, skipped, and the time is what was done", "[logging]") {
    Logging l;
    l.remember();
    const Session s = l.session(plan({"childs-pose"}));
    REQUIRE(s.entries.size() == 2);
    CHECK(s.entries[0].status == EntryStatus::done);
    CHECK(s.entries[1].status == EntryStatus::skipped);
    CHECK(s.entries[1].planned == PlannedDose{1, 0, 30});
    CHECK(s.duration == estimate_session_seconds(s.entries, catalogue()));
    CHECK(s.duration != 420);
    CHECK(l.refusal(plan({"wall-angels"})) == "--skip: 'wall-angels' is not in the last plan (cat-cow, childs-pose)");
    CHECK(l.refusal(plan({"cat-cow", "childs-pose"})) == "--skip leaves nothing of the plan to log");
}

TEST_CASE("log --plan without a remembered plan says to plan first", "[logging]") {
    Logging l;
    CHECK_THAT(error_of<NoResult>([&] { l.session(plan()); }), Catch::Contains("run 'backcare plan' first"));
    l.dir.write("last-plan.json", "{");
    CHECK_THAT(error_of<DataError>([&] { l.session(plan()); }), Catch::Contains("damaged"));
}

TEST_CASE("log -: standard input gives every field, so no session option goes with it", "[logging]") {
    CHECK(reads_standard_input(items({"-"})));
    CHECK_FALSE(reads_standard_input(items({"-", "cat-cow"})));
    CHECK_FALSE(reads_standard_input(items({"cat-cow"})));
    CHECK_NOTHROW(check_standard_input_request(items({"-"})));
    const std::string refusal = "'log -' reads every field from standard input; give no other session options";
    for (auto set : std::vector<std::function<void(LogRequest&)>>{
             [](LogRequest& r) { r.plan = true; }, [](LogRequest& r) { r.at = "18:00"; },
             [](LogRequest& r) { r.duration = "5m"; }, [](LogRequest& r) { r.pain_before = "1"; },
             [](LogRequest& r) { r.pain_after = "1"; }, [](LogRequest& r) { r.note = ""; },
             [](LogRequest& r) { r.uuid = fresh_uuid; }, [](LogRequest& r) { r.skip = {"cat-cow"}; },
             [](LogRequest& r) { r.again = true; }}) {
        LogRequest rq = items({"-"});
        set(rq);
        CHECK(error_of<UsageError>([&] { check_standard_input_request(rq); }) == refusal);
    }
}

TEST_CASE("log: a session stored twice is stored once, and the first is given back", "[logging]") {
    Logging l;
    const auto db = l.dir.path() / "backcare.db";
    const Session s = l.session(items({"cat-cow:10"}));
    const StoredSession first = store_session(db, s);
    CHECK_FALSE(first.already_present);
    REQUIRE(first.session);
    CHECK(first.session->id == 1);
    Session again = s;
    again.note = "retried";
    const StoredSession second = store_session(db, again);
    CHECK(second.already_present);
    REQUIRE(second.session);
    CHECK(second.session->id == 1);
    CHECK(second.session->note.empty());
    CHECK(Journal::open_existing(db)->count() == 1);
}

TEST_CASE("log --plan --skip ID:REASON: the reason, by name or first letter, on the entry skipped", "[logging][skip]") {
    Logging l;
    l.remember();
    const Session s = l.session(plan({"childs-pose:KIT"}));
    CHECK(s.entries[1].status == EntryStatus::skipped);
    CHECK(s.entries[1].skip_reason == SkipReason::kit);
    CHECK_FALSE(s.entries[0].skip_reason.has_value());
    CHECK(l.session(plan({"childs-pose:o"})).entries[1].skip_reason == SkipReason::other);
    CHECK(l.session(plan({" childs-pose:hurt , "})).entries[1].skip_reason == SkipReason::hurt);
    CHECK_FALSE(l.session(plan({"childs-pose"})).entries[1].skip_reason.has_value());
    CHECK(l.refusal(plan({"childs-pose:x"})) ==
          "--skip childs-pose:x: 'x' is not a reason; give hurt, time, kit or other (e.g. --skip childs-pose:kit), or leave it out (--skip ID)");
    CHECK(l.refusal(plan({"childs-pose:kit", "childs-pose"})) == "--skip: 'childs-pose' is named twice");
}

TEST_CASE("log: a dose that does not fit the exercise is refused with the one meant, or noted when it reads two ways",
          "[logging]") {
    Logging l;
    auto typed = [&](std::vector<std::string> its) {
        return typed_log(items(std::move(its)), now, [] { return fresh_uuid; }, catalogue(), l.plan_file);
    };
    CHECK(l.refusal(items({"childs-pose:10"})) ==
          "childs-pose:10: Child's pose is held, not done in reps, and '10' would be 10 reps; for a hold of 10 s write childs-pose:10s");
    CHECK_THAT(l.refusal(items({"cat-cow:45s"})),
               Catch::StartsWith("cat-cow:45s: Cat-cow is done in reps, not held, and '45s' would be a hold of 45 s; write the reps, e.g. cat-cow:"));
    const TypedLog noted = typed({"chin-tuck:10x3"});
    CHECK(noted.notes == std::vector<std::string>{
                             "chin-tuck:10x3 is read as 10 sets of 3 reps, without a hold; for 10 reps each held 3 s, write chin-tuck:10x3s"});
    CHECK(noted.session.entries[0].sets == 10);
    CHECK(typed({"chin-tuck:10x3s", "childs-pose", "cat-cow:2x10"}).notes.empty());
}

TEST_CASE("log --plan: a plan made more than a day ago is noted with its age", "[logging]") {
    Logging l;
    auto with_created = [&](const std::string& created) {
        std::string text = plan_text;
        text.insert(1, R"("created":")" + created + R"(",)");
        l.dir.write("last-plan.json", text);
        return typed_log(plan(), now, [] { return fresh_uuid; }, catalogue(), l.plan_file);
    };
    // now is 2026-11-23T18:30Z.
    CHECK(with_created("2026-11-22T18:30:00Z").notes.empty());
    CHECK(with_created("2026-11-22T18:29:00Z").notes ==
          std::vector<std::string>{"the remembered plan was made 1 day ago (on 2026-11-22); it is logged as it was planned then"});
    CHECK(with_created("2026-11-13T09:00:00Z").notes.at(0).find("made 10 days ago (on 2026-11-13)") != std::string::npos);
    l.remember();  // a plan without "created": of no known age
    CHECK(typed_log(plan(), now, [] { return fresh_uuid; }, catalogue(), l.plan_file).notes.empty());
    CHECK(with_created("not a time").notes.empty());
}

TEST_CASE("log --plan: a second log of the plan overlapping the first is refused unless --again", "[logging]") {
    Logging l;
    l.remember();
    const auto db = l.dir.path() / "backcare.db";
    auto typed_at = [&](Instant when, LogRequest rq, std::string uuid) {
        return typed_log(rq, when, [&] { return uuid; }, catalogue(), l.plan_file);
    };
    const TypedLog first = typed_at(now, plan(), fresh_uuid);
    CHECK(first.plan_seconds == 420);
    REQUIRE_FALSE(store_session(db, first.session).already_present);
    const auto journal = Journal::open_existing(db);
    REQUIRE(journal);
    const std::string other = "1b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b";
    const TypedLog soon = typed_at(now + std::chrono::minutes{6}, plan(), other);
    CHECK(error_of<UsageError>([&] { refuse_logged_twice(&*journal, plan(), soon); }) ==
          "the last plan is logged already, as session 1 of 2026-11-23 18:23, and this log of it would overlap that one "
          "(the plan takes 7:00); to log it again, add --again");
    LogRequest again = plan();
    again.again = true;
    CHECK_NOTHROW(refuse_logged_twice(&*journal, again, soon));
    // The plan's time after the first, a retry with its uuid, typed exercises, or no log: not refused.
    CHECK_NOTHROW(refuse_logged_twice(&*journal, plan(), typed_at(now + std::chrono::minutes{7}, plan(), other)));
    CHECK_NOTHROW(refuse_logged_twice(&*journal, plan(), typed_at(now, plan(), fresh_uuid)));
    CHECK_NOTHROW(refuse_logged_twice(&*journal, items({"cat-cow"}), typed_at(now, items({"cat-cow"}), other)));
    CHECK_NOTHROW(refuse_logged_twice(nullptr, plan(), soon));
    // Refused on the log as opened to store it: nothing stored.
    CHECK_THROWS_AS(store_session(db, soon.session, {}, [&](const Journal& j) { refuse_logged_twice(&j, plan(), soon); }), UsageError);
    CHECK(Journal::open_existing(db)->count() == 1);
}
