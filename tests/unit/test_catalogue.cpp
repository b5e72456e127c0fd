// SPDX-License-Identifier: MIT
// The Catalogue class and load_catalogue over a directory of files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "builtin_catalogue.hpp"
#include "catalogue.hpp"
#include "errors.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::make_exercise;
using backcare::test::TempDir;

namespace {

std::string exercise_toml(const std::string& id, const std::string& name, const std::string& extra = "") {
    return "schema = 1\n"
           "\n"
           "[[exercise]]\n"
           "id = \"" + id + "\"\n"
           "name = \"" + name + "\"\n"
           "goals = [\"posture\"]\n"
           "kind = \"mobility\"\n"
           "areas = [\"neck\"]\n"
           "equipment = []\n"
           "position = \"seated\"\n"
           "desk_friendly = true\n"
           "laterality = \"both\"\n"
           "level = 1\n"
           "steps = [\"Sit tall.\"]\n"
           "cues = [\"Slowly.\"]\n"
           "benefits = [\"Helps.\"]\n"
           "cautions = [\"Stop if it hurts.\"]\n"
           "source = \"Unit test\"\n" +
           extra +
           "\n"
           "[exercise.dose]\n"
           "sets = 1\n"
           "reps = [5, 8]\n";
}

std::string data_error_message(const Catalogue& base, const std::filesystem::path& dir) {
    try {
        (void)load_catalogue(base, dir);
    } catch (const DataError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("Catalogue::find and get look exercises up by id", "[catalogue]") {
    const Catalogue c({make_exercise("cat-cow", {Goal::flexibility}), make_exercise("band-rows", {Goal::strength})});
    REQUIRE(c.find("cat-cow") != nullptr);
    CHECK(c.find("cat-cow")->id == "cat-cow");
    CHECK(c.find("band-rows")->goals == std::vector<Goal>{Goal::strength});
    CHECK(c.find("nope") == nullptr);
    CHECK(c.find("") == nullptr);
    CHECK(&c.get("band-rows") == c.find("band-rows"));
}

TEST_CASE("Catalogue::get of an unknown id names the nearest ids", "[catalogue]") {
    const Catalogue c = builtin_catalogue();
    CHECK_THROWS_AS(c.get("cat-cwo"), UsageError);
    CHECK_THROWS_WITH(c.get("cat-cwo"), Catch::Contains("unknown exercise 'cat-cwo'") && Catch::Contains("cat-cow"));
    CHECK_THROWS_WITH(c.get("squeeze"), Catch::Contains("shoulder-blade-squeeze"));
    // Nothing close: no suggestion, but a pointer to the list.
    CHECK_THROWS_WITH(c.get("zzzzzzzzzzzzzz"),
                      Catch::Contains("unknown exercise 'zzzzzzzzzzzzzz'") && !Catch::Contains("did you mean"));
}

TEST_CASE("Catalogue::nearest_ids ranks ids by closeness", "[catalogue]") {
    const Catalogue c({make_exercise("cat-cow", {Goal::flexibility}), make_exercise("cat-bow", {Goal::flexibility}),
                       make_exercise("band-rows", {Goal::strength})});
    CHECK(c.nearest_ids("cat-cow") == std::vector<std::string>{"cat-cow", "cat-bow"});
    CHECK(c.nearest_ids("cat-cwo", 1) == std::vector<std::string>{"cat-cow"});
    CHECK(c.nearest_ids("band-row") == std::vector<std::string>{"band-rows"});
    CHECK(c.nearest_ids("qqqqqqqq").empty());
}

TEST_CASE("Catalogue::add_or_replace replaces a known id and adds a new one", "[catalogue]") {
    Catalogue c = builtin_catalogue();
    const std::size_t size = c.exercises().size();
    REQUIRE(c.find("cat-cow") != nullptr);

    Exercise mine = make_exercise("cat-cow", {Goal::posture});
    mine.name = "My cat-cow";
    mine.origin = "mine.toml";
    c.add_or_replace(mine);
    CHECK(c.exercises().size() == size);
    CHECK(c.get("cat-cow").name == "My cat-cow");
    CHECK(c.get("cat-cow").origin == "mine.toml");
    CHECK(std::count_if(c.exercises().begin(), c.exercises().end(),
                        [](const Exercise& e) { return e.id == "cat-cow"; }) == 1);

    c.add_or_replace(make_exercise("my-new-one", {Goal::strength}));
    CHECK(c.exercises().size() == size + 1);
    CHECK(c.find("my-new-one") != nullptr);
}

TEST_CASE("load_catalogue lays a directory's files over the base", "[catalogue][load]") {
    TempDir dir;
    const auto over = dir.write("a-override.toml", exercise_toml("cat-cow", "My cat-cow"));
    const auto added = dir.write("b-added.toml", exercise_toml("neck-glide", "Neck glide", "harder = \"cat-cow\"\n"));
    dir.write("notes.txt", "not a catalogue file = [");

    const Catalogue base = builtin_catalogue();
    const Catalogue c = load_catalogue(base, dir.path());
    CHECK(c.exercises().size() == base.exercises().size() + 1);

    const Exercise& cow = c.get("cat-cow");
    CHECK(cow.name == "My cat-cow");
    CHECK(cow.goals == std::vector<Goal>{Goal::posture});
    CHECK(cow.origin == over.string());

    const Exercise& glide = c.get("neck-glide");
    CHECK(glide.name == "Neck glide");
    CHECK(glide.harder == "cat-cow");
    CHECK(glide.origin == added.string());

    // Everything else is the base's.
    for (const Exercise& e : base.exercises())
        if (e.id != "cat-cow") CHECK(*c.find(e.id) == e);
}

TEST_CASE("load_catalogue with no directory or an empty one gives the base unchanged", "[catalogue][load]") {
    const Catalogue base = builtin_catalogue();
    TempDir dir;
    CHECK(load_catalogue(base, dir.path() / "does-not-exist").exercises() == base.exercises());
    CHECK(load_catalogue(base, dir.path()).exercises() == base.exercises());
}

TEST_CASE("load_catalogue throws DataError naming the broken file, line and column", "[catalogue][load]") {
    TempDir dir;
    dir.write("a-good.toml", exercise_toml("neck-glide", "Neck glide"));
    std::string broken = exercise_toml("broken-one", "Broken");
    broken.replace(broken.find("level = 1"), 9, "level = \"1\"");  // line 13
    const auto bad = dir.write("b-broken.toml", broken);

    const Catalogue base = builtin_catalogue();
    CHECK_THROWS_AS(load_catalogue(base, dir.path()), DataError);
    const std::string message = data_error_message(base, dir.path());
    CHECK_THAT(message, Catch::StartsWith(bad.string() + ":13:9: "));
    CHECK_THAT(message, Catch::Contains("'level' must be an integer"));

    try {
        (void)load_catalogue(base, dir.path());
    } catch (const DataError& e) {
        CHECK(e.code() == Exit::data);
        REQUIRE(e.detail().size() >= 2);
        CHECK(e.detail()[0] == " 13 | level = \"1\"");
        CHECK(e.detail()[1] == "    |         ^~~");
    }
}

TEST_CASE("load_catalogue rejects a variant that names no exercise", "[catalogue][load]") {
    TempDir dir;
    const auto file = dir.write("mine.toml", exercise_toml("neck-glide", "Neck glide", "easier = \"cat-cwo\"\n"));
    const std::string message = data_error_message(builtin_catalogue(), dir.path());
    CHECK_THAT(message, Catch::StartsWith(file.string() + ":19:10: "));
    CHECK_THAT(message, Catch::Contains("cat-cow"));
}

TEST_CASE("load_catalogue rejects the same id in two files", "[catalogue][load]") {
    TempDir dir;
    const auto a = dir.write("a.toml", exercise_toml("neck-glide", "Neck glide"));
    const auto b = dir.write("b.toml", exercise_toml("neck-glide", "Neck glide again"));
    const std::string message = data_error_message(builtin_catalogue(), dir.path());
    CHECK_THAT(message, Catch::StartsWith(b.string() + ":4:6: "));
    CHECK_THAT(message, Catch::Contains("duplicate id 'neck-glide' (first defined at " + a.string() + ":4)"));
}

TEST_CASE("catalogue_files_in lists the .toml files in name order", "[catalogue][load]") {
    TempDir dir;
    const auto b = dir.write("b.toml", "");
    const auto a = dir.write("a.toml", "");
    dir.write("c.txt", "");
    CHECK(catalogue_files_in(dir.path()) == std::vector<std::filesystem::path>{a, b});
    CHECK(catalogue_files_in(dir.path() / "missing").empty());
}

TEST_CASE("read_catalogue_file reports a file it cannot read as a diagnostic", "[catalogue][load]") {
    TempDir dir;
    const ParsedFile missing = read_catalogue_file(dir.path() / "missing.toml");
    REQUIRE(missing.diagnostics.size() == 1);
    CHECK_THAT(missing.diagnostics.front().message, Catch::Contains("does not exist"));
    CHECK(missing.exercises.empty());

    std::filesystem::create_directory(dir.path() / "dir.toml");
    const ParsedFile directory = read_catalogue_file(dir.path() / "dir.toml");
    REQUIRE(directory.diagnostics.size() == 1);
    CHECK_THAT(directory.diagnostics.front().message, Catch::Contains("is a directory"));
}

namespace {

bool has_problem(const std::vector<Problem>& problems, const std::string& field) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) { return p.field == field; });
}

}  // namespace

TEST_CASE("validate accepts a complete exercise and names each bad field", "[catalogue][validate]") {
    const Exercise good = make_exercise("good-one", {Goal::posture});
    CHECK(validate(good).empty());

    auto problems_with = [&](auto change) {
        Exercise e = good;
        change(e);
        return validate(e);
    };
    CHECK(has_problem(problems_with([](Exercise& e) { e.id = "Not_OK"; }), "id"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.id = std::string(41, 'a'); }), "id"));
    CHECK(validate([&] { Exercise e = good; e.id = std::string(40, 'a'); return e; }()).empty());
    CHECK(has_problem(problems_with([](Exercise& e) { e.name.clear(); }), "name"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.name = std::string(41, 'n'); }), "name"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.goals.clear(); }), "goals"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.areas.clear(); }), "areas"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.level = 4; }), "level"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.level = 0; }), "level"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.steps.clear(); }), "steps"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.cues.clear(); }), "cues"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.benefits.clear(); }), "benefits"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.cautions.clear(); }), "cautions"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.source.clear(); }), "source"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.easier = e.id; }), "easier"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.harder = e.id; }), "harder"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.dose.sets = Range{1, 11}; }), "dose.sets"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.dose.reps = Range{1, 101}; }), "dose.reps"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.dose.hold = Range{5, 301}; }), "dose.hold"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.dose.tempo = 0; }), "dose.tempo"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.dose.rest = 301; }), "dose.rest"));
    CHECK(has_problem(problems_with([](Exercise& e) { e.dose.reps = Range{}; }), "dose"));
    CHECK(has_problem(problems_with([](Exercise& e) {
                          e.position = Position::supine;
                          e.desk_friendly = true;
                      }),
                      "desk_friendly"));
}

TEST_CASE("validate counts a name's characters, not its bytes", "[catalogue][validate]") {
    // The format allows names of up to 40 characters; accented letters are two bytes in UTF-8.
    Exercise e = make_exercise("accented", {Goal::flexibility});
    e.name = "Étirement des épaules à genoux, côté";  // 36 characters, 41 bytes
    REQUIRE(e.name.size() > 40);
    CHECK(validate(e).empty());
}

TEST_CASE("load_catalogue counts the problems it does not show", "[catalogue][load]") {
    TempDir dir;
    std::string broken = exercise_toml("broken-one", "Broken");
    broken.replace(broken.find("level = 1"), 9, "level = 9");
    broken.replace(broken.find("kind = \"mobility\""), 17, "kind = \"dance\"");
    dir.write("broken.toml", broken);
    try {
        (void)load_catalogue(builtin_catalogue(), dir.path());
        FAIL("no DataError");
    } catch (const DataError& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains(":7:8: 'kind' has unknown value 'dance'"));
        REQUIRE_FALSE(e.detail().empty());
        CHECK_THAT(e.detail().back(), Catch::Contains("1 more problem"));
        CHECK_THAT(e.detail().back(), Catch::Contains("backcare catalogue lint"));
    }
}
