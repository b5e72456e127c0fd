// SPDX-License-Identifier: MIT
// Sessions: uuids, start times with offsets, local dates, pain and checks (session.hpp).
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <set>
#include <string>

#include "errors.hpp"
#include "session.hpp"
#include "session_helpers.hpp"

using namespace backcare;
using backcare::test::epoch;
using backcare::test::error_of;
using backcare::test::make_session;
using backcare::test::utc;

namespace {

int hex_value(char c) { return c >= 'a' ? c - 'a' + 10 : c - '0'; }

Session at(std::int64_t started, int offset) {
    Session s;
    s.started = started;
    s.utc_offset = offset;
    return s;
}

std::string check_error(const Session& s) {
    return error_of<UsageError>([&] { check_session(s); });
}

}  // namespace

TEST_CASE("make_uuid gives lowercase version 4 UUIDs of the RFC 4122 variant", "[session]") {
    std::mt19937_64 random(12345);
    std::set<std::string> seen;
    const std::uint64_t edges[] = {0, ~0ULL, 0x0123456789abcdefULL, 0xfedcba9876543210ULL};
    auto check = [&](std::uint64_t high, std::uint64_t low) {
        const std::string u = make_uuid(high, low);
        INFO(u);
        REQUIRE(u.size() == 36);
        CHECK(is_uuid(u));
        CHECK(u[14] == '4');
        CHECK((u[19] == '8' || u[19] == '9' || u[19] == 'a' || u[19] == 'b'));
        seen.insert(u);
    };
    for (auto h : edges)
        for (auto l : edges) check(h, l);
    for (int i = 0; i < 200; ++i) {
        const auto h = random(), l = random();
        check(h, l);
    }
    CHECK(seen.size() == 16 + 200);
    // Bits outside the version and variant are kept.
    CHECK(make_uuid(0x0123456789abcdefULL, 0x0123456789abcdefULL) == "01234567-89ab-4def-8123-456789abcdef");
    CHECK(hex_value(make_uuid(~0ULL, ~0ULL)[19]) == 0xb);
}

TEST_CASE("is_uuid accepts only the lowercase 8-4-4-4-12 form", "[session]") {
    CHECK(is_uuid("0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b"));
    CHECK_FALSE(is_uuid("0B7E7C3A-2F4E-4C1D-9A57-3C2D1E0F9A8B"));
    CHECK_FALSE(is_uuid("0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8"));
    CHECK_FALSE(is_uuid("0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8bb"));
    CHECK_FALSE(is_uuid("0b7e7c3a2f4e4c1d9a573c2d1e0f9a8b"));
    CHECK_FALSE(is_uuid("0b7e7c3a-2f4e-4c1d-9a57_3c2d1e0f9a8b"));
    CHECK_FALSE(is_uuid("0b7e7c3g-2f4e-4c1d-9a57-3c2d1e0f9a8b"));
    CHECK_FALSE(is_uuid("{b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8}"));
    CHECK_FALSE(is_uuid(""));
    CHECK_FALSE(is_uuid("not a uuid"));
    CHECK_FALSE(is_uuid("'; DROP TABLE session; --'''''''''''"));
}

TEST_CASE("format_started and parse_started keep the offset where the session was logged", "[session]") {
    struct Case {
        Instant start;
        int offset;
        const char* text;
    };
    const Case cases[] = {
        {utc(2026, 11, 23, 17, 30), 3600, "2026-11-23T18:30:00+01:00"},
        {utc(2026, 11, 23, 23, 30), -5 * 3600, "2026-11-23T18:30:00-05:00"},
        {utc(2026, 11, 23, 13, 0, 15), 19800, "2026-11-23T18:30:15+05:30"},
        {utc(2026, 11, 23, 22, 0), -(3 * 3600 + 1800), "2026-11-23T18:30:00-03:30"},
        {utc(2026, 11, 23, 18, 30), 0, "2026-11-23T18:30:00+00:00"},
        {utc(2026, 12, 31, 23, 59, 59), 14 * 3600, "2027-01-01T13:59:59+14:00"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const Session s = at(epoch(c.start), c.offset);
        CHECK(format_started(s) == c.text);
        const auto parsed = parse_started(c.text);
        REQUIRE(parsed.has_value());
        CHECK(parsed->first == s.started);
        CHECK(parsed->second == s.utc_offset);
    }
    SECTION("a trailing Z is UTC") {
        const auto z = parse_started("2026-11-23T18:30:00Z");
        REQUIRE(z.has_value());
        CHECK(z->first == epoch(utc(2026, 11, 23, 18, 30)));
        CHECK(z->second == 0);
        CHECK(format_started(at(z->first, z->second)) == "2026-11-23T18:30:00+00:00");
    }
    SECTION("invalid forms") {
        for (const char* text : {"", "2026-11-23T18:30:00", "2026-11-23T18:30+01:00", "2026-02-30T10:00:00Z",
                                 "2026-11-23T24:00:00Z", "2026-11-23T18:60:00Z", "2026-11-23T18:30:00+1:00",
                                 "2026-11-23T18:30:00+15:00", "2026-11-23T18:30:00 01:00", "2026-11-23T18:30:00z",
                                 "2026-11-23T18:30:00+01:00x", "garbage garbage garbage", "2026-11-23T18:30:00+01-00"}) {
            INFO("'" << text << "'");
            CHECK_FALSE(parse_started(text).has_value());
        }
    }
}

TEST_CASE("Session::local_date is the date on the clock where it was logged", "[session]") {
    // 23:30 and 00:30 local at -05:00: one UTC day (the 24th), two local dates.
    const Session late = at(epoch(utc(2026, 11, 24, 4, 30)), -5 * 3600);
    const Session early = at(epoch(utc(2026, 11, 24, 5, 30)), -5 * 3600);
    CHECK(format_started(late) == "2026-11-23T23:30:00-05:00");
    CHECK(late.local_date() == "2026-11-23");
    CHECK(early.local_date() == "2026-11-24");
    // 00:30 at +05:30 is still the previous day in UTC.
    const Session kolkata = at(epoch(utc(2026, 11, 23, 19, 0)), 19800);
    CHECK(kolkata.local_date() == "2026-11-24");
    // 23:30 local at +01:00 and 00:30 local: different dates.
    CHECK(at(epoch(utc(2026, 11, 23, 22, 30)), 3600).local_date() == "2026-11-23");
    CHECK(at(epoch(utc(2026, 11, 23, 23, 30)), 3600).local_date() == "2026-11-24");
    // The process's TZ plays no part.
    backcare::test::TzGuard tz("Asia/Tokyo");
    CHECK(late.local_date() == "2026-11-23");
}

TEST_CASE("parse_pain accepts 0 to 10 and never repeats what was typed", "[session]") {
    for (int v = 0; v <= 10; ++v) CHECK(parse_pain(std::to_string(v), "--pain-before") == v);
    for (const char* text : {"11", "-1", "x", "", "7.5", " 3", "3 ", "99999999999999", "1o", "secret-42"}) {
        INFO("'" << text << "'");
        const std::string message = error_of<UsageError>([&] { (void)parse_pain(text, "--pain-after"); });
        CHECK(message != "<no error>");
        CHECK_THAT(message, Catch::Contains("--pain-after"));
        if (*text) {
            CHECK_THAT(message, !Catch::Contains(std::string("'") + text));
            CHECK_THAT(message, !Catch::Contains(std::string(" ") + text + " "));
        }
    }
    CHECK_THAT(error_of<UsageError>([] { (void)parse_pain("secret-42", "--pain-after"); }), !Catch::Contains("42"));
    CHECK_THAT(error_of<UsageError>([] { (void)parse_pain("11", "--pain-after"); }), !Catch::Contains("11"));
    CHECK_THAT(error_of<UsageError>([] { (void)parse_pain("x", "--pain-after"); }), !Catch::Contains("x"));
}

TEST_CASE("check_session accepts a valid session and names the field of an invalid one", "[session]") {
    const Session good = make_session(1, utc(2026, 11, 23, 18, 30), 3600,
                                      {"cat-cow:10", "childs-pose:30s", "band-rows:2x12@red"});
    REQUIRE_NOTHROW(check_session(good));

    SECTION("pain out of range, without the value") {
        Session s = good;
        s.pain_before = 11;
        std::string m = check_error(s);
        CHECK_THAT(m, Catch::Contains("pain before"));
        CHECK_THAT(m, !Catch::Contains("11"));
        s.pain_before = 10;
        s.pain_after = -1;
        m = check_error(s);
        CHECK_THAT(m, Catch::Contains("pain after"));
        CHECK_THAT(m, !Catch::Contains("-1"));
        s.pain_after = 0;
        CHECK_NOTHROW(check_session(s));
    }
    SECTION("no entries") {
        Session s = good;
        s.entries.clear();
        CHECK_THAT(check_error(s), Catch::Contains("at least one exercise"));
    }
    SECTION("a dose of neither reps nor a hold") {
        Session s = good;
        s.entries[0].reps = 0;
        s.entries[0].hold = 0;
        CHECK_THAT(check_error(s), Catch::Contains("cat-cow"));
        s.entries[0].hold = 5;
        CHECK_NOTHROW(check_session(s));
    }
    SECTION("negative or too many sets and reps") {
        Session s = good;
        s.entries[0].reps = -3;
        CHECK_THAT(check_error(s), Catch::Contains("reps"));
        s = good;
        s.entries[0].sets = 0;
        CHECK_THAT(check_error(s), Catch::Contains("sets"));
        s = good;
        s.entries[0].reps = max_reps + 1;
        CHECK_THAT(check_error(s), Catch::Contains("reps"));
    }
    SECTION("a planned dose within the same bounds as the dose") {
        Session s = good;
        s.entries[0].planned = PlannedDose{max_sets, max_reps, max_hold_seconds};
        CHECK_NOTHROW(check_session(s));
        s.entries[0].planned = PlannedDose{1, 0, 30};
        CHECK_NOTHROW(check_session(s));
        for (const auto& [bad, field] : std::vector<std::pair<PlannedDose, std::string>>{
                 {{0, 10, 0}, "planned sets"},
                 {{max_sets + 1, 10, 0}, "planned sets"},
                 {{1, -1, 0}, "planned reps"},
                 {{1, max_reps + 1, 0}, "planned reps"},
                 {{1, 10, -5}, "planned hold"},
                 {{1, 10, max_hold_seconds + 1}, "planned hold"},
                 {{1, 0, 0}, "planned dose needs reps, a hold or both"}}) {
            INFO(field);
            s.entries[0].planned = bad;
            const std::string m = check_error(s);
            CHECK_THAT(m, Catch::StartsWith("cat-cow: "));
            CHECK_THAT(m, Catch::Contains(field));
        }
    }
    SECTION("every side") {
        // A side that is none of these is refused where it is read (parse_side).
        Session s = good;
        for (Side side : {Side::both, Side::each, Side::left, Side::right}) {
            s.entries[1].side = side;
            CHECK_NOTHROW(check_session(s));
        }
    }
    SECTION("a uuid that is not a lowercase UUID") {
        Session s = good;
        for (const char* uuid : {"", "not-a-uuid", "0B7E7C3A-2F4E-4C1D-9A57-3C2D1E0F9A8B"}) {
            s.uuid = uuid;
            CHECK_THAT(check_error(s), Catch::Contains("uuid"));
        }
    }
    SECTION("a note over 64 KiB, without the note") {
        Session s = good;
        s.note = std::string(max_note_bytes, 'n');
        CHECK_NOTHROW(check_session(s));
        s.note = "private words " + std::string(max_note_bytes, 'n');
        const std::string m = check_error(s);
        CHECK_THAT(m, Catch::Contains("note"));
        CHECK_THAT(m, !Catch::Contains("private words"));
    }
    SECTION("duration and offset out of range") {
        Session s = good;
        s.duration = -1;
        CHECK_THAT(check_error(s), Catch::Contains("duration"));
        s.duration = 24 * 3600 + 1;
        CHECK_THAT(check_error(s), Catch::Contains("duration"));
        s = good;
        s.utc_offset = 15 * 3600;
        CHECK_THAT(check_error(s), Catch::Contains("offset"));
    }
}

TEST_CASE("check_session's messages for reps and hold give the range it accepts, from 0", "[session]") {
    Session s = make_session(1, utc(2026, 11, 23, 18, 30), 600, {"cat-cow:10"});
    Entry& e = s.entries[0];
    e.reps = 0;
    e.hold = 5;
    CHECK_NOTHROW(check_session(s));  // 0 reps is accepted (a hold alone)...
    for (const int reps : {-1, max_reps + 1}) {
        e.reps = reps;
        CHECK(check_error(s) == "cat-cow: reps must be from 0 to 1000");  // ...and the message says so
    }
    e.reps = 10;
    e.hold = 0;
    CHECK_NOTHROW(check_session(s));  // 0 s of hold is accepted (reps alone)
    for (const int hold : {-1, max_hold_seconds + 1}) {
        e.hold = hold;
        CHECK(check_error(s) == "cat-cow: hold must be from 0 to 3600 seconds");
    }
}

TEST_CASE("sides and entry statuses keep the names the log stores and exports write", "[session]") {
    for (const auto& [side, name] : {std::pair{Side::both, "both"}, std::pair{Side::each, "each"},
                                     std::pair{Side::left, "left"}, std::pair{Side::right, "right"}}) {
        CHECK(name_of(side) == name);
        CHECK(parse_side(name) == side);
    }
    for (const char* other : {"", "up", "each-side", "Each", "both "}) CHECK_FALSE(parse_side(other).has_value());
    CHECK(name_of(EntryStatus::done) == "done");
    CHECK(name_of(EntryStatus::skipped) == "skipped");
    CHECK(parse_entry_status("done") == EntryStatus::done);
    CHECK(parse_entry_status("skipped") == EntryStatus::skipped);
    for (const char* other : {"", "Done", "maybe", "skip"}) CHECK_FALSE(parse_entry_status(other).has_value());
    // The catalogue's laterality, "each-side", is an entry's "each".
    CHECK(side_of(Laterality::each_side) == Side::each);
    CHECK(side_of(Laterality::both) == Side::both);
}

TEST_CASE("skip reasons keep the names the log stores, go only with a skipped entry, and tell sessions apart", "[session][skip]") {
    for (const auto& [reason, name] : {std::pair{SkipReason::hurt, "hurt"}, std::pair{SkipReason::time, "time"},
                                       std::pair{SkipReason::kit, "kit"}, std::pair{SkipReason::other, "other"}}) {
        CHECK(name_of(reason) == name);
        CHECK(parse_skip_reason(name) == reason);
    }
    for (const char* other : {"", "Hurt", "h", "pain", "kit "}) CHECK_FALSE(parse_skip_reason(other).has_value());
    CHECK(skip_reason_names() == "hurt, time, kit or other");

    Session s = make_session(1, utc(2026, 11, 23, 18, 30), 0, {"cat-cow:10", "childs-pose:30s"});
    const std::string without = content_uuid(s);
    s.entries[1].status = EntryStatus::skipped;
    const std::string skipped = content_uuid(s);
    CHECK_NOTHROW(check_session(s));
    s.entries[1].skip_reason = SkipReason::kit;
    CHECK_NOTHROW(check_session(s));
    const std::string kit = content_uuid(s);
    s.entries[1].skip_reason = SkipReason::time;
    // Each reason is another session; none at all is what earlier versions derived.
    CHECK(std::set<std::string>{without, skipped, kit, content_uuid(s)}.size() == 4);
    s.entries[1].skip_reason.reset();
    CHECK(content_uuid(s) == skipped);
    // A reason on an entry done is refused, naming it.
    s.entries[0].skip_reason = SkipReason::hurt;
    CHECK(check_error(s) == "cat-cow: a skip reason goes only with a skipped entry");
}
