// SPDX-License-Identifier: MIT
// Catalogue files: parse_catalogue, cross_check and diagnostics.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "builtin_catalogue.hpp"
#include "catalogue.hpp"
#include "diagnostic.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::unlines;

namespace {

// A valid catalogue file; the line numbers matter to the tests below.
const std::vector<std::string> base_lines{
    "schema = 1",                       // 1
    "",                                 // 2
    "[[exercise]]",                     // 3
    "id = \"test-stretch\"",            // 4
    "name = \"Test stretch\"",          // 5
    "goals = [\"flexibility\"]",        // 6
    "kind = \"stretch\"",               // 7
    "areas = [\"upper back\"]",         // 8
    "equipment = []",                   // 9
    "position = \"standing\"",          // 10
    "desk_friendly = true",             // 11
    "laterality = \"both\"",            // 12
    "level = 1",                        // 13
    "steps = [\"Stand tall.\"]",        // 14
    "cues = [\"Breathe.\"]",            // 15
    "benefits = [\"Loosens the back.\"]",  // 16
    "cautions = [\"Stop if it hurts.\"]",  // 17
    "source = \"Unit test\"",           // 18
    "",                                 // 19
    "[exercise.dose]",                  // 20
    "sets = [1, 2]",                    // 21
    "reps = [8, 10]",                   // 22
    "tempo = 3",                        // 23
};

// The base file with some lines (1-based) replaced.
std::string catalogue_text(const std::map<int, std::string>& replace = {}) {
    auto lines = base_lines;
    for (const auto& [n, text] : replace) lines.at(static_cast<std::size_t>(n - 1)) = text;
    return unlines(lines);
}

std::string all_messages(const std::vector<Diagnostic>& ds) {
    std::ostringstream out;
    for (const auto& d : ds) out << "  " << d.headline() << "\n";
    return out.str();
}

// The first diagnostic whose message contains fragment; fails the test when there is none.
const Diagnostic& diagnostic_with(const std::vector<Diagnostic>& ds, const std::string& fragment) {
    for (const auto& d : ds)
        if (d.message.find(fragment) != std::string::npos) return d;
    FAIL("no diagnostic contains '" << fragment << "'; got:\n" << all_messages(ds));
    throw;  // unreachable
}

void check_at(const Diagnostic& d, int line, int column) {
    INFO(d.headline());
    CHECK(d.where.file == "f.toml");
    CHECK(d.where.line == line);
    CHECK(d.where.column == column);
}

}  // namespace

TEST_CASE("a valid exercise parses to the expected fields", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{9, "equipment = [\"band\", \"wall\"]"}}), "f.toml");
    INFO(all_messages(file.diagnostics));
    REQUIRE(file.diagnostics.empty());
    CHECK(file.name == "f.toml");
    REQUIRE(file.exercises.size() == 1);
    const ParsedExercise& p = file.exercises.front();
    const Exercise& e = p.exercise;
    CHECK(e.id == "test-stretch");
    CHECK(e.name == "Test stretch");
    CHECK(e.goals == std::vector<Goal>{Goal::flexibility});
    CHECK(e.kind == Kind::stretch);
    CHECK(e.areas == std::vector<std::string>{"upper back"});
    CHECK(e.equipment == std::vector<Equipment>{Equipment::band, Equipment::wall});
    CHECK(e.position == Position::standing);
    CHECK(e.desk_friendly);
    CHECK(e.laterality == Laterality::both);
    CHECK(e.level == 1);
    CHECK(e.steps == std::vector<std::string>{"Stand tall."});
    CHECK(e.cues == std::vector<std::string>{"Breathe."});
    CHECK(e.benefits == std::vector<std::string>{"Loosens the back."});
    CHECK(e.cautions == std::vector<std::string>{"Stop if it hurts."});
    CHECK(e.source == "Unit test");
    CHECK(e.easier.empty());
    CHECK(e.harder.empty());
    CHECK(e.origin == "f.toml");
    CHECK(e.dose.sets == Range{1, 2});
    CHECK(e.dose.reps == Range{8, 10});
    CHECK_FALSE(e.dose.hold.present());
    CHECK(e.dose.tempo == 3);
    CHECK(e.dose.rest == 0);
    CHECK(p.id_pos.line == 4);
    CHECK(p.id_pos.column == 6);
    CHECK(validate(e).empty());
}

TEST_CASE("a single number is a range of one value, and variants are read", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(
        catalogue_text({{19, "easier = \"cat-cow\""}, {22, "reps = 10"}, {23, "hold = [5, 10]\nrest = 20"}}),
        "f.toml");
    INFO(all_messages(file.diagnostics));
    REQUIRE(file.diagnostics.empty());
    REQUIRE(file.exercises.size() == 1);
    const ParsedExercise& p = file.exercises.front();
    CHECK(p.exercise.dose.reps == Range{10, 10});
    CHECK(p.exercise.dose.hold == Range{5, 10});
    CHECK(p.exercise.dose.tempo == 3);  // the default
    CHECK(p.exercise.dose.rest == 20);
    CHECK(p.exercise.easier == "cat-cow");
    CHECK(p.easier_pos.line == 19);
    CHECK(p.easier_pos.column == 10);
}

TEST_CASE("invalid TOML is located by the parser's line and column", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{13, "level = = 1"}}), "f.toml");
    REQUIRE(file.diagnostics.size() == 1);
    const Diagnostic& d = file.diagnostics.front();
    INFO(d.headline());
    CHECK_THAT(d.message, Catch::StartsWith("invalid TOML"));
    CHECK(d.where.file == "f.toml");
    CHECK(d.where.line == 13);
    CHECK(d.where.column == 9);
    CHECK(d.where.line_text == "level = = 1");
    CHECK(file.exercises.empty());
}

TEST_CASE("an unknown key is reported with a did-you-mean", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{19, "cue = [\"Breathe.\"]"}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "unknown key 'cue'");
    check_at(d, 19, 7);
    CHECK_THAT(d.message, Catch::Contains("did you mean 'cues'?"));
    CHECK(file.diagnostics.size() == 1);
}

TEST_CASE("an unknown key in the dose table names the table", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{23, "temp = 3"}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "unknown key 'dose.temp'");
    check_at(d, 23, 8);
    CHECK_THAT(d.message, Catch::Contains("did you mean 'tempo'?"));
}

TEST_CASE("a value of the wrong type is reported where it is", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{5, "name = 3"}}), "f.toml");
    REQUIRE_FALSE(file.diagnostics.empty());
    const Diagnostic& d = file.diagnostics.front();
    CHECK_THAT(d.message, Catch::Contains("'name' must be a string, not an integer"));
    check_at(d, 5, 8);
}

TEST_CASE("a missing required field is reported at its table", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{7, ""}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "missing required key 'kind'");
    check_at(d, 3, 1);
    CHECK(file.diagnostics.size() == 1);
}

TEST_CASE("a missing dose table is reported", "[catalogue][parse]") {
    auto lines = base_lines;
    lines.resize(19);
    const ParsedFile file = parse_catalogue(unlines(lines), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "missing required table 'dose'");
    check_at(d, 3, 1);
}

TEST_CASE("an unknown enum value lists the accepted ones", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{6, "goals = [\"yoga\"]"}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "'goals' has unknown value 'yoga'");
    check_at(d, 6, 9);
    CHECK_THAT(d.message, Catch::Contains("flexibility, strength or posture"));
}

TEST_CASE("an unknown position is reported at the position", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{10, "position = \"handstand\""}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "'position' has unknown value 'handstand'");
    check_at(d, 10, 12);
    CHECK_THAT(d.message, Catch::Contains("hands-knees"));
}

TEST_CASE("reps of 0 is out of range", "[catalogue][parse]") {
    SECTION("reps alone") {
        const ParsedFile file = parse_catalogue(catalogue_text({{22, "reps = 0"}}), "f.toml");
        const Diagnostic& d = diagnostic_with(file.diagnostics, "reps must be from 1 to 100");
        check_at(d, 22, 8);
    }
    SECTION("reps of 0 with a hold is not silently a pure hold") {
        const ParsedFile file = parse_catalogue(catalogue_text({{22, "reps = 0"}, {23, "hold = 5"}}), "f.toml");
        const Diagnostic& d = diagnostic_with(file.diagnostics, "reps must be from 1 to 100");
        check_at(d, 22, 8);
    }
}

TEST_CASE("sets of 0 is out of range", "[catalogue][parse]") {
    // Otherwise a routine could prescribe 0 sets of the exercise.
    for (const std::string sets : {"sets = 0", "sets = [0, 0]"}) {
        INFO(sets);
        const ParsedFile file = parse_catalogue(catalogue_text({{21, sets}}), "f.toml");
        const Diagnostic& d = diagnostic_with(file.diagnostics, "sets must be from 1 to 10");
        check_at(d, 21, 8);
    }
}

TEST_CASE("a hold of 0 seconds is out of range", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{23, "hold = 0"}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "hold must be from 1 to 300 seconds");
    check_at(d, 23, 8);
}

TEST_CASE("a hold of 9999 seconds is out of range", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{23, "hold = 9999"}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "hold must be from 1 to 300 seconds");
    check_at(d, 23, 8);
    CHECK(file.diagnostics.size() == 1);
}

TEST_CASE("a range with min above max is upside down", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{22, "reps = [10, 8]"}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "upside down");
    check_at(d, 22, 8);
    CHECK_THAT(d.message, Catch::Contains("[10, 8]"));
    CHECK(file.diagnostics.size() == 1);
}

TEST_CASE("a range that is not two integers is rejected", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{22, "reps = [8, 10, 12]"}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "'dose.reps' must be [min, max]");
    check_at(d, 22, 8);
}

TEST_CASE("a dose with neither reps nor hold is reported at the dose table", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{22, ""}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "dose needs reps, hold or both");
    check_at(d, 20, 1);
    CHECK(file.diagnostics.size() == 1);
}

TEST_CASE("an exercise on the floor cannot be desk-friendly", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{10, "position = \"prone\""}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "cannot be desk-friendly");
    check_at(d, 11, 17);
    CHECK_THAT(d.message, Catch::Contains("prone"));
    CHECK(file.diagnostics.size() == 1);
}

TEST_CASE("a bad id is reported at the id", "[catalogue][parse]") {
    for (const std::string id : {"Bad_ID", "x", "-lead", "trail-", "has space"}) {
        INFO("id '" << id << "'");
        const ParsedFile file = parse_catalogue(catalogue_text({{4, "id = \"" + id + "\""}}), "f.toml");
        const Diagnostic& d = diagnostic_with(file.diagnostics, "id '" + id + "' must be 2 to 40 lowercase letters");
        check_at(d, 4, 6);
    }
}

TEST_CASE("an unsupported schema is rejected", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{1, "schema = 2"}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "schema 2 is not supported");
    check_at(d, 1, 10);
    CHECK(file.diagnostics.size() == 1);
}

TEST_CASE("a missing schema is reported", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{1, ""}}), "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "missing required key 'schema'");
    check_at(d, 1, 1);
    CHECK(file.diagnostics.size() == 1);
}

TEST_CASE("a file without [[exercise]] is reported", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue("schema = 1\n", "f.toml");
    REQUIRE(file.diagnostics.size() == 1);
    const Diagnostic& d = diagnostic_with(file.diagnostics, "no exercises");
    check_at(d, 1, 1);
    CHECK(file.exercises.empty());
}

TEST_CASE("a non-table exercise entry is reported", "[catalogue][parse]") {
    const ParsedFile file = parse_catalogue("schema = 1\nexercise = 3\n", "f.toml");
    const Diagnostic& d = diagnostic_with(file.diagnostics, "'exercise' must be an array of tables");
    check_at(d, 2, 12);
}

TEST_CASE("every problem of a file is reported, in line order", "[catalogue][parse]") {
    const ParsedFile file =
        parse_catalogue(catalogue_text({{22, "reps = [10, 8]"}, {4, "id = \"Bad\""}, {13, "level = 7"}}), "f.toml");
    INFO(all_messages(file.diagnostics));
    REQUIRE(file.diagnostics.size() == 3);
    CHECK(file.diagnostics[0].where.line == 4);
    CHECK(file.diagnostics[1].where.line == 13);
    CHECK_THAT(file.diagnostics[1].message, Catch::Contains("level must be 1, 2 or 3"));
    CHECK(file.diagnostics[2].where.line == 22);
}

TEST_CASE("cross_check finds a duplicate id within one file", "[catalogue][cross]") {
    auto lines = base_lines;
    const std::vector<std::string> again(base_lines.begin() + 2, base_lines.end());  // from [[exercise]] on
    lines.push_back("");                                                             // 24
    lines.insert(lines.end(), again.begin(), again.end());  // [[exercise]] at 25, id at 26
    const ParsedFile file = parse_catalogue(unlines(lines), "f.toml");
    INFO(all_messages(file.diagnostics));
    REQUIRE(file.diagnostics.empty());
    REQUIRE(file.exercises.size() == 2);

    const auto problems = cross_check({file}, Catalogue{});
    REQUIRE(problems.size() == 1);
    const Diagnostic& d = problems.front();
    CHECK_THAT(d.message, Catch::Contains("duplicate id 'test-stretch'"));
    CHECK_THAT(d.message, Catch::Contains("first defined at f.toml:4"));
    check_at(d, 26, 6);
}

TEST_CASE("cross_check finds a duplicate id across two files", "[catalogue][cross]") {
    const ParsedFile first = parse_catalogue(catalogue_text(), "a.toml");
    const ParsedFile second = parse_catalogue(catalogue_text({{2, "# the same again"}}), "b.toml");
    REQUIRE(first.diagnostics.empty());
    REQUIRE(second.diagnostics.empty());
    const auto problems = cross_check({first, second}, Catalogue{});
    REQUIRE(problems.size() == 1);
    const Diagnostic& d = problems.front();
    CHECK(d.where.file == "b.toml");
    CHECK(d.where.line == 4);
    CHECK(d.where.column == 6);
    CHECK_THAT(d.message, Catch::Contains("duplicate id 'test-stretch' (first defined at a.toml:4)"));
    CHECK(d.headline() == "b.toml:4:6: " + d.message);
}

TEST_CASE("cross_check: a variant naming no exercise gets a suggestion", "[catalogue][cross]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{19, "easier = \"cat-cwo\""}}), "f.toml");
    REQUIRE(file.diagnostics.empty());
    const auto problems = cross_check({file}, builtin_catalogue());
    REQUIRE(problems.size() == 1);
    const Diagnostic& d = problems.front();
    CHECK_THAT(d.message, Catch::Contains("easier variant 'cat-cwo' names no exercise"));
    CHECK_THAT(d.message, Catch::Contains("did you mean cat-cow"));
    check_at(d, 19, 10);
}

TEST_CASE("cross_check: a harder variant naming nothing close has no suggestion", "[catalogue][cross]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{19, "harder = \"zzzzzzzzzzzz\""}}), "f.toml");
    REQUIRE(file.diagnostics.empty());
    const auto problems = cross_check({file}, Catalogue{});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems.front().message, Catch::Contains("harder variant 'zzzzzzzzzzzz' names no exercise"));
    CHECK_THAT(problems.front().message, !Catch::Contains("did you mean"));
}

TEST_CASE("cross_check: variants naming a built-in or another file's exercise are fine", "[catalogue][cross]") {
    const ParsedFile file =
        parse_catalogue(catalogue_text({{19, "easier = \"cat-cow\"\nharder = \"band-rows\""}}), "f.toml");
    REQUIRE(file.diagnostics.empty());
    CHECK(cross_check({file}, builtin_catalogue()).empty());
    // Without the built-ins, the same file's variants name nothing.
    CHECK(cross_check({file}, Catalogue{}).size() == 2);

    const ParsedFile other = parse_catalogue(
        catalogue_text({{4, "id = \"other-stretch\""}, {19, "easier = \"test-stretch\""}}), "g.toml");
    REQUIRE(other.diagnostics.empty());
    CHECK(cross_check({parse_catalogue(catalogue_text(), "f.toml"), other}, Catalogue{}).empty());
}

TEST_CASE("Diagnostic::headline is file:line:column: message", "[diagnostic]") {
    Diagnostic d{SourcePos("f.toml", 5, 8), "'name' must be a string"};
    CHECK(d.headline() == "f.toml:5:8: 'name' must be a string");
    d.where.column = 0;
    CHECK(d.headline() == "f.toml:5: 'name' must be a string");
    d.where.line = 0;
    CHECK(d.headline() == "f.toml: 'name' must be a string");
}

TEST_CASE("Diagnostic::snippet shows the line and a caret under the column", "[diagnostic]") {
    Diagnostic d{SourcePos("f.toml", 12, 5), "bad"};
    d.where.line_text = "abc = \"x\"";
    d.where.width = 1;
    CHECK(d.snippet() == std::vector<std::string>{" 12 | abc = \"x\"", "    |     ^"});
    d.where.width = 3;
    CHECK(d.snippet() == std::vector<std::string>{" 12 | abc = \"x\"", "    |     ^~~"});
    d.where.line_text = "\tab = 1";
    d.where.column = 2;
    d.where.width = 1;
    CHECK(d.snippet() == std::vector<std::string>{" 12 |  ab = 1", "    |  ^"});
    d.where.line_text.clear();
    CHECK(d.snippet().empty());
}

TEST_CASE("a parsed diagnostic's snippet points at the bad value", "[diagnostic][parse]") {
    const ParsedFile file = parse_catalogue(catalogue_text({{5, "name = 3"}}), "f.toml");
    REQUIRE_FALSE(file.diagnostics.empty());
    const Diagnostic& d = file.diagnostics.front();
    CHECK(d.headline() == "f.toml:5:8: " + d.message);
    const auto snippet = d.snippet();
    REQUIRE(snippet.size() == 2);
    CHECK(snippet[0] == " 5 | name = 3");
    CHECK(snippet[1] == "   |        ^");
    CHECK(snippet[1].find('^') == snippet[0].find('3'));
}
