// SPDX-License-Identifier: MIT
// Dose notation, descriptions and time estimates (dose.hpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dose.hpp"
#include "errors.hpp"

using namespace backcare;

namespace {

Dose make_dose(int sets, int reps, int hold, std::string load = {}) {
    Dose d;
    d.sets = sets;
    d.reps = reps;
    d.hold = hold;
    d.load = std::move(load);
    return d;
}

// The message of the UsageError parse_dose throws, or "" when it does not throw one.
std::string dose_error(const std::string& text) {
    try {
        (void)parse_dose(text);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("parse_dose reads each form of the notation", "[dose]") {
    SECTION("reps") {
        const Dose d = parse_dose("10");
        CHECK(d.sets == 1);
        CHECK(d.reps == 10);
        CHECK(d.hold == 0);
        CHECK(d.load.empty());
    }
    SECTION("a hold in seconds") {
        const Dose d = parse_dose("30s");
        CHECK(d.sets == 1);
        CHECK(d.reps == 0);
        CHECK(d.hold == 30);
    }
    SECTION("a hold in minutes") {
        const Dose d = parse_dose("2m");
        CHECK(d.reps == 0);
        CHECK(d.hold == 120);
    }
    SECTION("sets x reps") {
        const Dose d = parse_dose("2x12");
        CHECK(d.sets == 2);
        CHECK(d.reps == 12);
        CHECK(d.hold == 0);
    }
    SECTION("reps x hold") {
        const Dose d = parse_dose("10x5s");
        CHECK(d.sets == 1);
        CHECK(d.reps == 10);
        CHECK(d.hold == 5);
    }
    SECTION("sets x reps x hold") {
        const Dose d = parse_dose("2x10x5s");
        CHECK(d.sets == 2);
        CHECK(d.reps == 10);
        CHECK(d.hold == 5);
    }
    SECTION("a load") {
        const Dose d = parse_dose("2x12@red");
        CHECK(d.sets == 2);
        CHECK(d.reps == 12);
        CHECK(d.hold == 0);
        CHECK(d.load == "red");
    }
    SECTION("the limits themselves are accepted") {
        CHECK(parse_dose("1000").reps == max_reps);
        CHECK(parse_dose("3600s").hold == max_hold_seconds);
        CHECK(parse_dose("60m").hold == max_hold_seconds);
        CHECK(parse_dose("50x1").sets == max_sets);
    }
}

TEST_CASE("parse_dose rejects invalid notation with a message naming the text", "[dose]") {
    const std::vector<std::string> bad{
        "", "0", "10x", "x5", "abc", "-5", "2x3x4", "1x2x3x4s", "5s@", "1001", "3601s", "61m", "51x10", "0s", "2x0",
    };
    for (const auto& text : bad) {
        INFO("dose text: '" << text << "'");
        CHECK_THROWS_AS(parse_dose(text), UsageError);
        const std::string message = dose_error(text);
        CHECK_THAT(message, Catch::Contains("invalid dose '" + text + "'"));
    }
}

TEST_CASE("parse_dose checks the load after '@'", "[dose]") {
    CHECK(parse_dose("10@" + std::string(40, 'a')).load == std::string(40, 'a'));
    CHECK(parse_dose("30s@light blue").load == "light blue");
    for (const std::string& bad : std::vector<std::string>{"10@" + std::string(41, 'a'), "10@a,b", "10@a\"b", "10@a\tb", "@red"}) {
        INFO("'" << bad << "'");
        CHECK_THAT(dose_error(bad), Catch::Contains("invalid dose"));
    }
}

TEST_CASE("parse_dose says why an over-limit value is rejected", "[dose]") {
    CHECK_THAT(dose_error("1001"), Catch::Contains("reps must be from 1 to 1000"));
    CHECK_THAT(dose_error("3601s"), Catch::Contains("from 1 to 3600"));
    CHECK_THAT(dose_error("51x10"), Catch::Contains("sets must be from 1 to 50"));
}

TEST_CASE("format_dose writes canonical notation", "[dose]") {
    CHECK(format_dose(make_dose(1, 10, 0)) == "10");
    CHECK(format_dose(make_dose(1, 0, 30)) == "30s");
    CHECK(format_dose(make_dose(2, 12, 0)) == "2x12");
    CHECK(format_dose(make_dose(1, 10, 5)) == "10x5s");
    CHECK(format_dose(make_dose(2, 10, 5)) == "2x10x5s");
    CHECK(format_dose(make_dose(2, 12, 0, "red")) == "2x12@red");
}

TEST_CASE("parse_dose(format_dose(d)) keeps sets, reps, hold and load", "[dose]") {
    const std::vector<Dose> doses{
        make_dose(1, 10, 0),        make_dose(1, 0, 30),         make_dose(2, 12, 0),
        make_dose(1, 10, 5),        make_dose(3, 10, 5),         make_dose(2, 12, 0, "red"),
        make_dose(1, 0, 120, "5kg"), make_dose(50, 1000, 0),     make_dose(1, 0, 3600),
        make_dose(2, 0, 30),        make_dose(3, 0, 20, "blue"),
    };
    for (const Dose& d : doses) {
        const std::string text = format_dose(d);
        INFO("dose: sets " << d.sets << ", reps " << d.reps << ", hold " << d.hold << ", load '" << d.load
                           << "' formatted as '" << text << "'");
        Dose back;
        REQUIRE_NOTHROW(back = parse_dose(text));
        CHECK(back.sets == d.sets);
        CHECK(back.reps == d.reps);
        CHECK(back.hold == d.hold);
        CHECK(back.load == d.load);
    }
}

TEST_CASE("describe_dose words a dose for people", "[dose]") {
    Dose d = make_dose(2, 10, 5);
    d.per_side = true;
    CHECK(describe_dose(d, true) == "2 × 10 reps, hold 5 s, each side");
    CHECK(describe_dose(d, false) == "2 x 10 reps, hold 5 s, each side");

    CHECK(describe_dose(make_dose(1, 10, 0), true) == "10 reps");
    CHECK(describe_dose(make_dose(1, 0, 30), false) == "hold 30 s");
    CHECK(describe_dose(make_dose(2, 0, 30), true) == "2 × 30 s hold");
    CHECK(describe_dose(make_dose(2, 0, 30), false) == "2 x 30 s hold");
    CHECK(describe_dose(make_dose(2, 12, 0, "red"), false) == "2 x 12 reps (red)");
}

TEST_CASE("estimate_seconds adds reps at the tempo, holds, sides and rest between sets", "[dose]") {
    SECTION("reps at the tempo plus each rep's hold") {
        Dose d = make_dose(1, 10, 5);
        d.tempo = 3;
        CHECK(estimate_seconds(d) == 10 * (3 + 5));
    }
    SECTION("reps without a hold") {
        Dose d = make_dose(1, 12, 0);
        d.tempo = 4;
        CHECK(estimate_seconds(d) == 48);
    }
    SECTION("one-sided exercises take twice as long") {
        Dose d = make_dose(1, 10, 0);
        d.tempo = 3;
        d.per_side = true;
        CHECK(estimate_seconds(d) == 60);
    }
    SECTION("rest only between sets") {
        Dose d = make_dose(1, 10, 0);
        d.tempo = 3;
        d.rest = 30;
        CHECK(estimate_seconds(d) == 30);  // one set: no rest
        d.sets = 3;
        CHECK(estimate_seconds(d) == 3 * 30 + 2 * 30);
    }
    SECTION("everything together") {
        Dose d = make_dose(2, 10, 5);
        d.tempo = 3;
        d.rest = 30;
        d.per_side = true;
        CHECK(estimate_seconds(d) == 2 * 10 * 8 * 2 + 30);
    }
    SECTION("pure holds count the hold once per set, not the tempo") {
        Dose d = make_dose(1, 0, 30);
        d.tempo = 3;
        CHECK(estimate_seconds(d) == 30);
        d.sets = 2;
        d.rest = 10;
        CHECK(estimate_seconds(d) == 70);
        d.per_side = true;
        CHECK(estimate_seconds(d) == 130);
    }
}

TEST_CASE("Range::at_level goes from the low end at level 1 to the high end at level 3", "[dose]") {
    CHECK(Range{8, 10}.at_level(1) == 8);
    CHECK(Range{8, 10}.at_level(2) == 9);
    CHECK(Range{8, 10}.at_level(3) == 10);
    CHECK(Range{20, 30}.at_level(2) == 25);
    CHECK(Range{5, 10}.at_level(2) == 8);  // 7.5 rounds half up
    CHECK(Range{10, 10}.at_level(2) == 10);
    CHECK(Range{}.at_level(2) == 0);
}

TEST_CASE("dose_at_level narrows an exercise's prescription", "[dose]") {
    Exercise e;
    e.id = "test";
    e.dose.sets = Range{1, 3};
    e.dose.reps = Range{8, 12};
    e.dose.hold = Range{20, 30};
    e.dose.tempo = 4;
    e.dose.rest = 15;

    for (int level = 1; level <= 3; ++level) {
        INFO("level " << level);
        const Dose d = dose_at_level(e, level);
        CHECK(d.sets == 1);
        CHECK(d.reps == e.dose.reps.at_level(level));
        CHECK(d.hold == e.dose.hold.at_level(level));
        CHECK(d.tempo == 4);
        CHECK(d.rest == 15);
        CHECK_FALSE(d.per_side);
        CHECK(d.load.empty());
    }
    CHECK(dose_at_level(e, 1).reps == 8);
    CHECK(dose_at_level(e, 2).reps == 10);
    CHECK(dose_at_level(e, 3).reps == 12);
    CHECK(dose_at_level(e, 1).hold == 20);
    CHECK(dose_at_level(e, 3).hold == 30);

    SECTION("one-sided exercises are dosed per side") {
        e.laterality = Laterality::each_side;
        CHECK(dose_at_level(e, 1).per_side);
    }
    SECTION("a pure hold has no reps") {
        e.dose.reps = Range{};
        CHECK(dose_at_level(e, 2).reps == 0);
        CHECK(dose_at_level(e, 2).hold == 25);
    }
}

TEST_CASE("format_seconds uses seconds, m:ss or minutes", "[dose]") {
    CHECK(format_seconds(0) == "0 s");
    CHECK(format_seconds(45) == "45 s");
    CHECK(format_seconds(59) == "59 s");
    CHECK(format_seconds(60) == "1:00");
    CHECK(format_seconds(90) == "1:30");
    CHECK(format_seconds(125) == "2:05");
    CHECK(format_seconds(599) == "9:59");
    CHECK(format_seconds(600) == "10 min");
    CHECK(format_seconds(720) == "12 min");
    CHECK(format_seconds(749) == "12 min");
    CHECK(format_seconds(750) == "13 min");
}
