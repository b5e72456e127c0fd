// SPDX-License-Identifier: MIT
// Skips with a reason: log --plan --skip ID:REASON, stored, exported and
// imported, shown by history, read by progression and the planner.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;
namespace fs = std::filesystem;

namespace {

// Remembers a plan (seed 5) and returns its exercise ids, in order.
std::vector<std::string> remember(const Home& h, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"plan", "--seed", "5", "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = h.run(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    std::vector<std::string> ids;
    const Json plan = Json::parse(e2e::read_file(h.state_dir() / "last-plan.json"));
    for (const auto& e : plan.at("exercises")) ids.push_back(e.at("id"));
    REQUIRE(ids.size() >= 3);
    return ids;
}

std::string reason_in_db(const Home& h, const std::string& id) {
    const auto n = scalar(db_path(h), str("SELECT count(*) FROM entry WHERE exercise_id = '", id, "' AND skip_reason IS NULL"));
    if (n == 1) return "NULL";
    for (const char* r : {"hurt", "time", "kit", "other"})
        if (scalar(db_path(h), str("SELECT count(*) FROM entry WHERE exercise_id = '", id, "' AND skip_reason = '", r, "'")) == 1) return r;
    return "?";
}

void must(const Home& h, const std::vector<std::string>& args) {
    const auto r = h.run(args);
    INFO("args: " << Json(args).dump() << "\nstderr: " << r.err);
    REQUIRE(r.status == 0);
}

}  // namespace

TEST_CASE("log --plan --skip ID:REASON stores the reason, repeated or comma-separated, the first letter enough", "[log][skip]") {
    Home h;
    const auto ids = remember(h);
    must(h, {"log", "--plan", "--skip", ids[0] + ":kit," + ids[1], "--skip", ids[2] + ":H"});
    CHECK(count_sessions(db_path(h)) == 1);
    CHECK(reason_in_db(h, ids[0]) == "kit");
    CHECK(reason_in_db(h, ids[1]) == "NULL");
    CHECK(reason_in_db(h, ids[2]) == "hurt");
    CHECK(scalar(db_path(h), str("SELECT count(*) FROM entry WHERE status = 'skipped'")) == 3);
    CHECK(scalar(db_path(h), str("SELECT count(*) FROM entry WHERE status = 'done' AND skip_reason IS NOT NULL")) == 0);

    // history: the reason in text, in TSV, and in JSON.
    const auto text = h.run({"history"});
    REQUIRE(text.status == 0);
    CHECK(contains(text.out, str("(", ids[0], " skipped: kit)")));
    CHECK(contains(text.out, str("(", ids[1], " skipped)")));
    CHECK(contains(text.out, str("(", ids[2], " skipped: hurt)")));
    const auto tsv = h.run({"history", "--format", "tsv"});
    CHECK(contains(tsv.out, "!skipped:kit"));
    CHECK(contains(tsv.out, "!skipped:hurt"));
    const Json entries = history_json(h).at(0).at("entries");
    CHECK(entries.at(0).at("skip_reason") == "kit");
    CHECK_FALSE(entries.at(1).contains("skip_reason"));
    CHECK(entries.at(2).at("skip_reason") == "hurt");
    CHECK_FALSE(entries.at(3).contains("skip_reason"));
}

TEST_CASE("log --skip refuses an unknown reason, an id not in the plan and an id named twice, storing nothing", "[log][skip][bad-input]") {
    Home h;
    const auto ids = remember(h);
    must(h, {"log", "cat-cow:10"});
    const auto before = h.snapshot();
    using Case = std::pair<std::vector<std::string>, std::vector<std::string>>;
    for (const auto& [args, fragments] : std::vector<Case>{
             {{"--skip", ids[0] + ":sore"}, {"'sore' is not a reason", "hurt, time, kit or other"}},
             {{"--skip", ids[0] + ":"}, {"'' is not a reason"}},
             {{"--skip", "nosuch:kit"}, {"--skip: 'nosuch' is not in the last plan", ids[0]}},
             {{"--skip", ids[0] + "," + ids[0] + ":kit"}, {str("--skip: '", ids[0], "' is named twice")}},
             {{"--skip", ","}, {"--skip: name an exercise"}},
         }) {
        std::vector<std::string> full{"log", "--plan"};
        full.insert(full.end(), args.begin(), args.end());
        INFO(Json(full).dump());
        e2e::expect_usage_error(h.run(full), fragments);
        CHECK(h.snapshot() == before);
    }
    // --again goes with --plan, like --skip.
    e2e::expect_usage_error(h.run({"log", "cat-cow:10", "--again"}), {"--again goes with --plan"});
    CHECK(h.snapshot() == before);
}

TEST_CASE("export and import carry the skip reason, in JSON Lines and CSV", "[transfer][skip]") {
    Home a;
    const auto ids = remember(a);
    must(a, {"log", "--plan", "--skip", ids[0] + ":time", "--skip", ids[1]});
    const auto jsonl = a.run({"export"});
    REQUIRE(jsonl.status == 0);
    const auto csv = a.run({"export", "--format", "csv"});
    REQUIRE(csv.status == 0);
    const auto rows = csv_records(csv.out);
    REQUIRE(rows.size() >= 4);
    CHECK(rows[0].back() == "skip_reason");
    CHECK(rows[1].back() == "time");
    CHECK(rows[2].back().empty());
    CHECK(rows[3].back().empty());
    for (const auto& [format, text] : {std::pair{"jsonl", jsonl.out}, std::pair{"csv", csv.out}}) {
        INFO(format);
        Home b;
        const fs::path file = b.write(str("in.", format), text);
        must(b, {"import", file.string()});
        CHECK(reason_in_db(b, ids[0]) == "time");
        CHECK(reason_in_db(b, ids[1]) == "NULL");
        CHECK(b.run({"export"}).out == jsonl.out);
    }
}

TEST_CASE("import refuses a bad skip reason, or one on an entry done, and stores nothing", "[transfer][skip][bad-input]") {
    auto line = [](const std::string& entry) {
        return str(R"({"uuid": "1b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b", "started": "2026-11-21T08:00:00+00:00", "entries": )",
                   R"([{"id": "cat-cow", "reps": 10}, )", entry, "]}\n");
    };
    using Case = std::pair<std::string, std::string>;
    for (const auto& [input, fragment] : std::vector<Case>{
             {line(R"({"id": "chin-tuck", "reps": 10, "status": "skipped", "skip_reason": "bored"})"),
              "'skip_reason' must be hurt, time, kit or other"},
             {line(R"({"id": "chin-tuck", "reps": 10, "skip_reason": "kit"})"), "'skip_reason' goes only with a skipped entry"},
             {line(R"({"id": "chin-tuck", "reps": 10, "status": "skipped", "skip_reason": 3})"), "'skip_reason' has the wrong type"},
             {"uuid,started,id,reps,status,skip_reason\r\n,2026-11-21T08:00:00Z,cat-cow,10,done,hurt\r\n",
              "'skip_reason' goes only with a skipped entry"},
             {"uuid,started,id,reps,status,skip_reason\r\n,2026-11-21T08:00:00Z,cat-cow,10,skipped,lazy\r\n",
              "'skip_reason' must be hurt, time, kit or other"},
         }) {
        INFO(input);
        Home h;
        must(h, {"log", "cat-cow:10"});
        const fs::path file = h.write("in.txt", input);
        const auto before = h.snapshot();
        const auto r = h.run({"import", file.string()});
        e2e::expect_error(r, 65, {str(file.string(), input.front() == '{' ? ":1:" : ":2:"), fragment});
        CHECK(h.snapshot() == before);
    }
}

TEST_CASE("a skipped exercise is not preferred the next day: the plan is as if it had been done", "[plan][skip]") {
    // Two homes log the same plan today: one skips its first exercise, the other does it.
    Home skipped, done;
    const auto ids = remember(skipped);
    REQUIRE(remember(done) == ids);
    must(skipped, {"log", "--plan", "--skip", ids[0]});
    must(done, {"log", "--plan"});
    auto tomorrow = [&](Home& h) {
        h.set("BACKCARE_NOW", "2026-11-24T10:00:00");
        const auto r = h.run({"plan", "--seed", "5", "--explain", "--format", "json", "--no-save"});
        REQUIRE(r.status == 0);
        return Json::parse(r.out).at("exercises");
    };
    const Json next = tomorrow(skipped);
    const Json control = tomorrow(done);
    std::vector<std::string> next_ids, control_ids;
    for (const auto& e : next) next_ids.push_back(e.at("id"));
    for (const auto& e : control) control_ids.push_back(e.at("id"));
    CHECK(next_ids == control_ids);
    CHECK(next_ids.front() != ids[0]);
    for (const auto& e : next)
        if (e.at("id") == ids[0]) CHECK_FALSE(contains(e.at("why").at("chosen").get<std::string>(), "not done in the last"));
}

TEST_CASE("plan --explain says what a skip counted for", "[progression][skip]") {
    // Logged more than two weeks ago, so that the same routine is planned after.
    Home h;
    const auto ids = remember(h, {"--goal", "posture", "--minutes", "30"});
    must(h, {"log", "--plan", "--at", "2026-10-20 18:00", "--skip", ids[0] + ":kit", "--skip", ids[1], "--skip", ids[2] + ":hurt"});
    const auto r = h.run({"plan", "--seed", "5", "--goal", "posture", "--minutes", "30", "--explain", "--format", "json"});
    REQUIRE(r.status == 0);
    const Json exercises = Json::parse(r.out).at("exercises");
    auto why = [&](const std::string& id) {
        for (const auto& e : exercises)
            if (e.at("id") == id) return e.at("why").at("dose").get<std::string>();
        return std::string("(not planned)");
    };
    CHECK(contains(why(ids[0]), "skipped on 2026-10-20 (kit): not counted"));
    CHECK(contains(why(ids[1]), "skipped on 2026-10-20: the count is held"));
    const std::string hurt = why(ids[2]);
    INFO(hurt);
    CHECK(contains(hurt, "skipped on 2026-10-20 because it hurt →"));
}

TEST_CASE("stats adherence does not count a skip for time or kit against the exercise", "[log][skip][stats]") {
    Home h;
    const auto ids = remember(h);
    must(h, {"log", "--plan", "--skip", ids[0] + ":kit," + ids[1] + ":time," + ids[2] + ":hurt"});
    const auto r = h.run({"stats", "--format", "json"});
    REQUIRE(r.status == 0);
    const Json doses = Json::parse(r.out).at("adherence").at("doses");
    CHECK(doses.at("excused") == 2);
    CHECK(doses.at("skipped") == 1);
    const int planned = static_cast<int>(ids.size());
    CHECK(doses.at("full") == planned - 3);
    // The share at full dose leaves the excused two out: full / (full + 1 skipped).
    CHECK(doses.at("full_share").get<double>() == Approx(100.0 * (planned - 3) / (planned - 2)).epsilon(0.01));
    const auto text = h.run({"stats"});
    CHECK(contains(text.out, "1 skipped: "));
    CHECK(contains(text.out, "for time or kit, not counted"));
}
