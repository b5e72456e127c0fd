// SPDX-License-Identifier: MIT
// backcare log: typed sessions, their options, --plan, and sessions from standard input.
#include <filesystem>
#include <regex>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;

namespace {

const std::int64_t now_epoch = epoch_of("2026-11-23T10:00:00Z");

// Runs `log ARGS --format json` and returns the printed session.
Json log_json(const Home& h, std::vector<std::string> args) {
    args.insert(args.begin(), "log");
    args.insert(args.end(), {"--format", "json"});
    const auto r = h.run(args);
    INFO("args: " << Json(args).dump());
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    REQUIRE(e2e::lines(r.out).size() == 1);
    return e2e::logs::stored_session(r.out);
}

void check_entry(const Json& e, const std::string& id, int sets, int reps, int hold, const std::string& load = "") {
    INFO("entry " << e.dump());
    CHECK(e.at("id") == id);
    CHECK(!e.at("name").get<std::string>().empty());
    CHECK(e.at("sets") == sets);
    CHECK(e.at("reps") == reps);
    CHECK(e.at("hold_seconds") == hold);
    CHECK(e.at("load") == load);
    CHECK(e.at("status") == "done");
}

bool is_uuid(const std::string& s) {
    // Version 4 (random) for a typed session, 8 (derived from the content) for one read without a uuid.
    static const std::regex re("[0-9a-f]{8}-[0-9a-f]{4}-[48][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    return std::regex_match(s, re);
}

}  // namespace

TEST_CASE("log: typed items in every dose form are stored as typed", "[log]") {
    Home h;
    const Json s = log_json(h, {"cat-cow:10", "childs-pose:30s", "band-rows:2x12", "shoulder-blade-squeeze:10x5s",
                                "chin-tuck:2x10x5s", "band-pull-apart:2x12@red", "cross-body-shoulder-stretch:2m",
                                "open-book"});
    const Json& e = s.at("entries");
    REQUIRE(e.size() == 8);
    check_entry(e[0], "cat-cow", 1, 10, 0);
    check_entry(e[1], "childs-pose", 1, 0, 30);
    check_entry(e[2], "band-rows", 2, 12, 0);
    check_entry(e[3], "shoulder-blade-squeeze", 1, 10, 5);
    check_entry(e[4], "chin-tuck", 2, 10, 5);
    check_entry(e[5], "band-pull-apart", 2, 12, 0, "red");
    check_entry(e[6], "cross-body-shoulder-stretch", 1, 0, 120);
    // A bare id is the exercise's level-1 dose (open-book: 8 reps, hold 2 s, each side).
    check_entry(e[7], "open-book", 1, 8, 2);
    CHECK(e[0].at("name") == "Cat-cow");
    CHECK(e[0].at("side") == "both");
    CHECK(e[6].at("side") == "each");
    CHECK(e[7].at("side") == "each");

    // What was printed is what was stored.
    const Json history = history_json(h);
    REQUIRE(history.size() == 1);
    CHECK(history[0] == s);
    CHECK(count_sessions(db_path(h)) == 1);
}

TEST_CASE("log --format json prints the stored session with every field", "[log]") {
    Home h;
    const Json s = log_json(h, {"cat-cow:10", "childs-pose:30s", "--pain-before", "3", "--pain-after", "1", "--note",
                                "upper back stiff", "--at", "2026-11-23T08:15", "--duration", "8m"});
    INFO(s.dump());
    CHECK(s.at("number") == 1);
    CHECK(is_uuid(s.at("uuid").get<std::string>()));
    CHECK(s.at("started") == "2026-11-23T08:15:00+00:00");
    CHECK(s.at("date") == "2026-11-23");
    CHECK(s.at("duration_seconds") == 480);
    CHECK(s.contains("goal"));
    CHECK(s.at("pain_before") == 3);
    CHECK(s.at("pain_after") == 1);
    CHECK(s.at("note") == "upper back stiff");
    CHECK(s.at("origin") == "typed");
    REQUIRE(s.at("entries").size() == 2);

    const Json second = log_json(h, {"cat-cow:12"});
    CHECK(second.at("number") == 2);
    CHECK(second.at("uuid") != s.at("uuid"));
    CHECK(second.at("pain_before").is_null());
    CHECK(second.at("pain_after").is_null());
    CHECK(second.at("note") == "");
    // Both stored, as printed.
    const Json history = history_json(h);
    REQUIRE(history.size() == 2);
    CHECK(history[0] == second);
    CHECK(history[1] == s);
}

TEST_CASE("log prints the stored session as text", "[log]") {
    Home h;
    const auto r = h.run({"log", "cat-cow:10", "band-rows:2x12@red", "--pain-before", "3", "--pain-after", "2", "--note",
                          "felt loose afterwards"});
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK_FALSE(e2e::has_ansi(r.out));
    const Json stored = history_json(h);
    REQUIRE(stored.size() == 1);
    const auto out = e2e::lines(r.out);
    REQUIRE(out.size() >= 4);
    CHECK(out[0] == "Logged:");
    CHECK(contains(out[1], "Session 1"));
    CHECK(contains(out[1], stored[0].at("uuid").get<std::string>()));
    CHECK(contains(r.out, stored[0].at("started").get<std::string>()));
    CHECK(contains(r.out, "typed"));
    CHECK(contains(r.out, "pain 3"));
    CHECK(contains(r.out, "Cat-cow"));
    CHECK(contains(r.out, "10 reps"));
    CHECK(contains(r.out, "Band rows"));
    CHECK(contains(r.out, "(red)"));
    CHECK(contains(r.out, "felt loose afterwards"));

    // --quiet: stored, nothing printed.
    const auto q = h.run({"--quiet", "log", "cat-cow:10"});
    CHECK(q.status == 0);
    CHECK(q.out.empty());
    CHECK(count_sessions(db_path(h)) == 2);
}

TEST_CASE("log --dry-run stores nothing and creates no database", "[log]") {
    Home h;
    const auto before = h.snapshot();
    const auto r = h.run({"log", "cat-cow:10", "--note", "n", "--dry-run"});
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(contains(r.out, "nothing stored"));
    CHECK(contains(r.out, "Cat-cow"));
    CHECK_FALSE(std::filesystem::exists(h.dir() / "data"));
    CHECK(h.snapshot() == before);

    // -n is the short form; --format json shows the session that would be stored.
    const auto j = h.run({"log", "childs-pose:30s", "-n", "--format", "json"});
    REQUIRE(j.status == 0);
    const Json s = Json::parse(j.out);
    CHECK(s.at("entries").at(0).at("id") == "childs-pose");
    CHECK(s.at("origin") == "typed");
    CHECK_FALSE(std::filesystem::exists(h.dir() / "data"));

    // On an existing log: the file is left as it was.
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const auto file = file_state(db_path(h));
    const auto snap = h.snapshot();
    CHECK(h.run({"log", "cat-cow:10", "--dry-run"}).status == 0);
    CHECK(h.run({"log", "-", "--dry-run"}, R"({"started":"2026-11-20T10:00:00Z","entries":["cat-cow:10"]})"
                                                "\n")
              .status == 0);
    CHECK(file_state(db_path(h)) == file);
    CHECK(h.snapshot() == snap);
    CHECK(count_sessions(db_path(h)) == 1);
}

TEST_CASE("log --at reads every documented form of a time", "[log]") {
    Home h;  // now is Monday 2026-11-23 10:00 UTC
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"2026-11-23T08:15", "2026-11-23T08:15:00+00:00"},
        {"2026-11-23 08:15", "2026-11-23T08:15:00+00:00"},
        {"2026-11-23T08:15:30", "2026-11-23T08:15:30+00:00"},
        {"2026-11-20T21:05Z", "2026-11-20T21:05:00+00:00"},
        {"09:15", "2026-11-23T09:15:00+00:00"},
        {"yesterday 18:00", "2026-11-22T18:00:00+00:00"},
        {"today 7:30", "2026-11-23T07:30:00+00:00"},
        {"-2h", "2026-11-23T08:00:00+00:00"},
        {"-45m", "2026-11-23T09:15:00+00:00"},
        {"-1d", "2026-11-22T10:00:00+00:00"},
        {"now", "2026-11-23T10:00:00+00:00"},
    };
    for (const auto& [at, started] : cases) {
        INFO("--at " << at);
        const Json s = log_json(h, {"cat-cow:10", "--at", at});
        CHECK(s.at("started") == started);
        CHECK(s.at("date") == started.substr(0, 10));
    }
    CHECK(count_sessions(db_path(h)) == static_cast<std::int64_t>(cases.size()));
}

TEST_CASE("log --duration, and the estimate from the doses when it is absent", "[log]") {
    Home h;
    for (const auto& [text, seconds] : std::vector<std::pair<std::string, int>>{{"8m", 480}, {"90s", 90}, {"1h15m", 4500}, {"2m30s", 150}}) {
        INFO("--duration " << text);
        const Json s = log_json(h, {"cat-cow:10", "--duration", text});
        CHECK(s.at("duration_seconds") == seconds);
        // Without --at, the session ended now: it started the duration ago.
        CHECK(epoch_of(s.at("started")) == now_epoch - seconds);
    }
    // Estimated: positive, ends now, grows with the dose and with more exercises.
    const Json ten = log_json(h, {"cat-cow:10"});
    const Json twenty = log_json(h, {"cat-cow:20"});
    const Json two = log_json(h, {"cat-cow:10", "band-rows:2x12"});
    const int t10 = ten.at("duration_seconds"), t20 = twenty.at("duration_seconds"), t2 = two.at("duration_seconds");
    CHECK(t10 > 0);
    CHECK(t20 > t10);
    CHECK(t2 > t10);
    CHECK(epoch_of(ten.at("started")) == now_epoch - t10);
    // A 2-minute hold takes at least 2 minutes.
    CHECK(log_json(h, {"childs-pose:2m"}).at("duration_seconds").get<int>() >= 120);
    // --duration with --at: both as given.
    const Json both = log_json(h, {"cat-cow:10", "--at", "2026-11-23T07:00", "--duration", "20m"});
    CHECK(both.at("started") == "2026-11-23T07:00:00+00:00");
    CHECK(both.at("duration_seconds") == 1200);
}

TEST_CASE("log --pain-before, --pain-after and --note are stored", "[log]") {
    Home h;
    const Json a = log_json(h, {"cat-cow:10", "--pain-before", "0", "--pain-after", "10", "--note", "edges"});
    CHECK(a.at("pain_before") == 0);
    CHECK(a.at("pain_after") == 10);
    CHECK(a.at("note") == "edges");
    const Json b = log_json(h, {"cat-cow:10", "--pain-before=6"});
    CHECK(b.at("pain_before") == 6);
    CHECK(b.at("pain_after").is_null());
    const Json c = log_json(h, {"cat-cow:10", "--pain-after", "4"});
    CHECK(c.at("pain_before").is_null());
    CHECK(c.at("pain_after") == 4);
    const Json history = history_json(h);
    REQUIRE(history.size() == 3);
    CHECK(history[2].at("pain_before") == 0);
    CHECK(history[2].at("pain_after") == 10);
    CHECK(history[2].at("note") == "edges");
    CHECK(count_where(db_path(h), "note = ?", "edges") == 1);
}

TEST_CASE("log --plan records the remembered plan's exercises as planned", "[log][plan]") {
    Home h;
    REQUIRE(h.run({"plan", "--seed", "1"}).status == 0);
    const Json plan = Json::parse(e2e::read_file(h.state_dir() / "last-plan.json"));
    const Json& planned = plan.at("exercises");
    REQUIRE(planned.size() >= 2);

    const Json s = log_json(h, {"--plan"});
    CHECK(s.at("origin") == "plan");
    CHECK(s.at("duration_seconds").get<int>() > 0);
    const Json& e = s.at("entries");
    REQUIRE(e.size() == planned.size());
    for (std::size_t i = 0; i < e.size(); ++i) {
        INFO("planned: " << planned[i].dump() << "\nlogged: " << e[i].dump());
        const Json& d = planned[i].at("dose");
        CHECK(e[i].at("id") == planned[i].at("id"));
        CHECK(e[i].at("name") == planned[i].at("name"));
        CHECK(e[i].at("sets") == d.at("sets"));
        CHECK(e[i].at("reps") == d.at("reps"));
        CHECK(e[i].at("hold_seconds") == d.at("hold_seconds"));
        CHECK(e[i].at("side") == d.at("side"));
        CHECK(e[i].at("status") == "done");
    }
    CHECK(history_json(h).at(0) == s);
}

TEST_CASE("log --plan --skip ID marks that exercise skipped", "[log][plan]") {
    Home h;
    REQUIRE(h.run({"plan", "--seed", "1"}).status == 0);
    const Json plan = Json::parse(e2e::read_file(h.state_dir() / "last-plan.json"));
    const std::string skipped = plan.at("exercises").at(1).at("id");
    const Json all = log_json(h, {"--plan", "--dry-run"});
    const Json s = log_json(h, {"--plan", "--skip", skipped});
    CHECK(s.at("origin") == "plan");
    REQUIRE(s.at("entries").size() == plan.at("exercises").size());
    for (const auto& e : s.at("entries")) {
        INFO(e.dump());
        CHECK(e.at("status") == (e.at("id") == skipped ? "skipped" : "done"));
    }
    // A skipped exercise takes no time.
    CHECK(s.at("duration_seconds").get<int>() < all.at("duration_seconds").get<int>());
    CHECK(count_sessions(db_path(h)) == 1);
}

TEST_CASE("log --plan --skip of an exercise not in the plan is refused, nothing stored", "[log][plan]") {
    Home h;
    REQUIRE(h.run({"plan", "--seed", "1"}).status == 0);
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const auto before = h.snapshot();
    const auto r = h.run({"log", "--plan", "--skip", "not-an-exercise-here"});
    e2e::expect_usage_error(r, {"--skip", "not-an-exercise-here"});
    CHECK(h.snapshot() == before);
    // --skip goes with --plan.
    e2e::expect_usage_error(h.run({"log", "cat-cow:10", "--skip", "cat-cow"}), {"--skip"});
    CHECK(h.snapshot() == before);
}

TEST_CASE("log --plan with no remembered plan exits 1 and creates nothing", "[log][plan]") {
    Home h;
    const auto before = h.snapshot();
    const auto r = h.run({"log", "--plan"});
    e2e::expect_error(r, 1, {"plan"});
    CHECK(h.snapshot() == before);
    CHECK_FALSE(std::filesystem::exists(h.dir() / "data"));
}

TEST_CASE("log - reads JSON Lines sessions, entries as objects or item strings", "[log][stdin]") {
    Home h;
    const std::string input =
        R"({"uuid":"0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b","started":"2026-11-20T18:30:00+01:00","pain_before":4,"pain_after":2,"note":"from a script","entries":["cat-cow:10",{"exercise":"childs-pose","hold_seconds":30},{"exercise":"band-rows","sets":2,"reps":12,"load":"red"}]})"
        "\n"
        R"({"started":"2026-11-21T07:00:00Z","duration_seconds":300,"entries":["chin-tuck:2x10x5s"]})"
        "\n";
    const auto r = h.run({"log", "-"}, input);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, "2 sessions logged"));
    const Json history = history_json(h);
    REQUIRE(history.size() == 2);
    const Json& a = history[1];
    CHECK(a.at("uuid") == "0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b");
    CHECK(a.at("started") == "2026-11-20T18:30:00+01:00");
    CHECK(a.at("date") == "2026-11-20");
    CHECK(a.at("pain_before") == 4);
    CHECK(a.at("pain_after") == 2);
    CHECK(a.at("note") == "from a script");
    REQUIRE(a.at("entries").size() == 3);
    check_entry(a.at("entries")[0], "cat-cow", 1, 10, 0);
    check_entry(a.at("entries")[1], "childs-pose", 1, 0, 30);
    check_entry(a.at("entries")[2], "band-rows", 2, 12, 0, "red");
    const Json& b = history[0];
    CHECK(is_uuid(b.at("uuid").get<std::string>()));
    CHECK(b.at("started") == "2026-11-21T07:00:00+00:00");
    CHECK(b.at("duration_seconds") == 300);
    check_entry(b.at("entries")[0], "chin-tuck", 2, 10, 5);

}

TEST_CASE("log - --format json prints the sessions as stored", "[log][stdin]") {
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const auto j = h.run({"log", "-", "--format", "json"},
                         R"({"started":"2026-11-22T07:00:00Z","entries":["cat-cow:8"]})"
                         "\n"
                         R"({"started":"2026-11-22T08:00:00Z","note":"second","entries":["childs-pose:30s"]})"
                         "\n");
    INFO("stdout: " << j.out << "\nstderr: " << j.err);
    REQUIRE(j.status == 0);
    const Json history = history_json(h);
    REQUIRE(history.size() == 3);
    const auto out = e2e::lines(j.out);
    REQUIRE(out.size() == 2);
    CHECK(Json::accept(out[0]));
    CHECK(Json::accept(out[1]));
    if (Json::accept(out[0]) && Json::accept(out[1])) {
        // With the numbers they were given in this log; history is newest
        // first, and the session logged first is the newest.
        CHECK(e2e::logs::stored_session(out[0]) == history[2]);
        CHECK(e2e::logs::stored_session(out[1]) == history[1]);
    }
}

TEST_CASE("log - reads CSV sessions - rows with one uuid make one session", "[log][stdin]") {
    Home h;
    const std::string input =
        "uuid,started,note,exercise,sets,reps,hold_seconds,pain_before\n"
        "1b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b,2026-11-20T18:30:00Z,\"a, b\",cat-cow,1,10,0,3\n"
        "1b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b,2026-11-20T18:30:00Z,\"a, b\",childs-pose,1,0,30,3\n"
        "2b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b,2026-11-21T18:30:00Z,,band-rows,2,12,0,\n";
    const auto r = h.run({"log", "-"}, input);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, "2 sessions logged"));
    const Json history = history_json(h);
    REQUIRE(history.size() == 2);
    CHECK(history[1].at("uuid") == "1b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b");
    CHECK(history[1].at("note") == "a, b");
    CHECK(history[1].at("pain_before") == 3);
    REQUIRE(history[1].at("entries").size() == 2);
    check_entry(history[1].at("entries")[0], "cat-cow", 1, 10, 0);
    check_entry(history[1].at("entries")[1], "childs-pose", 1, 0, 30);
    check_entry(history[0].at("entries")[0], "band-rows", 2, 12, 0);
}

TEST_CASE("log - is all or nothing: a bad line N exits 65 naming <stdin>:N, nothing stored", "[log][stdin]") {
    const std::string good = R"({"started":"2026-11-20T10:00:00Z","entries":["cat-cow:10"]})";
    struct Case {
        std::string name, input, where;
    };
    const std::vector<Case> cases = {
        {"jsonl: bad dose on line 4 after a blank line", good + "\n" + good + "\n\n" + R"({"started":"2026-11-21T10:00:00Z","entries":["cat-cow:0"]})" + "\n" + good + "\n", "<stdin>:4:"},
        {"jsonl: broken JSON on line 2", good + "\n" + R"({"started":"2026-11-21T10:00:00Z","entries":["cat-cow:10"])" + "\n", "<stdin>:2:"},
        {"jsonl: pain 11 on line 3", good + "\n" + good + "\n" + R"({"started":"2026-11-21T10:00:00Z","pain_before":11,"entries":["cat-cow:10"]})" + "\n", "<stdin>:3:"},
        {"jsonl: unknown exercise on line 1", str(R"({"started":"2026-11-21T10:00:00Z","entries":["no-such-exercise:10"]})", "\n", good, "\n"), "<stdin>:1:"},
        {"csv: bad reps on line 3", "started,exercise,reps\n2026-11-19T10:00:00Z,cat-cow,10\n2026-11-19T11:00:00Z,cat-cow,10x\n", "<stdin>:3:"},
        {"csv: a note over two lines, then a short row on line 4",
         "started,note,exercise,reps\n2026-11-19T10:00:00Z,\"two\nlines\",cat-cow,10\n2026-11-19T11:00:00Z,cat-cow\n", "<stdin>:4:"},
    };
    for (const auto& c : cases) {
        SECTION(c.name) {
            Home h;
            // Nothing stored in a fresh home (whether a database may be made
            // at all is the next test's concern).
            {
                const auto r = h.run({"log", "-"}, c.input);
                e2e::expect_error(r, 65, {c.where});
                if (std::filesystem::exists(db_path(h))) CHECK(count_sessions(db_path(h)) == 0);
                std::filesystem::remove_all(h.dir() / "data");
            }
            // Nor in an existing log: left byte for byte.
            REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
            const auto before = file_state(db_path(h));
            const auto snap = h.snapshot();
            const auto r = h.run({"log", "-"}, c.input);
            e2e::expect_error(r, 65, {c.where});
            CHECK(file_state(db_path(h)) == before);
            CHECK(h.snapshot() == snap);
            CHECK(count_sessions(db_path(h)) == 1);
        }
    }
}

TEST_CASE("a refused log - or import creates no database in a fresh home", "[log][stdin][transfer]") {
    // The log is "created on the first write"; a refused batch writes nothing.
    const std::string bad = R"({"started":"2026-11-20T10:00:00Z","entries":["cat-cow:0"]})" "\n";
    const std::string bad_csv = "started,exercise,reps\n2026-11-19T10:00:00Z,cat-cow,x\n";
    for (const auto& args : std::vector<std::vector<std::string>>{{"log", "-"}, {"import", "-"}}) {
        for (const std::string* input : {&bad, &bad_csv}) {
            INFO(Json(args).dump() << " with " << *input);
            Home h;
            const auto before = h.snapshot();
            e2e::expect_error(h.run(args, *input), 65, {"<stdin>:"});
            CHECK_FALSE(std::filesystem::exists(db_path(h)));
            CHECK_FALSE(std::filesystem::exists(h.dir() / "data"));
            CHECK(h.snapshot() == before);
        }
    }
}

TEST_CASE("log - takes every field from standard input, so other session options are refused", "[log][stdin]") {
    Home h;
    const std::string input = R"({"started":"2026-11-20T10:00:00Z","entries":["cat-cow:10"]})" "\n";
    for (const auto& extra : std::vector<std::vector<std::string>>{{"--note", "x"}, {"--plan"}, {"--at", "-1h"}, {"--pain-before", "3"}}) {
        std::vector<std::string> args = {"log", "-"};
        args.insert(args.end(), extra.begin(), extra.end());
        INFO(Json(args).dump());
        e2e::expect_usage_error(h.run(args, input), {});
    }
    CHECK_FALSE(std::filesystem::exists(h.dir() / "data"));
}

TEST_CASE("log --uuid: a retried log is stored once", "[log][retry]") {
    Home h;
    const std::string uuid = "3f2c1b0a-9e8d-4c7b-8a69-5d4c3b2a1f0e";
    const Json first = log_json(h, {"cat-cow:10", "--uuid", uuid, "--note", "once"});
    CHECK(first.at("uuid") == uuid);
    const auto again = h.run({"log", "cat-cow:10", "--uuid", uuid, "--note", "once"});
    INFO("stderr: " << again.err);
    CHECK(again.status == 0);
    CHECK(contains(again.out, uuid));
    CHECK(count_sessions(db_path(h)) == 1);
    // Even when the retry differs in its details, the first one stands.
    CHECK(h.run({"log", "childs-pose:30s", "--uuid", uuid}).status == 0);
    CHECK(count_sessions(db_path(h)) == 1);
    CHECK(history_json(h).at(0) == first);
    // An imported line with the same uuid is already present.
    const std::string line = str(R"({"uuid":")", uuid, R"(","started":"2026-11-20T10:00:00Z","entries":["cat-cow:10"]})", "\n");
    const auto imp = h.run({"import", "-"}, line);
    CHECK(imp.status == 0);
    CHECK(contains(imp.out, "0 added, 1 already present"));
    const auto piped = h.run({"log", "-"}, line);
    CHECK(piped.status == 0);
    CHECK(contains(piped.out, "1 already present"));
    CHECK(count_sessions(db_path(h)) == 1);
    // An invalid uuid is a usage error.
    e2e::expect_usage_error(h.run({"log", "cat-cow:10", "--uuid", "not-a-uuid"}), {"--uuid"});
    CHECK(count_sessions(db_path(h)) == 1);
}
