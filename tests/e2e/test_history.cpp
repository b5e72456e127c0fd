// SPDX-License-Identifier: MIT
// backcare history, undo and delete.
#include <filesystem>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;

namespace {

// Logs a session and returns it as stored.
Json logged(const Home& h, std::vector<std::string> args) {
    args.insert(args.begin(), "log");
    args.insert(args.end(), {"--format", "json"});
    const auto r = h.run(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    return e2e::logs::stored_session(r.out);
}

std::vector<std::string> uuids(const Json& sessions) {
    std::vector<std::string> out;
    for (const auto& s : sessions) out.push_back(s.at("uuid"));
    return out;
}

// Four sessions logged out of order: returns their uuids in the order of their start.
struct Four {
    Json oldest, older, newer, newest;
};
Four log_four(const Home& h) {
    Four f;
    f.newer = logged(h, {"cat-cow:10", "--at", "2026-11-22T18:00", "--note", "newer"});
    f.oldest = logged(h, {"childs-pose:30s", "--at", "2026-11-10T07:00", "--pain-before", "5", "--pain-after", "3"});
    f.newest = logged(h, {"band-rows:2x12@red", "--at", "2026-11-23T09:00"});
    f.older = logged(h, {"chin-tuck:10x5s", "--at", "2026-11-20T12:30"});
    return f;
}

}  // namespace

TEST_CASE("history: newest first, whatever order they were logged in", "[history]") {
    Home h;
    const Four f = log_four(h);
    const Json all = history_json(h);
    CHECK(uuids(all) == std::vector<std::string>{f.newest.at("uuid"), f.newer.at("uuid"), f.older.at("uuid"), f.oldest.at("uuid")});
    CHECK(all[0] == f.newest);
    CHECK(all[3] == f.oldest);

    // Text: one line per session, newest first, with its number, date and time, and items.
    const auto text = h.run({"history"});
    REQUIRE(text.status == 0);
    CHECK(text.err.empty());
    const auto rows = e2e::lines(text.out);
    std::vector<std::string> session_rows;
    for (const auto& row : rows)
        if (row.find("2026-11-") != std::string::npos) session_rows.push_back(row);
    REQUIRE(session_rows.size() == 4);
    CHECK(contains(session_rows[0], "2026-11-23 09:00"));
    CHECK(contains(session_rows[0], "band-rows:2x12@red"));
    CHECK(contains(session_rows[0], "3"));  // its number: logged third
    CHECK(contains(session_rows[1], "2026-11-22 18:00"));
    CHECK(contains(session_rows[2], "2026-11-20 12:30"));
    CHECK(contains(session_rows[3], "2026-11-10 07:00"));
    CHECK(contains(session_rows[3], "childs-pose:30s"));
    CHECK(contains(session_rows[3], "5"));
    CHECK(contains(text.out, "newer"));  // the note
    CHECK_FALSE(e2e::has_ansi(text.out));
}

TEST_CASE("history --limit and --since", "[history]") {
    Home h;
    const Four f = log_four(h);
    CHECK(uuids(history_json(h, {"--limit", "2"})) == std::vector<std::string>{f.newest.at("uuid"), f.newer.at("uuid")});
    CHECK(uuids(history_json(h, {"-n", "1"})) == std::vector<std::string>{f.newest.at("uuid")});
    CHECK(history_json(h, {"--limit", "0"}).size() == 4);  // 0: all
    CHECK(uuids(history_json(h, {"--since", "2026-11-20"})) ==
          std::vector<std::string>{f.newest.at("uuid"), f.newer.at("uuid"), f.older.at("uuid")});
    CHECK(uuids(history_json(h, {"--since", "2026-11-21"})) == std::vector<std::string>{f.newest.at("uuid"), f.newer.at("uuid")});
    // 7d: the last seven days including today (2026-11-17 .. 2026-11-23).
    CHECK(history_json(h, {"--since", "7d"}).size() == 3);
    CHECK(history_json(h, {"--since", "today"}).size() == 1);
    CHECK(history_json(h, {"--since", "all"}).size() == 4);
    CHECK(uuids(history_json(h, {"--since", "2026-11-20", "--limit", "1"})) == std::vector<std::string>{f.newest.at("uuid")});
    CHECK(history_json(h, {"--since", "2026-11-24"}).empty());
    // The default limit is 10.
    for (int i = 0; i < 8; ++i) REQUIRE(h.run({"log", "cat-cow:10", "--at", "2026-11-01T08:00"}).status == 0);
    const auto text = h.run({"history", "--format", "tsv"});
    CHECK(e2e::lines(text.out).size() == 10);
    // Bad values: 2, one line.
    e2e::expect_usage_error(h.run({"history", "--limit", "x"}), {"--limit"});
    e2e::expect_usage_error(h.run({"history", "--limit", "-3"}), {"--limit"});
    e2e::expect_usage_error(h.run({"history", "--since", "2026-02-30"}), {"--since"});
    e2e::expect_usage_error(h.run({"history", "--since", "lately"}), {"--since"});
    e2e::expect_error(h.run({"history", "--format", "xml"}), 2, {"xml"});
}

TEST_CASE("history --format tsv: one row per session, documented columns, text escaped", "[history]") {
    Home h;
    const Json s = logged(h, {"cat-cow:10", "band-rows:2x12@red", "--at", "2026-11-22T18:00", "--duration", "8m",
                              "--pain-before", "4", "--pain-after", "2", "--note", "a\tb\nc\\d"});
    REQUIRE(h.run({"log", "--plan"}).status == 1);  // no plan: nothing added
    REQUIRE(h.run({"plan", "--seed", "1"}).status == 0);
    const std::string skip = Json::parse(e2e::read_file(h.state_dir() / "last-plan.json")).at("exercises").at(0).at("id");
    const Json p = logged(h, {"--plan", "--skip", skip});
    const auto r = h.run({"history", "--format", "tsv"});
    REQUIRE(r.status == 0);
    const auto rows = e2e::lines(r.out);
    REQUIRE(rows.size() == 2);
    auto fields = [](const std::string& row) {
        std::vector<std::string> out;
        std::size_t start = 0;
        for (std::size_t tab; (tab = row.find('\t', start)) != std::string::npos; start = tab + 1) out.push_back(row.substr(start, tab - start));
        out.push_back(row.substr(start));
        return out;
    };
    const auto a = fields(rows[1]);
    REQUIRE(a.size() == 11);
    CHECK(a[0] == "1");
    CHECK(a[1] == s.at("uuid"));
    CHECK(a[2] == "2026-11-22T18:00:00+00:00");
    CHECK(a[3] == "2026-11-22");
    CHECK(a[4] == "480");
    CHECK(a[6] == "4");
    CHECK(a[7] == "2");
    CHECK(a[8] == "typed");
    CHECK(a[9] == "cat-cow:10,band-rows:2x12@red");
    CHECK(a[10] == "a\\tb\\nc\\\\d");
    const auto b = fields(rows[0]);
    REQUIRE(b.size() == 11);
    CHECK(b[1] == p.at("uuid"));
    CHECK(b[8] == "plan");
    CHECK(contains(b[9], skip));
    CHECK(contains(b[9], "skipped"));
}

TEST_CASE("undo removes the most recently logged session and prints it", "[history]") {
    Home h;
    const Four f = log_four(h);  // logged last: "older" (started 2026-11-20)
    const auto r = h.run({"undo"});
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, "Removed"));
    CHECK(contains(r.out, f.older.at("uuid").get<std::string>()));
    CHECK(contains(r.out, "Chin tuck"));
    CHECK(uuids(history_json(h)) == std::vector<std::string>{f.newest.at("uuid"), f.newer.at("uuid"), f.oldest.at("uuid")});
    // Then the one logged before it.
    REQUIRE(h.run({"undo"}).status == 0);
    CHECK(uuids(history_json(h)) == std::vector<std::string>{f.newer.at("uuid"), f.oldest.at("uuid")});
    CHECK(count_sessions(db_path(h)) == 2);
    // Its entries went with it.
    CHECK(scalar(db_path(h), "SELECT count(*) FROM entry WHERE session_id NOT IN (SELECT id FROM session)") == 0);
    CHECK(scalar(db_path(h), "SELECT count(DISTINCT session_id) FROM entry") == 2);
    REQUIRE(h.run({"undo"}).status == 0);
    REQUIRE(h.run({"undo"}).status == 0);
    // An empty log: 1, nothing to undo.
    const auto before = h.snapshot();
    e2e::expect_error(h.run({"undo"}), 1, {"empty"});
    CHECK(h.snapshot() == before);
    CHECK(count_sessions(db_path(h)) == 0);
}

TEST_CASE("undo on a log that was never written exits 1", "[history]") {
    Home h;
    e2e::expect_error(h.run({"undo"}), 1, {});
    CHECK_FALSE(std::filesystem::exists(h.dir() / "data"));
}

TEST_CASE("delete by number, by uuid and by uuid prefix - an unknown one exits 1", "[history]") {
    Home h;
    const Four f = log_four(h);
    // By number: "oldest" was logged second, so it is number 2.
    REQUIRE(f.oldest.at("number") == 2);
    auto r = h.run({"delete", "2"});
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, f.oldest.at("uuid").get<std::string>()));
    CHECK(history_json(h).size() == 3);
    // By uuid.
    r = h.run({"delete", f.newest.at("uuid")});
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, f.newest.at("uuid").get<std::string>()));
    CHECK(uuids(history_json(h)) == std::vector<std::string>{f.newer.at("uuid"), f.older.at("uuid")});
    // By a unique prefix of 8 characters.
    r = h.run({"delete", f.older.at("uuid").get<std::string>().substr(0, 8)});
    REQUIRE(r.status == 0);
    CHECK(uuids(history_json(h)) == std::vector<std::string>{f.newer.at("uuid")});

    // Unknown: 1, and the log is left as it was.
    const auto before = h.snapshot();
    for (const std::string& id : {std::string("2"), std::string("99"), f.newest.at("uuid").get<std::string>(),
                                  std::string("00000000-0000-4000-8000-000000000000"), std::string("0")}) {
        INFO("delete " << id);
        e2e::expect_error(h.run({"delete", id}), 1, {});
        CHECK(h.snapshot() == before);
    }
    CHECK(uuids(history_json(h)) == std::vector<std::string>{f.newer.at("uuid")});
}
