// SPDX-License-Identifier: MIT
// Instants, local dates and the ways people write them (clock.hpp).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "clock.hpp"
#include "errors.hpp"
#include "session_helpers.hpp"

using namespace backcare;
using namespace std::chrono_literals;
using backcare::test::error_of;
using backcare::test::TzGuard;
using backcare::test::ymd;
using backcare::test::utc;
using backcare::test::ymd;

namespace {

std::string when_error(const std::string& text, Instant now) {
    return error_of<UsageError>([&] { (void)parse_when(text, now, "--at"); });
}

std::string duration_error(const std::string& text) {
    return error_of<UsageError>([&] { (void)parse_duration(text, "--duration"); });
}

std::string since_error(const std::string& text) {
    return error_of<UsageError>([&] { (void)parse_since(text, ymd(2026, 11, 23), "--since"); });
}

}  // namespace

TEST_CASE("parse_when reads relative, clock and ISO forms", "[clock]") {
    TzGuard tz("UTC");
    const Instant now = utc(2026, 11, 23, 20, 0, 0);

    CHECK(parse_when("now", now, "--at").at == now);
    CHECK(parse_when("-2h", now, "--at").at == now - 2h);
    CHECK(parse_when("-45m", now, "--at").at == now - 45min);
    CHECK(parse_when("-1d", now, "--at").at == now - 24h);
    CHECK(parse_when("18:30", now, "--at").at == utc(2026, 11, 23, 18, 30));
    CHECK(parse_when("7:05", now, "--at").at == utc(2026, 11, 23, 7, 5));
    CHECK(parse_when("yesterday 18:00", now, "--at").at == utc(2026, 11, 22, 18, 0));
    CHECK(parse_when("today 7:30", now, "--at").at == utc(2026, 11, 23, 7, 30));
    CHECK(parse_when("2026-11-23T18:30", now, "--at").at == utc(2026, 11, 23, 18, 30));
    CHECK(parse_when("2026-11-23 18:30:15", now, "--at").at == utc(2026, 11, 23, 18, 30, 15));
    CHECK(parse_when("2026-11-23T18:30Z", now, "--at").at == utc(2026, 11, 23, 18, 30));
    CHECK(parse_when("2000-01-01T00:00Z", now, "--at").at == utc(2000, 1, 1));
}

TEST_CASE("parse_when keeps the offset a time is written with: it says where it happened", "[clock]") {
    TzGuard tz("UTC");
    const Instant now = utc(2026, 11, 25, 12, 0);
    const When w = parse_when("2026-11-24T00:30:00+01:00", now, "--at");
    CHECK(w.at == utc(2026, 11, 23, 23, 30));
    CHECK(w.utc_offset == std::optional<int>(3600));
    CHECK(parse_when("2026-11-24T00:30-05:30", now, "--at").utc_offset == std::optional<int>(-19800));
    CHECK(parse_when("2026-11-24T00:30Z", now, "--at").utc_offset == std::optional<int>(0));
    CHECK_FALSE(parse_when("2026-11-24T00:30", now, "--at").utc_offset.has_value());
    CHECK_FALSE(parse_when("-2h", now, "--at").utc_offset.has_value());
}

TEST_CASE("one range of dates: since and until refuse dates outside 2000 to 2099, and all starts in 2000", "[clock]") {
    const Date today = ymd(2026, 11, 23);
    CHECK(parse_since("all", today, "--since") == first_supported_day);
    CHECK(parse_since("100000d", today, "--since") == first_supported_day);
    CHECK(parse_since("99y", today, "--since") == first_supported_day);
    CHECK(parse_since("2000-01-01", today, "--since") == first_supported_day);
    CHECK_THAT(error_of<UsageError>([&] { parse_since("1999-12-31", today, "--since"); }), Catch::Contains("2000 to 2099"));
    CHECK_THAT(error_of<UsageError>([&] { parse_until("2100-01-01", today, "--until"); }), Catch::Contains("2000 to 2099"));
    CHECK(in_supported_range(first_supported_second));
    CHECK_FALSE(in_supported_range(first_supported_second - 1));
    CHECK(in_supported_range(last_supported_second));
    CHECK_FALSE(in_supported_range(last_supported_second + 1));
}

TEST_CASE("parse_when reads local times in the process's time zone, Z as UTC", "[clock]") {
    SECTION("Asia/Kolkata, +05:30") {
        TzGuard tz("Asia/Kolkata");
        const Instant now = utc(2026, 11, 23, 16, 0);  // 21:30 local
        CHECK(parse_when("18:30", now, "--at").at == utc(2026, 11, 23, 13, 0));
        CHECK(parse_when("yesterday 18:00", now, "--at").at == utc(2026, 11, 22, 12, 30));
        CHECK(parse_when("2026-11-23T18:30", now, "--at").at == utc(2026, 11, 23, 13, 0));
        CHECK(parse_when("2026-11-23T12:30Z", now, "--at").at == utc(2026, 11, 23, 12, 30));
    }
    SECTION("Europe/London, winter and summer") {
        TzGuard tz("Europe/London");
        const Instant now = utc(2026, 11, 23, 20, 0);
        CHECK(parse_when("2026-01-15T12:00", now, "--at").at == utc(2026, 1, 15, 12, 0));
        CHECK(parse_when("2026-07-15T12:00", now, "--at").at == utc(2026, 7, 15, 11, 0));
        // The day after the clocks went forward.
        CHECK(parse_when("2026-03-29T12:00", now, "--at").at == utc(2026, 3, 29, 11, 0));
    }
}

TEST_CASE("parse_when refuses impossible dates, the future, the distant past and garbage", "[clock]") {
    TzGuard tz("UTC");
    const Instant now = utc(2026, 11, 23, 20, 0, 0);

    SECTION("a date that is not on the calendar") {
        for (const char* text : {"2026-02-30", "2026-02-30T10:00", "2026-13-01 10:00", "2026-04-31T08:00"}) {
            INFO(text);
            CHECK_THAT(when_error(text, now), Catch::Contains("not a date on the calendar"));
        }
        CHECK_THAT(when_error("2026-02-30", now), Catch::Contains("--at"));
    }
    SECTION("the future beyond a minute; within a minute is clock skew") {
        CHECK(parse_when("2026-11-23T20:00:30", now, "--at").at == now + 30s);
        CHECK_THAT(when_error("2026-11-23T20:01:01", now), Catch::Contains("future"));
        CHECK_THAT(when_error("2026-11-23T20:05", now), Catch::Contains("future"));
        CHECK_THAT(when_error("2027-01-01T00:00", now), Catch::Contains("future"));
        CHECK_THAT(when_error("21:00", now), Catch::Contains("future"));
        CHECK_THAT(when_error("today 23:00", now), Catch::Contains("future"));
    }
    SECTION("before 2000") {
        CHECK_THAT(when_error("1999-12-31T23:59", now), Catch::Contains("2000"));
        CHECK_THAT(when_error("1970-01-01T00:00Z", now), Catch::Contains("2000"));
        CHECK_THAT(when_error("0001-01-01T00:00Z", now), Catch::Contains("2000"));
        CHECK_THAT(when_error("-10000d", now), Catch::Contains("2000"));
    }
    SECTION("garbage") {
        for (const char* text : {"", "soon", "later today", "25:00", "18:5", "18:60", "18", "-2x", "-h", "--2h", "-2",
                                 "yesterday 25:00", "yesterday at six", "2026-11-23T18", "2026-11-23Tnoon",
                                 "2026-11-23T08:30+25:00", "2026-11-23T08:30+01", "tomorrow 10:00", "2026/11/23 18:30"}) {
            INFO("'" << text << "'");
            const std::string message = when_error(text, now);
            CHECK(message != "<no error>");
            CHECK_THAT(message, Catch::Contains("--at"));
        }
    }
}

TEST_CASE("parse_duration reads hours, minutes and seconds", "[clock]") {
    CHECK(parse_duration("8m", "--duration") == 480);
    CHECK(parse_duration("90s", "--duration") == 90);
    CHECK(parse_duration("1h", "--duration") == 3600);
    CHECK(parse_duration("1h15m", "--duration") == 4500);
    CHECK(parse_duration("2m30s", "--duration") == 150);
    CHECK(parse_duration("24h", "--duration") == 24 * 3600);
}

TEST_CASE("parse_duration refuses negative, unitless, empty and over-long durations", "[clock]") {
    for (const char* text : {"-5m", "5", "m", "", "25h", "1h-5m", "5 m", "5x", "1.5h", "h5"}) {
        INFO("'" << text << "'");
        const std::string message = duration_error(text);
        CHECK(message != "<no error>");
        CHECK_THAT(message, Catch::Contains("--duration"));
    }
}

TEST_CASE("parse_since and parse_until read periods and dates", "[clock]") {
    const Date today = ymd(2026, 11, 23);

    SECTION("periods count today as the first day") {
        CHECK(parse_since("1d", today, "--since") == today);
        CHECK(parse_since("7d", today, "--since") == ymd(2026, 11, 17));  // today and the 6 days before
        CHECK(parse_since("4w", today, "--since") == ymd(2026, 10, 27));  // 28 days
        CHECK(parse_since("3m", today, "--since") == ymd(2026, 8, 24));
        CHECK(parse_since("1y", today, "--since") == ymd(2025, 11, 24));
    }
    SECTION("words and dates") {
        CHECK(parse_since("today", today, "--since") == today);
        CHECK(parse_since("yesterday", today, "--since") == ymd(2026, 11, 22));
        CHECK(parse_since("2026-11-01", today, "--since") == ymd(2026, 11, 1));
        CHECK(parse_since("all", today, "--since") <= ymd(2000, 1, 1));
    }
    SECTION("parse_until") {
        CHECK(parse_until("today", today, "--until") == today);
        CHECK(parse_until("yesterday", today, "--until") == ymd(2026, 11, 22));
        CHECK(parse_until("2026-11-30", today, "--until") == ymd(2026, 11, 30));
        CHECK(parse_until("all", today, "--until") == today);
        CHECK_THAT(error_of<UsageError>([&] { (void)parse_until("2026-02-30", today, "--until"); }),
                   Catch::Contains("not a date on the calendar"));
    }
    SECTION("refusals name the option") {
        CHECK_THAT(since_error("2026-02-30"), Catch::Contains("not a date on the calendar"));
        CHECK_THAT(since_error("2026-02-30"), Catch::Contains("--since"));
        for (const char* text : {"", "week", "7x", "-7d", "d", "2026-11", "2026-1-01"}) {
            INFO("'" << text << "'");
            CHECK_THAT(since_error(text), Catch::Contains("--since"));
        }
    }
}

TEST_CASE("parse_since of months and years at the end of a month keeps the whole period", "[clock]") {
    // The period starts the day after the same day N months (years) ago, that
    // day clamped to the end of a shorter month: "1m" on 31 March covers all
    // of March, not 4 to 31 March.
    CHECK(parse_since("1m", ymd(2026, 3, 31), "--since") == ymd(2026, 3, 1));
    CHECK(parse_since("3m", ymd(2026, 5, 31), "--since") == ymd(2026, 3, 1));
    CHECK(parse_since("1m", ymd(2026, 12, 31), "--since") == ymd(2026, 12, 1));
    CHECK(parse_since("1y", ymd(2028, 2, 29), "--since") == ymd(2027, 3, 1));
}

TEST_CASE("format_date and parse_date", "[clock]") {
    CHECK(format_date(ymd(2026, 11, 23)) == "2026-11-23");
    CHECK(format_date(ymd(2026, 1, 5)) == "2026-01-05");
    CHECK(parse_date("2026-11-23") == ymd(2026, 11, 23));
    CHECK(parse_date("2028-02-29") == ymd(2028, 2, 29));
    for (const char* text : {"", "2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-11-00", "2026-1-05",
                             "2026/11/23", "2026-11-23T", "abcd-ef-gh", " 2026-11-2"}) {
        INFO("'" << text << "'");
        CHECK_FALSE(parse_date(text).has_value());
    }
    for (Date d = ymd(2026, 1, 1); d < ymd(2027, 1, 1); d += std::chrono::days{1}) {
        const auto back = parse_date(format_date(d));
        REQUIRE(back.has_value());
        CHECK(*back == d);
    }
}

TEST_CASE("local_date and utc_offset_at follow daylight saving time", "[clock]") {
    SECTION("Europe/London, clocks forward on 2026-03-29 at 01:00 UTC") {
        TzGuard tz("Europe/London");
        CHECK(utc_offset_at(utc(2026, 3, 29, 0, 59, 59)) == 0);
        CHECK(utc_offset_at(utc(2026, 3, 29, 1, 0, 0)) == 3600);
        CHECK(local_date(utc(2026, 3, 28, 23, 30)) == ymd(2026, 3, 28));
        CHECK(local_date(utc(2026, 3, 29, 0, 30)) == ymd(2026, 3, 29));
        CHECK(local_date(utc(2026, 3, 29, 23, 30)) == ymd(2026, 3, 30));  // 00:30 BST
    }
    SECTION("Europe/London, clocks back on 2026-10-25 at 01:00 UTC") {
        TzGuard tz("Europe/London");
        CHECK(utc_offset_at(utc(2026, 10, 25, 0, 59, 59)) == 3600);
        CHECK(utc_offset_at(utc(2026, 10, 25, 1, 0, 0)) == 0);
        CHECK(local_date(utc(2026, 10, 24, 23, 30)) == ymd(2026, 10, 25));  // 00:30 BST
        CHECK(local_date(utc(2026, 10, 25, 23, 30)) == ymd(2026, 10, 25));  // 23:30 GMT
    }
    SECTION("Asia/Kolkata, +05:30 all year") {
        TzGuard tz("Asia/Kolkata");
        CHECK(utc_offset_at(utc(2026, 1, 1, 12, 0)) == 19800);
        CHECK(utc_offset_at(utc(2026, 7, 1, 12, 0)) == 19800);
        CHECK(local_date(utc(2026, 11, 23, 18, 29, 59)) == ymd(2026, 11, 23));
        CHECK(local_date(utc(2026, 11, 23, 18, 30, 0)) == ymd(2026, 11, 24));
    }
    SECTION("TzGuard restores the zone") {
        {
            TzGuard outer("UTC");
            { TzGuard inner("Asia/Kolkata"); }
            CHECK(utc_offset_at(utc(2026, 1, 1)) == 0);
        }
    }
}
