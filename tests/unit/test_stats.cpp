// SPDX-License-Identifier: MIT
// Progress summaries (stats.hpp): calendar arithmetic, streaks, and whole summaries computed from logs in a temporary directory.
#include <algorithm>
#include <numeric>

#include <catch2/catch.hpp>

#include "journal.hpp"
#include "session_helpers.hpp"
#include "stats.hpp"
#include "stats_render.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::error_of;
using backcare::test::make_session;
using backcare::test::TempDir;
using backcare::test::TzGuard;
using backcare::test::utc;
using backcare::test::ymd;
namespace fs = std::filesystem;

namespace {

Streaks streaks_of(std::vector<Date> days, Date until, unsigned active = every_day) {
    StreakCounter c(until, active);
    for (Date d : days) c.add(d);
    return c.result();
}

DayTotals day_with(Date d, int sessions, std::optional<int> pain_after = std::nullopt) {
    DayTotals t;
    t.day = d;
    t.sessions = sessions;
    t.seconds = 300L * sessions;
    t.done = 2 * sessions;
    if (pain_after) {
        t.pain_after_sum = *pain_after * sessions;
        t.pain_after_n = sessions;
        t.pain_after_max = *pain_after;
    }
    return t;
}

// A log in a temporary directory, filled with sessions; stats computed from it.
struct Log {
    TempDir dir;
    fs::path path = dir.path() / "backcare.db";
    std::uint64_t next = 1;

    Session& keep(Session s) {
        sessions.push_back(std::move(s));
        return sessions.back();
    }
    // A session at a local time given as UTC plus the offset in force where it was logged.
    Session& at(Instant utc_start, int offset, std::vector<std::string> items = {"cat-cow:10"}) {
        return keep(make_session(next++, utc_start, offset, items));
    }
    void store() {
        Journal j = Journal::open_for_writing(path);
        j.add(sessions);
    }
    Stats stats(Date today, std::optional<Date> since = std::nullopt, Period by = Period::week, StatsFilter filter = {}) {
        auto j = Journal::open_existing(path);
        REQUIRE(j);
        StatsRequest rq;
        rq.today = today;
        rq.until = today;
        rq.all = !since;
        rq.since = since.value_or(ymd(1970, 1, 1));
        rq.by = by;
        rq.filter = std::move(filter);
        return compute_stats(*j, rq);
    }
    std::vector<Session> sessions;
};

int sum_sessions(const std::vector<PeriodTotals>& ps) {
    return std::accumulate(ps.begin(), ps.end(), 0, [](int n, const PeriodTotals& p) { return n + p.totals.sessions; });
}
int sum_entries(const std::vector<PeriodTotals>& ps) {
    return std::accumulate(ps.begin(), ps.end(), 0, [](int n, const PeriodTotals& p) { return n + p.totals.done + p.totals.skipped; });
}

}  // namespace

TEST_CASE("periods start on the configured week day and on the first of the month", "[stats]") {
    const Date wed = ymd(2026, 12, 2);
    CHECK(period_start(wed, Period::week, 1) == ymd(2026, 11, 30));  // Monday
    CHECK(period_start(wed, Period::week, 0) == ymd(2026, 11, 29));  // Sunday
    CHECK(period_start(ymd(2026, 11, 29), Period::week, 1) == ymd(2026, 11, 23));
    CHECK(period_start(ymd(2026, 11, 29), Period::week, 0) == ymd(2026, 11, 29));
    CHECK(period_start(wed, Period::month, 1) == ymd(2026, 12, 1));
    CHECK(period_start(wed, Period::day, 1) == wed);
    CHECK(next_period(ymd(2028, 2, 1), Period::month) == ymd(2028, 3, 1));
    CHECK(next_period(ymd(2026, 12, 1), Period::month) == ymd(2027, 1, 1));
    CHECK(next_period(ymd(2026, 12, 28), Period::week) == ymd(2027, 1, 4));
    CHECK(parse_period("month") == Period::month);
    CHECK_FALSE(parse_period("year"));
}

TEST_CASE("split covers the range with every period, empty ones included, clipped at both ends", "[stats]") {
    const std::vector<DayTotals> days{day_with(ymd(2026, 10, 30), 1), day_with(ymd(2026, 11, 2), 2), day_with(ymd(2026, 11, 30), 1),
                                      day_with(ymd(2026, 12, 1), 3)};
    const auto months = split(days, ymd(2026, 11, 1), ymd(2026, 12, 1), Period::month, 1);
    REQUIRE(months.size() == 2);
    CHECK(months[0].start == ymd(2026, 11, 1));
    CHECK(months[0].end == ymd(2026, 11, 30));
    CHECK(months[0].totals.sessions == 3);  // the day before the range is left out
    CHECK(months[1].start == ymd(2026, 12, 1));
    CHECK(months[1].end == ymd(2026, 12, 1));
    CHECK(months[1].totals.sessions == 3);

    const auto weeks = split(days, ymd(2026, 11, 1), ymd(2026, 12, 1), Period::week, 1);
    REQUIRE(weeks.size() == 6);
    CHECK(weeks.front().start == ymd(2026, 11, 1));  // a Sunday: its week is clipped to one day
    CHECK(weeks.front().end == ymd(2026, 11, 1));
    CHECK(weeks.front().totals.sessions == 0);
    CHECK(weeks[1].start == ymd(2026, 11, 2));
    CHECK(weeks.back().start == ymd(2026, 11, 30));
    CHECK(sum_sessions(weeks) == 6);
    CHECK(sum_sessions(split(days, ymd(2026, 11, 1), ymd(2026, 12, 1), Period::day, 1)) == 6);
    CHECK(split(days, ymd(2026, 11, 1), ymd(2026, 12, 1), Period::day, 1).size() == 31);
}

TEST_CASE("streaks count consecutive calendar days across month, year and leap-day ends", "[stats]") {
    SECTION("month and year ends") {
        const auto s = streaks_of({ymd(2026, 12, 30), ymd(2026, 12, 31), ymd(2027, 1, 1), ymd(2027, 1, 31), ymd(2027, 2, 1)},
                                  ymd(2027, 2, 1));
        CHECK(s.current == 2);
        CHECK(s.current_from == ymd(2027, 1, 31));
        CHECK_FALSE(s.pending);
        CHECK(s.longest == 3);
        CHECK(s.longest_from == ymd(2026, 12, 30));
        CHECK(s.longest_to == ymd(2027, 1, 1));
    }
    SECTION("a leap day joins February to March; in a common year the 28th does") {
        CHECK(streaks_of({ymd(2028, 2, 28), ymd(2028, 2, 29), ymd(2028, 3, 1)}, ymd(2028, 3, 1)).current == 3);
        CHECK(streaks_of({ymd(2027, 2, 28), ymd(2027, 3, 1)}, ymd(2027, 3, 1)).current == 2);
        CHECK(streaks_of({ymd(2028, 2, 28), ymd(2028, 3, 1)}, ymd(2028, 3, 1)).current == 1);  // the 29th is missing
    }
    SECTION("a missing day ends a streak; two sessions on a day count once") {
        const auto s = streaks_of({ymd(2026, 11, 1), ymd(2026, 11, 2), ymd(2026, 11, 2), ymd(2026, 11, 4)}, ymd(2026, 11, 4));
        CHECK(s.current == 1);
        CHECK(s.longest == 2);
    }
    SECTION("a streak that reaches yesterday is still current, and pending") {
        const auto s = streaks_of({ymd(2026, 11, 28), ymd(2026, 11, 29), ymd(2026, 11, 30)}, ymd(2026, 12, 1));
        CHECK(s.current == 3);
        CHECK(s.pending);
        CHECK(streaks_of({ymd(2026, 11, 28), ymd(2026, 11, 29)}, ymd(2026, 12, 1)).current == 0);
    }
    SECTION("days after until are not counted; an empty log has no streaks") {
        CHECK(streaks_of({ymd(2026, 11, 30), ymd(2026, 12, 1), ymd(2026, 12, 2)}, ymd(2026, 12, 1)).current == 2);
        const auto none = streaks_of({}, ymd(2026, 12, 1));
        CHECK(none.current == 0);
        CHECK(none.longest == 0);
        CHECK_FALSE(none.longest_from);
    }
    SECTION("of two longest streaks, the most recent is shown") {
        const auto s = streaks_of({ymd(2026, 11, 1), ymd(2026, 11, 2), ymd(2026, 11, 10), ymd(2026, 11, 11)}, ymd(2026, 12, 1));
        CHECK(s.longest == 2);
        CHECK(s.longest_from == ymd(2026, 11, 10));
    }
}

TEST_CASE("streaks count the active days only: a day off neither breaks nor counts", "[stats][streak]") {
    // November 2026: Monday the 16th and 23rd; Saturday the 14th and 21st.
    const unsigned weekdays = weekday_mask({1, 2, 3, 4, 5});
    auto run = [](int from, int to) {
        std::vector<Date> out;
        for (int d = from; d <= to; ++d) out.push_back(ymd(2026, 11, static_cast<unsigned>(d)));
        return out;
    };
    auto plus = [](std::vector<Date> a, const std::vector<Date>& b) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };
    SECTION("the mask of the days; none at all is every day") {
        CHECK(weekdays == 0x3eu);
        CHECK(weekday_mask({}) == every_day);
        CHECK(weekday_mask({0, 1, 2, 3, 4, 5, 6}) == every_day);
        CHECK(counts_day(weekdays, ymd(2026, 11, 23)));
        CHECK_FALSE(counts_day(weekdays, ymd(2026, 11, 22)));
        CHECK(streaks_of(plus(run(13, 13), run(16, 16)), ymd(2026, 11, 16), weekday_mask({})).current == 1);
    }
    SECTION("an empty log") {
        const auto s = streaks_of({}, ymd(2026, 11, 21), weekdays);
        CHECK(s.current == 0);
        CHECK(s.longest == 0);
        CHECK_FALSE(s.next_day);
    }
    SECTION("across one weekend and across two") {
        const auto one = streaks_of(plus(run(16, 20), run(23, 24)), ymd(2026, 11, 24), weekdays);
        CHECK(one.current == 7);
        CHECK(one.current_from == ymd(2026, 11, 16));
        CHECK_FALSE(one.pending);
        const auto two = streaks_of(plus(plus(run(9, 13), run(16, 20)), run(23, 23)), ymd(2026, 11, 23), weekdays);
        CHECK(two.current == 11);
        CHECK(two.longest == 11);
        CHECK(two.longest_from == ymd(2026, 11, 9));
        // Every day counting, the same weekends break it.
        CHECK(streaks_of(plus(plus(run(9, 13), run(16, 20)), run(23, 23)), ymd(2026, 11, 23)).current == 1);
    }
    SECTION("today is not an active day: the streak is alive, kept by a session on Monday") {
        for (int today : {21, 22}) {
            const auto s = streaks_of(run(16, 20), ymd(2026, 11, static_cast<unsigned>(today)), weekdays);
            CHECK(s.current == 5);
            CHECK(s.pending);
            CHECK(s.next_day == ymd(2026, 11, 23));
        }
    }
    SECTION("today is active and not yet logged: alive from yesterday, kept by a session today") {
        const auto s = streaks_of(run(16, 19), ymd(2026, 11, 20), weekdays);
        CHECK(s.current == 4);
        CHECK(s.pending);
        CHECK(s.next_day == ymd(2026, 11, 20));
        // After a weekend off, on Monday.
        const auto monday = streaks_of(run(16, 20), ymd(2026, 11, 23), weekdays);
        CHECK(monday.current == 5);
        CHECK(monday.next_day == ymd(2026, 11, 23));
        // On Tuesday, Monday was missed.
        CHECK(streaks_of(run(16, 20), ymd(2026, 11, 24), weekdays).current == 0);
    }
    SECTION("a gap of one active day breaks it") {
        const auto s = streaks_of(plus(run(16, 17), run(19, 20)), ymd(2026, 11, 20), weekdays);
        CHECK(s.current == 2);
        CHECK(s.current_from == ymd(2026, 11, 19));
        CHECK(s.longest == 2);
        CHECK(s.longest_from == ymd(2026, 11, 19));
        CHECK(streaks_of(run(2, 2), ymd(2026, 11, 16), weekdays).current == 0);  // weeks apart
    }
    SECTION("only weekend sessions: each weekend is a streak of its own") {
        const auto s = streaks_of(plus(run(14, 15), run(21, 22)), ymd(2026, 11, 22), weekdays);
        CHECK(s.current == 2);
        CHECK(s.current_from == ymd(2026, 11, 21));
        CHECK_FALSE(s.pending);
        CHECK(s.longest == 2);
        CHECK(s.longest_from == ymd(2026, 11, 21));
    }
    SECTION("a session on a day off counts and joins the days around it") {
        const auto s = streaks_of(plus(run(19, 21), run(23, 23)), ymd(2026, 11, 23), weekdays);  // Thursday to Saturday, Monday
        CHECK(s.current == 4);
        CHECK(s.current_from == ymd(2026, 11, 19));
    }
    SECTION("other active days: Monday, Wednesday and Friday") {
        const auto s = streaks_of({ymd(2026, 11, 16), ymd(2026, 11, 18), ymd(2026, 11, 20), ymd(2026, 11, 23)}, ymd(2026, 11, 24),
                                  weekday_mask({1, 3, 5}));
        CHECK(s.current == 4);
        CHECK(s.next_day == ymd(2026, 11, 25));
    }
}

TEST_CASE("a summary counts each session on the calendar day it had where it was logged", "[stats]") {
    TzGuard tz("Europe/Berlin");
    Log log;
    // 23:59 and 00:01 local (+01:00) fall on two days; a session logged in
    // New York (-05:00) at 22:00 on the 25th is the 26th in UTC but the 25th there.
    log.at(utc(2026, 11, 23, 22, 59), 3600);  // 2026-11-23 23:59 local
    log.at(utc(2026, 11, 23, 23, 1), 3600);   // 2026-11-24 00:01 local
    log.at(utc(2026, 11, 26, 3, 0), -5 * 3600);  // 2026-11-25 22:00 in New York
    log.at(utc(2026, 11, 26, 9, 0), 3600);
    log.at(utc(2026, 11, 26, 18, 0), 3600);  // a second session that day
    log.store();
    const auto st = log.stats(ymd(2026, 11, 26));
    CHECK(st.totals.sessions == 5);
    CHECK(st.active_days == 4);
    CHECK(st.streaks.current == 4);
    CHECK(st.streaks.current_from == ymd(2026, 11, 23));
    CHECK_FALSE(st.streaks.pending);
    CHECK(st.from == ymd(2026, 11, 23));  // --since all starts at the first session
    const auto days = log.stats(ymd(2026, 11, 26), std::nullopt, Period::day);
    REQUIRE(days.periods.size() == 4);
    CHECK(days.periods[0].totals.sessions == 1);
    CHECK(days.periods[1].totals.sessions == 1);
    CHECK(days.periods[2].totals.sessions == 1);
    CHECK(days.periods[3].totals.sessions == 2);
}

TEST_CASE("streaks span the daylight-saving changes of spring and autumn", "[stats]") {
    TzGuard tz("Europe/Berlin");
    Log log;
    // 2026-03-29 has 23 hours in Berlin and 2026-10-25 has 25; one session at 00:30 local each day around them.
    for (int d = 27; d <= 31; ++d) log.at(utc(2026, 3, static_cast<unsigned>(d), d < 29 ? 23 : 22, 30) - std::chrono::days{1}, d < 29 ? 3600 : 7200);
    for (int d = 24; d <= 27; ++d) log.at(utc(2026, 10, static_cast<unsigned>(d), d <= 25 ? 22 : 23, 30) - std::chrono::days{1}, d <= 25 ? 7200 : 3600);
    log.store();
    const auto spring = log.stats(ymd(2026, 3, 31));
    CHECK(spring.streaks.current == 5);
    CHECK(spring.active_days == 5);
    const auto autumn = log.stats(ymd(2026, 10, 27), ymd(2026, 10, 1));
    CHECK(autumn.streaks.current == 4);
    CHECK(autumn.streaks.longest == 5);
    CHECK(autumn.streaks.longest_from == ymd(2026, 3, 27));
}

TEST_CASE("a summary's totals add up for every period split, and filters narrow them", "[stats]") {
    Log log;
    auto& a = log.at(utc(2026, 1, 31, 9), 0, {"cat-cow:10", "chin-tuck:2x10"});
    a.goal = Goal::posture;
    a.pain_before = 4;
    a.pain_after = 2;
    auto& b = log.at(utc(2026, 2, 28, 9), 0, {"cat-cow:12", "childs-pose:30s"});
    b.entries[1].status = EntryStatus::skipped;
    b.goal = Goal::flexibility;
    log.at(utc(2026, 3, 1, 9), 0, {"chin-tuck:3x10"});
    // Backdated: stored last but earliest.
    auto& d = log.at(utc(2025, 12, 31, 23, 30), 0, {"cat-cow:8"});
    d.pain_after = 5;
    log.store();
    const Date today = ymd(2026, 3, 2);
    for (Period by : {Period::day, Period::week, Period::month}) {
        const auto st = log.stats(today, std::nullopt, by);
        INFO(name_of(by));
        CHECK(st.totals.sessions == 4);
        CHECK(st.totals.done == 5);
        CHECK(st.totals.skipped == 1);
        CHECK(sum_sessions(st.periods) == 4);
        CHECK(sum_entries(st.periods) == 6);
        CHECK(st.periods.front().start == ymd(2025, 12, 31));
        CHECK(st.periods.back().end == today);
    }
    const auto st = log.stats(today);
    CHECK(st.goals[0].sessions == 1);  // flexibility
    CHECK(st.goals[2].sessions == 1);  // posture
    CHECK(st.goals[3].sessions == 2);  // balanced
    REQUIRE(st.exercises.size() == 2);  // the skipped child's pose is not an exercise done
    CHECK(st.exercises[0].id == "cat-cow");
    CHECK(st.exercises[0].times == 3);
    CHECK(st.exercises[0].reps == 30);
    CHECK(st.exercises[0].last == ymd(2026, 2, 28));
    CHECK(st.exercises[1].id == "chin-tuck");
    CHECK(st.exercises[1].reps == 50);
    CHECK(*st.pain.after == Approx(3.5));
    CHECK(st.pain.after_n == 2);

    SECTION("a goal") {
        const auto g = log.stats(today, std::nullopt, Period::week, StatsFilter{PlanGoal{Goal::posture}, std::nullopt});
        CHECK(g.totals.sessions == 1);
        CHECK(g.totals.done == 2);
        const auto balanced = log.stats(today, std::nullopt, Period::week, StatsFilter{PlanGoal{}, std::nullopt});
        CHECK(balanced.totals.sessions == 2);
    }
    SECTION("an exercise: its sessions, and its entries only") {
        const auto e = log.stats(today, std::nullopt, Period::week, StatsFilter{std::nullopt, "chin-tuck"});
        CHECK(e.totals.sessions == 2);
        CHECK(e.totals.done == 2);
        CHECK(e.from == ymd(2026, 1, 31));
        REQUIRE(e.history.size() == 2);
        CHECK(e.history[0].sets == 2);
        CHECK(e.history[1].sets == 3);
        REQUIRE(e.exercises.size() == 1);
        CHECK(e.exercises[0].times == 2);
    }
    SECTION("a period with no sessions") {
        const auto none = log.stats(today, ymd(2026, 3, 2));
        CHECK(none.totals.sessions == 0);
        CHECK(none.logged == 4);
        CHECK(none.exercises.empty());
        CHECK(none.streaks.current == 2);  // 28 February and 1 March (yesterday) in a common year
        CHECK(none.streaks.pending);
    }
}

TEST_CASE("progression compares the first half of the logged period with the second", "[stats]") {
    Log log;
    for (int d = 1; d <= 10; ++d)
        log.at(utc(2026, 11, static_cast<unsigned>(d), 9), 0, {fmt::format("cat-cow:{}", d <= 5 ? 8 : 12), "childs-pose:30s"});
    log.store();
    const auto st = log.stats(ymd(2026, 11, 10));
    REQUIRE(st.exercises.size() == 2);
    CHECK(*st.exercises[0].early_reps == Approx(8));
    CHECK(*st.exercises[0].late_reps == Approx(12));
    CHECK(*st.exercises[1].early_hold == Approx(30));
    CHECK(st.exercises[1].hold == 300);
}

TEST_CASE("an empty log and a single session", "[stats]") {
    Log log;
    log.store();
    const auto empty = log.stats(ymd(2026, 12, 1));
    CHECK(empty.logged == 0);
    CHECK(empty.totals.sessions == 0);
    CHECK(empty.streaks.longest == 0);
    CHECK(empty.periods.size() == 1);

    Log one;
    one.at(utc(2026, 12, 1, 8), 0);
    one.store();
    const auto st = one.stats(ymd(2026, 12, 1));
    CHECK(st.totals.sessions == 1);
    CHECK(st.streaks.current == 1);
    CHECK(st.streaks.longest == 1);
    CHECK(st.heat_seconds[static_cast<std::size_t>((ymd(2026, 12, 1) - st.heat_from).count())] == one.sessions[0].duration);
}

TEST_CASE("since after until is refused", "[stats]") {
    Log log;
    log.store();
    auto j = Journal::open_existing(log.path);
    StatsRequest rq;
    rq.today = rq.until = ymd(2026, 11, 1);
    rq.since = ymd(2026, 11, 2);
    CHECK_THAT(error_of<UsageError>([&] { compute_stats(*j, rq); }), Catch::Contains("after"));
}

TEST_CASE("adherence: an entry is at full dose, reduced, skipped or unplanned", "[stats][adherence]") {
    const PlannedDose plan{2, 10, 5};
    CHECK(dose_class(true, 2, 10, 5, plan) == DoseClass::full);
    CHECK(dose_class(true, 3, 12, 10, plan) == DoseClass::full);  // more than planned is still full
    CHECK(dose_class(true, 1, 10, 5, plan) == DoseClass::reduced);  // fewer sets
    CHECK(dose_class(true, 2, 9, 5, plan) == DoseClass::reduced);   // fewer reps
    CHECK(dose_class(true, 2, 10, 4, plan) == DoseClass::reduced);  // a shorter hold
    CHECK(dose_class(true, 3, 9, 10, plan) == DoseClass::reduced);  // below in any one of them
    CHECK(dose_class(false, 2, 10, 5, plan) == DoseClass::skipped);
    CHECK(dose_class(false, 2, 10, 5, std::nullopt) == DoseClass::skipped);
    CHECK(dose_class(true, 1, 1, 0, std::nullopt) == DoseClass::unplanned);

    DoseCounts d;
    CHECK_FALSE(d.full_share());
    d.add(DoseClass::unplanned);
    CHECK_FALSE(d.full_share());  // nothing planned or skipped: no share
    for (DoseClass c : {DoseClass::full, DoseClass::full, DoseClass::full, DoseClass::reduced, DoseClass::skipped}) d.add(c);
    CHECK(d.entries() == 6);
    CHECK(*d.full_share() == Approx(60));
}

TEST_CASE("adherence: each week's share of the target, and the weeks that met it", "[stats][adherence]") {
    // Weeks from Monday 2026-11-02; today is Wednesday 2026-11-25, in the fourth week.
    auto week = [](Date start, Date end, int sessions) {
        PeriodTotals p;
        p.start = start;
        p.end = end;
        p.totals.sessions = sessions;
        return p;
    };
    const Date today = ymd(2026, 11, 25);
    std::vector<PeriodTotals> weeks{week(ymd(2026, 11, 2), ymd(2026, 11, 8), 5), week(ymd(2026, 11, 9), ymd(2026, 11, 15), 6),
                                    week(ymd(2026, 11, 16), ymd(2026, 11, 22), 2), week(ymd(2026, 11, 23), today, 1)};

    SECTION("met exactly, over the target, under it; the current week not yet met is not counted") {
        const auto a = week_adherence(weeks, 5, 1, today);
        REQUIRE(a.weeks.size() == 4);
        CHECK(*a.weeks[0].share == Approx(100));
        CHECK(a.weeks[0].met);
        CHECK(*a.weeks[1].share == Approx(120));  // over 100 % is shown as it is
        CHECK(a.weeks[1].met);
        CHECK(*a.weeks[2].share == Approx(40));
        CHECK_FALSE(a.weeks[2].met);
        CHECK(a.weeks[2].counted);
        CHECK(*a.weeks[3].share == Approx(20));
        CHECK_FALSE(a.weeks[3].whole);
        CHECK_FALSE(a.weeks[3].counted);
        CHECK(a.weeks_counted == 3);
        CHECK(a.weeks_met == 2);
        CHECK(*a.average_share == Approx((100 + 100 + 40) / 3.0));  // 120 % counts as 100 %
    }
    SECTION("the current week counts once it is met") {
        weeks[3].totals.sessions = 5;
        const auto a = week_adherence(weeks, 5, 1, today);
        CHECK(a.weeks[3].counted);
        CHECK(a.weeks_counted == 4);
        CHECK(a.weeks_met == 3);
        CHECK(*a.average_share == Approx(85));
    }
    SECTION("a week that ends today is still open; one cut short by the period counts only when met") {
        const Date sunday = ymd(2026, 11, 22);
        const auto a = week_adherence({week(ymd(2026, 11, 4), ymd(2026, 11, 8), 3), weeks[1], week(ymd(2026, 11, 16), sunday, 4)}, 5, 1,
                                      sunday);
        CHECK_FALSE(a.weeks[0].whole);  // from a Wednesday
        CHECK_FALSE(a.weeks[0].counted);
        CHECK(a.weeks[1].whole);
        CHECK_FALSE(a.weeks[2].whole);  // today is its last day
        CHECK_FALSE(a.weeks[2].counted);
        CHECK(a.weeks_counted == 1);
        CHECK(a.weeks_met == 1);
        // The same week seen after it ended is whole.
        CHECK(week_adherence({weeks[2]}, 5, 1, ymd(2026, 11, 23)).weeks[0].whole);
        // Weeks starting on Sunday.
        CHECK(week_adherence({week(ymd(2026, 11, 15), ymd(2026, 11, 21), 1)}, 5, 0, today).weeks[0].whole);
        CHECK_FALSE(week_adherence({week(ymd(2026, 11, 16), ymd(2026, 11, 22), 1)}, 5, 0, today).weeks[0].whole);
    }
    SECTION("no target: no shares, nothing met or counted") {
        const auto a = week_adherence(weeks, 0, 1, today);
        CHECK(a.target == 0);
        REQUIRE(a.weeks.size() == 4);
        for (const auto& w : a.weeks) {
            CHECK_FALSE(w.share);
            CHECK_FALSE(w.met);
            CHECK_FALSE(w.counted);
        }
        CHECK(a.weeks_counted == 0);
        CHECK_FALSE(a.average_share);
        CHECK(a.weeks[1].sessions == 6);
    }
    SECTION("weeks count from the week of the log's first session, which counts whole") {
        // The first session on Wednesday 2026-11-11: the week of 2 November is before the log.
        const auto a = week_adherence(weeks, 5, 1, today, ymd(2026, 11, 11));
        CHECK(a.first_week == ymd(2026, 11, 9));
        CHECK_FALSE(a.weeks[0].logged);
        CHECK_FALSE(a.weeks[0].counted);
        CHECK(a.weeks[1].logged);
        CHECK(a.weeks[1].counted);
        CHECK(a.weeks_counted == 2);
        CHECK(a.weeks_met == 1);
        CHECK(*a.average_share == Approx(70));
        // A period that starts at the first session (--since all) holds all of its week that was logged.
        const auto all = week_adherence({week(ymd(2026, 11, 11), ymd(2026, 11, 15), 2), weeks[2]}, 5, 1, today, ymd(2026, 11, 11));
        CHECK(all.weeks[0].whole);
        CHECK(all.weeks[0].counted);
        CHECK(all.weeks_counted == 2);
        // Cut short by --since after the first session, it counts only once met.
        const auto cut = week_adherence({week(ymd(2026, 11, 11), ymd(2026, 11, 15), 2)}, 5, 1, today, ymd(2026, 11, 2));
        CHECK_FALSE(cut.weeks[0].whole);
        CHECK_FALSE(cut.weeks[0].counted);
    }
    SECTION("only the current week, not met: nothing to count yet") {
        const auto a = week_adherence({weeks[3]}, 5, 1, today);
        CHECK(a.weeks_counted == 0);
        CHECK_FALSE(a.average_share);
    }
}

TEST_CASE("adherence in a summary: entries of the period by dose, per exercise, adding up", "[stats][adherence]") {
    Log log;
    // Planned: cat-cow 1x10 and child's pose 30 s; band rows planned 2x12.
    auto& a = log.at(utc(2026, 11, 16, 9), 0, {"cat-cow:10", "childs-pose:30s", "band-rows:2x12"});
    a.entries[0].planned = PlannedDose{1, 10, 0};   // full
    a.entries[1].planned = PlannedDose{1, 0, 30};   // full
    a.entries[2].planned = PlannedDose{2, 12, 0};   // full
    auto& b = log.at(utc(2026, 11, 17, 9), 0, {"cat-cow:8", "childs-pose:20s", "band-rows:2x12"});
    b.entries[0].planned = PlannedDose{1, 10, 0};   // reduced: reps
    b.entries[1].planned = PlannedDose{1, 0, 30};   // reduced: hold
    b.entries[2].planned = PlannedDose{2, 12, 0};
    b.entries[2].status = EntryStatus::skipped;     // skipped
    auto& c = log.at(utc(2026, 11, 18, 9), 0, {"cat-cow:12", "open-book:8"});  // typed: unplanned
    c.entries[1].status = EntryStatus::skipped;     // skipped without a plan
    auto& d = log.at(utc(2026, 11, 19, 9), 0, {"cat-cow:2x10"});
    d.entries[0].planned = PlannedDose{1, 10, 0};   // full: more sets than planned
    log.at(utc(2026, 10, 1, 9), 0, {"cat-cow:5"}).entries[0].planned = PlannedDose{1, 10, 0};  // before the period
    log.store();

    const auto st = log.stats(ymd(2026, 11, 20), ymd(2026, 11, 16));
    const auto& doses = st.adherence.doses;
    CHECK(doses.full == 4);
    CHECK(doses.reduced == 2);
    CHECK(doses.skipped == 2);
    CHECK(doses.unplanned == 1);
    CHECK(doses.entries() == st.totals.done + st.totals.skipped);
    CHECK(*doses.full_share() == Approx(50));
    const auto& ex = st.adherence.exercises;
    REQUIRE(ex.size() == 4);  // open-book, only skipped, is there too
    CHECK(ex[0].id == "cat-cow");
    CHECK(ex[0].doses.full == 2);
    CHECK(ex[0].doses.reduced == 1);
    CHECK(ex[0].doses.unplanned == 1);
    CHECK(*ex[0].doses.full_share() == Approx(200.0 / 3));
    int sum = 0;
    for (const auto& e : ex) sum += e.doses.entries();
    CHECK(sum == doses.entries());
    const auto open_book = std::find_if(ex.begin(), ex.end(), [](const ExerciseAdherence& e) { return e.id == "open-book"; });
    REQUIRE(open_book != ex.end());
    CHECK(open_book->name == "Open book");
    CHECK(open_book->doses.skipped == 1);
    CHECK(*open_book->doses.full_share() == Approx(0));
    // The exercises done are as before: one only skipped is not among them.
    CHECK(st.exercises.size() == 3);

    // Weeks: the period's one week, still open (today is Friday), 4 sessions of 5.
    REQUIRE(st.adherence.weeks.size() == 1);
    CHECK(st.adherence.weeks[0].sessions == 4);
    CHECK(*st.adherence.weeks[0].share == Approx(80));
    CHECK_FALSE(st.adherence.weeks[0].counted);
    CHECK(st.adherence.weeks_counted == 0);

    SECTION("an exercise filter counts that exercise's entries only") {
        const auto one = log.stats(ymd(2026, 11, 20), ymd(2026, 11, 16), Period::week, StatsFilter{std::nullopt, "band-rows"});
        CHECK(one.adherence.doses.full == 1);
        CHECK(one.adherence.doses.skipped == 1);
        CHECK(one.adherence.doses.entries() == 2);
        REQUIRE(one.adherence.exercises.size() == 1);
    }
}

TEST_CASE("the heat map shades a day by its seconds, not by rounded minutes", "[stats][heatmap]") {
    CHECK(heat_level(0) == 0);
    CHECK(heat_level(1) == 1);
    CHECK(heat_level(270) == 1);  // 4.5 minutes is under 5, though it rounds to 5
    CHECK(heat_level(299) == 1);
    CHECK(heat_level(300) == 2);
    CHECK(heat_level(590) == 2);  // 9 min 50 s is under 10
    CHECK(heat_level(599) == 2);
    CHECK(heat_level(600) == 3);
    CHECK(heat_level(1199) == 3);
    CHECK(heat_level(1200) == 4);
}

TEST_CASE("adherence in a summary counts the weeks from the first session, not from the default period's start", "[stats][adherence]") {
    Log log;
    // Six whole weeks from Monday 2026-10-12, three of them met (5 of 5); then one session this week.
    const std::vector<std::pair<Date, int>> weeks{{ymd(2026, 10, 12), 5}, {ymd(2026, 10, 19), 2}, {ymd(2026, 10, 26), 5},
                                                  {ymd(2026, 11, 2), 0},  {ymd(2026, 11, 9), 6},  {ymd(2026, 11, 16), 4}};
    for (const auto& [monday, n] : weeks)
        for (int i = 0; i < n; ++i) {
            const std::chrono::year_month_day d{monday + std::chrono::days{i}};
            log.at(utc(static_cast<int>(d.year()), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()), 9), 0);
        }
    log.at(utc(2026, 11, 23, 9), 0);
    log.store();
    const Date today = ymd(2026, 11, 25);
    const auto st = log.stats(today, default_since(today, 1));
    CHECK(st.from == ymd(2026, 9, 7));
    CHECK(st.adherence.weeks.size() == 12);
    CHECK(st.adherence.first_week == ymd(2026, 10, 12));
    CHECK(st.adherence.weeks_counted == 6);  // the current week, not yet met, is not counted
    CHECK(st.adherence.weeks_met == 3);
    CHECK(*st.adherence.average_share == Approx((100 + 40 + 100 + 0 + 100 + 80) / 6.0));
    CHECK_FALSE(st.adherence.weeks.front().logged);
    CHECK(st.adherence.weeks[5].logged);
    // --since all gives the same.
    const auto all = log.stats(today);
    CHECK(all.adherence.weeks_counted == 6);
    CHECK(all.adherence.weeks_met == 3);
}

TEST_CASE("stats --exercise: the exercise's own time, estimated from its doses, not its sessions' durations", "[stats][exercise-time]") {
    CHECK(entry_seconds(1, 0, 30, false) == 30);          // a hold
    CHECK(entry_seconds(2, 10, 0, false) == 60);          // 2 × 10 reps × 3 s
    CHECK(entry_seconds(2, 10, 5, false) == 160);         // each rep 3 s and a 5 s hold
    CHECK(entry_seconds(1, 8, 0, true) == 48);            // each side
    Log log;
    auto& a = log.at(utc(2026, 11, 16, 9), 0, {"cat-cow:10", "chest-opener:2x30s"});  // 2 reps, each 3 s and held 30 s
    a.duration = 1200;
    a.goal = Goal::flexibility;
    auto& b = log.at(utc(2026, 11, 18, 9), 0, {"chest-opener:30s", "chin-tuck:10", "chest-opener:20s"});
    b.duration = 900;
    auto& c = log.at(utc(2026, 11, 19, 9), 0, {"chest-opener:30s", "cat-cow:10"});
    c.duration = 600;
    c.entries[0].status = EntryStatus::skipped;  // skipped: no time
    log.store();
    const auto st = log.stats(ymd(2026, 11, 20), ymd(2026, 11, 16), Period::day, StatsFilter{std::nullopt, "chest-opener"});
    CHECK(st.totals.sessions == 3);
    CHECK(st.totals.seconds == 66 + 30 + 20);
    CHECK(sum_sessions(st.periods) == 3);
    long long periods = 0;
    for (const auto& p : st.periods) periods += p.totals.seconds;
    CHECK(periods == st.totals.seconds);
    CHECK(st.periods[0].totals.seconds == 66);
    CHECK(st.periods[2].totals.seconds == 50);
    CHECK(st.periods[3].totals.seconds == 0);
    CHECK(st.goals[0].seconds == 66);  // flexibility
    CHECK(st.goals[3].seconds == 50);  // balanced
    CHECK(st.heat_seconds[static_cast<std::size_t>((ymd(2026, 11, 18) - st.heat_from).count())] == 50);
    // Without the filter, whole sessions.
    const auto all = log.stats(ymd(2026, 11, 20), ymd(2026, 11, 16));
    CHECK(all.totals.seconds == 1200 + 900 + 600);
    CHECK(all.heat_seconds[static_cast<std::size_t>((ymd(2026, 11, 18) - all.heat_from).count())] == 900);
}

TEST_CASE("one rounding rule: half away from zero on the exact decimal value", "[stats][rounding]") {
    auto text = [](long long num, long long den, int places) { return format_decimal(*ratio(num, den), places); };
    CHECK(text(17, 4, 1) == "4.3");   // 4.25: printf would give 4.2 (half to even)
    CHECK(text(87, 20, 1) == "4.4");  // 4.35, held in binary a little below
    CHECK(text(1, 8, 2) == "0.13");   // 0.125
    CHECK(text(1, 8, 1) == "0.1");
    CHECK(text(107, 40, 2) == "2.68");  // 2.675: round(2.675 * 100) in binary gives 2.67
    CHECK(text(201, 200, 2) == "1.01");  // 1.005
    CHECK(text(-21, 20, 1) == "-1.1");  // away from zero below it too
    CHECK(text(-1, 25, 1) == "0.0");    // -0.04: no "-0.0"
    CHECK(text(25, 2, 0) == "13");      // 12.5 %
    CHECK(text(5, 1, 2) == "5.00");
    CHECK(text(1, -8, 2) == "-0.13");
    CHECK_FALSE(ratio(1, 0));
    CHECK(rounded(*ratio(107, 40), 2) == 2.68);
    CHECK(rounded(*ratio(201, 200), 2) == 1.01);
    CHECK(rounded(*ratio(17, 4), 2) == 4.25);
    CHECK(round_scaled(*ratio(87, 20), 1) == 44);
    const Fraction d = *ratio(3, 4) - *ratio(1, 3);  // 5/12
    CHECK(d.num == 5);
    CHECK(d.den == 12);
}

TEST_CASE("text and JSON round a value by the same rule", "[stats][rounding]") {
    Log log;
    // 40 sessions: pain before 174/40 = 4.35, after 107/40 = 2.675.
    for (int i = 0; i < 40; ++i) {
        auto& s = log.at(utc(2026, 10, 1, 9) + std::chrono::days{i}, 0);
        s.pain_before = i < 14 ? 5 : 4;
        s.pain_after = i < 27 ? 3 : 2;
    }
    log.store();
    const auto st = log.stats(ymd(2026, 11, 9));
    REQUIRE(st.pain.before);
    CHECK(static_cast<double>(*st.pain.before) == Approx(4.35));
    std::ostringstream text;
    render_stats_text(text, st, Style{false, false, 200}, false);
    CHECK_THAT(text.str(), Catch::Contains("before    4.4 on average (40 scores)"));
    CHECK_THAT(text.str(), Catch::Contains("after     2.7 on average (40 scores)"));
    const auto json = stats_json(st);
    CHECK_THAT(json, Catch::Contains("\"before\": 4.35,"));
    CHECK_THAT(json, Catch::Contains("\"after\": 2.68,"));
}
