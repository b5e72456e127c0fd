// SPDX-License-Identifier: MIT
// The remembered plan (remembered_plan.hpp): a plan that cannot be
// remembered is still shown, so why comes back as a warning.
#include <catch2/catch.hpp>

#include "remembered_plan.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::file_bytes;
using backcare::test::TempDir;

TEST_CASE("remembered plan: remembered, or why not", "[remembered-plan]") {
    const TempDir dir;
    const auto file = dir.path() / "state" / "last-plan.json";
    CHECK_FALSE(remember_plan_or_why_not(file, "{}\n"));
    CHECK(file_bytes(file) == "{}\n");

    const auto blocked = dir.write("not-a-directory", "") / "last-plan.json";
    const auto why = remember_plan_or_why_not(blocked, "{}\n");
    REQUIRE(why);
    CHECK_THAT(*why, Catch::StartsWith("this plan is not remembered for 'log --plan': "));
    CHECK(why->size() > std::string("this plan is not remembered for 'log --plan': ").size());
}
