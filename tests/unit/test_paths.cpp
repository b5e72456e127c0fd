// SPDX-License-Identifier: MIT
// Where backcare's files live (paths.hpp), with a map for the environment.
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "paths.hpp"

using namespace backcare;
using std::filesystem::path;

namespace {

Environment env_of(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

Paths paths_of(std::map<std::string, std::string> vars, std::optional<path> config = std::nullopt,
               std::optional<path> db = std::nullopt) {
    return Paths(env_of(std::move(vars)), std::move(config), std::move(db));
}

}  // namespace

TEST_CASE("paths default to HOME when no XDG variable is set", "[paths]") {
    const Paths p = paths_of({{"HOME", "/home/ann"}});
    CHECK(p.config_file() == path("/home/ann/.config/backcare/config.toml"));
    CHECK(p.catalogue_dir() == path("/home/ann/.config/backcare/catalogue"));
    CHECK(p.state_dir() == path("/home/ann/.local/state/backcare"));
    CHECK(p.last_plan_file() == path("/home/ann/.local/state/backcare/last-plan.json"));
    CHECK(p.database() == path("/home/ann/.local/share/backcare/backcare.db"));
    CHECK(p.config_file_source() == "default");
    CHECK(p.database_source() == "default");
    CHECK_FALSE(p.config_file_required());
}

TEST_CASE("absolute XDG variables are used", "[paths]") {
    const Paths p = paths_of({{"HOME", "/home/ann"},
                              {"XDG_CONFIG_HOME", "/xdg/config"},
                              {"XDG_STATE_HOME", "/xdg/state"},
                              {"XDG_DATA_HOME", "/xdg/data"}});
    CHECK(p.config_file() == path("/xdg/config/backcare/config.toml"));
    CHECK(p.catalogue_dir() == path("/xdg/config/backcare/catalogue"));
    CHECK(p.state_dir() == path("/xdg/state/backcare"));
    CHECK(p.last_plan_file() == path("/xdg/state/backcare/last-plan.json"));
    CHECK(p.database() == path("/xdg/data/backcare/backcare.db"));
}

TEST_CASE("XDG variables need no HOME when absolute", "[paths]") {
    const Paths p = paths_of(
        {{"XDG_CONFIG_HOME", "/xdg/config"}, {"XDG_STATE_HOME", "/xdg/state"}, {"XDG_DATA_HOME", "/xdg/data"}});
    CHECK(p.config_file() == path("/xdg/config/backcare/config.toml"));
    CHECK(p.state_dir() == path("/xdg/state/backcare"));
    CHECK(p.database() == path("/xdg/data/backcare/backcare.db"));
}

TEST_CASE("relative or empty XDG variables are ignored in favour of HOME", "[paths]") {
    for (const std::string value : {"relative/config", "./x", ""}) {
        INFO("'" << value << "'");
        const Paths p = paths_of({{"HOME", "/home/ann"},
                                  {"XDG_CONFIG_HOME", value},
                                  {"XDG_STATE_HOME", value},
                                  {"XDG_DATA_HOME", value}});
        CHECK(p.config_file() == path("/home/ann/.config/backcare/config.toml"));
        CHECK(p.catalogue_dir() == path("/home/ann/.config/backcare/catalogue"));
        CHECK(p.state_dir() == path("/home/ann/.local/state/backcare"));
        CHECK(p.database() == path("/home/ann/.local/share/backcare/backcare.db"));
    }
}

TEST_CASE("without HOME or an absolute XDG variable, paths are a UsageError", "[paths]") {
    for (const auto& vars : std::vector<std::map<std::string, std::string>>{
             {}, {{"HOME", ""}}, {{"HOME", "relative/home"}}, {{"XDG_CONFIG_HOME", "rel"}, {"XDG_DATA_HOME", "rel"}}}) {
        const Paths p = paths_of(vars);
        CHECK_THROWS_AS(p.config_file(), UsageError);
        CHECK_THROWS_AS(p.catalogue_dir(), UsageError);
        CHECK_THROWS_AS(p.state_dir(), UsageError);
        CHECK_THROWS_AS(p.last_plan_file(), UsageError);
        CHECK_THROWS_AS(p.database(), UsageError);
    }
    CHECK_THROWS_WITH(paths_of({}).config_file(), Catch::Contains("XDG_CONFIG_HOME") && Catch::Contains("HOME"));
    CHECK_THROWS_WITH(paths_of({}).database(), Catch::Contains("XDG_DATA_HOME"));
    CHECK_THROWS_WITH(paths_of({}).state_dir(), Catch::Contains("XDG_STATE_HOME"));
}

TEST_CASE("the --config flag wins over BACKCARE_CONFIG, which wins over the XDG default", "[paths]") {
    const std::map<std::string, std::string> env{
        {"HOME", "/home/ann"}, {"XDG_CONFIG_HOME", "/xdg/config"}, {"BACKCARE_CONFIG", "/env/config.toml"}};
    const Paths flag = paths_of(env, path("/flag/config.toml"));
    CHECK(flag.config_file() == path("/flag/config.toml"));
    CHECK(flag.config_file_source() == "flag --config");
    CHECK(flag.config_file_required());

    const Paths from_env = paths_of(env);
    CHECK(from_env.config_file() == path("/env/config.toml"));
    CHECK(from_env.config_file_source() == "environment BACKCARE_CONFIG");
    CHECK(from_env.config_file_required());

    const Paths by_default = paths_of({{"HOME", "/home/ann"}, {"XDG_CONFIG_HOME", "/xdg/config"}});
    CHECK(by_default.config_file() == path("/xdg/config/backcare/config.toml"));
    CHECK(by_default.config_file_source() == "default");
    CHECK_FALSE(by_default.config_file_required());

    // An empty BACKCARE_CONFIG is as good as unset.
    const Paths empty = paths_of({{"HOME", "/home/ann"}, {"BACKCARE_CONFIG", ""}});
    CHECK(empty.config_file() == path("/home/ann/.config/backcare/config.toml"));
    CHECK_FALSE(empty.config_file_required());
}

TEST_CASE("a named config file needs no HOME", "[paths]") {
    CHECK(paths_of({}, path("/flag/config.toml")).config_file() == path("/flag/config.toml"));
    CHECK(paths_of({{"BACKCARE_CONFIG", "/env/config.toml"}}).config_file() == path("/env/config.toml"));
    CHECK(paths_of({}, std::nullopt, path("/flag/log.db")).database() == path("/flag/log.db"));
    CHECK(paths_of({{"BACKCARE_DB", "/env/log.db"}}).database() == path("/env/log.db"));
}

TEST_CASE("the --db flag wins over BACKCARE_DB, which wins over the XDG default", "[paths]") {
    const std::map<std::string, std::string> env{
        {"HOME", "/home/ann"}, {"XDG_DATA_HOME", "/xdg/data"}, {"BACKCARE_DB", "/env/log.db"}};
    const Paths flag = paths_of(env, std::nullopt, path("/flag/log.db"));
    CHECK(flag.database() == path("/flag/log.db"));
    CHECK(flag.database_source() == "flag --db");

    const Paths from_env = paths_of(env);
    CHECK(from_env.database() == path("/env/log.db"));
    CHECK(from_env.database_source() == "environment BACKCARE_DB");

    const Paths by_default = paths_of({{"HOME", "/home/ann"}, {"XDG_DATA_HOME", "/xdg/data"}});
    CHECK(by_default.database() == path("/xdg/data/backcare/backcare.db"));
    CHECK(by_default.database_source() == "default");

    // The database flag does not change where the config is, and vice versa.
    CHECK(flag.config_file() == path("/home/ann/.config/backcare/config.toml"));
    CHECK(paths_of(env, path("/flag/config.toml")).database() == path("/env/log.db"));
}
