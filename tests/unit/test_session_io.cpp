// SPDX-License-Identifier: MIT
// Sessions in and out: typed items, JSON Lines, CSV and the remembered plan (session_entry.hpp,
// session_json.hpp, session_csv.hpp, session_reader.hpp).
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "builtin_catalogue.hpp"
#include "errors.hpp"
#include "planner.hpp"
#include "plan_render.hpp"
#include "session_helpers.hpp"
#include "session_csv.hpp"
#include "session_entry.hpp"
#include "session_json.hpp"
#include "session_reader.hpp"

using namespace backcare;
using backcare::test::awkward_notes;
using backcare::test::catalogue;
using backcare::test::error_of;
using backcare::test::make_session;
using backcare::test::utc;

namespace {

std::string item_error(const std::string& item) {
    return error_of<UsageError>([&] { (void)parse_item(item, catalogue()); });
}

std::string json_error(const std::string& line) {
    return error_of<UsageError>([&] { (void)parse_session_json(line, catalogue()); });
}

std::vector<Session> read_text(const std::string& text, const std::string& label = "in") {
    std::istringstream in(text);
    return read_sessions(in, label, catalogue());
}

std::string read_error(const std::string& text, const std::string& label) {
    return error_of<DataError>([&] { (void)read_text(text, label); });
}

std::string csv_of(const std::vector<Session>& sessions) {
    std::ostringstream out;
    out << session_csv_header << "\r\n";
    for (const auto& s : sessions) write_session_csv(out, s);
    return out.str();
}

std::string jsonl_of(const std::vector<Session>& sessions) {
    std::string out;
    for (const auto& s : sessions) out += session_json(s, false) + "\n";
    return out;
}

// A session with every field set and entries of every kind.
Session rich_session(std::uint64_t n, const std::string& note) {
    Session s = make_session(n, utc(2026, 11, 23, 17, 30) + std::chrono::hours{static_cast<int>(n)}, 3600,
                             {"cat-cow:10", "childs-pose:30s", "band-rows:2x12@red", "shoulder-blade-squeeze:10x5s",
                              "open-book:8"});
    s.id = static_cast<std::int64_t>(40 + n);
    s.entries[1].status = EntryStatus::skipped;
    s.entries[4].side = Side::left;
    // From a plan: done in full, skipped, done at less; the last two typed.
    s.entries[0].planned = PlannedDose{1, 10, 0};
    s.entries[1].planned = PlannedDose{1, 0, 30};
    s.entries[2].planned = PlannedDose{3, 12, 0};
    s.goal = Goal::posture;
    s.pain_before = 3;
    s.pain_after = 0;
    s.origin = Origin::plan;
    s.duration = 600;
    s.note = note;
    return s;
}

Session plain_session(std::uint64_t n) {
    Session s = make_session(n, utc(2026, 11, 24, 4, 30), -5 * 3600, {"childs-pose:20s"});
    s.origin = Origin::typed;
    return s;
}

}  // namespace

TEST_CASE("parse_item reads an id and a dose", "[session_io]") {
    SECTION("reps") {
        const Entry e = parse_item("cat-cow:10", catalogue());
        CHECK(e.exercise_id == "cat-cow");
        CHECK(e.exercise_name == "Cat-cow");
        CHECK(e.sets == 1);
        CHECK(e.reps == 10);
        CHECK(e.hold == 0);
        CHECK(e.side == Side::both);
        CHECK(e.load.empty());
        CHECK(e.status == EntryStatus::done);
    }
    SECTION("a hold") {
        const Entry e = parse_item("childs-pose:30s", catalogue());
        CHECK(e.exercise_id == "childs-pose");
        CHECK(e.reps == 0);
        CHECK(e.hold == 30);
    }
    SECTION("sets, reps and a load") {
        const Entry e = parse_item("band-rows:2x12@red", catalogue());
        CHECK(e.sets == 2);
        CHECK(e.reps == 12);
        CHECK(e.load == "red");
    }
    SECTION("reps with a hold; a one-sided exercise is done on each side") {
        const Entry e = parse_item("shoulder-blade-squeeze:10x5s", catalogue());
        CHECK(e.reps == 10);
        CHECK(e.hold == 5);
        CHECK(parse_item("open-book:8", catalogue()).side == Side::each);
    }
    SECTION("the id alone is the level-1 dose") {
        const Exercise& cat_cow = catalogue().get("cat-cow");
        const Dose level1 = dose_at_level(cat_cow, 1);
        const Entry e = parse_item("cat-cow", catalogue());
        CHECK(e.sets == level1.sets);
        CHECK(e.reps == level1.reps);
        CHECK(e.hold == level1.hold);
        CHECK(e.reps > 0);
        const Entry hold = parse_item("childs-pose", catalogue());
        CHECK(hold.hold == dose_at_level(catalogue().get("childs-pose"), 1).hold);
        CHECK(hold.hold > 0);
    }
}

TEST_CASE("parse_item refuses unknown ids, naming the nearest, and bad doses", "[session_io]") {
    const std::string unknown = item_error("cat-cwo:10");
    CHECK_THAT(unknown, Catch::Contains("cat-cwo"));
    CHECK_THAT(unknown, Catch::Contains("cat-cow"));
    CHECK_THAT(item_error("childs-pos"), Catch::Contains("childs-pose"));
    for (const char* item : {"cat-cow:10x", "cat-cow:", "cat-cow:0", "cat-cow:ten", "band-rows:2x12@", "cat-cow:-5",
                             ":10", ""}) {
        INFO("'" << item << "'");
        CHECK(item_error(item) != "<no error>");
    }
}

TEST_CASE("format_item writes the canonical item that parse_item reads back", "[session_io]") {
    for (const char* item : {"cat-cow:10", "childs-pose:30s", "band-rows:2x12@red", "shoulder-blade-squeeze:10x5s",
                             "open-book:2x8", "childs-pose:2x1x30s"}) {
        INFO(item);
        const Entry e = parse_item(item, catalogue());
        CHECK(format_item(e) == item);
        const Entry back = parse_item(format_item(e), catalogue());
        CHECK(back == e);
    }
}

TEST_CASE("estimate_session_seconds counts only the entries done", "[session_io]") {
    const Entry a = parse_item("cat-cow:10", catalogue());
    const Entry b = parse_item("childs-pose:30s", catalogue());
    Entry b_skipped = b;
    b_skipped.status = EntryStatus::skipped;

    CHECK(estimate_session_seconds({}, catalogue()) == 0);
    const int just_a = estimate_session_seconds({a}, catalogue());
    const int both = estimate_session_seconds({a, b}, catalogue());
    CHECK(just_a > 0);
    CHECK(both > just_a);
    CHECK(estimate_session_seconds({a, b_skipped}, catalogue()) == just_a);
    CHECK(estimate_session_seconds({b_skipped}, catalogue()) == 0);
    // More of the same takes longer.
    CHECK(estimate_session_seconds({parse_item("cat-cow:20", catalogue())}, catalogue()) > just_a);
    CHECK(estimate_session_seconds({parse_item("childs-pose:60s", catalogue())}, catalogue()) >
          estimate_session_seconds({b}, catalogue()));
}

TEST_CASE("main_goal is the goal every entry shares, else balanced", "[session_io]") {
    auto entries = [](std::vector<std::string> items) {
        std::vector<Entry> out;
        for (const auto& i : items) out.push_back(parse_item(i, catalogue()));
        return out;
    };
    // childs-pose: flexibility; cat-cow: flexibility and posture.
    CHECK(main_goal(entries({"childs-pose:30s", "cat-cow:10"}), catalogue()) == PlanGoal{Goal::flexibility});
    // band-rows and band-pull-apart: strength and posture each, a tie.
    CHECK(main_goal(entries({"childs-pose:30s", "band-rows:12"}), catalogue()) == PlanGoal{});
    CHECK(main_goal(entries({"band-external-rotation:10", "band-rows:12"}), catalogue()) == PlanGoal{Goal::strength});
    CHECK(main_goal({}, catalogue()) == PlanGoal{});
    Entry unknown;
    unknown.exercise_id = "removed-exercise";
    unknown.exercise_name = "Removed";
    unknown.reps = 5;
    CHECK(main_goal({unknown}, catalogue()) == PlanGoal{});
}

TEST_CASE("session_json and parse_session_json round-trip every field and any note", "[session_io]") {
    std::uint64_t n = 0;
    for (const auto& note : awkward_notes()) {
        INFO("note #" << n);
        const Session s = rich_session(++n, note);
        const std::string line = session_json(s, true);
        CHECK(line.find('\n') == std::string::npos);
        Session back = parse_session_json(line, catalogue());
        CHECK(back.id == 0);
        back.id = s.id;
        CHECK(back == s);
        CHECK(back.note == note);
    }
    SECTION("optional fields absent") {
        const Session s = plain_session(1);
        Session back = parse_session_json(session_json(s, false), catalogue());
        CHECK_FALSE(back.goal.has_value());
        CHECK_FALSE(back.pain_before.has_value());
        CHECK_FALSE(back.pain_after.has_value());
        CHECK(back == s);
    }
}

TEST_CASE("a session read without a uuid is identified by everything it holds", "[session_io][identity]") {
    const auto uuid_of = [](const std::string& line) { return parse_session_json(line, catalogue()).uuid; };
    const std::string fine = R"({"started":"2026-11-23T18:30:00Z","pain_before":2,"pain_after":2,"note":"fine","entries":["cat-cow:10"]})";
    const std::string hurt = R"({"started":"2026-11-23T18:30:00Z","pain_before":3,"pain_after":9,"note":"hurt badly","entries":["cat-cow:10"]})";
    CHECK(uuid_of(fine) == uuid_of(fine));
    CHECK(uuid_of(fine) != uuid_of(hurt));
    // Each field on its own makes another session.
    for (const char* other : {R"({"started":"2026-11-23T18:30:00Z","pain_before":2,"pain_after":2,"note":"fine!","entries":["cat-cow:10"]})",
                              R"({"started":"2026-11-23T18:30:00Z","pain_before":2,"pain_after":3,"note":"fine","entries":["cat-cow:10"]})",
                              R"({"started":"2026-11-23T18:30:00Z","pain_before":1,"pain_after":2,"note":"fine","entries":["cat-cow:10"]})",
                              R"({"started":"2026-11-23T18:30:00Z","pain_before":2,"pain_after":2,"note":"fine","goal":"strength","entries":["cat-cow:10"]})",
                              R"({"started":"2026-11-23T18:30:00Z","pain_before":2,"pain_after":2,"note":"fine","duration_seconds":60,"entries":["cat-cow:10"]})",
                              R"({"started":"2026-11-23T18:30:00Z","pain_before":2,"pain_after":2,"note":"fine","origin":"typed","entries":["cat-cow:10"]})",
                              R"({"started":"2026-11-23T18:30:00Z","pain_before":2,"pain_after":2,"note":"fine","entries":["cat-cow:10@red"]})",
                              R"({"started":"2026-11-23T18:30:00Z","pain_before":2,"pain_after":2,"note":"fine","entries":["cat-cow:10","chin-tuck:10"]})"}) {
        INFO(other);
        CHECK(uuid_of(other) != uuid_of(fine));
    }
    // The same moment written at another offset is the same session.
    CHECK(uuid_of(R"({"started":"2026-11-23T18:30:00Z","entries":["cat-cow:10"]})") ==
          uuid_of(R"({"started":"2026-11-23T19:30:00+01:00","entries":["cat-cow:10"]})"));
    // A note's text cannot pass for another field.
    CHECK(uuid_of(R"({"started":"2026-11-23T18:30:00Z","note":"a|b","entries":["cat-cow:10"]})") !=
          uuid_of(R"({"started":"2026-11-23T18:30:00Z","note":"a","origin":"import","entries":["cat-cow:10"]})"));
}

TEST_CASE("CSV rows without a uuid that agree on the session's fields are one session", "[session_io][identity]") {
    const std::string header = "started,pain_after,note,exercise,reps,hold_seconds\n";
    std::istringstream in(header + "2026-11-23T18:30:00Z,2,fine,cat-cow,10,\n" + "2026-11-23T18:30:00Z,2,fine,childs-pose,,30\n" +
                          "2026-11-23T18:30:00Z,9,hurt,cat-cow,10,\n" + "2026-11-24T18:30:00Z,,,cat-cow,8,\n");
    const auto sessions = read_sessions(in, "in.csv", catalogue());
    REQUIRE(sessions.size() == 3);
    CHECK(sessions[0].entries.size() == 2);
    CHECK(sessions[1].entries.size() == 1);
    CHECK(sessions[1].note == "hurt");
    CHECK(sessions[0].uuid != sessions[1].uuid);
    // The uuid is the one the same session gets from JSON: all of its entries count.
    const Session json = parse_session_json(
        R"({"started":"2026-11-23T18:30:00Z","pain_after":2,"note":"fine","entries":["cat-cow:10","childs-pose:30s"]})", catalogue());
    CHECK(sessions[0].uuid == json.uuid);
}

TEST_CASE("parse_session_json fills in what may be left out", "[session_io]") {
    const std::string line = R"({"started":"2026-11-23T18:30:00+01:00","entries":["cat-cow:10"]})";
    const Session s = parse_session_json(line, catalogue());
    // A uuid from the content: the same line is the same session, another is not.
    CHECK(is_uuid(s.uuid));
    Session keyed = s;
    keyed.duration = -1;  // not given: the estimate is no part of it
    CHECK(s.uuid == content_uuid(keyed));
    CHECK(parse_session_json(line, catalogue()).uuid == s.uuid);
    CHECK(parse_session_json(R"({"started":"2026-11-23T18:30:00+01:00","entries":["cat-cow:12"]})", catalogue()).uuid !=
          s.uuid);
    CHECK(parse_session_json(R"({"started":"2026-11-23T18:31:00+01:00","entries":["cat-cow:10"]})", catalogue()).uuid !=
          s.uuid);
    CHECK(s.origin == Origin::import);
    CHECK(s.duration == estimate_session_seconds(s.entries, catalogue()));
    CHECK(s.note.empty());
    REQUIRE(s.entries.size() == 1);
    CHECK(s.entries[0] == parse_item("cat-cow:10", catalogue()));
    CHECK(s.local_date() == "2026-11-23");

    SECTION("an entry as a string is a typed item") {
        const Session t = parse_session_json(
            R"({"started":"2026-11-23T18:30:00Z","entries":["band-rows:2x12@red",{"exercise":"childs-pose","hold_seconds":30}]})",
            catalogue());
        REQUIRE(t.entries.size() == 2);
        CHECK(t.entries[0] == parse_item("band-rows:2x12@red", catalogue()));
        CHECK(t.entries[1] == parse_item("childs-pose:30s", catalogue()));
        CHECK_THAT(json_error(R"({"started":"2026-11-23T18:30:00Z","entries":["cat-cow:10x"]})"),
                   Catch::Contains("10x"));
        CHECK_THAT(json_error(R"({"started":"2026-11-23T18:30:00Z","entries":["cat-cwo:10"]})"),
                   Catch::Contains("cat-cow"));
    }
    SECTION("an exercise no longer in the catalogue is kept by its name") {
        const Session t = parse_session_json(
            R"({"started":"2026-11-23T18:30:00Z","duration_seconds":60,"entries":[{"exercise":"my-old-stretch","name":"My old stretch","hold_seconds":30}]})",
            catalogue());
        REQUIRE(t.entries.size() == 1);
        CHECK(t.entries[0].exercise_id == "my-old-stretch");
        CHECK(t.entries[0].exercise_name == "My old stretch");
        CHECK(t.entries[0].hold == 30);
        const std::string without_name =
            json_error(R"({"started":"2026-11-23T18:30:00Z","entries":[{"exercise":"my-old-stretch","hold_seconds":30}]})");
        CHECK(without_name != "<no error>");
        CHECK_THAT(without_name, Catch::Contains("my-old-stretch"));
    }
}

TEST_CASE("parse_session_json refuses what it cannot store faithfully", "[session_io]") {
    const std::string entries = R"("entries":["cat-cow:10"])";
    const std::string started = R"("started":"2026-11-23T23:30:00-05:00")";
    REQUIRE_NOTHROW(parse_session_json("{" + started + "," + entries + "}", catalogue()));

    SECTION("unknown keys, in a session or an entry") {
        CHECK_THAT(json_error("{" + started + "," + entries + R"(,"colour":"red"})"), Catch::Contains("colour"));
        CHECK_THAT(json_error("{" + started + R"(,"entries":[{"exercise":"cat-cow","reps":10,"tempo":3}]})"),
                   Catch::Contains("tempo"));
    }
    SECTION("not an object") {
        for (const char* text : {"[]", "42", "\"cat-cow:10\"", "null", "true", "", "{", "{\"started\":}", "not json"}) {
            INFO("'" << text << "'");
            CHECK(json_error(text) != "<no error>");
        }
    }
    SECTION("a date that disagrees with started") {
        // 23:30 at -05:00 is the 23rd there, though the 24th in UTC.
        CHECK_NOTHROW(parse_session_json("{" + started + R"(,"date":"2026-11-23",)" + entries + "}", catalogue()));
        CHECK_THAT(json_error("{" + started + R"(,"date":"2026-11-24",)" + entries + "}"), Catch::Contains("date"));
    }
    SECTION("goal, origin and status") {
        CHECK_THAT(json_error("{" + started + R"(,"goal":"cardio",)" + entries + "}"), Catch::Contains("goal"));
        CHECK_THAT(json_error("{" + started + R"(,"origin":"manual",)" + entries + "}"), Catch::Contains("origin"));
        CHECK_THAT(json_error("{" + started + R"(,"entries":[{"exercise":"cat-cow","reps":10,"status":"maybe"}]})"),
                   Catch::Contains("status"));
        CHECK(json_error("{" + started + R"(,"entries":[{"exercise":"cat-cow","reps":10,"side":"up"}]})") ==
              "cat-cow: side must be both, each, left or right");
        CHECK(json_error("{" + started + R"(,"entries":[{"exercise":"cat-cow","reps":10,"side":"each-side"}]})") ==
              "cat-cow: side must be both, each, left or right");
        const Session balanced =
            parse_session_json("{" + started + R"(,"goal":"balanced",)" + entries + "}", catalogue());
        CHECK_FALSE(balanced.goal.has_value());
        const Session null_goal =
            parse_session_json("{" + started + R"(,"goal":null,)" + entries + "}", catalogue());
        CHECK_FALSE(null_goal.goal.has_value());
    }
    SECTION("started missing or malformed") {
        CHECK_THAT(json_error("{" + entries + "}"), Catch::Contains("started"));
        CHECK_THAT(json_error(R"({"started":"","entries":["cat-cow:10"]})"), Catch::Contains("started"));
        CHECK_THAT(json_error(R"({"started":"2026-02-30T10:00:00Z","entries":["cat-cow:10"]})"), Catch::Contains("started"));
        CHECK_THAT(json_error(R"({"started":"yesterday","entries":["cat-cow:10"]})"), Catch::Contains("started"));
        CHECK_THAT(json_error(R"({"started":1764000000,"entries":["cat-cow:10"]})"), Catch::Contains("started"));
    }
    SECTION("entries missing, empty or malformed") {
        CHECK_THAT(json_error("{" + started + "}"), Catch::Contains("entries"));
        CHECK_THAT(json_error("{" + started + R"(,"entries":"cat-cow:10"})"), Catch::Contains("entries"));
        CHECK(json_error("{" + started + R"(,"entries":[]})") != "<no error>");
        CHECK(json_error("{" + started + R"(,"entries":[42]})") != "<no error>");
        CHECK(json_error("{" + started + R"(,"entries":[{"reps":10}]})") != "<no error>");
        CHECK(json_error("{" + started + R"(,"entries":[{"exercise":"cat-cow","reps":0}]})") != "<no error>");
        CHECK(json_error("{" + started + R"(,"entries":[{"exercise":"cat-cow","reps":"10"}]})") != "<no error>");
    }
    SECTION("bad values, without echoing pain or note") {
        const std::string pain = json_error("{" + started + R"(,"pain_before":11,)" + entries + "}");
        CHECK_THAT(pain, Catch::Contains("pain"));
        CHECK_THAT(pain, !Catch::Contains("11"));
        CHECK(json_error("{" + started + R"(,"pain_after":-1,)" + entries + "}") != "<no error>");
        CHECK(json_error("{" + started + R"(,"pain_after":"3",)" + entries + "}") != "<no error>");
        CHECK(json_error("{" + started + R"(,"pain_after":2.5,)" + entries + "}") != "<no error>");
        CHECK_THAT(json_error("{" + started + R"(,"uuid":"NOT-A-UUID",)" + entries + "}"), Catch::Contains("uuid"));
        CHECK(json_error("{" + started + R"(,"duration_seconds":-5,)" + entries + "}") != "<no error>");
        CHECK(json_error("{" + started + R"(,"note":5,)" + entries + "}") != "<no error>");
        const std::string note = json_error("{" + started + R"(,"note":")" + std::string(max_note_bytes, 'q') +
                                            R"(secret",)" + entries + "}");
        CHECK_THAT(note, Catch::Contains("note"));
        CHECK_THAT(note, !Catch::Contains("secret"));
    }
}

TEST_CASE("read_sessions reads back JSON Lines and CSV exports", "[session_io]") {
    std::vector<Session> sessions;
    std::uint64_t n = 0;
    for (const auto& note : awkward_notes()) sessions.push_back(rich_session(++n, note));
    sessions.push_back(plain_session(++n));
    for (auto& s : sessions) s.id = 0;

    SECTION("JSON Lines") {
        CHECK(read_text(jsonl_of(sessions), "in.jsonl") == sessions);
        // With ids, CRLF line ends and blank lines between.
        std::string text = "\n\r\n";
        for (const auto& s : sessions) text += session_json(s, true) + "\r\n\n";
        CHECK(read_text(text, "in.jsonl") == sessions);
    }
    SECTION("CSV") {
        const std::string csv = csv_of(sessions);
        const auto back = read_text(csv, "in.csv");
        REQUIRE(back.size() == sessions.size());
        for (std::size_t i = 0; i < back.size(); ++i) {
            INFO("session " << i);
            CHECK(back[i] == sessions[i]);
        }
        // And with LF line ends.
        std::string lf;
        for (char c : csv)
            if (c != '\r') lf += c;
        // Only the row ends were CRLF; notes lose their own \r here, so compare what survives.
        const auto back_lf = read_text(lf, "in.csv");
        CHECK(back_lf.size() == sessions.size());
    }
    SECTION("the same session twice in a row stays two records in JSON") {
        const auto back = read_text(jsonl_of({sessions[0], sessions[0]}), "in.jsonl");
        CHECK(back.size() == 2);
    }
}

TEST_CASE("a planned dose is written only when known, and read back", "[session_io]") {
    const Session s = rich_session(1, "");
    const std::string line = session_json(s, false);
    CHECK_THAT(line, Catch::Contains(R"("status":"done","planned":{"sets":1,"reps":10,"hold_seconds":0}})"));
    CHECK_THAT(line, Catch::Contains(R"("load":"red","status":"done","planned":{"sets":3,"reps":12,"hold_seconds":0}})"));
    std::size_t planned = 0;
    for (auto at = line.find("\"planned\""); at != std::string::npos; at = line.find("\"planned\"", at + 1)) ++planned;
    CHECK(planned == 3);  // the typed entries have none
    CHECK(parse_session_json(session_json(s, false), catalogue()).entries == s.entries);

    SECTION("null or absent: typed without a plan; missing numbers take the entry's defaults") {
        const std::string head = R"({"started":"2026-11-23T18:30:00Z","entries":[)";
        CHECK_FALSE(parse_session_json(head + R"({"exercise":"cat-cow","reps":10,"planned":null}]})", catalogue())
                        .entries[0].planned.has_value());
        CHECK(parse_session_json(head + R"({"exercise":"childs-pose","hold_seconds":20,"planned":{"hold_seconds":30}}]})", catalogue())
                  .entries[0].planned == PlannedDose{1, 0, 30});
    }
    SECTION("CSV: three planned columns, empty when unknown, then the skip reason") {
        std::ostringstream out;
        write_session_csv(out, s);
        const std::string csv = out.str();
        CHECK(csv.find(",done,1,10,0,\r\n") != std::string::npos);
        CHECK(csv.find(",skipped,1,0,30,\r\n") != std::string::npos);
        CHECK(csv.find(",done,3,12,0,\r\n") != std::string::npos);
        CHECK(csv.find(",left,,done,,,,\r\n") != std::string::npos);
    }
    SECTION("CSV with the header of an export without planned columns") {
        std::string old_header = session_csv_header;
        old_header = old_header.substr(0, old_header.find(",planned_sets"));
        std::string csv = old_header + "\r\n";
        Session typed = plain_session(2);
        std::ostringstream rows;
        write_session_csv(rows, typed);
        std::string row = rows.str();
        row = row.substr(0, row.size() - std::string(",,,,\r\n").size()) + "\r\n";
        const auto back = read_text(csv + row, "old.csv");
        REQUIRE(back.size() == 1);
        CHECK(back[0] == typed);
        CHECK_FALSE(back[0].entries[0].planned.has_value());
    }
}

TEST_CASE("a bad planned dose is refused, naming it", "[session_io]") {
    const std::string head = R"({"started":"2026-11-23T18:30:00Z","entries":[{"exercise":"cat-cow","reps":10,"planned":)";
    auto planned_error = [&](const std::string& planned) { return json_error(head + planned + "}]}"); };
    CHECK_NOTHROW(parse_session_json(head + R"({"sets":1,"reps":10,"hold_seconds":0}}]})", catalogue()));
    CHECK_THAT(planned_error(R"({"sets":1,"reps":-10,"hold_seconds":0})"), Catch::Contains("planned reps"));
    CHECK_THAT(planned_error(R"({"sets":0,"reps":10})"), Catch::Contains("planned sets"));
    CHECK_THAT(planned_error(R"({"reps":10,"hold_seconds":-1})"), Catch::Contains("planned hold"));
    CHECK_THAT(planned_error(R"({"sets":1,"reps":0,"hold_seconds":0})"), Catch::Contains("planned dose needs reps"));
    CHECK_THAT(planned_error(R"({"sets":1,"reps":"10"})"), Catch::Contains("'planned.reps' must be a whole number"));
    CHECK_THAT(planned_error(R"({"sets":1.5,"reps":10})"), Catch::Contains("'planned.sets' must be a whole number"));
    CHECK_THAT(planned_error(R"({"reps":10,"tempo":3})"), Catch::Contains("unknown key 'tempo' in 'planned'"));
    CHECK_THAT(planned_error(R"({"reps":10,"hold":5})"), Catch::Contains("unknown key 'hold'"));
    CHECK_THAT(planned_error(R"("1x10")"), Catch::Contains("'planned' must be an object"));
    CHECK_THAT(planned_error("[1,10,0]"), Catch::Contains("'planned' must be an object"));
    CHECK_THAT(planned_error("10"), Catch::Contains("'planned' must be an object"));
    CHECK_THAT(planned_error(R"({"reps":10000000000})"), Catch::Contains("'planned.reps' is out of range"));

    SECTION("in CSV, by the file's line") {
        std::ostringstream out;
        out << session_csv_header << "\r\n";
        write_session_csv(out, rich_session(1, ""));
        const std::string csv = out.str();
        std::string bad = csv;
        bad.replace(bad.find(",done,1,10,0,\r\n"), std::string(",done,1,10,0").size(), ",done,1,-10,0");
        std::string m = read_error(bad, "in.csv");
        CHECK_THAT(m, Catch::StartsWith("in.csv:2: "));
        CHECK_THAT(m, Catch::Contains("planned reps"));
        bad = csv;
        bad.replace(bad.find(",done,1,10,0,\r\n"), std::string(",done,1,10,0").size(), ",done,one,10,0");
        m = read_error(bad, "in.csv");
        CHECK_THAT(m, Catch::StartsWith("in.csv:2: "));
        CHECK_THAT(m, Catch::Contains("'planned_sets' must be a whole number"));
    }
}

TEST_CASE("read_sessions of blank input gives no sessions", "[session_io]") {
    CHECK(read_text("").empty());
    CHECK(read_text("\n\n   \n\t\r\n").empty());
    CHECK(read_text(std::string(session_csv_header) + "\r\n").empty());
    CHECK(read_text(std::string(session_csv_header) + "\r\n\r\n\r\n").empty());
}

TEST_CASE("read_sessions names the label and line of a bad record", "[session_io]") {
    const std::string good = session_json(plain_session(1), false);
    const std::string good2 = session_json(plain_session(2), false);

    SECTION("JSON Lines") {
        CHECK_THAT(read_error(good + "\n\n" + good2 + "\n" + "{\"started\":\"2026-02-30T10:00:00Z\"}\n", "in.jsonl"),
                   Catch::StartsWith("in.jsonl:4: "));
        CHECK_THAT(read_error("\n\n{not json\n", "x.jsonl"), Catch::StartsWith("x.jsonl:3: "));
        CHECK_THAT(read_error(good + "\n" + good2 + "\n[1]\n" + good + "\n", "in.jsonl"), Catch::StartsWith("in.jsonl:3: "));
    }
    SECTION("CSV, after a note of several lines") {
        Session multi = rich_session(3, "first line\nsecond line\nthird line");
        multi.entries.resize(2);
        multi.entries[1].status = EntryStatus::done;
        // Header on line 1; two rows of three lines each: lines 2-4 and 5-7.
        const std::string csv = csv_of({multi});
        REQUIRE(read_text(csv, "in.csv").size() == 1);
        const std::string bad_reps = "," + std::string("2026-11-23T18:30:00+01:00") + ",,,,,,,typed,1,cat-cow,Cat-cow,1,ten,0,both,,done\r\n";
        CHECK_THAT(read_error(csv + bad_reps, "in.csv"), Catch::StartsWith("in.csv:8: "));
        const std::string short_row = ",2026-11-23T18:30:00+01:00,cat-cow\r\n";
        const std::string m = read_error(csv + short_row, "in.csv");
        CHECK_THAT(m, Catch::StartsWith("in.csv:8: "));
        CHECK_THAT(m, Catch::Contains("fields"));
        CHECK_THAT(read_error(csv + "\"unclosed,\r\n", "in.csv"), Catch::StartsWith("in.csv:8: "));
    }
    SECTION("CSV header") {
        const std::string m = read_error("uuid,started,exercise,colour\r\n", "in.csv");
        CHECK_THAT(m, Catch::StartsWith("in.csv:1: "));
        CHECK_THAT(m, Catch::Contains("colour"));
        CHECK_THAT(read_error("uuid,exercise,reps\r\n", "in.csv"), Catch::Contains("started"));
        CHECK_THAT(read_error("uuid,started,reps\r\n", "in.csv"), Catch::Contains("exercise"));
    }
    SECTION("CSV with too many fields") {
        const std::string csv = csv_of({plain_session(4)});
        std::string extra = csv.substr(0, csv.size() - 2) + ",extra\r\n";
        CHECK_THAT(read_error(extra, "in.csv"), Catch::StartsWith("in.csv:2: "));
    }
}

TEST_CASE("read_sessions of CSV with only some columns", "[session_io]") {
    const std::string csv =
        "started,exercise,reps,hold_seconds\n"
        "2026-11-23T18:30:00+01:00,cat-cow,10,\n"
        "2026-11-23T19:30:00+01:00,childs-pose,,30\n";
    const auto sessions = read_text(csv, "in.csv");
    REQUIRE(sessions.size() == 2);  // a row without a uuid is a session of its own
    CHECK(sessions[0].entries == std::vector<Entry>{parse_item("cat-cow:10", catalogue())});
    CHECK(sessions[1].entries == std::vector<Entry>{parse_item("childs-pose:30s", catalogue())});
    CHECK(sessions[0].uuid != sessions[1].uuid);
    CHECK(is_uuid(sessions[0].uuid));
}

TEST_CASE("read_sessions of CSV without durations estimates them from every entry", "[session_io]") {
    const std::string uuid = make_uuid(5, 5);
    const std::string csv =
        "uuid,started,exercise,reps,hold_seconds\n" +
        uuid + ",2026-11-23T18:30:00+01:00,cat-cow,10,\n" +
        uuid + ",2026-11-23T18:30:00+01:00,childs-pose,,30\n" +
        uuid + ",2026-11-23T18:30:00+01:00,band-rows,12,\n";
    const auto sessions = read_text(csv, "in.csv");
    REQUIRE(sessions.size() == 1);
    REQUIRE(sessions[0].entries.size() == 3);
    // The same as the same session in JSON, where the estimate covers every entry.
    CHECK(sessions[0].duration == estimate_session_seconds(sessions[0].entries, catalogue()));
}

TEST_CASE("read_plan_json reads back plan_json's exercises as planned", "[session_io]") {
    for (const PlanGoal goal : {PlanGoal{}, PlanGoal{Goal::flexibility}, PlanGoal{Goal::strength}}) {
        INFO("goal " << name_of_goal(goal));
        PlanRequest req;
        req.goal = goal;
        req.minutes = 10;
        req.equipment = {Equipment::band};
        const Routine routine = plan_routine(catalogue(), req, {}, backcare::test::ymd(2026, 11, 23));
        REQUIRE(routine.items.size() >= min_exercises);
        const PlannedSession planned = read_plan_json(plan_json(routine, utc(2026, 11, 23, 18, 0)));
        CHECK(planned.goal == goal);
        CHECK(planned.seconds == routine.total_seconds());
        REQUIRE(planned.entries.size() == routine.items.size());
        for (std::size_t i = 0; i < planned.entries.size(); ++i) {
            const Entry& e = planned.entries[i];
            const RoutineItem& item = routine.items[i];
            INFO(item.exercise.id);
            CHECK(e.exercise_id == item.exercise.id);
            CHECK(e.exercise_name == item.exercise.name);
            CHECK(e.sets == item.dose.sets);
            CHECK(e.reps == item.dose.reps);
            CHECK(e.hold == item.dose.hold);
            CHECK(e.side == (item.dose.per_side ? Side::each : Side::both));
            CHECK(e.status == EntryStatus::done);
        }
    }
}

TEST_CASE("read_plan_json refuses a damaged plan with DataError", "[session_io]") {
    PlanRequest req;
    const Routine routine = plan_routine(catalogue(), req, {}, backcare::test::ymd(2026, 11, 23));
    const std::string good = plan_json(routine, utc(2026, 11, 23, 18, 0));
    REQUIRE_NOTHROW(read_plan_json(good));
    auto damaged = [&](const std::string& text) {
        return error_of<DataError>([&] { (void)read_plan_json(text); });
    };
    CHECK(damaged("") != "<no error>");
    CHECK(damaged(good.substr(0, good.size() / 2)) != "<no error>");
    CHECK(damaged("{}") != "<no error>");
    CHECK(damaged("[]") != "<no error>");
    CHECK(damaged(R"({"goal":"balanced","total_seconds":0,"exercises":[]})") != "<no error>");
    CHECK(damaged(R"({"goal":"balanced","total_seconds":60,"exercises":[{"id":"cat-cow","name":"Cat-cow"}]})") !=
          "<no error>");
    CHECK(damaged(R"({"goal":"balanced","total_seconds":60,"exercises":[{"id":"cat-cow","name":"Cat-cow",)"
                  R"("dose":{"sets":"one","reps":10,"hold_seconds":0,"per_side":false}}]})") != "<no error>");
}

TEST_CASE("read_plan_json refuses a plan whose goal or dose is not one backcare writes", "[session_io]") {
    auto damaged = [&](const std::string& text) {
        return error_of<DataError>([&] { (void)read_plan_json(text); });
    };
    const std::string exercises =
        R"("exercises":[{"id":"cat-cow","name":"Cat-cow","dose":{"sets":1,"reps":10,"hold_seconds":0,"per_side":false}}])";
    REQUIRE_NOTHROW(read_plan_json(R"({"goal":"posture","total_seconds":60,)" + exercises + "}"));
    // An unknown goal is damage, not a balanced plan.
    CHECK(damaged(R"({"goal":"cardio","total_seconds":60,)" + exercises + "}") != "<no error>");
    // A dose no session could store (no sets; neither reps nor a hold).
    CHECK(damaged(R"({"goal":"posture","total_seconds":60,"exercises":[{"id":"cat-cow","name":"Cat-cow",)"
                  R"("dose":{"sets":0,"reps":10,"hold_seconds":0,"per_side":false}}]})") != "<no error>");
    CHECK(damaged(R"({"goal":"posture","total_seconds":60,"exercises":[{"id":"cat-cow","name":"Cat-cow",)"
                  R"("dose":{"sets":1,"reps":0,"hold_seconds":0,"per_side":false}}]})") != "<no error>");
}
