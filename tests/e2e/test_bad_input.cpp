// SPDX-License-Identifier: MIT
// Bad input from issue 2: each is refused with one clear line, a documented
// status, nothing on stdout, and nothing changed on disk (in particular the
// remembered last plan is neither written nor replaced).
#include <unistd.h>

#include <catch2/catch.hpp>

#include "harness.hpp"

using e2e::contains;
using e2e::clinic_file;
using e2e::Home;

namespace {

// A home with a remembered plan already in it, so a refused plan could replace it.
void remember_a_plan(const Home& h) {
    const auto r = h.run({"plan", "--seed", "1"});
    REQUIRE(r.status == 0);
    REQUIRE(std::filesystem::exists(h.state_dir() / "last-plan.json"));
}


std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

void refused_plan(const Home& h, const std::vector<std::string>& args, const std::vector<std::string>& fragments) {
    remember_a_plan(h);
    const auto before = h.snapshot();
    const auto r = h.run(args);
    e2e::expect_usage_error(r, fragments);
    CHECK(h.snapshot() == before);
}

}  // namespace

TEST_CASE("plan --minutes out of range or not a number is a usage error", "[bad-input][plan]") {
    Home h;
    for (const char* bad : {"0", "-5", "abc", "100000", "1.5", "91"}) {
        INFO("--minutes '" << bad << "'");
        refused_plan(h, {"plan", "--minutes", bad}, {"--minutes", std::string("'") + bad + "'"});
    }
    // Written as one argument, a negative number is still the value.
    refused_plan(h, {"plan", "--minutes=-5"}, {"--minutes", "'-5'"});
    refused_plan(h, {"plan", "-m", "0"}, {"--minutes", "'0'"});
}

TEST_CASE("a refused plan in a fresh home creates nothing at all", "[bad-input][plan]") {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"plan", "--minutes", "0"},
                                                 {"plan", "--goal", "yoga"},
                                                 {"plan", "--level", "9"},
                                                 {"plan", "--equipment", "rocket"},
                                                 {"plan", "--seed", "x"},
                                                 {"plan", "--minutes", "1"},
                                                 {"plan", "--format", "xml"}}) {
        Home h;
        INFO(args[1] << " " << args[2]);
        const auto r = h.run(args);
        CHECK((r.status == 1 || r.status == 2));
        CHECK(r.out.empty());
        CHECK(std::filesystem::is_empty(h.dir()));
    }
}

TEST_CASE("plan --minutes '' is reported as an empty value", "[bad-input][plan]") {
    Home h;
    refused_plan(h, {"plan", "--minutes", ""}, {"--minutes", "empty"});
}

TEST_CASE("plan --goal yoga is a usage error listing the goals", "[bad-input][plan]") {
    Home h;
    refused_plan(h, {"plan", "--goal", "yoga"}, {"--goal", "'yoga'", "flexibility", "strength", "posture", "balanced"});
}

TEST_CASE("plan --level 9 is a usage error", "[bad-input][plan]") {
    Home h;
    for (const char* bad : {"9", "0", "-1", "two"}) {
        INFO("--level " << bad);
        refused_plan(h, {"plan", "--level", bad}, {"--level", std::string("'") + bad + "'", "1 to 3"});
    }
}

TEST_CASE("plan --equipment rocket is a usage error listing the equipment", "[bad-input][plan]") {
    Home h;
    refused_plan(h, {"plan", "--equipment", "rocket"}, {"--equipment", "'rocket'", "band", "wall", "chair", "mat"});
    // One bad item in a list is named on its own.
    refused_plan(h, {"plan", "--equipment", "band,rocket"}, {"--equipment", "'rocket'"});
    // A near miss suggests the right name.
    refused_plan(h, {"plan", "--equipment", "bnad"}, {"'bnad'", "band"});
}

TEST_CASE("plan --place is checked", "[bad-input][plan]") {
    Home h;
    refused_plan(h, {"plan", "--place", "office"}, {"--place", "'office'", "desk", "floor", "any"});
}

TEST_CASE("plan --seed -1 and x are usage errors", "[bad-input][plan]") {
    Home h;
    for (const char* bad : {"-1", "x", "1e3", "9999999999999"}) {
        INFO("--seed " << bad);
        refused_plan(h, {"plan", "--seed", bad}, {"--seed", std::string("'") + bad + "'"});
    }
}

TEST_CASE("a bad flag is reported as such even when the config file is broken too", "[bad-input][plan]") {
    Home h;
    h.write("config/backcare/config.toml", "minutes = \"many\"\n");
    e2e::expect_usage_error(h.run({"plan", "--minutes", "0"}), {"--minutes", "'0'"});
}

TEST_CASE("catalogue show nosuch is refused, and a near miss suggests the nearest id", "[bad-input][catalogue]") {
    Home h;
    const auto before = h.snapshot();
    e2e::expect_usage_error(h.run({"catalogue", "show", "nosuch"}), {"'nosuch'"});
    const auto near = h.run({"catalogue", "show", "cat-cwo"});
    e2e::expect_usage_error(near, {"'cat-cwo'", "did you mean", "cat-cow"});
    CHECK(h.snapshot() == before);
}

// A user's catalogue file with a problem: every command that needs the
// catalogue refuses with status 65 and the file's name and line, rather than
// silently going on without the exercise.
TEST_CASE("a broken user catalogue file makes plan refuse with file and line", "[bad-input][user-catalogue]") {
    Home h;
    remember_a_plan(h);
    const std::string dir = "config/backcare/catalogue/";
    std::string fragment;
    SECTION("not TOML") {
        h.write(dir + "clinic.toml", "this is not toml\n[[[\n");
        fragment = "clinic.toml:1:";
    }
    SECTION("a wrong type") {
        h.write(dir + "clinic.toml", replace(clinic_file(), "level = 1", "level = \"one\""));
        fragment = "clinic.toml:13:9:";
    }
    SECTION("a duplicate id across two files") {
        h.write(dir + "a.toml", clinic_file("clinic-lean"));
        h.write(dir + "b.toml", clinic_file("clinic-lean"));
        fragment = "b.toml:4:6:";
    }
    SECTION("a dangling variant") {
        h.write(dir + "clinic.toml", replace(clinic_file(), "\"doorway-pec-stretch\"", "\"doorway-pec-strech\""));
        fragment = "clinic.toml:18:10:";
    }
    SECTION("an impossible dose") {
        h.write(dir + "clinic.toml", replace(clinic_file(), "hold = [20, 30]", "hold = [20, 9999]"));
        fragment = "clinic.toml:23:";
    }
    const auto before = h.snapshot();
    for (const std::vector<std::string>& args : {std::vector<std::string>{"plan"},
                                                 {"plan", "--seed", "3", "--format", "json"},
                                                 {"catalogue", "list"},
                                                 {"catalogue", "show", "cat-cow"}}) {
        INFO(args.front() << (args.size() > 1 ? " " + args[1] : ""));
        const auto r = h.run(args);
        e2e::expect_error(r, 65, {(h.config_dir() / "catalogue").string(), fragment});
        CHECK(h.snapshot() == before);
    }
}

TEST_CASE("a duplicate-id message names both files", "[bad-input][user-catalogue]") {
    Home h;
    h.write("config/backcare/catalogue/a.toml", clinic_file("clinic-lean"));
    h.write("config/backcare/catalogue/b.toml", clinic_file("clinic-lean"));
    e2e::expect_error(h.run({"plan"}), 65, {"b.toml:4:6:", "duplicate", "'clinic-lean'", "a.toml:4"});
}

TEST_CASE("a dangling variant's message suggests the nearest id", "[bad-input][user-catalogue]") {
    Home h;
    h.write("config/backcare/catalogue/clinic.toml",
            replace(clinic_file(), "\"doorway-pec-stretch\"", "\"doorway-pec-strech\""));
    e2e::expect_error(h.run({"plan"}), 65, {"'doorway-pec-strech'", "doorway-pec-stretch"});
}

TEST_CASE("a refused catalogue error quotes the offending line under the message", "[bad-input][user-catalogue]") {
    Home h;
    h.write("config/backcare/catalogue/clinic.toml", replace(clinic_file(), "level = 1", "level = \"one\""));
    const auto r = h.run({"plan"});
    e2e::expect_error(r, 65, {"'level'"});
    CHECK(contains(r.err, "level = \"one\""));
    // --quiet keeps to the one line.
    const auto quiet = h.run({"--quiet", "plan"});
    e2e::expect_error(quiet, 65, {"clinic.toml:13:9:"});
}

TEST_CASE("files in the user catalogue directory that are not *.toml are ignored", "[user-catalogue]") {
    Home h;
    h.write("config/backcare/catalogue/README", "not toml at all [[[\n");
    h.write("config/backcare/catalogue/clinic.toml~", "not toml at all [[[\n");
    const auto r = h.run({"plan", "--no-save"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
}

TEST_CASE("a config path that is a directory is refused with 74, naming it", "[bad-input][config]") {
    Home h;
    remember_a_plan(h);
    std::filesystem::create_directories(h.config_dir() / "config.toml");
    const auto before = h.snapshot();
    for (const std::vector<std::string>& args : {std::vector<std::string>{"plan"}, {"config"}}) {
        INFO(args.front());
        const auto r = h.run(args);
        e2e::expect_error(r, 74, {(h.config_dir() / "config.toml").string(), "directory"});
        CHECK(e2e::lines(r.err).size() == 1);
    }
    CHECK(h.snapshot() == before);
}

TEST_CASE("a config file without read permission is refused with 74", "[bad-input][config]") {
    if (::geteuid() == 0) {
        WARN("running as root, which reads any file: the chmod 000 case is skipped");
        return;
    }
    Home h;
    remember_a_plan(h);
    const auto path = h.write("config/backcare/config.toml", "minutes = 5\n");
    std::filesystem::permissions(path, std::filesystem::perms::none);
    const auto before = h.snapshot();
    const auto r = h.run({"plan"});
    e2e::expect_error(r, 74, {path.string()});
    CHECK(h.snapshot() == before);
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST_CASE("an invalid config value is refused with 65 and file:line:column", "[bad-input][config]") {
    Home h;
    remember_a_plan(h);
    const auto path = (h.config_dir() / "config.toml").string();
    std::string text, fragment, key;
    SECTION("minutes out of range") {
        text = "goal = \"strength\"\nminutes = 500\n";
        fragment = path + ":2:11:";
        key = "'minutes'";
    }
    SECTION("a wrong type") {
        text = "# my settings\n\nlevel = \"two\"\n";
        fragment = path + ":3:9:";
        key = "'level'";
    }
    SECTION("an unknown goal") {
        text = "goal = \"yoga\"\n";
        fragment = path + ":1:8:";
        key = "yoga";
    }
    SECTION("an unknown key") {
        text = "minutes = 5\nminuets = 5\n";
        fragment = path + ":2:";  // the column may be the key's or the value's
        key = "minuets";
    }
    SECTION("not TOML") {
        text = "minutes = 5\nthis is not toml\n";
        fragment = path + ":2:";
        key = "TOML";
    }
    h.write("config/backcare/config.toml", text);
    const auto before = h.snapshot();
    for (const std::vector<std::string>& args : {std::vector<std::string>{"plan"}, {"config"}}) {
        INFO(args.front() << " with config:\n" << text);
        e2e::expect_error(h.run(args), 65, {fragment, key});
    }
    CHECK(h.snapshot() == before);
}

TEST_CASE("global --config naming a missing file is an I/O error (74)", "[bad-input][config]") {
    Home h;
    remember_a_plan(h);
    const auto missing = (h.dir() / "no-such-config.toml").string();
    const auto before = h.snapshot();
    e2e::expect_error(h.run({"--config", missing, "plan"}), 74, {missing});
    e2e::expect_error(h.run({"plan", "--config", missing}), 74, {missing});
    h.set("BACKCARE_CONFIG", missing);
    e2e::expect_error(h.run({"plan"}), 74, {missing});
    CHECK(h.snapshot() == before);
}

TEST_CASE("HOME unset with no XDG variables is a usage error naming HOME", "[bad-input][paths]") {
    Home h;
    h.unset("HOME");
    h.unset("XDG_CONFIG_HOME");
    h.unset("XDG_STATE_HOME");
    h.unset("XDG_DATA_HOME");
    const auto before = h.snapshot();
    for (const std::vector<std::string>& args : {std::vector<std::string>{"plan"},
                                                 {"plan", "--no-save"},
                                                 {"catalogue", "list"},
                                                 {"config"}}) {
        INFO(args.front() << (args.size() > 1 ? " " + args[1] : ""));
        e2e::expect_usage_error(h.run(args), {"HOME", "not set"});
    }
    CHECK(h.snapshot() == before);
    // Nothing was created in the working directory either.
    CHECK(std::filesystem::is_empty(h.dir()));
}

TEST_CASE("HOME set but empty counts as unset", "[bad-input][paths]") {
    Home h;
    h.set("HOME", "");
    h.unset("XDG_CONFIG_HOME");
    h.unset("XDG_STATE_HOME");
    h.unset("XDG_DATA_HOME");
    e2e::expect_usage_error(h.run({"plan"}), {"HOME"});
    CHECK(std::filesystem::is_empty(h.dir()));
}

TEST_CASE("a relative HOME is refused rather than used from the working directory", "[bad-input][paths]") {
    Home h;
    h.set("HOME", "relative-home");
    h.unset("XDG_CONFIG_HOME");
    h.unset("XDG_STATE_HOME");
    h.unset("XDG_DATA_HOME");
    e2e::expect_usage_error(h.run({"plan"}), {"HOME"});
    CHECK(std::filesystem::is_empty(h.dir()));
}

TEST_CASE("HOME unset is fine when the XDG variables place everything", "[paths]") {
    Home h;
    h.unset("HOME");
    const auto r = h.run({"plan", "--seed", "1"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(std::filesystem::exists(h.state_dir() / "last-plan.json"));
}

TEST_CASE("relative XDG_* paths are ignored, as the XDG spec says", "[bad-input][paths]") {
    Home h;
    h.set("XDG_CONFIG_HOME", "rel-config");
    h.set("XDG_STATE_HOME", "rel-state");
    h.set("XDG_DATA_HOME", "rel-data");
    h.write(".config/backcare/config.toml", "minutes = 6\ngoal = \"posture\"\n");

    const auto config = h.run({"config"});
    REQUIRE(config.status == 0);
    CHECK(contains(config.out, (h.dir() / ".config/backcare/config.toml").string()));
    CHECK(contains(config.out, (h.dir() / ".local/state/backcare").string()));
    CHECK(contains(config.out, (h.dir() / ".local/share/backcare/backcare.db").string()));
    CHECK_FALSE(contains(config.out, "rel-"));

    const auto plan = h.run({"plan", "--seed", "4", "--format", "json"});
    REQUIRE(plan.status == 0);
    CHECK(contains(plan.out, "\"minutes\": 6"));
    CHECK(contains(plan.out, "\"goal\": \"posture\""));
    // Remembered under ~/.local/state, not under the relative path.
    CHECK(e2e::read_file(h.dir() / ".local/state/backcare/last-plan.json") == plan.out);
    for (const char* rel : {"rel-config", "rel-state", "rel-data"}) {
        INFO(rel);
        CHECK_FALSE(std::filesystem::exists(h.dir() / rel));
    }
}
