// SPDX-License-Identifier: MIT
// backcare due: exit 0 when a session is due, 1 when not, 2 or more on error.
#include <filesystem>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;

namespace {

const char* const weekday_config =
    "daily_target = 1\n"
    "active_hours = \"09:00-18:00\"\n"
    "active_days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]\n";

void configure(const Home& h, const std::string& text = weekday_config) { h.write("config/backcare/config.toml", text); }

}  // namespace

TEST_CASE("due: a Monday at 10:00 with no session is due (0)", "[due]") {
    Home h;
    configure(h);
    const auto before = h.snapshot();
    const auto r = h.run({"due"});  // BACKCARE_NOW is Monday 2026-11-23 10:00
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("due: ", 0) == 0);
    CHECK(contains(r.out, "0 of 1"));
    CHECK(h.snapshot() == before);  // reads, creates nothing
}

TEST_CASE("due: not due (1) once today's session is logged", "[due]") {
    Home h;
    configure(h);
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const auto r = h.run({"due"});
    CHECK(r.status == 1);
    CHECK(r.out.rfind("not due: ", 0) == 0);
    CHECK(contains(r.out, "1 session done today, and the daily target is 1"));
    // A session yesterday does not count for today.
    Home y;
    configure(y);
    REQUIRE(y.run({"log", "cat-cow:10", "--at", "yesterday 17:00"}).status == 0);
    CHECK(y.run({"due"}).status == 0);
    // With a target of 2, one session is not enough.
    configure(h, "daily_target = 2\nactive_hours = \"09:00-18:00\"\n");
    CHECK(h.run({"due"}).status == 0);
    REQUIRE(h.run({"log", "childs-pose:30s"}).status == 0);
    CHECK(h.run({"due"}).status == 1);
}

TEST_CASE("due: not due outside the active hours", "[due]") {
    Home h;
    configure(h);
    for (const char* now : {"2026-11-23T08:59:00", "2026-11-23T18:00:00", "2026-11-23T23:30:00", "2026-11-23T00:10:00"}) {
        INFO("now " << now);
        h.set("BACKCARE_NOW", now);
        const auto r = h.run({"due"});
        CHECK(r.status == 1);
        CHECK(contains(r.out, "not due"));
        CHECK(contains(r.out, "09:00-18:00"));
    }
    for (const char* now : {"2026-11-23T09:00:00", "2026-11-23T17:59:00"}) {
        INFO("now " << now);
        h.set("BACKCARE_NOW", now);
        CHECK(h.run({"due"}).status == 0);
    }
    // The hours are local hours: 12:00 UTC is 07:00 in New York, 21:00 in Tokyo.
    h.set("BACKCARE_NOW", "2026-11-23T12:00:00Z");
    CHECK(h.run({"due"}).status == 0);
    h.set("TZ", "America/New_York");
    CHECK(h.run({"due"}).status == 1);
    h.set("TZ", "Asia/Tokyo");
    CHECK(h.run({"due"}).status == 1);
    h.set("TZ", "Europe/Berlin");
    CHECK(h.run({"due"}).status == 0);
}

TEST_CASE("due: not due on a Saturday or Sunday with weekday active days", "[due]") {
    Home h;
    configure(h);
    h.set("BACKCARE_NOW", "2026-11-28T10:00:00");  // Saturday
    auto r = h.run({"due"});
    CHECK(r.status == 1);
    CHECK(contains(r.out, "sat"));
    h.set("BACKCARE_NOW", "2026-11-29T10:00:00");  // Sunday
    CHECK(h.run({"due"}).status == 1);
    h.set("BACKCARE_NOW", "2026-11-27T10:00:00");  // Friday
    CHECK(h.run({"due"}).status == 0);
}

TEST_CASE("due --quiet and -q print nothing, with the same status", "[due]") {
    Home h;
    configure(h);
    for (const auto& args : std::vector<std::vector<std::string>>{{"due", "--quiet"}, {"due", "-q"}, {"-q", "due"}, {"--quiet", "due"}}) {
        INFO(Json(args).dump());
        const auto r = h.run(args);
        CHECK(r.status == 0);
        CHECK(r.out.empty());
        CHECK(r.err.empty());
    }
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const auto r = h.run({"due", "-q"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
}

TEST_CASE("due: a broken config is an error (65), not a yes or no", "[due]") {
    for (const char* text : {"daily_target = \"x\n", "daily_target = 0\n", "active_hours = \"18:00-9\"\n",
                             "active_days = [\"funday\"]\n", "daily_target = 1\ndaily_target = 2\n"}) {
        INFO(text);
        Home h;
        configure(h, text);
        const auto r = h.run({"due"});
        CHECK(r.status >= 2);
        e2e::expect_error(r, 65, {"config.toml"});
        const auto q = h.run({"due", "-q"});
        CHECK(q.status == 65);
    }
}
