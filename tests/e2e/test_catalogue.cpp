// SPDX-License-Identifier: MIT
// backcare catalogue list|show|lint, and a person's own catalogue files.
#include <algorithm>
#include <regex>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.hpp"

using e2e::contains;
using e2e::clinic_file;
using e2e::Home;
using Json = nlohmann::json;

namespace {

Json list_json(const Home& h, const std::vector<std::string>& filters = {}) {
    std::vector<std::string> args{"catalogue", "list", "--format", "json"};
    args.insert(args.end(), filters.begin(), filters.end());
    const auto r = h.run(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    const Json j = Json::parse(r.out);
    REQUIRE(j.at("schema") == 2);
    return j.at("exercises");
}

std::set<std::string> ids(const Json& exercises) {
    std::set<std::string> out;
    for (const auto& e : exercises) out.insert(e.at("id").get<std::string>());
    return out;
}

bool has(const Json& array, const std::string& value) {
    return std::any_of(array.begin(), array.end(), [&](const Json& v) { return v.get<std::string>() == value; });
}

const std::set<std::string> floor_positions{"hands-knees", "kneeling", "prone", "supine", "side-lying"};

// The built-in catalogue's files.
std::vector<std::string> builtin_files() {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(e2e::source_path("catalogue")))
        if (entry.path().extension() == ".toml") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}


}  // namespace

TEST_CASE("catalogue list --format json lists the whole built-in catalogue", "[catalogue][list]") {
    Home h;
    const Json all = list_json(h);
    CHECK(all.size() >= 20);
    CHECK(all.size() == builtin_files().size());  // one exercise per built-in file
    for (const char* seed : {"cat-cow", "childs-pose", "shoulder-blade-squeeze", "wall-angels", "thoracic-extension",
                             "band-rows"}) {
        INFO(seed);
        CHECK(ids(all).count(seed) == 1);
    }
    // Sorted by id, every exercise complete.
    std::vector<std::string> order;
    for (const auto& e : all) {
        INFO(e.at("id"));
        order.push_back(e.at("id").get<std::string>());
        CHECK(e.at("origin") == "built-in");
        CHECK(!e.at("steps").empty());
        CHECK(!e.at("cautions").empty());
        CHECK(!e.at("goals").empty());
    }
    CHECK(std::is_sorted(order.begin(), order.end()));
    // Each goal has options with no equipment, at a desk and on the floor.
    for (const char* goal : {"flexibility", "strength", "posture"}) {
        INFO(goal);
        CHECK(!list_json(h, {"--goal", goal, "--equipment", "none"}).empty());
        CHECK(!list_json(h, {"--goal", goal, "--place", "desk"}).empty());
        CHECK(!list_json(h, {"--goal", goal, "--place", "floor"}).empty());
    }
}

TEST_CASE("catalogue list filters by goal, place, equipment and level", "[catalogue][list]") {
    Home h;
    const Json all = list_json(h);
    SECTION("--goal") {
        for (const char* goal : {"flexibility", "strength", "posture"}) {
            INFO(goal);
            const Json some = list_json(h, {"--goal", goal});
            CHECK(!some.empty());
            std::size_t expected = 0;
            for (const auto& e : all) expected += has(e.at("goals"), goal) ? 1 : 0;
            CHECK(some.size() == expected);
            for (const auto& e : some) CHECK(has(e.at("goals"), goal));
        }
        CHECK(ids(list_json(h, {"--goal", "strength"})).count("childs-pose") == 0);
    }
    SECTION("--place desk") {
        const Json some = list_json(h, {"--place", "desk"});
        CHECK(!some.empty());
        CHECK(some.size() < all.size());
        for (const auto& e : some) {
            INFO(e.at("id"));
            CHECK(e.at("desk_friendly") == true);
        }
        CHECK(ids(some).count("cat-cow") == 0);
    }
    SECTION("--place floor") {
        const Json some = list_json(h, {"--place", "floor"});
        CHECK(!some.empty());
        for (const auto& e : some) {
            INFO(e.at("id"));
            CHECK(floor_positions.count(e.at("position").get<std::string>()) == 1);
        }
        CHECK(ids(some).count("cat-cow") == 1);
        CHECK(ids(some).count("chin-tuck") == 0);
    }
    SECTION("--equipment") {
        const Json band = list_json(h, {"--equipment", "band"});
        CHECK(ids(band).count("band-rows") == 1);
        for (const auto& e : band) {
            INFO(e.at("id"));
            // A chair and a doorway are taken to be near, as plan takes them.
            for (const auto& need : e.at("equipment")) CHECK((need == "band" || need == "chair" || need == "doorway"));
        }
        const Json none = list_json(h, {"--equipment", "none"});
        CHECK(!none.empty());
        for (const auto& e : none) {
            INFO(e.at("id"));
            for (const auto& need : e.at("equipment")) CHECK((need == "chair" || need == "doorway"));
        }
        CHECK(ids(none).count("thoracic-extension") == 1);
        CHECK(ids(list_json(h, {"--equipment", "none", "--place", "floor"})).count("thoracic-extension") == 0);
        CHECK(ids(none).count("band-rows") == 0);
        CHECK(list_json(h, {"--equipment", "band,wall,chair,mat"}).size() == all.size());
    }
    SECTION("--level") {
        const Json easy = list_json(h, {"--level", "1"});
        CHECK(!easy.empty());
        CHECK(easy.size() < all.size());
        for (const auto& e : easy) CHECK(e.at("level") == 1);
        CHECK(list_json(h, {"--level", "3"}).size() == all.size());
    }
    SECTION("combined") {
        const Json some = list_json(h, {"--goal", "strength", "--place", "desk", "--equipment", "band", "--level", "2"});
        CHECK(!some.empty());
        for (const auto& e : some) {
            INFO(e.at("id"));
            CHECK(has(e.at("goals"), "strength"));
            CHECK(e.at("desk_friendly") == true);
            CHECK(e.at("level").get<int>() <= 2);
            for (const auto& need : e.at("equipment")) CHECK((need == "band" || need == "chair"));
        }
    }
}

TEST_CASE("catalogue list bad filters are usage errors", "[catalogue][list][bad-input]") {
    Home h;
    e2e::expect_usage_error(h.run({"catalogue", "list", "--goal", "yoga"}), {"--goal", "'yoga'"});
    e2e::expect_usage_error(h.run({"catalogue", "list", "--goal", "balanced"}), {"--goal", "balanced"});
    e2e::expect_usage_error(h.run({"catalogue", "list", "--place", "office"}), {"--place", "'office'"});
    e2e::expect_usage_error(h.run({"catalogue", "list", "--equipment", "rocket"}), {"--equipment", "'rocket'"});
    e2e::expect_usage_error(h.run({"catalogue", "list", "--level", "9"}), {"--level", "'9'"});
}

TEST_CASE("catalogue list formats agree: text, json, tsv, ids", "[catalogue][list]") {
    Home h;
    const Json all = list_json(h);
    std::vector<std::string> json_ids;
    for (const auto& e : all) json_ids.push_back(e.at("id").get<std::string>());

    const auto id_run = h.run({"catalogue", "list", "--format", "ids"});
    REQUIRE(id_run.status == 0);
    CHECK(e2e::lines(id_run.out) == json_ids);

    const auto tsv = h.run({"catalogue", "list", "--format", "tsv"});
    REQUIRE(tsv.status == 0);
    const auto rows = e2e::lines(tsv.out);
    REQUIRE(rows.size() == all.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        INFO(rows[i]);
        CHECK(std::count(rows[i].begin(), rows[i].end(), '\t') == 10);
        CHECK(rows[i].rfind(json_ids[i] + "\t" + all[i].at("name").get<std::string>() + "\t", 0) == 0);
        CHECK(rows[i].substr(rows[i].rfind('\t') + 1) == "built-in");
    }

    const auto text = h.run({"catalogue", "list"});
    REQUIRE(text.status == 0);
    CHECK(text.err.empty());
    const auto tl = e2e::lines(text.out);
    REQUIRE(tl.size() == all.size() + 1);
    CHECK(tl.front().rfind("ID", 0) == 0);
    CHECK(contains(tl.front(), "NAME"));
    for (std::size_t i = 0; i < all.size(); ++i) {
        INFO(tl[i + 1]);
        CHECK(tl[i + 1].rfind(json_ids[i] + " ", 0) == 0);
        CHECK(contains(tl[i + 1], all[i].at("name").get<std::string>()));
    }
}

TEST_CASE("catalogue outputs match the golden files", "[catalogue][golden]") {
    Home h;
    SECTION("list tsv") {
        const auto r = h.run({"catalogue", "list", "--format", "tsv"});
        REQUIRE(r.status == 0);
        e2e::expect_golden("catalogue-list.tsv", r.out);
    }
    SECTION("list text") {
        const auto r = h.run({"catalogue", "list"});
        REQUIRE(r.status == 0);
        e2e::expect_golden("catalogue-list.txt", r.out);
    }
    SECTION("show text") {
        const auto r = h.run({"catalogue", "show", "cat-cow"});
        REQUIRE(r.status == 0);
        e2e::expect_golden("catalogue-show-cat-cow.txt", r.out);
    }
    SECTION("show json") {
        const auto r = h.run({"catalogue", "show", "band-rows", "--format", "json"});
        REQUIRE(r.status == 0);
        e2e::expect_golden("catalogue-show-band-rows.json", r.out);
    }
}

TEST_CASE("catalogue show text: facts, steps, cautions, and the not-medical-advice note", "[catalogue][show]") {
    Home h;
    const auto r = h.run({"catalogue", "show", "cat-cow"});
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK_FALSE(e2e::has_ansi(r.out));
    for (const char* s : {"Cat-cow", "(cat-cow)", "Goals", "Position", "Equipment", "Dose", "Steps", "Cues", "Benefits",
                          "Cautions", "Variants", "Source", "Not medical advice", "seated-cat-cow"}) {
        INFO(s);
        CHECK(contains(r.out, s));
    }
    // The steps come numbered, in order, Steps before Cautions.
    CHECK(contains(r.out, " 1. "));
    CHECK(r.out.find("Steps") < r.out.find("Cautions"));
    // A built-in exercise names no file it came from.
    CHECK_FALSE(contains(r.out, "From:"));
    // --quiet leaves the note out.
    const auto quiet = h.run({"-q", "catalogue", "show", "cat-cow"});
    REQUIRE(quiet.status == 0);
    CHECK_FALSE(contains(quiet.out, "Not medical advice"));
    CHECK(contains(quiet.out, "Cautions"));
}

TEST_CASE("catalogue show --format json: the whole exercise, schema 2", "[catalogue][show]") {
    Home h;
    const auto all = list_json(h);
    for (const auto& listed : all) {
        const std::string id = listed.at("id").get<std::string>();
        INFO(id);
        const auto r = h.run({"catalogue", "show", id, "--format", "json"});
        REQUIRE(r.status == 0);
        Json e = Json::parse(r.out);
        CHECK(e.at("schema") == 2);
        CHECK(e.at("id") == id);
        for (const char* key : {"name", "goals", "kind", "areas", "equipment", "position", "desk_friendly", "side",
                                "level", "dose", "steps", "cues", "benefits", "cautions", "easier", "harder", "source",
                                "origin"}) {
            INFO(key);
            CHECK(e.contains(key));
        }
        e.erase("schema");
        CHECK(e == listed);  // the same exercise as in the list
    }
}

TEST_CASE("the six seed exercises keep the seed's doses", "[catalogue][seed]") {
    Home h;
    auto show = [&](const std::string& id) {
        const auto r = h.run({"catalogue", "show", id, "--format", "json"});
        REQUIRE(r.status == 0);
        return Json::parse(r.out);
    };
    const Json cat_cow = show("cat-cow");
    CHECK(cat_cow.at("dose").at("reps") == Json::array({8, 10}));
    CHECK(cat_cow.at("position") == "hands-knees");
    const Json childs = show("childs-pose");
    CHECK(childs.at("dose").at("hold_seconds") == Json::array({20, 30}));
    CHECK(childs.at("position") == "kneeling");
    const Json squeeze = show("shoulder-blade-squeeze");
    CHECK(squeeze.at("dose").at("hold_seconds") == Json::array({5, 10}));
    CHECK(squeeze.at("dose").at("reps").at(1) == 10);
    CHECK(show("wall-angels").at("dose").at("reps").at(1) == 10);
    CHECK(show("wall-angels").at("equipment") == Json::array({"wall"}));
    const Json extension = show("thoracic-extension");
    CHECK(extension.at("dose").at("hold_seconds") == Json::array({5, 10}));
    CHECK(extension.at("dose").at("reps") == Json::array({8, 10}));
    CHECK(extension.at("position") == "seated");
    const Json rows = show("band-rows");
    CHECK(rows.at("dose").at("reps") == Json::array({10, 12}));
    CHECK(rows.at("equipment") == Json::array({"band"}));
    for (const char* id : {"cat-cow", "childs-pose", "shoulder-blade-squeeze", "wall-angels", "thoracic-extension",
                           "band-rows"}) {
        INFO(id);
        CHECK(contains(show(id).at("source").get<std::string>(), "Upper Back"));
    }
}

TEST_CASE("a user's catalogue file adds an exercise, shown with its origin", "[catalogue][user-catalogue]") {
    Home h;
    const std::size_t builtins = list_json(h).size();
    const auto path = h.write("config/backcare/catalogue/clinic.toml", clinic_file("clinic-wall-lean"));

    const Json all = list_json(h);
    CHECK(all.size() == builtins + 1);
    const auto it = std::find_if(all.begin(), all.end(), [](const Json& e) { return e.at("id") == "clinic-wall-lean"; });
    REQUIRE(it != all.end());
    CHECK(it->at("origin") == path.string());
    CHECK(it->at("name") == "Clinic wall lean");

    const auto ids_run = h.run({"catalogue", "list", "--format", "ids"});
    CHECK(contains(ids_run.out, "clinic-wall-lean\n"));
    const auto tsv = h.run({"catalogue", "list", "--format", "tsv"});
    CHECK(contains(tsv.out, "clinic-wall-lean\tClinic wall lean\t"));
    const std::string origin_field = path.string();
    CHECK(contains(tsv.out, "\t" + origin_field + "\n"));

    const auto text = h.run({"catalogue", "show", "clinic-wall-lean"});
    REQUIRE(text.status == 0);
    CHECK(contains(text.out, "Clinic wall lean"));
    CHECK(contains(text.out, path.string()));
    CHECK(contains(text.out, "Lean in gently."));
    CHECK(contains(text.out, "Stop if it hurts."));
    const auto json = h.run({"catalogue", "show", "clinic-wall-lean", "--format", "json"});
    REQUIRE(json.status == 0);
    CHECK(Json::parse(json.out).at("origin") == path.string());

    // It is planned like any other: flexibility at the desk with a wall.
    bool planned = false;
    for (int seed = 1; seed <= 20 && !planned; ++seed) {
        const auto r = h.run({"plan", "--goal", "flexibility", "--place", "desk", "--equipment", "wall", "--seed",
                              std::to_string(seed), "--format", "tsv", "--no-save"});
        REQUIRE(r.status == 0);
        planned = contains(r.out, "\tclinic-wall-lean\t");
    }
    CHECK(planned);
    // And `config` counts the file.
    CHECK(contains(h.run({"config"}).out, "1 file"));
}

TEST_CASE("a user's catalogue file can override a built-in exercise", "[catalogue][user-catalogue]") {
    Home h;
    const std::size_t builtins = list_json(h).size();
    const auto path = h.write("config/backcare/catalogue/override.toml", clinic_file("cat-cow", "Clinic cat-cow"));
    const Json all = list_json(h);
    CHECK(all.size() == builtins);
    const auto it = std::find_if(all.begin(), all.end(), [](const Json& e) { return e.at("id") == "cat-cow"; });
    REQUIRE(it != all.end());
    CHECK(it->at("name") == "Clinic cat-cow");
    CHECK(it->at("origin") == path.string());
    CHECK(it->at("position") == "standing");

    const auto text = h.run({"catalogue", "show", "cat-cow"});
    REQUIRE(text.status == 0);
    CHECK(contains(text.out, "Clinic cat-cow"));
    CHECK(contains(text.out, path.string()));
    CHECK_FALSE(contains(text.out, "hands and knees"));
}

TEST_CASE("catalogue lint: a clean file exits 0", "[catalogue][lint]") {
    Home h;
    h.write("clinic.toml", clinic_file("clinic-wall-lean"));
    const auto r = h.run({"catalogue", "lint", "clinic.toml"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "1 exercise in 1 file: no problems\n");
    const auto quiet = h.run({"-q", "catalogue", "lint", "clinic.toml"});
    CHECK(quiet.status == 0);
    CHECK(quiet.out.empty());
}

TEST_CASE("catalogue lint of every built-in file exits 0", "[catalogue][lint]") {
    Home h;
    const auto files = builtin_files();
    REQUIRE(files.size() >= 20);
    std::vector<std::string> args{"catalogue", "lint"};
    args.insert(args.end(), files.begin(), files.end());
    const auto r = h.run(args);
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(contains(r.out, std::to_string(files.size()) + " files: no problems"));
    // One at a time too.
    for (const auto& file : files) {
        INFO(file);
        CHECK(h.run({"catalogue", "lint", file}).status == 0);
    }
}

TEST_CASE("catalogue lint reports every problem as file:line:column: message", "[catalogue][lint]") {
    Home h;
    h.write("multi.toml",
            "schema = 1\n"                                  // 1
            "\n"                                            // 2
            "[[exercise]]\n"                                // 3
            "id = \"Bad_ID\"\n"                             // 4  bad id
            "name = \"Broken\"\n"                           // 5
            "goals = [\"flexibility\", \"yoga\"]\n"         // 6  unknown goal
            "kind = \"mobility\"\n"                         // 7
            "areas = [\"neck\"]\n"                          // 8
            "equipment = []\n"                              // 9
            "position = \"standing\"\n"                     // 10
            "desk_friendly = \"yes\"\n"                     // 11 wrong type
            "laterality = \"both\"\n"                       // 12
            "level = 1\n"                                   // 13
            "steps = [\"Do it.\"]\n"                        // 14
            "cues = [\"Gently.\"]\n"                        // 15
            "benefits = [\"Feels good.\"]\n"                // 16
            "cautions = [\"Stop if it hurts.\"]\n"          // 17
            "colour = \"red\"\n"                            // 18 unknown key
            "harder = \"nowhere-exercise\"\n"               // 19 dangling variant
            "source = \"test\"\n"                           // 20
            "\n"                                            // 21
            "[exercise.dose]\n"                             // 22
            "sets = [1, 2]\n"                               // 23
            "reps = [0, 10]\n"                              // 24 reps 0
            "hold = [5, 9999]\n");                          // 25 hold 9999
    const auto r = h.run({"-q", "catalogue", "lint", "multi.toml"});
    CHECK(r.status == 1);
    const auto problems = e2e::lines(r.out);
    const std::regex form(R"(multi\.toml:([0-9]+):([0-9]+): .+)");
    std::map<std::pair<int, int>, std::string> found;
    for (const auto& line : problems) {
        INFO(line);
        std::smatch m;
        REQUIRE(std::regex_match(line, m, form));
        found[{std::stoi(m[1]), std::stoi(m[2])}] = line;
    }
    // Line, column (0: any column on that line) and a word the message names.
    const std::vector<std::tuple<int, int, std::string>> expected{
        {4, 6, "Bad_ID"},        {6, 9, "yoga"}, {11, 17, "desk_friendly"}, {18, 0, "colour"},
        {19, 10, "nowhere-exercise"}, {24, 8, "reps"}, {25, 8, "hold"},
    };
    for (const auto& [line, column, word] : expected) {
        INFO("expected a problem at multi.toml:" << line << ":" << column << " naming " << word << "\n" << r.out);
        const auto match = std::find_if(found.begin(), found.end(), [&, l = line, c = column](const auto& f) {
            return f.first.first == l && (c == 0 || f.first.second == c);
        });
        REQUIRE(match != found.end());
        CHECK(contains(match->second, word));
    }
    CHECK(problems.size() == expected.size());
    CHECK(contains(r.err, std::to_string(expected.size()) + " problems"));

    // Without --quiet each problem is followed by its source line and a caret.
    const auto full = h.run({"catalogue", "lint", "multi.toml"});
    CHECK(full.status == 1);
    CHECK(contains(full.out, "hold = [5, 9999]"));
    CHECK(contains(full.out, "^"));
}

TEST_CASE("catalogue lint reports missing fields and a missing dose", "[catalogue][lint]") {
    Home h;
    std::string text = clinic_file("clinic-wall-lean");
    text.replace(text.find("cues = [\"Breathe slowly.\"]\n"), std::string("cues = [\"Breathe slowly.\"]\n").size(), "");
    text = text.substr(0, text.find("[exercise.dose]"));
    h.write("missing.toml", text);
    const auto r = h.run({"-q", "catalogue", "lint", "missing.toml"});
    CHECK(r.status == 1);
    CHECK(contains(r.out, "missing.toml:3:1: "));  // at the [[exercise]] table
    CHECK(contains(r.out, "'cues'"));
    CHECK(contains(r.out, "'dose'"));
}

TEST_CASE("catalogue lint reports a missing file", "[catalogue][lint]") {
    Home h;
    const auto r = h.run({"catalogue", "lint", "nothere.toml"});
    CHECK((r.status == 1 || r.status == 74));
    CHECK(contains(r.out + r.err, "nothere.toml"));
    CHECK(contains(r.out + r.err, "does not exist"));
    // With a clean file beside it, still not clean.
    h.write("clinic.toml", clinic_file("clinic-wall-lean"));
    CHECK(h.run({"catalogue", "lint", "clinic.toml", "nothere.toml"}).status != 0);
}

TEST_CASE("catalogue lint reports the same id in two files", "[catalogue][lint]") {
    Home h;
    h.write("a.toml", clinic_file("clinic-lean"));
    h.write("b.toml", clinic_file("clinic-lean"));
    const auto r = h.run({"-q", "catalogue", "lint", "a.toml", "b.toml"});
    CHECK(r.status == 1);
    CHECK(contains(r.out, "b.toml:4:6: "));
    CHECK(contains(r.out, "duplicate"));
    CHECK(contains(r.out, "a.toml:4"));
    // Each alone is clean.
    CHECK(h.run({"catalogue", "lint", "a.toml"}).status == 0);
}

TEST_CASE("catalogue lint: a variant may name an exercise in another linted file", "[catalogue][lint]") {
    Home h;
    std::string a = clinic_file("clinic-a");
    a.replace(a.find("\"doorway-pec-stretch\""), std::string("\"doorway-pec-stretch\"").size(), "\"clinic-b\"");
    h.write("a.toml", a);
    h.write("b.toml", clinic_file("clinic-b"));
    CHECK(h.run({"catalogue", "lint", "a.toml", "b.toml"}).status == 0);
    const auto alone = h.run({"-q", "catalogue", "lint", "a.toml"});
    CHECK(alone.status == 1);
    CHECK(contains(alone.out, "a.toml:18:10: "));
    CHECK(contains(alone.out, "clinic-b"));
}

TEST_CASE("catalogue lint writes nothing", "[catalogue][lint]") {
    Home h;
    h.write("multi.toml", "not toml [[[\n");
    const auto before = h.snapshot();
    CHECK(h.run({"catalogue", "lint", "multi.toml"}).status == 1);
    CHECK(h.snapshot() == before);
}
