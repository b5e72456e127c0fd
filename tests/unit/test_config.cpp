// SPDX-License-Identifier: MIT
// config.toml and the option parsers (settings.hpp).
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "config_file.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::TempDir;

namespace {

std::string config_error(const std::string& text) {
    try {
        (void)parse_config(text, "c.toml");
    } catch (const DataError& e) {
        return e.what();
    }
    return "";
}

std::string usage_error(const std::function<void()>& f) {
    try {
        f();
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("parse_config of a full file sets every value and its source", "[config]") {
    const std::string text =
        "goal = \"strength\"\n"
        "minutes = 15\n"
        "equipment = [\"band\", \"wall\"]\n"
        "place = \"desk\"\n"
        "level = 2\n"
        "weekly_target = 4\n"
        "daily_target = 3\n"
        "active_hours = \"08:30-17:00\"\n"
        "active_days = [\"mon\", \"wed\", \"fri\"]\n"
        "week_start = \"sunday\"\n";
    const Config c = parse_config(text, "c.toml");
    const std::string source = "config c.toml";

    CHECK(c.goal.value == PlanGoal{Goal::strength});
    CHECK(c.goal.source == source);
    CHECK(c.minutes.value == 15);
    CHECK(c.minutes.source == source);
    CHECK(c.equipment.value == std::vector<Equipment>{Equipment::band, Equipment::wall});
    CHECK(c.equipment.source == source);
    CHECK(c.place.value == Place::desk);
    CHECK(c.place.source == source);
    CHECK(c.level.value == 2);
    CHECK(c.level.source == source);
    CHECK(c.weekly_target.value == 4);
    CHECK(c.weekly_target.source == source);
    CHECK(c.daily_target.value == 3);
    CHECK(c.daily_target.source == source);
    CHECK(c.active_hours.value == ActiveHours{8 * 60 + 30, 17 * 60});
    CHECK(c.active_hours.source == source);
    CHECK(c.active_days.value == std::vector<int>{1, 3, 5});
    CHECK(c.active_days.source == source);
    CHECK(c.week_start.value == 0);
    CHECK(c.week_start.source == source);
}

TEST_CASE("parse_config reads balanced, monday and an empty equipment list", "[config]") {
    const Config c = parse_config("goal = \"balanced\"\nequipment = []\nweek_start = \"monday\"\n", "c.toml");
    CHECK_FALSE(c.goal.value.has_value());
    CHECK(c.goal.source == "config c.toml");
    CHECK(c.equipment.value.empty());
    CHECK(c.equipment.source == "config c.toml");
    CHECK(c.week_start.value == 1);
    CHECK(c.week_start.source == "config c.toml");
    CHECK(c.minutes.source == "default");
}

TEST_CASE("parse_config of an empty file gives the defaults", "[config]") {
    for (const std::string text : {"", "# nothing here\n\n"}) {
        const Config c = parse_config(text, "c.toml");
        CHECK_FALSE(c.goal.value.has_value());
        CHECK(c.minutes.value == 10);
        CHECK(c.equipment.value.empty());
        CHECK(c.place.value == Place::any);
        CHECK(c.level.value == 1);
        CHECK(c.weekly_target.value == 5);
        CHECK(c.daily_target.value == 1);
        CHECK(c.active_hours.value == ActiveHours{9 * 60, 18 * 60});
        CHECK(c.active_days.value == std::vector<int>{1, 2, 3, 4, 5});
        CHECK(c.week_start.value == 1);
        for (const auto& row : describe(c)) {
            INFO(row.name);
            CHECK(row.source == "default");
        }
    }
}

TEST_CASE("parse_config rejects each bad value at its file, line and column", "[config]") {
    struct Case {
        std::string line;
        std::string at;        // "line:column" of the problem
        std::string fragment;  // part of the message
    };
    const std::vector<Case> cases{
        {"minuts = 10", "2:10", "unknown key 'minuts'; did you mean 'minutes'?"},
        {"minutes = 0", "2:11", "'minutes' must be from 1 to 90"},
        {"minutes = 91", "2:11", "'minutes' must be from 1 to 90"},
        {"minutes = \"ten\"", "2:11", "'minutes' must be an integer"},
        {"goal = \"yoga\"", "2:8", "'goal' has unknown value 'yoga'"},
        {"place = \"moon\"", "2:9", "'place' has unknown value 'moon'"},
        {"equipment = [\"rocket\"]", "2:13", "'equipment' has unknown value 'rocket'"},
        {"level = 4", "2:9", "'level' must be from 1 to 3"},
        {"active_hours = \"9-5\"", "2:16", "'active_hours' must be two different times like \"09:00-18:00\""},
        {"active_days = [\"mon\", \"funday\"]", "2:15", "unknown day 'funday'"},
        {"week_start = \"tuesday\"", "2:14", "'week_start' must be \"monday\" or \"sunday\""},
    };
    for (const auto& c : cases) {
        const std::string text = "# my settings\n" + c.line + "\n";
        INFO(c.line);
        CHECK_THROWS_AS(parse_config(text, "c.toml"), DataError);
        const std::string message = config_error(text);
        CHECK_THAT(message, Catch::StartsWith("c.toml:" + c.at + ": "));
        CHECK_THAT(message, Catch::Contains(c.fragment));
    }
}

TEST_CASE("parse_config rejects invalid TOML with its position", "[config]") {
    const std::string message = config_error("level = 1\nminutes = = 3\n");
    CHECK_THAT(message, Catch::StartsWith("c.toml:2:"));
    CHECK_THAT(message, Catch::Contains("invalid TOML"));
}

TEST_CASE("parse_config's error shows the line and counts further problems", "[config]") {
    try {
        (void)parse_config("minutes = 0\nplace = \"moon\"\n", "c.toml");
        FAIL("no DataError");
    } catch (const DataError& e) {
        CHECK(e.code() == Exit::data);
        CHECK_THAT(std::string(e.what()), Catch::StartsWith("c.toml:1:11: "));
        REQUIRE(e.detail().size() == 3);
        CHECK(e.detail()[0] == " 1 | minutes = 0");
        CHECK(e.detail()[1] == "   |           ^");
        CHECK_THAT(e.detail()[2], Catch::Contains("1 more problem"));
    }
}

TEST_CASE("load_config reads a file, or gives the defaults when it is missing", "[config]") {
    TempDir dir;
    SECTION("a file") {
        const auto path = dir.write("config.toml", "minutes = 20\n");
        const Config c = load_config(path, true);
        CHECK(c.minutes.value == 20);
        CHECK(c.minutes.source == "config " + path.string());
    }
    SECTION("a bad file names the path") {
        const auto path = dir.write("config.toml", "minutes = 0\n");
        CHECK_THROWS_AS(load_config(path, false), DataError);
        CHECK_THROWS_WITH(load_config(path, false), Catch::StartsWith(path.string() + ":1:11: "));
    }
    SECTION("missing and not required: defaults") {
        const Config c = load_config(dir.path() / "missing.toml", false);
        CHECK(c.minutes.value == 10);
        CHECK(c.minutes.source == "default");
    }
    SECTION("missing and required: IoError") {
        CHECK_THROWS_AS(load_config(dir.path() / "missing.toml", true), IoError);
        CHECK_THROWS_WITH(load_config(dir.path() / "missing.toml", true), Catch::Contains("missing.toml"));
    }
    SECTION("a directory: IoError, required or not") {
        CHECK_THROWS_AS(load_config(dir.path(), false), IoError);
        CHECK_THROWS_AS(load_config(dir.path(), true), IoError);
        CHECK_THROWS_WITH(load_config(dir.path(), false), Catch::Contains("is a directory"));
    }
}

TEST_CASE("parse_number_option accepts whole numbers in range", "[config][options]") {
    CHECK(parse_number_option("5", "--minutes", 1, 90) == 5);
    CHECK(parse_number_option("1", "--minutes", 1, 90) == 1);
    CHECK(parse_number_option("90", "--minutes", 1, 90) == 90);
    CHECK(parse_number_option("+7", "--minutes", 1, 90) == 7);
    CHECK(parse_number_option("999999999999", "--seed", 0, 999'999'999'999) == 999'999'999'999);
}

TEST_CASE("parse_number_option rejects anything else, naming the option", "[config][options]") {
    for (const std::string text : {"0", "91", "-1", "abc", "5x", " 5", "5 ", "1.5", "+", "++5", "99999999999999999999"}) {
        INFO("'" << text << "'");
        CHECK_THROWS_AS(parse_number_option(text, "--minutes", 1, 90), UsageError);
        CHECK(usage_error([&] { parse_number_option(text, "--minutes", 1, 90); }) ==
              "--minutes must be a whole number from 1 to 90, not '" + text + "'");
    }
    CHECK(usage_error([] { parse_number_option("", "--level", 1, 3); }) ==
          "--level must be a whole number from 1 to 3, not an empty value");
}

TEST_CASE("parse_plan_goal accepts balanced and the three goals", "[config][options]") {
    CHECK_FALSE(parse_plan_goal("balanced", "--goal").has_value());
    CHECK(parse_plan_goal("flexibility", "--goal") == PlanGoal{Goal::flexibility});
    CHECK(parse_plan_goal("strength", "--goal") == PlanGoal{Goal::strength});
    CHECK(parse_plan_goal("posture", "--goal") == PlanGoal{Goal::posture});
    for (const std::string bad : {"yoga", "Strength", "", "balanced "}) {
        INFO("'" << bad << "'");
        const std::string message = usage_error([&] { parse_plan_goal(bad, "--goal"); });
        CHECK_THAT(message, Catch::StartsWith("--goal: "));
        CHECK_THAT(message, Catch::Contains("balanced, flexibility, strength or posture"));
    }
    CHECK_THAT(usage_error([] { parse_plan_goal("yoga", "--goal"); }), Catch::Contains("'yoga'"));
}

TEST_CASE("parse_place_option accepts desk, floor and any", "[config][options]") {
    CHECK(parse_place_option("desk", "--place") == Place::desk);
    CHECK(parse_place_option("floor", "--place") == Place::floor);
    CHECK(parse_place_option("any", "--place") == Place::any);
    const std::string message = usage_error([] { parse_place_option("moon", "--place"); });
    CHECK_THAT(message, Catch::StartsWith("--place: "));
    CHECK_THAT(message, Catch::Contains("'moon'"));
    CHECK_THAT(message, Catch::Contains("desk, floor or any"));
}

TEST_CASE("parse_equipment_option reads a comma-separated list", "[config][options]") {
    using V = std::vector<Equipment>;
    CHECK(parse_equipment_option("none", "--equipment").empty());
    CHECK(parse_equipment_option("band", "--equipment") == V{Equipment::band});
    CHECK(parse_equipment_option("band,wall", "--equipment") == V{Equipment::band, Equipment::wall});
    CHECK(parse_equipment_option("mat, chair ,band", "--equipment") == V{Equipment::mat, Equipment::chair, Equipment::band});
    CHECK(parse_equipment_option("band,band", "--equipment") == V{Equipment::band});

    const std::string message = usage_error([] { parse_equipment_option("band,rocket", "--equipment"); });
    CHECK_THAT(message, Catch::StartsWith("--equipment: "));
    CHECK_THAT(message, Catch::Contains("'rocket'"));
    CHECK_THAT(message, Catch::Contains("band, wall, chair, mat, doorway or none"));
    CHECK_THAT(usage_error([] { parse_equipment_option("bnad", "--equipment"); }), Catch::Contains("did you mean 'band'?"));
}

TEST_CASE("parse_active_hours reads HH:MM-HH:MM, overnight when the start is later", "[config]") {
    CHECK(parse_active_hours("09:00-18:00") == ActiveHours{540, 1080});
    CHECK(parse_active_hours("08:30-17:45") == ActiveHours{510, 1065});
    CHECK(parse_active_hours("00:00-24:00") == ActiveHours{0, 1440});
    CHECK(parse_active_hours("22:00-06:00") == ActiveHours{1320, 360});
    CHECK(ActiveHours{1320, 360}.contains(1380));
    CHECK(ActiveHours{1320, 360}.contains(0));
    CHECK_FALSE(ActiveHours{1320, 360}.contains(360));
    CHECK_FALSE(ActiveHours{1320, 360}.contains(720));
    for (const std::string bad : {"9-5", "9:00-17:00", "24:00-09:00", "09:00-09:00", "09:60-10:00", "24:30-24:45",
                                  "25:00-26:00", "09:00", "0900-1800", "09:00-18:00-19:00", "", "ab:cd-ef:gh"}) {
        INFO("'" << bad << "'");
        CHECK_FALSE(parse_active_hours(bad).has_value());
    }
    CHECK(format_active_hours(ActiveHours{510, 1065}) == "08:30-17:45");
    CHECK(parse_active_hours(format_active_hours(ActiveHours{0, 1440})) == ActiveHours{0, 1440});
}

TEST_CASE("parse_weekday reads short and full English day names", "[config]") {
    CHECK(parse_weekday("sun") == 0);
    CHECK(parse_weekday("mon") == 1);
    CHECK(parse_weekday("sat") == 6);
    CHECK(parse_weekday("sunday") == 0);
    CHECK(parse_weekday("wednesday") == 3);
    CHECK_FALSE(parse_weekday("funday").has_value());
    CHECK_FALSE(parse_weekday("mo").has_value());
    CHECK_FALSE(parse_weekday("monda").has_value());
    CHECK_FALSE(parse_weekday("mondayy").has_value());
    CHECK_FALSE(parse_weekday("").has_value());
    for (int d = 0; d < 7; ++d) CHECK(parse_weekday(weekday_name(d)) == d);
}
