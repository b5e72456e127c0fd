// SPDX-License-Identifier: MIT
// backcare config, and where settings come from: flag > environment > config file > default.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.hpp"

using e2e::contains;
using e2e::Home;
using Json = nlohmann::json;

namespace {

Json config_json(const Home& h, std::vector<std::string> global = {}) {
    global.insert(global.end(), {"config", "--format", "json"});
    const auto r = h.run(global);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    const Json j = Json::parse(r.out);
    REQUIRE(j.at("schema") == 1);
    return j;
}

// backcare GLOBAL... plan PLAN_ARGS... --format json
Json plan_json(const Home& h, std::vector<std::string> global, const std::vector<std::string>& plan_args = {}) {
    global.insert(global.end(), {"plan", "--format", "json", "--no-save", "--seed", "8"});
    global.insert(global.end(), plan_args.begin(), plan_args.end());
    const auto r = h.run(global);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    return Json::parse(r.out);
}

}  // namespace

TEST_CASE("config --format json: every setting with its default value and source", "[config]") {
    Home h;
    const Json j = config_json(h);
    const auto& s = j.at("settings");
    const std::map<std::string, Json> defaults{
        {"goal", "balanced"},
        {"minutes", 10},
        {"equipment", Json::array()},
        {"place", "any"},
        {"level", 1},
        {"weekly_target", 5},
        {"daily_target", 1},
        {"active_hours", "09:00-18:00"},
        {"active_days", Json::array({"mon", "tue", "wed", "thu", "fri"})},
        {"week_start", "monday"},
    };
    for (const auto& [name, value] : defaults) {
        INFO(name);
        REQUIRE(s.contains(name));
        CHECK(s.at(name).at("value") == value);
        CHECK(s.at(name).at("source") == "default");
    }
    const auto& p = j.at("paths");
    CHECK(p.at("config").at("path") == (h.config_dir() / "config.toml").string());
    CHECK(p.at("catalogue").at("path") == (h.config_dir() / "catalogue").string());
    CHECK(p.at("state").at("path") == h.state_dir().string());
    CHECK(p.at("database").at("path") == (h.data_dir() / "backcare.db").string());
    CHECK(contains(p.at("config").at("note").get<std::string>(), "absent"));
}

TEST_CASE("config text lists the settings and the paths of backcare's files", "[config]") {
    Home h;
    h.write("config/backcare/config.toml", "minutes = 12\n");
    h.write("config/backcare/catalogue/mine.toml", e2e::read_file(e2e::source_path("catalogue/cat-cow.toml")));
    const auto r = h.run({"config"});
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK_FALSE(e2e::has_ansi(r.out));
    for (const char* name : {"goal", "minutes", "equipment", "place", "level", "weekly_target", "active_hours"}) {
        INFO(name);
        CHECK(contains(r.out, name));
    }
    for (const auto& path : {(h.config_dir() / "config.toml").string(), (h.config_dir() / "catalogue").string(),
                             h.state_dir().string(), (h.data_dir() / "backcare.db").string()}) {
        INFO(path);
        CHECK(contains(r.out, path));
    }
    // The line for minutes says where the value came from.
    bool found = false;
    for (const auto& line : e2e::lines(r.out))
        if (contains(line, "minutes") && contains(line, "12")) {
            found = true;
            CHECK(contains(line, (h.config_dir() / "config.toml").string()));
        }
    CHECK(found);
    CHECK(contains(r.out, "1 file"));
}

TEST_CASE("config text matches the golden file (paths shown as $HOME)", "[config][golden]") {
    Home h;
    const auto r = h.run({"config"});
    REQUIRE(r.status == 0);
    std::string text = r.out;
    for (std::size_t at; (at = text.find(h.dir().string())) != std::string::npos;)
        text.replace(at, h.dir().string().size(), "$HOME");
    e2e::expect_golden("config.txt", text);
}

TEST_CASE("config precedence: --config > BACKCARE_CONFIG > config.toml > default", "[config][precedence]") {
    Home h;
    const auto file_path = h.write("config/backcare/config.toml", "minutes = 7\nplace = \"desk\"\n");
    const auto env_path = h.write("env.toml", "minutes = 8\ngoal = \"posture\"\n");
    const auto flag_path = h.write("flag.toml", "minutes = 9\n");

    SECTION("default") {
        std::filesystem::remove(file_path);
        const Json s = config_json(h).at("settings");
        CHECK(s.at("minutes").at("value") == 10);
        CHECK(s.at("minutes").at("source") == "default");
        CHECK(plan_json(h, {}).at("minutes") == 10);
    }
    SECTION("the config file beats the default") {
        const Json j = config_json(h);
        const Json& s = j.at("settings");
        CHECK(s.at("minutes").at("value") == 7);
        CHECK(contains(s.at("minutes").at("source").get<std::string>(), file_path.string()));
        CHECK(s.at("place").at("value") == "desk");
        CHECK(s.at("goal").at("source") == "default");
        CHECK(j.at("paths").at("config").at("path") == file_path.string());
        CHECK(contains(j.at("paths").at("config").at("note").get<std::string>(), "present"));
        const Json plan = plan_json(h, {});
        CHECK(plan.at("minutes") == 7);
        CHECK(plan.at("place") == "desk");
    }
    SECTION("BACKCARE_CONFIG beats the config file") {
        h.set("BACKCARE_CONFIG", env_path.string());
        const Json j = config_json(h);
        const Json& s = j.at("settings");
        CHECK(s.at("minutes").at("value") == 8);
        CHECK(contains(s.at("minutes").at("source").get<std::string>(), env_path.string()));
        CHECK(s.at("goal").at("value") == "posture");
        CHECK(j.at("paths").at("config").at("path") == env_path.string());
        CHECK(contains(j.at("paths").at("config").at("note").get<std::string>(), "BACKCARE_CONFIG"));
        const Json plan = plan_json(h, {});
        CHECK(plan.at("minutes") == 8);
        CHECK(plan.at("goal") == "posture");
    }
    SECTION("--config beats BACKCARE_CONFIG") {
        h.set("BACKCARE_CONFIG", env_path.string());
        const Json j = config_json(h, {"--config", flag_path.string()});
        CHECK(j.at("settings").at("minutes").at("value") == 9);
        CHECK(contains(j.at("settings").at("minutes").at("source").get<std::string>(), flag_path.string()));
        CHECK(j.at("paths").at("config").at("path") == flag_path.string());
        CHECK(contains(j.at("paths").at("config").at("note").get<std::string>(), "--config"));
        CHECK(plan_json(h, {"--config", flag_path.string()}).at("minutes") == 9);
    }
    SECTION("a plan flag beats every file") {
        h.set("BACKCARE_CONFIG", env_path.string());
        const Json plan = plan_json(h, {"--config", flag_path.string()}, {"--minutes", "6", "--goal", "strength"});
        CHECK(plan.at("minutes") == 6);
        CHECK(plan.at("goal") == "strength");
    }
    SECTION("a plan flag beats the config file") {
        const auto r = h.run({"plan", "--minutes", "5", "--place", "any", "--format", "json", "--no-save"});
        REQUIRE(r.status == 0);
        const Json plan = Json::parse(r.out);
        CHECK(plan.at("minutes") == 5);
        CHECK(plan.at("place") == "any");
    }
}

TEST_CASE("config reads every documented key from the file", "[config]") {
    Home h;
    h.write("config/backcare/config.toml",
            "goal = \"strength\"\n"
            "minutes = 15\n"
            "equipment = [\"band\", \"wall\"]\n"
            "place = \"floor\"\n"
            "level = 3\n"
            "weekly_target = 4\n"
            "daily_target = 2\n"
            "active_hours = \"08:30-17:00\"\n"
            "active_days = [\"mon\", \"wed\", \"fri\"]\n"
            "week_start = \"sunday\"\n"
            "include = [\"cat-cow\"]\n"
            "exclude = [\"bird-dog\", \"open-book\"]\n"
            "default_profile = \"home\"\n"
            "[profile.home]\n"
            "level = 2\n");
    const Json j = config_json(h);
    const Json s = j.at("settings");
    CHECK(s.at("include").at("value") == Json::array({"cat-cow"}));
    CHECK(s.at("exclude").at("value") == Json::array({"bird-dog", "open-book"}));
    CHECK(s.at("profile").at("value") == "home");
    CHECK(s.at("level").at("value") == 2);
    CHECK(s.at("level").at("source").get<std::string>().rfind("profile home, default_profile in ", 0) == 0);
    CHECK(j.at("profiles") == Json::parse(R"({"home": {"level": 2}})"));
    CHECK(s.at("goal").at("value") == "strength");
    CHECK(s.at("minutes").at("value") == 15);
    CHECK(s.at("equipment").at("value") == Json::array({"band", "wall"}));
    CHECK(s.at("place").at("value") == "floor");
    CHECK(s.at("weekly_target").at("value") == 4);
    CHECK(s.at("daily_target").at("value") == 2);
    CHECK(s.at("active_hours").at("value") == "08:30-17:00");
    CHECK(s.at("active_days").at("value") == Json::array({"mon", "wed", "fri"}));
    CHECK(s.at("week_start").at("value") == "sunday");
    for (const auto& [name, row] : s.items()) {
        INFO(name);
        CHECK(row.at("source") != "default");
    }
}

TEST_CASE("config writes nothing", "[config]") {
    Home h;
    const auto before = h.snapshot();
    REQUIRE(h.run({"config"}).status == 0);
    REQUIRE(h.run({"config", "--format", "json"}).status == 0);
    CHECK(h.snapshot() == before);
    CHECK(std::filesystem::is_empty(h.dir()));
}
