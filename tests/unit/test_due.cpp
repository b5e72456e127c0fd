// SPDX-License-Identifier: MIT
// Whether a session is due (due.hpp): each reason, overnight hours and the wording.
#include <catch2/catch.hpp>

#include "due.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::make_session;
using backcare::test::TzGuard;
using backcare::test::utc;
using backcare::test::ymd;

namespace {

// Monday 2026-11-23 at the given local time.
LocalMoment monday_at(int hour, int minute = 0) { return {ymd(2026, 11, 23), hour * 60 + minute, 1}; }

Config with_target(int target) {
    Config c;
    c.daily_target.value = target;
    return c;
}

}  // namespace

TEST_CASE("due: a day not in active_days is not due, whatever was done", "[due]") {
    Config c;  // Monday to Friday
    const DueAnswer a = due_at(c, {ymd(2026, 11, 22), 12 * 60, 0}, 0);
    CHECK_FALSE(a.due);
    CHECK(a.reason == "sun is not an active day");
    c.active_days.value = {0};
    CHECK(due_at(c, {ymd(2026, 11, 22), 12 * 60, 0}, 0).due);
    CHECK(due_at(c, monday_at(12), 0).reason == "mon is not an active day");
}

TEST_CASE("due: outside the active hours is not due - the end is not inside", "[due]") {
    const Config c;  // 09:00-18:00
    CHECK(due_at(c, monday_at(8, 59), 0).reason == "outside the active hours 09:00-18:00");
    CHECK_FALSE(due_at(c, monday_at(8, 59), 0).due);
    CHECK(due_at(c, monday_at(9, 0), 0).due);
    CHECK(due_at(c, monday_at(17, 59), 0).due);
    CHECK_FALSE(due_at(c, monday_at(18, 0), 0).due);
}

TEST_CASE("due: overnight active hours run past midnight", "[due]") {
    Config c;
    c.active_hours.value = *parse_active_hours("22:00-06:00");
    CHECK(due_at(c, monday_at(22, 0), 0).due);
    CHECK(due_at(c, monday_at(23, 59), 0).due);
    CHECK(due_at(c, monday_at(0, 0), 0).due);
    CHECK(due_at(c, monday_at(5, 59), 0).due);
    CHECK_FALSE(due_at(c, monday_at(6, 0), 0).due);
    CHECK(due_at(c, monday_at(12, 0), 0).reason == "outside the active hours 22:00-06:00");
}

TEST_CASE("due: the daily target met is not due, in singular and plural", "[due]") {
    CHECK_FALSE(due_at(with_target(1), monday_at(12), 1).due);
    CHECK(due_at(with_target(1), monday_at(12), 1).reason == "1 session done today, and the daily target is 1");
    CHECK(due_at(with_target(2), monday_at(12), 3).reason == "3 sessions done today, and the daily target is 2");
    CHECK(due_at(with_target(0), monday_at(12), 0).reason == "0 sessions done today, and the daily target is 0");
}

TEST_CASE("due: below the target within the hours of an active day is due", "[due]") {
    const DueAnswer one = due_at(with_target(1), monday_at(12), 0);
    CHECK(one.due);
    CHECK(one.reason == "0 of 1 session done today");
    CHECK(due_at(with_target(3), monday_at(12), 2).reason == "2 of 3 sessions done today");
}

TEST_CASE("due: the checks come in order: day, then hours, then target", "[due]") {
    const LocalMoment sunday_night{ymd(2026, 11, 22), 23 * 60, 0};
    CHECK(due_at(with_target(1), sunday_night, 5).reason == "sun is not an active day");
    CHECK(due_at(with_target(1), monday_at(23), 5).reason == "outside the active hours 09:00-18:00");
}

TEST_CASE("due: the local moment follows the time zone", "[due]") {
    const TzGuard tz("XYZ-2");  // two hours east of UTC
    const LocalMoment m = local_moment(utc(2026, 11, 22, 23, 30));
    CHECK(m.date == ymd(2026, 11, 23));
    CHECK(m.minute == 90);
    CHECK(m.weekday == 1);
}

TEST_CASE("due: today's sessions in the log count - an absent log has none", "[due]") {
    const TzGuard tz("UTC0");
    const Instant noon = utc(2026, 11, 23, 12, 0);
    std::optional<PainWarning> pain;
    CHECK(due_now(Config{}, noon, std::nullopt, pain).reason == "0 of 1 session done today");
    CHECK_FALSE(pain);
    const backcare::test::TempDir dir;
    const auto db = dir.path() / "backcare.db";
    Journal::open_for_writing(db).add({make_session(1, utc(2026, 11, 22, 12, 0)), make_session(2, utc(2026, 11, 23, 8, 0))});
    const DueAnswer a = due_now(Config{}, noon, Journal::open_existing(db), pain);
    CHECK_FALSE(a.due);
    CHECK(a.reason == "1 session done today, and the daily target is 1");
    CHECK_FALSE(pain);
}

TEST_CASE("due: nothing is due while the pain warning holds, whatever else", "[due][pain]") {
    const TzGuard tz("UTC0");
    const Instant noon = utc(2026, 11, 23, 12, 0);
    const backcare::test::TempDir dir;
    const auto db = dir.path() / "backcare.db";
    Session painful = make_session(1, utc(2026, 11, 20, 8, 0));
    painful.pain_before = 2;
    painful.pain_after = 8;
    Journal::open_for_writing(db).add({painful});
    std::optional<PainWarning> pain;
    const DueAnswer a = due_now(Config{}, noon, Journal::open_existing(db), pain);
    CHECK_FALSE(a.due);
    CHECK(a.reason == "pain warning (pain rose from 2 to 8, on 2026-11-20)");
    REQUIRE(pain);
    CHECK(pain->days_since == 3);
    CHECK(due_with_pain(std::nullopt, {true, "0 of 1 session done today"}).due);
}
