// SPDX-License-Identifier: MIT
// backcare stats: golden outputs on a fixture log, totals that add up, the
// calendar's edges in pinned time zones, and every bad input refused.
#include <chrono>
#include <filesystem>
#include <map>
#include <numeric>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;

namespace {

// The fixture: 50 sessions (149 entries, 6 of them skipped) over eight weeks
// to the tests' pinned today, Monday 2026-11-23; one logged in Tokyo.
constexpr int fixture_sessions = 50;
constexpr int fixture_entries = 149;
constexpr int fixture_skipped = 6;
// Entries done with a planned dose (the sessions from 26 October on, but for
// the doorway stretches and the open book).
constexpr int fixture_planned_done = 75;

void import_fixture(const Home& h) {
    const auto r = h.run({"import", e2e::source_path("tests/e2e/fixtures/stats.jsonl")});
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
}

Json stats_json(const Home& h, std::vector<std::string> args = {}) {
    args.insert(args.begin(), "stats");
    args.insert(args.end(), {"--format", "json"});
    const auto r = h.run(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    return Json::parse(r.out);
}

void log_at(const Home& h, const std::string& at, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"log", "-q", "cat-cow:10", "--at", at};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = h.run(args);
    INFO(at << ": " << r.err);
    REQUIRE(r.status == 0);
}

// Text with each run of spaces and line ends as one space: wrapped lines read as one.
std::string squeeze(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') c = ' ';
        if (c == ' ' && !out.empty() && out.back() == ' ') continue;
        out += c;
    }
    return out;
}

long long sum_of(const Json& periods, const char* key) {
    long long n = 0;
    for (const auto& p : periods) n += p.at(key).get<long long>();
    return n;
}

}  // namespace

TEST_CASE("stats outputs match the golden files", "[stats][golden]") {
    Home h;
    import_fixture(h);
    SECTION("text, as in a pipe") {
        const auto r = h.run({"stats"});
        REQUIRE(r.status == 0);
        CHECK(r.err.empty());
        CHECK_FALSE(e2e::has_ansi(r.out));
        e2e::expect_golden("stats.txt", r.out);
    }
    SECTION("json") { e2e::expect_golden("stats.json", h.run({"stats", "--format", "json"}).out); }
    SECTION("csv by month") { e2e::expect_golden("stats-month.csv", h.run({"stats", "--since", "all", "--by", "month", "--format", "csv"}).out); }
    SECTION("one exercise") { e2e::expect_golden("stats-cat-cow.txt", h.run({"stats", "--exercise", "cat-cow", "--since", "4w"}).out); }
}

TEST_CASE("stats totals equal the log's sessions and entries for every period split", "[stats]") {
    Home h;
    import_fixture(h);
    for (const char* by : {"day", "week", "month"}) {
        INFO("--by " << by);
        const Json j = stats_json(h, {"--since", "all", "--by", by});
        CHECK(j.at("schema") == 2);
        CHECK(j.at("by") == by);
        CHECK(j.at("logged_sessions") == fixture_sessions);
        CHECK(j.at("totals").at("sessions") == fixture_sessions);
        CHECK(j.at("totals").at("entries") == fixture_entries);
        CHECK(j.at("totals").at("skipped") == fixture_skipped);
        CHECK(sum_of(j.at("periods"), "sessions") == fixture_sessions);
        CHECK(sum_of(j.at("periods"), "entries") == fixture_entries);
        CHECK(sum_of(j.at("periods"), "done") == fixture_entries - fixture_skipped);
        CHECK(sum_of(j.at("periods"), "seconds") == j.at("totals").at("seconds").get<long long>());
        CHECK(j.at("periods").front().at("start") == "2026-09-28");
        CHECK(j.at("periods").back().at("end") == "2026-11-23");
        long long goal_sessions = 0;
        for (const auto& g : j.at("goals")) goal_sessions += g.at("sessions").get<long long>();
        CHECK(goal_sessions == fixture_sessions);
        long long done = 0;
        for (const auto& e : j.at("exercises")) done += e.at("times").get<long long>();
        CHECK(done == fixture_entries - fixture_skipped);
        // Adherence: every entry in one class, overall and per exercise.
        const Json& a = j.at("adherence");
        const Json& doses = a.at("doses");
        CHECK(doses.at("full").get<long long>() + doses.at("reduced").get<long long>() + doses.at("skipped").get<long long>() +
                  doses.at("unplanned").get<long long>() ==
              fixture_entries);
        CHECK(doses.at("skipped") == fixture_skipped);
        CHECK(doses.at("full").get<long long>() + doses.at("reduced").get<long long>() == fixture_planned_done);
        for (const char* key : {"full", "reduced", "skipped", "unplanned"}) {
            INFO(key);
            CHECK(sum_of(a.at("exercises"), key) == doses.at(key).get<long long>());
            CHECK(doses.at(key).get<long long>() > 0);  // the fixture has each
        }
        const double compared = doses.at("full").get<double>() + doses.at("reduced").get<double>() + doses.at("skipped").get<double>();
        CHECK(doses.at("full_share").get<double>() == Approx(100 * doses.at("full").get<double>() / compared).margin(0.005));
        // Weeks: the same weeks as "weeks", met and counted as documented.
        REQUIRE(a.at("weeks").size() == j.at("weeks").size());
        long long counted = 0, met = 0;
        for (std::size_t i = 0; i < a.at("weeks").size(); ++i) {
            const Json& w = a.at("weeks")[i];
            CHECK(w.at("start") == j.at("weeks")[i].at("start"));
            CHECK(w.at("sessions") == j.at("weeks")[i].at("sessions"));
            CHECK(w.at("met") == j.at("weeks")[i].at("target_met"));
            CHECK(w.at("share").get<double>() == Approx(100.0 * w.at("sessions").get<double>() / 5).margin(0.005));
            CHECK(w.at("logged") == true);  // from the first session on
            CHECK(w.at("counted") == (w.at("whole").get<bool>() || w.at("met").get<bool>()));
            counted += w.at("counted").get<bool>();
            met += w.at("counted").get<bool>() && w.at("met").get<bool>();
        }
        CHECK(a.at("weeks_counted") == counted);
        CHECK(a.at("weeks_met") == met);
        // From 2026-09-28 (a Monday) to today, Monday 2026-11-23: eight whole weeks, all met; this week not yet.
        CHECK(a.at("weeks_counted") == 8);
        CHECK(a.at("weeks_met") == 8);
        CHECK(a.at("average_share") == 100.0);
        CHECK(a.at("weeks").back().at("whole") == false);
    }
    // The database agrees with the fixture, and csv with json.
    const auto db = db_path(h);
    CHECK(count_sessions(db) == fixture_sessions);
    CHECK(scalar(db, "SELECT count(*) FROM entry") == fixture_entries);
    const auto csv = csv_records(h.run({"stats", "--since", "all", "--by", "day", "--format", "csv"}).out);
    REQUIRE(csv.size() == 1 + 57);  // a header and one row per day, empty days included
    CHECK(csv[0] == std::vector<std::string>{"start", "end", "sessions", "entries", "done", "skipped", "seconds", "minutes",
                                             "target_met", "pain_before", "pain_after"});
    int sessions = 0;
    for (std::size_t i = 1; i < csv.size(); ++i) sessions += std::stoi(csv[i][2]);
    CHECK(sessions == fixture_sessions);
}

TEST_CASE("stats counts a session logged abroad on the day it had there", "[stats]") {
    Home h;
    import_fixture(h);
    // Logged at 07:00 on 15 November in Tokyo, which was still the 14th in UTC and in Berlin.
    for (const char* tz : {"UTC", "Europe/Berlin", "America/Los_Angeles"}) {
        h.set("TZ", tz);
        const Json j = stats_json(h, {"--since", "2026-11-14", "--until", "2026-11-15", "--by", "day"});
        INFO("TZ=" << tz);
        REQUIRE(j.at("periods").size() == 2);
        CHECK(j.at("periods")[0].at("sessions") == 1);  // the 14th: its morning session only
        CHECK(j.at("periods")[1].at("sessions") == 2);  // the 15th: the morning one and the one in Tokyo
    }
}

TEST_CASE("stats streaks at the calendar's edges", "[stats]") {
    Home h;
    SECTION("month and year ends, 23:59 and 00:01, two sessions a day, a backdated session") {
        h.set("BACKCARE_NOW", "2027-01-02T12:00:00");
        log_at(h, "2026-12-30T23:59");
        log_at(h, "2026-12-31T00:01");
        log_at(h, "2026-12-31T23:59");
        log_at(h, "2027-01-01T00:01");
        log_at(h, "2027-01-02T08:00");
        log_at(h, "2027-01-02T09:00");
        log_at(h, "2026-11-30T12:00");  // backdated, and on its own
        const Json j = stats_json(h);
        CHECK(j.at("streak").at("current") == 4);
        CHECK(j.at("streak").at("current_from") == "2026-12-30");
        CHECK(j.at("streak").at("includes_until") == true);
        CHECK(j.at("streak").at("longest") == 4);
        CHECK(j.at("active_days") == 5);
        CHECK(j.at("totals").at("sessions") == 7);
    }
    SECTION("a leap day") {
        h.set("BACKCARE_NOW", "2028-03-01T20:00:00");
        for (const char* at : {"2028-02-27T08:00", "2028-02-28T08:00", "2028-02-29T08:00", "2028-03-01T08:00"}) log_at(h, at);
        CHECK(stats_json(h).at("streak").at("current") == 4);
        const Json feb = stats_json(h, {"--since", "2028-02-01", "--until", "2028-02-29", "--by", "month"});
        REQUIRE(feb.at("periods").size() == 1);
        CHECK(feb.at("periods")[0].at("end") == "2028-02-29");
        CHECK(feb.at("periods")[0].at("sessions") == 3);
    }
    SECTION("a missing day breaks the streak; a streak to yesterday is still current") {
        for (const char* at : {"2026-11-18T08:00", "2026-11-19T08:00", "2026-11-21T08:00", "2026-11-22T08:00"}) log_at(h, at);
        const Json j = stats_json(h);
        CHECK(j.at("streak").at("current") == 2);
        CHECK(j.at("streak").at("includes_until") == false);
        CHECK(j.at("streak").at("longest") == 2);
        CHECK(j.at("streak").at("longest_from") == "2026-11-21");
        const auto text = h.run({"stats"});
        CHECK(contains(text.out, "Streak    2 days (log today to keep it)"));
    }
    SECTION("the daylight-saving changes in spring and autumn") {
        h.set("TZ", "Europe/Berlin");
        h.set("BACKCARE_NOW", "2026-10-27T12:00:00");
        // 29 March has 23 hours in Berlin, 25 October 25: sessions just after midnight and just before it.
        for (const char* at : {"2026-03-28T00:30", "2026-03-29T00:30", "2026-03-29T23:59", "2026-03-30T00:01", "2026-03-31T03:30",
                               "2026-10-24T23:30", "2026-10-25T00:30", "2026-10-25T02:30", "2026-10-26T00:01", "2026-10-27T08:00"})
            log_at(h, at);
        const Json j = stats_json(h, {"--since", "all", "--by", "day"});
        CHECK(j.at("streak").at("current") == 4);
        CHECK(j.at("streak").at("longest") == 4);
        CHECK(j.at("streak").at("longest_to") == "2026-10-27");
        CHECK(j.at("active_days") == 8);
        const auto& days = j.at("periods");
        CHECK(days[0].at("start") == "2026-03-28");
        CHECK(days[1].at("sessions") == 2);  // the 29th: 00:30 and 23:59
        const Json oct = stats_json(h, {"--since", "2026-10-25", "--until", "2026-10-25", "--by", "day"});
        CHECK(oct.at("periods")[0].at("sessions") == 2);  // 00:30 and the 02:30 that came twice
    }
}

TEST_CASE("stats heat map: a day's shade by its seconds, 4 min 30 s under 5 minutes", "[stats][heatmap]") {
    Home h;
    log_at(h, "2026-11-20T08:00", {"--duration", "270s"});
    log_at(h, "2026-11-21T08:00", {"--duration", "9m50s"});
    log_at(h, "2026-11-22T08:00", {"--duration", "5m"});
    const Json j = stats_json(h);
    std::map<std::string, int> level;
    for (const auto& d : j.at("heatmap")) level[d.at("date").get<std::string>()] = d.at("level").get<int>();
    CHECK(level.at("2026-11-20") == 1);  // under 5
    CHECK(level.at("2026-11-21") == 2);  // 5-9
    CHECK(level.at("2026-11-22") == 2);
    CHECK(level.at("2026-11-23") == 0);
    // Text: the row of Fridays ends with the "under 5" shade, Saturdays with "5-9".
    const auto text = e2e::lines(h.run({"stats"}).out);
    auto row = [&](const std::string& day) {
        for (const auto& l : text)
            if (l.rfind(day + "  ", 0) == 0) return l;
        return std::string();
    };
    CHECK(row("Fri").back() == '-');
    CHECK(row("Sat").back() == '+');
}

TEST_CASE("stats streaks count the active days: a weekend off keeps a weekday streak", "[stats][streak]") {
    Home h;  // active_days are Monday to Friday by default
    for (const char* at : {"2026-11-09T08:00", "2026-11-10T08:00", "2026-11-11T08:00", "2026-11-12T08:00", "2026-11-13T08:00",
                           "2026-11-16T08:00", "2026-11-17T08:00", "2026-11-18T08:00", "2026-11-19T08:00", "2026-11-20T08:00"})
        log_at(h, at);
    SECTION("on Monday, not yet logged: alive across two weekends") {
        const Json j = stats_json(h);
        CHECK(j.at("streak").at("current") == 10);
        CHECK(j.at("streak").at("current_from") == "2026-11-09");
        CHECK(j.at("streak").at("includes_until") == false);
        CHECK(j.at("streak").at("next_day") == "2026-11-23");
        CHECK(j.at("streak").at("days") == Json::array({"mon", "tue", "wed", "thu", "fri"}));
        const auto text = squeeze(h.run({"stats"}).out);
        CHECK(contains(text, "Streak 10 days (log today to keep it); longest 10 days, 2026-11-09 to 2026-11-20; counts Mon–Fri"));
    }
    SECTION("on Saturday: no 'log today', the next active day instead") {
        h.set("BACKCARE_NOW", "2026-11-21T10:00:00");
        const auto text = squeeze(h.run({"stats"}).out);
        CHECK(contains(text, "Streak 10 days (next active day Monday);"));
        CHECK_FALSE(contains(text, "log today"));
        CHECK(stats_json(h).at("streak").at("next_day") == "2026-11-23");
    }
    SECTION("every day active: the weekend broke it, and no days are named") {
        h.write("config/backcare/config.toml", "active_days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\n");
        const Json j = stats_json(h);
        CHECK(j.at("streak").at("current") == 0);
        CHECK(j.at("streak").at("longest") == 5);
        CHECK(j.at("streak").at("days").size() == 7);
        CHECK_FALSE(contains(h.run({"stats"}).out, "; counts "));
    }
    SECTION("a missed weekday breaks it") {
        h.set("BACKCARE_NOW", "2026-11-24T10:00:00");
        CHECK(stats_json(h).at("streak").at("current") == 0);
        CHECK(contains(h.run({"stats"}).out, "Streak    none; longest 10 days"));
    }
}

TEST_CASE("stats on an empty log, a single session and a period without sessions", "[stats]") {
    Home h;
    SECTION("an empty log: a friendly line, exit 0, and no log is created") {
        const auto r = h.run({"stats"});
        CHECK(r.status == 0);
        CHECK(r.err.empty());
        CHECK(contains(r.out, "No sessions logged yet"));
        CHECK(contains(r.out, "backcare log"));
        CHECK_FALSE(std::filesystem::exists(db_path(h)));
        CHECK(h.run({"stats", "-q"}).out.empty());
        const Json j = stats_json(h);
        CHECK(j.at("totals").at("sessions") == 0);
        CHECK(j.at("streak").at("longest") == 0);
        CHECK(j.at("pain_warning").is_null());
        CHECK(e2e::lines(h.run({"stats", "--format", "csv"}).out).size() == 1 + 12);  // a header and 12 weeks
    }
    SECTION("a single session") {
        log_at(h, "2026-11-23T08:00");
        const Json j = stats_json(h);
        CHECK(j.at("totals").at("sessions") == 1);
        CHECK(j.at("streak").at("current") == 1);
        CHECK(j.at("weeks").back().at("sessions") == 1);
        const auto text = h.run({"stats"});
        CHECK(contains(text.out, "1 of 5 sessions"));
        CHECK(contains(text.out, "Streak    1 day;"));
        // Day one: the first week, not 0 of 11 weeks before the log began.
        CHECK(contains(text.out, "  Weeks     first week: 1 of 5 sessions so far\n"));
        CHECK(j.at("adherence").at("weeks_counted") == 0);
        CHECK(j.at("adherence").at("first_week") == "2026-11-23");
        CHECK(j.at("adherence").at("weeks").front().at("logged") == false);
    }
    SECTION("a period without sessions") {
        log_at(h, "2026-10-01T08:00");
        const auto r = h.run({"stats", "--since", "2w"});
        CHECK(r.status == 0);
        CHECK(contains(r.out, "No sessions in this period (1 session in the whole log; try --since all)"));
        CHECK(stats_json(h, {"--since", "2w"}).at("totals").at("sessions") == 0);
    }
}

TEST_CASE("stats adherence counts the weeks from the first session in the log", "[stats][adherence]") {
    Home h;
    // Six weeks from Monday 2026-10-12, three of them met; today, Monday 2026-11-23, nothing yet.
    const int sessions[] = {5, 2, 5, 0, 5, 4};
    const std::chrono::sys_days first = std::chrono::year{2026} / 10 / 12;
    for (int w = 0; w < 6; ++w)
        for (int i = 0; i < sessions[w]; ++i) {
            const std::chrono::year_month_day d{first + std::chrono::days{7 * w + i}};
            auto two = [](unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); };
            log_at(h, std::to_string(static_cast<int>(d.year())) + "-" + two(static_cast<unsigned>(d.month())) + "-" +
                          two(static_cast<unsigned>(d.day())) + "T08:00");
        }
    const Json j = stats_json(h);
    CHECK(j.at("since") == "2026-09-07");
    CHECK(j.at("adherence").at("first_week") == "2026-10-12");
    CHECK(j.at("adherence").at("weeks_counted") == 6);
    CHECK(j.at("adherence").at("weeks_met") == 3);
    const auto text = squeeze(h.run({"stats"}).out);
    CHECK(contains(text, "Weeks 3 of 6 weeks met the target of 5 sessions; 70% of the target on average"));
    CHECK(contains(text, "this week counts once it is met"));
    CHECK_FALSE(contains(text, "cut short"));
    // The weeks table: a share from the first week on, none before it.
    const auto table = h.run({"stats"}).out;
    CHECK(contains(squeeze(table), "2026-10-12 ■■■■■ 5 of 5 ✓ 100%"));
    CHECK(contains(squeeze(table), "2026-10-05 □□□□□ 0 of 5 - 0"));
}

TEST_CASE("stats opens with the pain warning: 7/10 after a session, or 2 above before, until a week and two good sessions", "[stats][pain]") {
    Home h;
    log_at(h, "2026-11-02T08:00", {"--pain-after", "2"});
    log_at(h, "2026-11-04T08:00", {"--pain-after", "2"});
    SECTION("no warning while it stays low") {
        log_at(h, "2026-11-20T08:00", {"--pain-before", "2", "--pain-after", "3"});
        CHECK(stats_json(h).at("pain_warning").is_null());
        CHECK_FALSE(contains(h.run({"stats"}).out, "Pain warning"));
    }
    SECTION("a rise of 2 in a session") {
        log_at(h, "2026-11-20T08:00", {"--pain-before", "2", "--pain-after", "4"});
        const Json w = stats_json(h).at("pain_warning");
        CHECK(w.at("date") == "2026-11-20");
        CHECK(w.at("reason") == "pain rose from 2 to 4");
        CHECK(w.at("days_since") == 3);
        CHECK(w.at("good_since") == 0);
        const auto text = h.run({"stats"});
        CHECK(text.out.rfind("Pain warning: in the session of 2026-11-20, pain rose from 2 to 4.", 0) == 0);
        CHECK(contains(text.out, "'backcare safety'"));
        CHECK(w.at("message") == e2e::unwrap(text.out.substr(0, text.out.find("\n\n"))));
    }
    SECTION("7/10, whatever --goal and --exercise say") {
        log_at(h, "2026-11-22T08:00", {"--pain-after", "7"});
        CHECK(stats_json(h).at("pain_warning").at("reason") == "pain 7/10 after it");
        CHECK(contains(h.run({"stats", "-q"}).out, "Pain warning: in the session of 2026-11-22, pain 7/10 after it."));
        CHECK(stats_json(h, {"--goal", "strength"}).at("pain_warning").at("date") == "2026-11-22");
        CHECK(stats_json(h, {"--exercise", "chin-tuck"}).at("pain_warning").at("date") == "2026-11-22");
    }
    SECTION("ended by a week and two sessions without pain rising") {
        log_at(h, "2026-11-10T08:00", {"--pain-after", "8"});
        log_at(h, "2026-11-12T08:00", {"--pain-before", "3", "--pain-after", "3"});
        CHECK(stats_json(h).at("pain_warning").at("good_since") == 1);
        log_at(h, "2026-11-18T08:00", {"--pain-before", "3", "--pain-after", "2"});
        CHECK(stats_json(h).at("pain_warning").is_null());
        // As of an earlier day it still held.
        CHECK(stats_json(h, {"--until", "2026-11-16"}).at("pain_warning").at("date") == "2026-11-10");
    }
}

TEST_CASE("stats --goal and --exercise narrow the summary", "[stats]") {
    Home h;
    import_fixture(h);
    const Json all = stats_json(h, {"--since", "all"});
    long long by_goals = 0;
    for (const char* goal : {"flexibility", "strength", "posture", "balanced"}) {
        const Json g = stats_json(h, {"--since", "all", "--goal", goal});
        CHECK(g.at("filter").at("goal") == goal);
        by_goals += g.at("totals").at("sessions").get<long long>();
    }
    CHECK(by_goals == all.at("totals").at("sessions").get<long long>());

    const Json e = stats_json(h, {"--since", "all", "--exercise", "CAT-COW"});
    CHECK(e.at("filter").at("exercise") == "cat-cow");
    REQUIRE(e.at("exercises").size() == 1);
    CHECK(e.at("exercises")[0].at("id") == "cat-cow");
    CHECK(e.at("history").size() == e.at("totals").at("entries").get<std::size_t>());
    CHECK(e.at("exercises")[0].at("progression").at("measure") == "reps_per_set");
    CHECK(e.at("exercises")[0].at("progression").at("early").get<double>() <
          e.at("exercises")[0].at("progression").at("late").get<double>());
    // An exercise in the catalogue but never logged: an empty summary, not an error.
    const auto never = h.run({"stats", "--exercise", "wall-angels"});
    CHECK(never.status == 0);
    CHECK(contains(never.out, "No sessions in this period"));
}

TEST_CASE("stats --goal: a typed session has the one goal all its exercises share, else balanced", "[stats]") {
    Home h;
    int hour = 6;
    auto typed = [&](std::vector<std::string> items) {
        items.insert(items.begin(), {"log", "-q", "--at", "2026-11-23T0" + std::to_string(hour++) + ":00"});
        const auto r = h.run(items);
        INFO(r.err);
        REQUIRE(r.status == 0);
    };
    typed({"childs-pose:30s", "cat-cow:10"});  // flexibility is the only goal both have
    typed({"cat-cow:10", "band-rows:12"});     // posture
    typed({"childs-pose:30s", "band-rows:12"});  // none shared: balanced
    typed({"cat-cow:10"});                     // flexibility and posture: more than one, balanced
    auto count = [&](const char* goal) { return stats_json(h, {"--goal", goal}).at("totals").at("sessions").get<int>(); };
    CHECK(count("flexibility") == 1);
    CHECK(count("posture") == 1);
    CHECK(count("strength") == 0);
    CHECK(count("balanced") == 2);
    const Json history = Json::parse(h.run({"history", "--format", "json"}).out);
    REQUIRE(history.size() == 4);
    CHECK(history[0].at("goal") == "balanced");
    CHECK(history[3].at("goal") == "flexibility");
}

TEST_CASE("stats --exercise reports the exercise's own time, not its sessions'", "[stats][exercise-time]") {
    Home h;
    for (const char* at : {"2026-11-20T08:00", "2026-11-21T08:00", "2026-11-22T08:00"}) {
        const auto r = h.run({"log", "-q", "--at", at, "--duration", "23m", "cat-cow:2x10", "chest-opener:2x30s", "chin-tuck:10x5s"});
        REQUIRE(r.status == 0);
    }
    const Json j = stats_json(h, {"--exercise", "chest-opener"});
    CHECK(j.at("totals").at("sessions") == 3);
    CHECK(j.at("totals").at("seconds") == 3 * 66);  // 2 reps of 3 s held 30 s a session, not 3 × 23 min
    CHECK(sum_of(j.at("periods"), "seconds") == 3 * 66);
    const auto text = squeeze(h.run({"stats", "--exercise", "chest-opener"}).out);
    CHECK(contains(text, "Sessions 3 on 3 days · 3 min on it, estimated from its doses"));
    CHECK(stats_json(h).at("totals").at("seconds") == 3 * 23 * 60);
}

TEST_CASE("stats rounds half away from zero in text, json and csv alike: 4.25 and 0.125", "[stats][rounding]") {
    Home h;
    // Eight sessions: pain before 1/8 = 0.125, after 34/8 = 4.25.
    const char* days[] = {"16", "17", "18", "19", "20", "21", "22", "23"};
    for (int i = 0; i < 8; ++i)
        log_at(h, std::string("2026-11-") + days[i] + "T08:00",
               {"--pain-before", i == 0 ? "1" : "0", "--pain-after", i == 3 || i == 7 ? "5" : "4"});
    const auto text = squeeze(h.run({"stats", "--since", "2026-11-16"}).out);
    CHECK(contains(text, "before 0.1 on average (8 scores)"));
    CHECK(contains(text, "after 4.3 on average (8 scores)"));  // not 4.2
    const Json j = stats_json(h, {"--since", "2026-11-16"});
    CHECK(j.at("pain").at("before") == 0.13);
    CHECK(j.at("pain").at("after") == 4.25);
    CHECK(j.at("totals").at("pain_before") == 0.13);
    const auto csv = csv_records(h.run({"stats", "--since", "2026-11-16", "--until", "2026-11-22", "--format", "csv"}).out);
    REQUIRE(csv.size() == 2);
    CHECK(csv[1][9] == "0.14");  // 1/7 before in the week of the 16th
    CHECK(csv[1][10] == "4.14");  // 29/7
    const auto day = csv_records(h.run({"stats", "--since", "2026-11-16", "--until", "2026-11-16", "--by", "day", "--format", "csv"}).out);
    REQUIRE(day.size() == 2);
    CHECK(day[1][9] == "1.00");
    // Minutes: 15 s is 0.25 min, 0.3 (printf would give 0.2).
    Home quick;
    log_at(quick, "2026-11-10T08:00", {"--duration", "15s"});
    const auto minutes = csv_records(quick.run({"stats", "--since", "2026-11-10", "--until", "2026-11-10", "--by", "day", "--format", "csv"}).out);
    REQUIRE(minutes.size() == 2);
    CHECK(minutes[1][6] == "15");
    CHECK(minutes[1][7] == "0.3");
}

TEST_CASE("stats refuses bad input clearly, with exit 2, and changes nothing", "[stats][bad-input]") {
    Home h;
    import_fixture(h);
    const auto before = h.snapshot();
    using Case = std::pair<std::vector<std::string>, std::vector<std::string>>;
    for (const auto& [args, fragments] : std::vector<Case>{
             {{"--since", "2026-11-20", "--until", "2026-11-01"}, {"--since 2026-11-20 is after --until 2026-11-01"}},
             {{"--since", "2026-12-24"}, {"--since 2026-12-24 is after today (2026-11-23)"}},
             {{"--since", "2026-02-30"}, {"--since", "2026-02-30 is not a date on the calendar"}},
             {{"--until", "2027-02-29"}, {"--until", "2027-02-29 is not a date on the calendar"}},
             {{"--since", "last tuesday"}, {"--since", "cannot read 'last tuesday'"}},
             {{"--by", "year"}, {"--by must be day, week or month, not 'year'"}},
             {{"--format", "xml"}, {"--format", "xml"}},
             {{"--goal", "speed"}, {"--goal", "speed"}},
             {{"--exercise", "cat-co"}, {"no exercise 'cat-co'", "did you mean cat-cow"}},
             {{"--exercise"}, {"--exercise"}},
         }) {
        std::vector<std::string> full{"stats"};
        full.insert(full.end(), args.begin(), args.end());
        const auto r = h.run(full);
        INFO("stats " << e2e::lines(r.err).size() << ": " << full.back());
        e2e::expect_usage_error(r, fragments);
    }
    CHECK(h.snapshot() == before);
}

TEST_CASE("stats text: colour and Unicode shades on a terminal only, and lines within its width", "[stats]") {
    Home h;
    import_fixture(h);
    const auto tty = h.run_tty({"stats"});
    CHECK(tty.status == 0);
    CHECK(e2e::has_ansi(tty.out));
    CHECK(contains(tty.out, "▒"));
    h.set("NO_COLOR", "1");
    const auto no_color = h.run_tty({"stats"});
    CHECK_FALSE(e2e::has_ansi(no_color.out));
    CHECK_FALSE(contains(no_color.out, "▒"));  // plain shades when colour is off
    h.unset("NO_COLOR");
    h.set("LC_ALL", "C");
    const auto ascii = h.run({"stats", "--color", "always"});
    CHECK(e2e::has_ansi(ascii.out));
    for (unsigned char c : ascii.out) CHECK(c < 0x80);
    h.set("LC_ALL", "C.UTF-8");
    for (unsigned short width : {60, 72}) {
        const auto narrow = h.run_tty({"stats", "--color", "never"}, width);
        for (const auto& line : e2e::lines(narrow.out)) {
            INFO(width << ": " << line);
            CHECK(e2e::display_width(line) <= width);
        }
    }
}
