// SPDX-License-Identifier: MIT
// Colour: --color always|never|auto, NO_COLOR, TERM=dumb, and terminals versus pipes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "harness.hpp"

using e2e::contains;
using e2e::has_ansi;
using e2e::Home;

namespace {

// Text output of each command that has colour.
const std::vector<std::vector<std::string>> text_commands{
    {"plan", "--seed", "3", "--no-save"},
    {"catalogue", "list"},
    {"catalogue", "show", "cat-cow"},
    {"config"},
};

std::vector<std::string> with(std::vector<std::string> front, const std::vector<std::string>& args) {
    front.insert(front.end(), args.begin(), args.end());
    return front;
}

std::string strip_ansi(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\033' && i + 1 < text.size() && text[i + 1] == '[') {
            i += 2;
            while (i < text.size() && !(text[i] >= '@' && text[i] <= '~')) ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

}  // namespace

TEST_CASE("output to a pipe has no colour by default", "[color]") {
    Home h;
    for (const auto& args : text_commands) {
        INFO(args.front() << " " << (args.size() > 1 ? args[1] : ""));
        const auto r = h.run(args);
        REQUIRE(r.status == 0);
        CHECK_FALSE(has_ansi(r.out));
        CHECK_FALSE(has_ansi(r.err));
    }
}

TEST_CASE("global --color always puts ANSI escapes in text output, and only the escapes differ", "[color]") {
    Home h;
    for (const auto& args : text_commands) {
        INFO(args.front() << " " << (args.size() > 1 ? args[1] : ""));
        const auto plain = h.run(args);
        for (const auto& coloured : {h.run(with({"--color", "always"}, args)), h.run(with(args, {"--color", "always"})),
                                     h.run(with({"--color=always"}, args))}) {
            REQUIRE(coloured.status == 0);
            CHECK(has_ansi(coloured.out));
            CHECK(strip_ansi(coloured.out) == plain.out);
        }
    }
    // --color always wins over NO_COLOR: an explicit flag beats the environment.
    h.set("NO_COLOR", "1");
    CHECK(has_ansi(h.run({"--color", "always", "plan", "--no-save"}).out));
}

TEST_CASE("global --color always leaves machine formats alone", "[color]") {
    Home h;
    for (const char* format : {"json", "tsv", "markdown"}) {
        INFO(format);
        const auto r = h.run({"--color", "always", "plan", "--seed", "3", "--no-save", "--format", format});
        REQUIRE(r.status == 0);
        CHECK_FALSE(has_ansi(r.out));
    }
    for (const char* format : {"json", "tsv", "ids"}) {
        INFO(format);
        const auto r = h.run({"--color", "always", "catalogue", "list", "--format", format});
        REQUIRE(r.status == 0);
        CHECK_FALSE(has_ansi(r.out));
    }
    const auto show = h.run({"--color", "always", "catalogue", "show", "cat-cow", "--format", "json"});
    CHECK_FALSE(has_ansi(show.out));
    const auto config = h.run({"--color", "always", "config", "--format", "json"});
    CHECK_FALSE(has_ansi(config.out));
    // The remembered plan is JSON whatever the colour.
    REQUIRE(h.run({"--color", "always", "plan", "--seed", "3"}).status == 0);
    const auto saved = e2e::read_file(h.state_dir() / "last-plan.json");
    CHECK_FALSE(has_ansi(saved));
    CHECK(nlohmann::json::parse(saved).at("schema") == 3);
}

TEST_CASE("on a terminal auto colours, but NO_COLOR, TERM=dumb and --color never do not", "[color][tty]") {
    Home h;
    // The red flags that open the first routine at a terminal, out of the way.
    REQUIRE(h.run_tty({"plan", "--no-save"}).status == 0);
    for (const auto& args : text_commands) {
        INFO(args.front() << " " << (args.size() > 1 ? args[1] : ""));
        const auto tty = h.run_tty(args);
        REQUIRE(tty.status == 0);
        CHECK(has_ansi(tty.out));  // proves the checks below can fail

        const auto never = h.run_tty(with({"--color", "never"}, args));
        REQUIRE(never.status == 0);
        CHECK_FALSE(has_ansi(never.out));
        CHECK(never.out == strip_ansi(tty.out));
    }
    SECTION("NO_COLOR") {
        h.set("NO_COLOR", "1");
        for (const auto& args : text_commands) {
            INFO(args.front());
            CHECK_FALSE(has_ansi(h.run_tty(args).out));
            CHECK_FALSE(has_ansi(h.run_tty(with({"--color", "auto"}, args)).out));
        }
    }
    SECTION("NO_COLOR set but empty does not count") {
        h.set("NO_COLOR", "");
        CHECK(has_ansi(h.run_tty({"plan", "--no-save"}).out));
    }
    SECTION("TERM=dumb") {
        h.set("TERM", "dumb");
        for (const auto& args : text_commands) {
            INFO(args.front());
            CHECK_FALSE(has_ansi(h.run_tty(args).out));
        }
    }
}

TEST_CASE("errors carry no colour, even with --color always on a terminal", "[color][tty]") {
    Home h;
    const auto r = h.run({"--color", "always", "plan", "--minutes", "0"});
    CHECK(r.status == 2);
    CHECK_FALSE(has_ansi(r.err));
    const auto tty = h.run_tty({"plan", "--minutes", "0"});
    CHECK(tty.status == 2);
    CHECK(contains(tty.out, "backcare: error: --minutes"));
}
