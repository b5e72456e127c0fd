// SPDX-License-Identifier: MIT
// Profiles ([profile.NAME] in config.toml), --include and --exclude, as a
// person uses them: plan, go's help, config, completion.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.hpp"

using e2e::contains;
using e2e::Home;
using Json = nlohmann::json;

namespace {

const char* const two_setups =
    "goal = \"posture\"\n"
    "level = 2\n"
    "default_profile = \"desk\"\n"
    "\n"
    "[profile.desk]\n"
    "place = \"desk\"\n"
    "minutes = 5\n"
    "\n"
    "[profile.home]\n"
    "place = \"floor\"\n"
    "equipment = [\"band\", \"mat\"]\n"
    "minutes = 20\n"
    "goal = \"flexibility\"\n"
    "exclude = [\"childs-pose\"]\n";

bool has(const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

Json plan(const Home& h, std::vector<std::string> args) {
    args.insert(args.begin(), "plan");
    if (!has(args, "--seed")) args.insert(args.end(), {"--seed", "3"});
    for (const char* a : {"--format", "json", "--no-save"}) args.emplace_back(a);
    const auto r = h.run(args);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return Json::parse(r.out);
}

std::vector<std::string> ids(const Json& plan) {
    std::vector<std::string> out;
    for (const auto& e : plan.at("exercises")) out.push_back(e.at("id"));
    return out;
}

}  // namespace

TEST_CASE("profiles: flag > BACKCARE_PROFILE > default_profile, and flag > profile > config > default for each option",
          "[profiles][precedence]") {
    Home h;
    h.write("config/backcare/config.toml", two_setups);
    // The default profile: desk, over the config's own goal and level.
    Json p = plan(h, {});
    CHECK(p.at("place") == "desk");
    CHECK(p.at("minutes") == 5);
    CHECK(p.at("goal") == "posture");  // the config's, the profile has none
    CHECK(p.at("level") == 2);         // likewise
    // BACKCARE_PROFILE over default_profile.
    h.set("BACKCARE_PROFILE", "home");
    p = plan(h, {});
    CHECK(p.at("place") == "floor");
    CHECK(p.at("minutes") == 20);
    CHECK(p.at("goal") == "flexibility");
    CHECK_FALSE(has(ids(p), "childs-pose"));
    // --profile over BACKCARE_PROFILE; a flag over the profile.
    p = plan(h, {"--profile", "desk", "--minutes", "7"});
    CHECK(p.at("place") == "desk");
    CHECK(p.at("minutes") == 7);
    // --profile none: the config's own settings and the defaults.
    p = plan(h, {"--profile", "none"});
    CHECK(p.at("place") == "any");
    CHECK(p.at("minutes") == 10);
    CHECK(p.at("goal") == "posture");
    h.unset("BACKCARE_PROFILE");
    // go takes --profile too: its help shows the profile's defaults.
    const auto help = h.run({"go", "--profile", "home", "--help"});
    REQUIRE(help.status == 0);
    CHECK(contains(help.out, "(default: 20, from profile home, --profile)"));
}

TEST_CASE("plan --help shows the defaults in force and where they come from", "[profiles][help]") {
    Home h;
    auto line = [](const std::string& text, const std::string& option) {
        const auto at = text.find(option);
        return at == std::string::npos ? std::string() : text.substr(at, text.find('\n', at) - at);
    };
    const auto plain = h.run({"plan", "--help"});
    CHECK(contains(line(plain.out, "--goal"), "(default: balanced)"));
    CHECK(contains(line(plain.out, "--minutes"), "(default: 10)"));
    h.write("config/backcare/config.toml", two_setups);
    for (const auto& args : {std::vector<std::string>{"plan", "--help"}, std::vector<std::string>{"help", "plan"}}) {
        const auto r = h.run(args);
        INFO(args.front());
        REQUIRE(r.status == 0);
        CHECK(contains(line(r.out, "--goal"), "(default: posture, from config "));
        CHECK(contains(line(r.out, "--minutes"), "(default: 5, from profile desk, default_profile in "));
        CHECK(contains(line(r.out, "-p,--place"), "(default: desk, from profile desk"));
        CHECK(contains(line(r.out, "--level"), "(default: 2, from config "));
        CHECK(contains(line(r.out, "--profile"), "(default: desk, from default_profile in "));
    }
    // Only plan and go have the plan options: stats --goal keeps its own help.
    const auto stats = h.run({"stats", "--help"});
    CHECK_FALSE(contains(line(stats.out, "-g,--goal"), "default: posture"));
    CHECK(contains(line(h.run({"config", "--help"}).out, "--profile"), "Show the settings as this profile makes them"));
    // A broken config does not break help: the built-in defaults.
    h.write("config/backcare/config.toml", "goal = \n");
    const auto broken = h.run({"plan", "--help"});
    CHECK(broken.status == 0);
    CHECK(contains(line(broken.out, "--goal"), "(default: balanced)"));
}

TEST_CASE("config lists the profiles and shows the settings as the one in force makes them", "[profiles][config]") {
    Home h;
    h.write("config/backcare/config.toml", two_setups);
    const auto text = h.run({"config"});
    REQUIRE(text.status == 0);
    CHECK(contains(text.out, "Profiles\n  desk           minutes=5 place=desk  (in force)\n"
                             "  home           goal=flexibility minutes=20 equipment=band,mat place=floor exclude=childs-pose\n"));
    const Json j = Json::parse(h.run({"config", "--format", "json", "--profile", "home"}).out);
    CHECK(j.at("settings").at("profile").at("value") == "home");
    CHECK(j.at("settings").at("profile").at("source") == "--profile");
    CHECK(j.at("settings").at("minutes").at("value") == 20);
    CHECK(j.at("profiles").at("desk") == Json::parse(R"({"place": "desk", "minutes": 5})"));
}

TEST_CASE("completion offers the config's profile names", "[profiles][completion]") {
    Home h;
    h.write("config/backcare/config.toml", two_setups);
    CHECK(h.run({"__complete", "plan", "--profile", ""}).out == "desk\nhome\nnone\n");
    CHECK(h.run({"__complete", "go", "--profile", "h"}).out == "home\n");
    CHECK(h.run({"__complete", "plan", "--include", "cat-"}).out == "cat-cow\n");
    CHECK(h.run({"__complete", "plan", "--exclude", "cat-cow,chin"}).out == "cat-cow,chin-tuck\n");
    // Those of the config the command line names.
    h.write("other.toml", "[profile.travel]\nminutes = 3\n");
    CHECK(h.run({"__complete", "--config", (h.dir() / "other.toml").string(), "plan", "--profile", ""}).out == "travel\nnone\n");
}

TEST_CASE("bad profiles are refused clearly, and nothing is written", "[profiles][bad-input]") {
    Home h;
    struct Case {
        std::string config;
        std::vector<std::string> args;
        int status;
        std::string message;
    };
    const std::vector<Case> cases{
        {two_setups, {"plan", "--profile", "hom"}, 2, "backcare: error: --profile names no profile 'hom'; did you mean home?\n"},
        {"", {"plan", "--profile", "desk"}, 2,
         "backcare: error: --profile names no profile 'desk'; config.toml has none (add a [profile.NAME] table)\n"},
        {"profile = \"desk\"\n", {"plan"}, 65,
         "1:11: 'profile' is the table of profiles ([profile.NAME]); name the one to use with default_profile = \"NAME\""},
        {"default_profile = \"desk\"\n", {"plan"}, 65, "1:19: 'default_profile' names no profile 'desk'; add a [profile.NAME] table"},
        {"[profile.Desk]\nminutes = 5\n", {"plan"}, 65, "profile name 'Desk' must be 2 to 40 lowercase letters, digits and hyphens"},
        {"[profile.none]\nminutes = 5\n", {"plan"}, 65, "a profile cannot be named 'none': --profile none means no profile"},
        {"[profile.desk]\nminutes = 500\n", {"plan"}, 65, "2:11: 'minutes' must be from 1 to 90"},
        {"[profile.desk]\nplaec = \"desk\"\n", {"plan"}, 65, "2:9: unknown key 'profile.desk.plaec'"},
        {"[profile.desk]\ninclude = [\"Cat Cow\"]\n", {"plan"}, 65, "'include' has 'Cat Cow', which is not an exercise id"},
        {"", {"plan", "--include", "cat-cow", "--exclude", "cat-cow"}, 2,
         "backcare: error: 'cat-cow' is both in --include and in --exclude\n"},
        {"", {"plan", "--include", "Cat"}, 2, "backcare: error: --include has 'Cat', which is not an exercise id (see 'backcare catalogue list')\n"},
        {"", {"plan", "--include", "prone-cobra", "--place", "desk"}, 1,
         "backcare: error: --include prone-cobra: it is a floor exercise (prone), not one for a desk; try --place any\n"},
        {"", {"plan", "--include", "chest-opener,doorway-pec-stretch"}, 2,
         "backcare: error: 'chest-opener' and 'doorway-pec-stretch' are of one family (chest-stretch), and a routine has one of them\n"},
    };
    for (const auto& c : cases) {
        INFO(c.config << " / " << c.args.back());
        h.write("config/backcare/config.toml", c.config);
        const auto before = h.snapshot();
        const auto r = h.run(c.args);
        CHECK(r.status == c.status);
        CHECK(contains(r.err, c.message));
        CHECK(r.out.empty());
        CHECK(h.snapshot() == before);
    }
    // From the config: said where it came from, a data error (65).
    const std::vector<Case> from_config{
        {"include = [\"cat-cw\"]\n", {"plan"}, 65, "include in config "},
        {"[profile.ab]\nexclude = [\"nope-no\"]\n", {"plan", "--profile", "ab"}, 65, "exclude in profile ab, --profile: unknown exercise 'nope-no'"},
        {"include = [\"chin-tuck\"]\nexclude = [\"chin-tuck\"]\n", {"plan"}, 2, "is both in include in config "},
        {"", {"plan", "--profile", ""}, 2, "backcare: error: --profile needs a name (or none)\n"},
        {"", {"plan", "--profile", std::string(300, 'X')}, 2, "which is not a profile name"},
    };
    for (const auto& c : from_config) {
        INFO(c.config);
        h.write("config/backcare/config.toml", c.config);
        const auto r = h.run(c.args);
        CHECK(r.status == c.status);
        CHECK(contains(r.err, c.message));
        CHECK(r.err.size() < 300);
    }
    h.write("config/backcare/config.toml", two_setups);
    h.set("BACKCARE_PROFILE", "offfice");
    // config still shows what it can, and says why the profile is not in force.
    const auto shown = h.run({"config"});
    CHECK(shown.status == 0);
    CHECK(contains(shown.err, "BACKCARE_PROFILE names no profile 'offfice'"));
    CHECK(contains(shown.out, "Profiles"));
    const auto env = h.run({"plan"});
    CHECK(env.status == 2);
    CHECK(env.err == "backcare: error: BACKCARE_PROFILE names no profile 'offfice'; the profiles are desk, home\n");
}

TEST_CASE("include and exclude from a profile, and from the flags, which replace them", "[profiles][include]") {
    Home h;
    h.write("config/backcare/config.toml",
            "[profile.neck]\ninclude = [\"chin-tuck\", \"upper-trap-stretch\"]\nexclude = [\"shoulder-rolls\"]\ngoal = \"strength\"\n");
    for (int seed = 1; seed <= 10; ++seed) {
        const auto p = ids(plan(h, {"--profile", "neck", "--seed", std::to_string(seed)}));
        CHECK(has(p, "chin-tuck"));
        CHECK(has(p, "upper-trap-stretch"));  // a flexibility stretch in a strength routine: asked for
        CHECK_FALSE(has(p, "shoulder-rolls"));
    }
    // A flag's include beats the profile's exclude (and the reverse).
    const auto stronger = ids(plan(h, {"--profile", "neck", "--include", "shoulder-rolls"}));
    CHECK(has(stronger, "shoulder-rolls"));
    const auto kept_out = ids(plan(h, {"--profile", "neck", "--exclude", "chin-tuck"}));
    CHECK_FALSE(has(kept_out, "chin-tuck"));
    CHECK(has(kept_out, "upper-trap-stretch"));
    const auto replaced = ids(plan(h, {"--profile", "neck", "--include", "w-raise"}));
    CHECK(has(replaced, "w-raise"));
    CHECK_FALSE(has(replaced, "upper-trap-stretch"));
}
