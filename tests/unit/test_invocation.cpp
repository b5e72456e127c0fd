// SPDX-License-Identifier: MIT
// What the surroundings decide (invocation.hpp): the clock, colour and width,
// and the exercise ids offered to the completion scripts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>

#include "builtin_catalogue.hpp"
#include "errors.hpp"
#include "invocation.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::error_of;
using backcare::test::TempDir;
using backcare::test::TzGuard;
using backcare::test::utc;

namespace {

Environment env_of(std::map<std::string, std::string> vars) {
    return [vars](const std::string& name) -> std::optional<std::string> {
        const auto it = vars.find(name);
        return it == vars.end() ? std::nullopt : std::optional(it->second);
    };
}

const Terminal terminal{true, 120, true};
const Terminal no_terminal{false, 0, false};

}  // namespace

TEST_CASE("now: the system's clock, unless BACKCARE_NOW pins it", "[invocation]") {
    const TzGuard tz("UTC0");
    const Instant system = utc(2030, 1, 2, 3, 4, 5);
    const std::int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(system.time_since_epoch()).count();
    CHECK(now_from(env_of({}), seconds) == system);
    CHECK(now_from(env_of({{"BACKCARE_NOW", ""}}), seconds) == system);
    CHECK(now_from(env_of({{"BACKCARE_NOW", "2026-11-23T18:30:00"}}), seconds) == utc(2026, 11, 23, 18, 30));
    CHECK(error_of<UsageError>([&] { now_from(env_of({{"BACKCARE_NOW", "tomorrow"}}), seconds); }) ==
          "BACKCARE_NOW must look like 2026-11-23T18:30:00, not 'tomorrow'");
}

TEST_CASE("now: a clock outside 2000 to 2099 is refused, whatever says so, and never overflows", "[invocation]") {
    const TzGuard tz("UTC0");
    for (const std::int64_t seconds : {std::int64_t{0}, std::int64_t{5}, first_supported_second - 1, last_supported_second + 1,
                                       std::int64_t{10'413'792'000} /* 2300 */, std::int64_t{1} << 62}) {
        INFO(seconds);
        CHECK_THAT(error_of<UsageError>([&] { now_from(env_of({}), seconds); }),
                   Catch::Contains("the system clock says it is") && Catch::Contains("2000 to 2099"));
    }
    CHECK_THAT(error_of<UsageError>([&] { now_from(env_of({}), 5); }), Catch::Contains("1970-01-01T00:00:05Z"));
    CHECK(now_from(env_of({}), first_supported_second) == utc(2000, 1, 1, 0, 0, 0));
    CHECK(now_from(env_of({}), last_supported_second) == utc(2099, 12, 31, 23, 59, 59));
    for (const char* pinned : {"9999-12-31T23:00:00", "2300-01-01T00:00:00", "1970-01-01T00:00:00", "1999-12-31T23:59:59Z",
                               "2100-01-01T00:00:00Z"}) {
        INFO(pinned);
        CHECK_THAT(error_of<UsageError>([&] { now_from(env_of({{"BACKCARE_NOW", pinned}}), first_supported_second); }),
                   Catch::Contains("BACKCARE_NOW says it is") && Catch::Contains("2000 to 2099"));
    }
}

TEST_CASE("style: colour on a terminal unless NO_COLOR or a dumb terminal", "[invocation]") {
    CHECK(output_style("auto", terminal, env_of({})).color);
    CHECK_FALSE(output_style("auto", no_terminal, env_of({})).color);
    CHECK_FALSE(output_style("auto", terminal, env_of({{"NO_COLOR", "1"}})).color);
    CHECK(output_style("auto", terminal, env_of({{"NO_COLOR", ""}})).color);
    CHECK_FALSE(output_style("auto", terminal, env_of({{"TERM", "dumb"}})).color);
    CHECK(output_style("always", no_terminal, env_of({{"NO_COLOR", "1"}})).color);
    CHECK_FALSE(output_style("never", terminal, env_of({})).color);
}

TEST_CASE("style: Unicode with a UTF-8 locale", "[invocation]") {
    CHECK(output_style("auto", terminal, env_of({})).unicode);
    CHECK_FALSE(output_style("auto", no_terminal, env_of({})).unicode);
}

TEST_CASE("style: the terminal's width, else COLUMNS from 20 to 1000, else 80", "[invocation]") {
    CHECK(output_style("auto", terminal, env_of({{"COLUMNS", "50"}})).width == 120);
    CHECK(output_style("auto", Terminal{true, 0, true}, env_of({{"COLUMNS", "50"}})).width == 50);
    CHECK(output_style("auto", no_terminal, env_of({})).width == 80);
    CHECK(output_style("auto", no_terminal, env_of({{"COLUMNS", "20"}})).width == 20);
    CHECK(output_style("auto", no_terminal, env_of({{"COLUMNS", "1000"}})).width == 1000);
    CHECK(output_style("auto", no_terminal, env_of({{"COLUMNS", "19"}})).width == 80);
    CHECK(output_style("auto", no_terminal, env_of({{"COLUMNS", "1001"}})).width == 80);
    CHECK(output_style("auto", no_terminal, env_of({{"COLUMNS", "wide"}})).width == 80);
}

TEST_CASE("completion ids: the person's exercises too - the built-in ones when theirs are broken", "[invocation]") {
    const Catalogue builtin = builtin_catalogue();
    const TempDir home;
    const auto env = env_of({{"HOME", home.path().string()}});
    const auto ids = exercise_ids(env, builtin);
    CHECK(ids.size() == builtin.exercises().size());
    const Paths paths(env, std::nullopt, std::nullopt);
    std::filesystem::create_directories(paths.catalogue_dir());
    const std::string own = backcare::test::file_bytes(std::string(BACKCARE_SOURCE_DIR) + "/catalogue/cat-cow.toml");
    const std::string renamed = std::regex_replace(own, std::regex("id = \"cat-cow\""), "id = \"my-cat-cow\"");
    REQUIRE(renamed != own);
    std::ofstream(paths.catalogue_dir() / "mine.toml") << renamed;
    const auto with_own = exercise_ids(env, builtin);
    CHECK(with_own.size() == builtin.exercises().size() + 1);
    CHECK(std::find(with_own.begin(), with_own.end(), "my-cat-cow") != with_own.end());
    std::ofstream(paths.catalogue_dir() / "broken.toml") << "[[exercise]\n";
    CHECK(exercise_ids(env, builtin) == ids);
    CHECK(exercise_ids(env_of({}), builtin) == ids);  // nowhere to look: no HOME
}
