// SPDX-License-Identifier: MIT
// backcare export and import: round trips, idempotence, merging, all or nothing.
#include <filesystem>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using e2e::Result;
using namespace e2e::logs;
namespace fs = std::filesystem;

namespace {

void must(const Home& h, const std::vector<std::string>& args) {
    const auto r = h.run(args);
    INFO(Json(args).dump() << "\nstderr: " << r.err);
    REQUIRE(r.status == 0);
}

// A varied log: typed and planned sessions, skipped entries, loads, holds,
// each-side exercises, pain, notes, and another time zone.
void fill(Home& h) {
    must(h, {"log", "cat-cow:10", "childs-pose:30s", "band-rows:2x12@red", "--pain-before", "4", "--pain-after", "2",
             "--note", "morning, \"stiff\"", "--at", "2026-11-20T07:30"});
    must(h, {"log", "shoulder-blade-squeeze:10x5s", "cross-body-shoulder-stretch:2x1x20s", "--at", "yesterday 18:00",
             "--duration", "6m"});
    must(h, {"plan", "--seed", "3"});
    const std::string skip = Json::parse(e2e::read_file(h.state_dir() / "last-plan.json")).at("exercises").at(0).at("id");
    must(h, {"log", "--plan", "--skip", skip, "--pain-after", "1"});
    h.set("TZ", "Europe/Berlin");
    must(h, {"log", "chin-tuck:2x10x3s", "--at", "2026-11-21T23:45", "--note", "late\nin Berlin"});
    h.set("TZ", "UTC");
}

std::string export_of(const Home& h, const std::string& format) {
    const auto r = h.run({"export", "--format", format});
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    return r.out;
}

}  // namespace

TEST_CASE("export --format csv has the documented header and one row per entry", "[transfer]") {
    Home h;
    fill(h);
    const std::string csv = export_of(h, "csv");
    const auto records = csv_records(csv);
    REQUIRE(!records.empty());
    CHECK(records[0] == std::vector<std::string>{"uuid", "started", "date", "duration_seconds", "goal", "pain_before", "pain_after",
                                                 "note", "origin", "position", "id", "name", "sets", "reps",
                                                 "hold_seconds", "side", "load", "status", "planned_sets", "planned_reps",
                                                 "planned_hold_seconds", "skip_reason"});
    std::size_t entries = 0;
    for (const auto& s : history_json(h)) entries += s.at("entries").size();
    CHECK(records.size() == entries + 1);
    for (const auto& r : records) CHECK(r.size() == records[0].size());
    // CRLF line ends (RFC 4180).
    CHECK(csv.find("\r\n") != std::string::npos);
    // jsonl: one session per line, oldest first, no local ids.
    const auto sessions = json_lines(export_of(h, "jsonl"));
    REQUIRE(sessions.size() == 4);
    for (std::size_t i = 1; i < sessions.size(); ++i)
        CHECK(epoch_of(sessions[i - 1].at("started")) <= epoch_of(sessions[i].at("started")));
    for (const auto& s : sessions) CHECK_FALSE(s.contains("id"));
    CHECK(export_of(h, "jsonl") == h.run({"export"}).out);  // jsonl is the default
}

TEST_CASE("export jsonl and csv round-trip through import into a fresh home", "[transfer]") {
    Home a;
    fill(a);
    const std::string jsonl = export_of(a, "jsonl");
    const std::string csv = export_of(a, "csv");
    Json original = history_json(a);
    for (auto& s : original) s.erase("number");

    for (const auto& [format, text] : std::vector<std::pair<std::string, std::string>>{{"jsonl", jsonl}, {"csv", csv}}) {
        INFO("through " << format);
        Home b;
        const fs::path file = b.write("export." + format, text);
        const auto r = b.run({"import", file.string()});
        INFO("stderr: " << r.err);
        REQUIRE(r.status == 0);
        CHECK(contains(r.out, "4 added, 0 already present"));
        // Exported again: identical, in both formats.
        CHECK(export_of(b, "jsonl") == jsonl);
        CHECK(export_of(b, "csv") == csv);
        Json copy = history_json(b);
        for (auto& s : copy) s.erase("number");
        CHECK(copy == original);
        // The database is private here too.
        CHECK(mode_of(db_path(b)) == 0600);
    }
    // From standard input as well.
    Home c;
    const auto r = c.run({"import", "-"}, csv);
    REQUIRE(r.status == 0);
    CHECK(export_of(c, "jsonl") == jsonl);
}

TEST_CASE("import is idempotent: the second time nothing is added", "[transfer]") {
    Home a;
    fill(a);
    const fs::path file = a.write("export.jsonl", export_of(a, "jsonl"));
    const fs::path csv = a.write("export.csv", export_of(a, "csv"));
    Home b;
    REQUIRE(b.run({"import", file.string()}).status == 0);
    const auto state = file_state(db_path(b));
    for (const fs::path& f : {file, csv, file}) {
        const auto again = b.run({"import", f.string()});
        INFO(f << "\nstderr: " << again.err);
        CHECK(again.status == 0);
        CHECK(contains(again.out, "0 added, 4 already present"));
        CHECK(count_sessions(db_path(b)) == 4);
        CHECK(file_state(db_path(b)).bytes == state.bytes);
    }
    // Importing a log into itself adds nothing either.
    const auto self = a.run({"import", file.string()});
    CHECK(contains(self.out, "0 added, 4 already present"));
    CHECK(count_sessions(db_path(a)) == 4);
}

TEST_CASE("import merges two machines' exports without duplicates", "[transfer]") {
    Home laptop, desktop;
    fill(laptop);
    must(desktop, {"log", "wall-angels:10", "--at", "2026-11-19T12:00", "--note", "desktop"});
    must(desktop, {"log", "chin-tuck:10", "--at", "2026-11-22T09:00"});
    const std::string from_laptop = export_of(laptop, "jsonl");
    const std::string from_desktop = export_of(desktop, "csv");
    const fs::path lf = desktop.write("laptop.jsonl", from_laptop);
    const fs::path df = laptop.write("desktop.csv", from_desktop);

    // Each machine takes the other's export.
    const auto on_desktop = desktop.run({"import", lf.string()});
    CHECK(contains(on_desktop.out, "4 added, 0 already present"));
    const auto on_laptop = laptop.run({"import", df.string()});
    CHECK(contains(on_laptop.out, "2 added, 0 already present"));
    // Both now hold the same six sessions, and export the same.
    CHECK(count_sessions(db_path(laptop)) == 6);
    CHECK(count_sessions(db_path(desktop)) == 6);
    CHECK(export_of(laptop, "jsonl") == export_of(desktop, "jsonl"));
    CHECK(scalar(db_path(laptop), "SELECT count(DISTINCT uuid) FROM session") == 6);

    // A third machine merging both, and merging again: still six.
    Home third;
    const fs::path l3 = third.write("laptop.jsonl", export_of(laptop, "jsonl"));
    const fs::path d3 = third.write("desktop.jsonl", export_of(desktop, "jsonl"));
    CHECK(contains(third.run({"import", l3.string()}).out, "6 added, 0 already present"));
    CHECK(contains(third.run({"import", d3.string()}).out, "0 added, 6 already present"));
    // A file where some are new: counted apart.
    must(desktop, {"log", "open-book", "--at", "2026-11-23T08:00"});
    const fs::path d4 = third.write("desktop2.jsonl", export_of(desktop, "jsonl"));
    CHECK(contains(third.run({"import", d4.string()}).out, "1 added, 6 already present"));
    CHECK(count_sessions(db_path(third)) == 7);
}

TEST_CASE("import of a file with a malformed line N exits 65 naming FILE:N and stores nothing", "[transfer]") {
    Home a;
    fill(a);
    const std::string jsonl = export_of(a, "jsonl");
    const auto jl = e2e::lines(jsonl);
    REQUIRE(jl.size() == 4);
    const std::string csv = export_of(a, "csv");

    struct Case {
        std::string name, content, line;
    };
    std::string truncated = jl[0] + "\n" + jl[1] + "\n" + jl[2].substr(0, jl[2].size() / 2) + "\n" + jl[3] + "\n";
    std::string bad_pain = jl[0] + "\n" + jl[1] + "\n" + jl[2] + "\n";
    {
        Json s = Json::parse(jl[3]);
        s["uuid"] = "9b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b";
        s["pain_before"] = 11;
        bad_pain += s.dump() + "\n";
    }
    std::string bad_date = jl[0] + "\n";
    {
        Json s = Json::parse(jl[1]);
        s["uuid"] = "8b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b";
        s["started"] = "2026-02-30T10:00:00Z";
        bad_date += s.dump() + "\n" + jl[2] + "\n";
    }
    // CSV: a row with a bad reps value after all the good ones.
    auto rows = e2e::lines(csv);
    std::string bad_csv = csv;
    bad_csv += "7b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b,2026-11-23T09:00:00+00:00,2026-11-23,60,,,,,typed,1,cat-cow,Cat-cow,1,ten,0,both,,done\r\n";
    const std::string csv_line = std::to_string(rows.size() + 1);  // physical lines: a note spans two
    const std::string header = rows[0].substr(0, rows[0].size() - 1);  // without its CR
    const std::vector<Case> cases = {
        {"truncated JSON on line 3", truncated, "3"},
        {"pain 11 on line 4", bad_pain, "4"},
        {"an impossible date on line 2", bad_date, "2"},
        {"a bad reps value in the last CSV row", bad_csv, csv_line},
        {"a CSV row with too few fields on line 2", str(header, "\r\n", "x,y\r\n", csv.substr(csv.find('\n') + 1)), "2"},
    };
    for (const auto& c : cases) {
        SECTION(c.name) {
            Home b;
            const fs::path file = b.write("in.data", c.content);
            const std::string where = str(file.string(), ":", c.line, ":");
            // Into a fresh home: nothing stored.
            e2e::expect_error(b.run({"import", file.string()}), 65, {where});
            if (fs::exists(db_path(b))) CHECK(count_sessions(db_path(b)) == 0);
            fs::remove_all(b.dir() / "data");
            // Into an existing log: byte for byte unchanged.
            must(b, {"log", "cat-cow:10"});
            const auto before = file_state(db_path(b));
            const auto snap = b.snapshot();
            e2e::expect_error(b.run({"import", file.string()}), 65, {where});
            CHECK(file_state(db_path(b)) == before);
            CHECK(b.snapshot() == snap);
            CHECK(count_sessions(db_path(b)) == 1);
            // From standard input, the line is named the same way.
            e2e::expect_error(b.run({"import", "-"}, c.content), 65, {str("<stdin>:", c.line, ":")});
            CHECK(file_state(db_path(b)) == before);
        }
    }
}

TEST_CASE("import: a missing file is an I/O error - --dry-run checks and stores nothing", "[transfer]") {
    Home h;
    e2e::expect_error(h.run({"import", (h.dir() / "missing.jsonl").string()}), 74, {"missing.jsonl"});
    CHECK_FALSE(fs::exists(h.dir() / "data"));
    Home a;
    fill(a);
    const fs::path file = h.write("in.jsonl", export_of(a, "jsonl"));
    const auto dry = h.run({"import", "--dry-run", file.string()});
    CHECK(dry.status == 0);
    CHECK(contains(dry.out, "4"));
    CHECK_FALSE(fs::exists(h.dir() / "data"));
    // An empty file imports nothing.
    const fs::path empty = h.write("empty.jsonl", "");
    const auto r = h.run({"import", empty.string()});
    CHECK(r.status == 0);
    CHECK(contains(r.out, "0 added, 0 already present"));
}

TEST_CASE("export and import carry the planned dose - an export without it still imports", "[transfer]") {
    Home a;
    fill(a);
    // The plan's entries carry it, the typed ones do not.
    const auto sessions = json_lines(export_of(a, "jsonl"));
    REQUIRE(sessions.size() == 4);
    std::size_t planned = 0, typed = 0;
    for (const auto& s : sessions)
        for (const auto& e : s.at("entries")) {
            INFO(e.dump());
            if (s.at("origin") == "plan") {
                REQUIRE(e.contains("planned"));
                CHECK(e.at("planned").size() == 3);
                ++planned;
            } else {
                CHECK_FALSE(e.contains("planned"));
                ++typed;
            }
        }
    CHECK(planned >= 3);
    CHECK(typed == 6);
    const auto rows = csv_records(export_of(a, "csv"));
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const bool from_plan = rows[i][8] == "plan";
        CHECK(rows[i][18].empty() == !from_plan);
        CHECK(rows[i][19].empty() == !from_plan);
        CHECK(rows[i][20].empty() == !from_plan);
    }

    SECTION("a CSV export from before the planned columns imports, with no planned dose") {
        std::string old;
        for (const auto& r : rows) {
            for (std::size_t i = 0; i < 18; ++i) {
                std::string field = r[i];
                if (field.find_first_of(",\"\r\n") != std::string::npos) {
                    std::string quoted = "\"";
                    for (char c : field) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
                    field = quoted + "\"";
                }
                old += (i ? "," : "") + field;
            }
            old += "\r\n";
        }
        Home b;
        const fs::path file = b.write("old.csv", old);
        const auto r = b.run({"import", file.string()});
        INFO("stderr: " << r.err);
        REQUIRE(r.status == 0);
        CHECK(contains(r.out, "4 added, 0 already present"));
        CHECK(scalar(db_path(b), "SELECT count(*) FROM entry WHERE planned_sets IS NOT NULL") == 0);
        for (const auto& s : json_lines(export_of(b, "jsonl")))
            for (const auto& e : s.at("entries")) CHECK_FALSE(e.contains("planned"));
    }
}

TEST_CASE("import refuses a bad planned dose with its file and line, and stores nothing", "[transfer][bad-input]") {
    const std::string good =
        R"({"uuid": "0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b", "started": "2026-11-20T08:00:00+00:00", "entries": )"
        R"([{"exercise": "cat-cow", "reps": 10, "planned": {"sets": 1, "reps": 10, "hold_seconds": 0}}]})";
    auto with_planned = [](const std::string& planned) {
        return str(R"({"uuid": "1b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b", "started": "2026-11-21T08:00:00+00:00", "entries": )",
                   R"([{"exercise": "cat-cow", "reps": 10}, {"exercise": "chin-tuck", "reps": 10, "planned": )", planned, "}]}");
    };
    using Case = std::pair<std::string, std::vector<std::string>>;
    for (const auto& [planned, fragments] : std::vector<Case>{
             {R"({"sets": 1, "reps": -10, "hold_seconds": 0})", {"chin-tuck: planned reps must be from 0 to 1000"}},
             {R"({"sets": 0, "reps": 10, "hold_seconds": 0})", {"chin-tuck: planned sets must be from 1 to 50"}},
             {R"({"sets": 1, "reps": 10, "hold_seconds": -5})", {"chin-tuck: planned hold must be from 0 to 3600 seconds"}},
             {R"({"sets": 1, "reps": "ten", "hold_seconds": 0})", {"'planned.reps' must be a whole number"}},
             {R"({"sets": 1, "reps": 10, "hold_seconds": 2.5})", {"'planned.hold_seconds' must be a whole number"}},
             {R"({"sets": 1, "reps": 10, "tempo": 3})", {"unknown key 'tempo' in 'planned'"}},
             {R"("2x10")", {"'planned' must be an object"}},
         }) {
        INFO(planned);
        Home h;
        const std::string input = good + "\n" + with_planned(planned) + "\n";
        const fs::path file = h.write("in.jsonl", input);
        // Into a fresh home: no log is left behind.
        e2e::expect_error(h.run({"import", file.string()}), 65, {str(file.string(), ":2:")});
        CHECK_FALSE(fs::exists(db_path(h)));
        // Into a log: unchanged.
        must(h, {"log", "cat-cow:10"});
        const auto before = h.snapshot();
        const auto r = h.run({"import", file.string()});
        e2e::expect_error(r, 65, {str(file.string(), ":2:")});
        for (const auto& fragment : fragments) CHECK(contains(r.err, fragment));
        CHECK(h.snapshot() == before);
        e2e::expect_error(h.run({"log", "-"}, input), 65, {"<stdin>:2:", fragments.front()});
        CHECK(h.snapshot() == before);
    }
}

TEST_CASE("exports of earlier versions still import: schema 1 JSON Lines and the older CSV header", "[transfer][formats]") {
    Home h;
    // Schema 1: no "schema", the session's number as "id", an entry's exercise as "exercise", goal null.
    const std::string v1 =
        R"({"id":7,"uuid":"0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b","started":"2026-11-20T18:30:00+01:00","date":"2026-11-20",)"
        R"("duration_seconds":300,"goal":null,"pain_before":3,"pain_after":2,"note":"old","origin":"typed","entries":)"
        R"([{"exercise":"cat-cow","name":"Cat-cow","sets":1,"reps":10,"hold_seconds":0,"side":"both","load":"","status":"done",)"
        R"("planned":{"sets":1,"reps":10,"hold_seconds":0}}]})" "\n";
    REQUIRE(h.run({"import", "-"}, v1).status == 0);
    const Json back = Json::parse(h.run({"export"}).out);
    CHECK(back.at("schema") == 2);
    CHECK(back.at("goal") == "balanced");
    CHECK(back.at("entries").at(0).at("id") == "cat-cow");
    CHECK_FALSE(back.contains("number"));  // a log's own numbers stay out of its export
    // The older CSV header: "exercise" and "planned_hold".
    const std::string csv = "uuid,started,date,duration_seconds,goal,pain_before,pain_after,note,origin,position,exercise,name,"
                            "sets,reps,hold_seconds,side,load,status,planned_sets,planned_reps,planned_hold\r\n"
                            "1b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b,2026-11-21T18:30:00+01:00,2026-11-21,60,,,,,typed,1,childs-pose,"
                            "Child's pose,1,0,30,both,,done,1,0,30\r\n";
    REQUIRE(h.run({"import", "-"}, csv).status == 0);
    const auto lines = e2e::lines(h.run({"export"}).out);
    REQUIRE(lines.size() == 2);
    CHECK(Json::parse(lines[1]).at("entries").at(0).at("planned").at("hold_seconds") == 30);
    // What a newer backcare wrote is refused, naming it, and nothing is stored.
    const std::string v3 = R"({"schema":3,"started":"2026-11-22T18:30:00Z","entries":["cat-cow:10"]})" "\n";
    e2e::expect_error(h.run({"import", "-"}, v3), 65, {"<stdin>:1:", "newer backcare"});
    e2e::expect_error(h.run({"import", "-"}, R"({"started":"2026-11-22T18:30:00Z","entries":[{"id":"cat-cow","exercise":"cat-cow"}]})" "\n"),
                      65, {"<stdin>:1:", "'id' and 'exercise'"});
    CHECK(count_sessions(db_path(h)) == 2);
}

TEST_CASE("a plan remembered by an earlier version is still logged", "[transfer][formats]") {
    Home h;
    h.write("state/backcare/last-plan.json",
            R"({"schema":1,"goal":"balanced","total_seconds":120,"exercises":[)"
            R"({"id":"cat-cow","name":"Cat-cow","dose":{"sets":1,"reps":8,"hold_seconds":0,"rest_seconds":0,"per_side":false}},)"
            R"({"id":"levator-scapula-stretch","name":"Levator scapulae stretch","dose":{"sets":1,"reps":0,"hold_seconds":20,"rest_seconds":0,"per_side":true}}]})");
    const Result r = h.run({"log", "--plan", "--format", "json"});
    REQUIRE(r.status == 0);
    const Json s = Json::parse(r.out);
    CHECK(s.at("entries").at(1).at("side") == "each");
    CHECK(s.at("entries").at(0).at("side") == "both");
}
