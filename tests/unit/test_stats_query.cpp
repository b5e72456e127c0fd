// SPDX-License-Identifier: MIT
// `stats` from its options (stats_query.hpp): the request, the period's
// refusal in the person's words, an exercise that must exist, and no log.
#include <catch2/catch.hpp>

#include "errors.hpp"
#include "session_helpers.hpp"
#include "stats_query.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::catalogue;
using backcare::test::error_of;
using backcare::test::make_session;
using backcare::test::TempDir;
using backcare::test::TzGuard;
using backcare::test::utc;
using backcare::test::ymd;

namespace {

const Date today = ymd(2026, 11, 23);

std::string refusal(const StatsQuery& q) {
    return error_of<UsageError>([&] { stats_request(q, Config{}, today); });
}

}  // namespace

TEST_CASE("stats request: the defaults and the settings", "[stats-query]") {
    Config c;
    c.week_start.value = 0;
    c.weekly_target.value = 3;
    const StatsRequest rq = stats_request({}, c, today);
    CHECK(rq.today == today);
    CHECK(rq.until == today);
    CHECK(rq.since == default_since(today, 0));
    CHECK_FALSE(rq.all);
    CHECK(rq.by == Period::week);
    CHECK(rq.week_start == 0);
    CHECK(rq.weekly_target == 3);
    CHECK(rq.streak_days == weekday_mask({1, 2, 3, 4, 5}));  // active_days, Monday to Friday by default
    CHECK_FALSE(rq.filter.goal);
    CHECK_FALSE(rq.filter.exercise);
    c.active_days.value = {0, 6};
    CHECK(stats_request({}, c, today).streak_days == 0x41u);
    c.active_days.value = {};
    CHECK(stats_request({}, c, today).streak_days == every_day);
}

TEST_CASE("stats request: each option read", "[stats-query]") {
    StatsQuery q;
    q.since = "2026-11-01";
    q.until = "2027-01-31";  // stops at today
    q.by = "day";
    q.goal = "strength";
    q.exercise = "Cat-Cow";
    const StatsRequest rq = stats_request(q, Config{}, today);
    CHECK(rq.since == ymd(2026, 11, 1));
    CHECK(rq.until == today);
    CHECK(rq.by == Period::day);
    CHECK(rq.filter.goal == PlanGoal{Goal::strength});
    CHECK(rq.filter.exercise == "Cat-Cow");  // as typed: stats_for finds it, in either case
    q = {};
    q.since = "all";
    CHECK(stats_request(q, Config{}, today).all);
    q.until = "2026-11-10";
    CHECK(stats_request(q, Config{}, today).until == ymd(2026, 11, 10));
}

TEST_CASE("stats request: options that cannot be read", "[stats-query]") {
    StatsQuery by;
    by.by = "year";
    CHECK(refusal(by) == "--by must be day, week or month, not 'year'");
    StatsQuery goal;
    goal.goal = "speed";
    CHECK_THAT(refusal(goal), Catch::Contains("--goal"));
    StatsQuery since;
    since.since = "last tuesday";
    CHECK_THAT(refusal(since), Catch::Contains("--since"));
}

TEST_CASE("stats request: a period that ends before it begins, in the words typed", "[stats-query]") {
    StatsQuery q;
    q.since = "2026-11-20";
    q.until = "2026-11-01";
    CHECK(refusal(q) == "--since 2026-11-20 is after --until 2026-11-01: nothing can be in between");
    q.since = "today";
    q.until = "yesterday";
    CHECK(refusal(q) == "--since today is after --until yesterday: nothing can be in between");
    q.until.reset();
    q.since = "2026-12-24";
    CHECK(refusal(q) == "--since 2026-12-24 is after today (2026-11-23)");
    q.since = "today";
    CHECK_NOTHROW(stats_request(q, Config{}, today));
}

TEST_CASE("stats: check_period without words names the dates", "[stats-query]") {
    CHECK_NOTHROW(check_period(today, today));
    CHECK(error_of<UsageError>([] { check_period(ymd(2026, 11, 24), today); }) ==
          "--since 2026-11-24 is after --until 2026-11-23: nothing can be in between");
}

TEST_CASE("stats: without a log, an empty summary", "[stats-query]") {
    int loaded = 0;
    const Stats st = stats_for(stats_request({}, Config{}, today), std::nullopt, [&] { ++loaded; return catalogue(); });
    CHECK(st.logged == 0);
    CHECK(st.totals.sessions == 0);
    CHECK(st.to == today);
    CHECK(loaded == 0);
}

TEST_CASE("stats --exercise: in the log, in the catalogue, or refused naming the nearest", "[stats-query]") {
    const TzGuard tz("UTC0");
    const TempDir dir;
    const auto db = dir.path() / "backcare.db";
    Session retired = make_session(1, utc(2026, 11, 20, 9, 0));
    retired.entries[0].exercise_id = "retired-stretch";
    Journal::open_for_writing(db).add({retired, make_session(2, utc(2026, 11, 21, 9, 0))});
    const auto journal = Journal::open_existing(db);
    int loaded = 0;
    auto stats_of = [&](const std::string& id) {
        StatsQuery q;
        q.exercise = id;
        return stats_for(stats_request(q, Config{}, today), journal, [&] { ++loaded; return catalogue(); });
    };
    CHECK(stats_of("retired-stretch").totals.sessions == 1);
    CHECK(loaded == 0);  // found in the log: the catalogue is not read
    CHECK(stats_of("Retired-Stretch").totals.sessions == 1);  // else in lower case
    CHECK(stats_of("CAT-COW").totals.sessions == 1);
    loaded = 0;
    CHECK(stats_of("wall-angels").totals.sessions == 0);
    CHECK(loaded == 1);
    CHECK(error_of<UsageError>([&] { stats_of("cat-co"); }) ==
          "--exercise: no exercise 'cat-co' in the log or the catalogue; did you mean cat-cow or seated-cat-cow?");
    CHECK_THAT(error_of<UsageError>([&] { stats_of("retired-strech"); }), Catch::Contains("did you mean retired-stretch?"));
    CHECK(error_of<UsageError>([&] { stats_of("zzzzzzzzzzzzzzzz"); }) ==
          "--exercise: no exercise 'zzzzzzzzzzzzzzzz' in the log or the catalogue (see 'backcare catalogue list')");
    CHECK(stats_of("cat-cow").logged == 2);
    // An id imported with capitals is selected as it is.
    Session capital = make_session(3, utc(2026, 11, 22, 9, 0));
    capital.entries[0].exercise_id = "Foo";
    Journal::open_for_writing(db).add({capital});
    CHECK(stats_of("Foo").totals.sessions == 1);
}
