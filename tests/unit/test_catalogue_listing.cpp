// SPDX-License-Identifier: MIT
// `catalogue list` and `lint` (catalogue_listing.hpp): the filter from the
// options, the exercises that fit, and the problems in a person's files.
#include <catch2/catch.hpp>

#include <algorithm>

#include "builtin_catalogue.hpp"
#include "catalogue_listing.hpp"
#include "errors.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::catalogue;
using backcare::test::error_of;
using backcare::test::file_bytes;
using backcare::test::TempDir;

namespace {

std::vector<std::string> ids(const std::vector<const Exercise*>& shown) {
    std::vector<std::string> out;
    for (const Exercise* e : shown) out.push_back(e->id);
    return out;
}

const std::string cat_cow_file = std::string(BACKCARE_SOURCE_DIR) + "/catalogue/cat-cow.toml";

}  // namespace

TEST_CASE("catalogue list: without options, every exercise, by id", "[catalogue-listing]") {
    const PlanRequest filter = list_filter({});
    CHECK_FALSE(filter.goal);
    CHECK(filter.level == 3);
    CHECK(filter.place == Place::any);
    CHECK(filter.equipment.size() == all_values<Equipment>().size());
    const auto shown = ids(exercises_fitting(catalogue(), filter));
    CHECK(shown.size() == catalogue().exercises().size());
    CHECK(std::is_sorted(shown.begin(), shown.end()));
}

TEST_CASE("catalogue list: the options narrow the list", "[catalogue-listing]") {
    ListQuery q;
    q.goal = "strength";
    q.equipment = "none";
    q.place = "desk";
    q.level = "1";
    const PlanRequest filter = list_filter(q);
    CHECK(filter.goal == PlanGoal{Goal::strength});
    CHECK(filter.equipment.empty());
    CHECK(filter.level == 1);
    CHECK(filter.place == Place::desk);
    const auto shown = exercises_fitting(catalogue(), filter);
    CHECK_FALSE(shown.empty());
    CHECK(shown.size() < catalogue().exercises().size());
    for (const Exercise* e : shown) {
        CHECK(fits(*e, filter));
        CHECK(e->equipment.empty());
    }
}

TEST_CASE("catalogue list: options that cannot be read, and the goal balanced", "[catalogue-listing]") {
    ListQuery q;
    q.goal = "balanced";
    CHECK(error_of<UsageError>([&] { list_filter(q); }) ==
          "--goal: 'balanced' is not an exercise's goal; expected flexibility, strength or posture");
    q = {};
    q.level = "4";
    CHECK_THAT(error_of<UsageError>([&] { list_filter(q); }), Catch::Contains("--level"));
    q = {};
    q.place = "beach";
    CHECK_THAT(error_of<UsageError>([&] { list_filter(q); }), Catch::Contains("--place"));
    q = {};
    q.equipment = "barbell";
    CHECK_THAT(error_of<UsageError>([&] { list_filter(q); }), Catch::Contains("--equipment"));
}

TEST_CASE("catalogue lint: a clean file has no problems, and its exercises are counted", "[catalogue-listing]") {
    const LintReport r = lint_catalogue_files({cat_cow_file}, builtin_catalogue());
    CHECK(r.problems.empty());
    CHECK(r.files == 1);
    CHECK(r.exercises == 1);
}

TEST_CASE("catalogue lint: each file's problems, then those across files", "[catalogue-listing]") {
    const TempDir dir;
    const auto copy = dir.write("copy.toml", file_bytes(cat_cow_file));
    const auto missing = dir.path() / "missing.toml";
    const LintReport r = lint_catalogue_files({cat_cow_file, missing.string(), copy.string()}, builtin_catalogue());
    CHECK(r.files == 3);
    CHECK(r.exercises == 2);
    REQUIRE(r.problems.size() == 2);
    CHECK_THAT(r.problems[0].headline(), Catch::StartsWith(missing.string()));
    CHECK_THAT(r.problems[1].headline(), Catch::StartsWith(copy.string()) && Catch::Contains("duplicate id 'cat-cow'"));
}
