// SPDX-License-Identifier: MIT
// Pain answered where it is entered (log, log --plan, log -, go), the red
// flags of 'backcare safety', and that list before the first routine at a
// terminal, once, never to a pipe.
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;

namespace {

const std::string flags_heading = "When back pain needs a doctor, not exercise";

// Text as a person reads it: no colour, no carriage returns, each run of
// white space (a wrapped line, an indent) one space.
std::string plain(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\033') {
            while (i < text.size() && text[i] != 'm') ++i;
            continue;
        }
        const bool space = text[i] == ' ' || text[i] == '\n' || text[i] == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : text[i];
    }
    return out;
}

}  // namespace

TEST_CASE("log answers a painful session at once on stderr - stdout is as for any session", "[log][pain]") {
    Home h;
    const auto calm = h.run({"log", "chin-tuck:10", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-23T08:00"});
    REQUIRE(calm.status == 0);
    CHECK(calm.err.empty());
    SECTION("pain after 7/10 or more") {
        const auto r = h.run({"log", "chin-tuck:10", "--pain-before", "7", "--pain-after", "8", "--at", "2026-11-23T09:00"});
        REQUIRE(r.status == 0);
        CHECK(r.err.rfind("Pain warning: pain after this session was 8/10.", 0) == 0);
        CHECK(contains(r.err, "ease or stop the exercises that hurt"));
        CHECK(contains(r.err, "The next routines are eased"));
        CHECK(contains(r.err, "'backcare safety'"));
        CHECK(contains(r.err, "see a physiotherapist or doctor"));
        CHECK_FALSE(contains(r.out, "Pain warning"));
        CHECK(r.out.rfind("Logged:\nSession 2 ", 0) == 0);
        // -q: stdout empty, the warning still said.
        const auto quiet = h.run({"log", "-q", "chin-tuck:10", "--pain-after", "9", "--at", "2026-11-23T09:30"});
        CHECK(quiet.out.empty());
        CHECK(quiet.err.rfind("Pain warning: pain after this session was 9/10.", 0) == 0);
    }
    SECTION("pain up by 2, and 1 is not") {
        const auto r = h.run({"log", "chin-tuck:10", "--pain-before", "1", "--pain-after", "3", "--at", "2026-11-23T09:00"});
        REQUIRE(r.status == 0);
        CHECK(r.err.rfind("Pain warning: pain rose from 1 to 3 in this session.", 0) == 0);
        CHECK(h.run({"log", "chin-tuck:10", "--pain-before", "6", "--pain-after", "7"}).err.rfind("Pain warning", 0) == 0);
        CHECK(h.run({"log", "chin-tuck:10", "--pain-before", "5", "--pain-after", "6"}).err.empty());
        // Pain before alone is no warning.
        CHECK(h.run({"log", "chin-tuck:10", "--pain-before", "9"}).err.empty());
    }
    SECTION("in json, a field; null when all is well") {
        const auto j = h.run({"log", "chin-tuck:10", "--pain-before", "2", "--pain-after", "5", "--format", "json"});
        REQUIRE(j.status == 0);
        CHECK(j.err.empty());
        const Json w = Json::parse(j.out).at("pain_warning");
        CHECK(w.at("reason") == "pain rose from 2 to 5");
        CHECK(w.at("date") == "2026-11-23");
        CHECK(w.at("message").get<std::string>().rfind("Pain warning: pain rose from 2 to 5 in this session.", 0) == 0);
        const auto fine = h.run({"log", "chin-tuck:10", "--pain-after", "2", "--format", "json"});
        CHECK(Json::parse(fine.out).at("pain_warning").is_null());
    }
    SECTION("a dry run stores nothing, so it warns of nothing") {
        const auto r = h.run({"log", "-n", "chin-tuck:10", "--pain-before", "1", "--pain-after", "9"});
        REQUIRE(r.status == 0);
        CHECK(r.err.empty());
        CHECK(contains(r.out, "Would log"));
    }
    SECTION("log --plan too") {
        REQUIRE(h.run({"plan", "--seed", "1"}).status == 0);
        const auto r = h.run({"log", "--plan", "--pain-before", "2", "--pain-after", "7"});
        REQUIRE(r.status == 0);
        CHECK(r.err.rfind("Pain warning: pain rose from 2 to 7 in this session.", 0) == 0);
        CHECK_FALSE(contains(r.out, "Pain warning"));
    }
}

TEST_CASE("plan opens with the warning in text and markdown, and has it in json - tsv stays a table", "[plan][pain]") {
    Home h;
    REQUIRE(h.run({"log", "-q", "chin-tuck:10", "--pain-after", "8", "--at", "2026-11-22T08:00"}).status == 0);
    CHECK(h.run({"plan", "--no-save"}).out.rfind("Pain warning: in the session of 2026-11-22, pain 8/10 after it.", 0) == 0);
    const auto md = h.run({"plan", "--no-save", "--format", "markdown"});
    CHECK(contains(md.out, "> **Pain warning:** in the session of 2026-11-22, pain 8/10 after it."));
    CHECK(Json::parse(h.run({"plan", "--format", "json", "--no-save"}).out).at("pain_warning").at("good_since") == 0);
    CHECK_FALSE(contains(h.run({"plan", "--no-save", "--format", "tsv"}).out, "Pain warning"));
}

TEST_CASE("log - says once for a batch that leaves the warning in force", "[log][pain][stdin]") {
    Home h;
    const std::string two = R"({"started":"2026-11-20T10:00:00Z","pain_before":1,"pain_after":8,"entries":["cat-cow:10"]})" "\n"
                            R"({"started":"2026-11-21T10:00:00Z","pain_before":1,"pain_after":9,"entries":["cat-cow:10"]})" "\n";
    const auto r = h.run({"log", "-"}, two);
    REQUIRE(r.status == 0);
    CHECK(r.err.rfind("Pain warning: in the session of 2026-11-21, pain rose from 1 to 9.", 0) == 0);
    CHECK(r.err.find("Pain warning", 1) == std::string::npos);
    CHECK(r.out == "2 sessions logged, 0 already present\n");
    // Long ago: nothing in force, nothing said.
    Home old;
    const auto o = old.run({"log", "-"}, R"({"started":"2026-01-20T10:00:00Z","pain_after":9,"entries":["cat-cow:10"]})" "\n");
    REQUIRE(o.status == 0);
    CHECK(o.err.empty());
}

TEST_CASE("go opens with the pain warning while it holds, eases the routine, and answers a painful session", "[go][pain]") {
    Home h;
    h.set("BACKCARE_TIME_SCALE", "1000");
    SECTION("--yes --pain-before 8: the eased routine, said so") {
        const auto r = h.run({"go", "--yes", "--pain-before", "8", "--level", "3", "--exercises", "chin-tuck"});
        REQUIRE(r.status == 0);
        CHECK(contains(r.out, "Pain 8/10 before you start: the routine is eased"));
        CHECK(contains(r.out, "] Chin tuck (1 of 1): 10 reps, hold 3 s"));  // its level 1 dose
        const Json s = history_json(h).at(0);
        CHECK(s.at("pain_before") == 8);
        // Only pain before: no warning after it.
        CHECK_FALSE(contains(h.run({"plan"}).out, "Pain warning"));
    }
    SECTION("while the warning holds, go opens with it") {
        REQUIRE(h.run({"log", "-q", "chin-tuck:10", "--pain-after", "8", "--at", "2026-11-22T08:00"}).status == 0);
        const auto r = h.run({"go", "--exercises", "chin-tuck"});
        REQUIRE(r.status == 0);
        CHECK(r.out.rfind("Pain warning: in the session of 2026-11-22, pain 8/10 after it.", 0) == 0);
        CHECK(contains(r.out, "] Chin tuck (1 of 1): 10 reps, hold 3 s"));
    }
}

TEST_CASE("go --pain-before is refused unless 0 to 10, and nothing changes", "[go][pain][bad-input]") {
    Home h;
    const auto before = h.snapshot();
    for (const char* bad : {"11", "-1", "x", "7.5", ""}) {
        INFO(bad);
        e2e::expect_usage_error(h.run({"go", "--yes", "--pain-before", bad, "--exercises", "chin-tuck"}), {"--pain-before"});
    }
    CHECK(h.snapshot() == before);
}

TEST_CASE("backcare safety: the red flags and their sources, also in the man page", "[safety]") {
    Home h;
    const auto r = h.run({"safety"});
    REQUIRE(r.status == 0);
    CHECK(r.out.rfind(flags_heading, 0) == 0);
    for (const char* sign : {"chest pain", "a fall, an accident", "weakness in both legs", "bladder or bowels",
                             "high temperature", "weight lost without trying", "worse at night",
                             "spreading into an arm or hand", "history of cancer"})
        CHECK(contains(plain(r.out), sign));
    CHECK_FALSE(e2e::has_ansi(r.out));
    const std::string man = e2e::read_file(e2e::source_path("man/backcare.1"));
    std::size_t urls = 0;
    for (const auto& line : e2e::lines(r.out)) {
        const auto at = line.find("https://");
        if (at == std::string::npos) continue;
        ++urls;
        std::string url = line.substr(at);
        // In roff a hyphen is written \-.
        std::string roff;
        for (char c : url) roff += c == '-' ? std::string("\\-") : std::string(1, c);
        INFO(url);
        CHECK(contains(man, roff));
    }
    CHECK(urls >= 2);
    CHECK(h.snapshot().empty());
}

TEST_CASE("the red flags open the first routine at a terminal, once, and never a pipe's", "[safety][tty]") {
    Home h;
    const auto marker = h.state_dir() / "safety-shown";
    const auto piped = h.run({"plan"});
    REQUIRE(piped.status == 0);
    CHECK_FALSE(contains(piped.out, flags_heading));
    CHECK_FALSE(std::filesystem::exists(marker));
    CHECK_FALSE(contains(h.run({"plan", "--format", "json", "--no-save"}).out, flags_heading));

    const auto first = h.run_tty({"plan", "--no-save"});
    REQUIRE(first.status == 0);
    CHECK(plain(first.out).rfind(flags_heading, 0) == 0);
    CHECK(contains(plain(first.out), "'backcare safety' shows it again"));
    CHECK(contains(plain(first.out), "routine ·"));
    CHECK(std::filesystem::exists(marker));
    const auto second = h.run_tty({"plan", "--no-save"});
    REQUIRE(second.status == 0);
    CHECK_FALSE(contains(plain(second.out), flags_heading));
}

TEST_CASE("due at a terminal gives the warning's paragraph above its line - to a script, the line", "[due][pain][tty]") {
    Home h;
    REQUIRE(h.run({"log", "-q", "chin-tuck:10", "--pain-after", "9", "--at", "2026-11-22T08:00"}).status == 0);
    const auto tty = h.run_tty({"due"});
    CHECK(tty.status == 1);
    CHECK(plain(tty.out).rfind("Pain warning: in the session of 2026-11-22", 0) == 0);
    CHECK(contains(plain(tty.out), "not due: pain warning (pain 9/10 after it, on 2026-11-22)"));
    const auto piped = h.run({"due"});
    CHECK(piped.status == 1);
    CHECK(piped.out == "not due: pain warning (pain 9/10 after it, on 2026-11-22)\n");
    CHECK(piped.err.empty());
}
