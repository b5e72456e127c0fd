// SPDX-License-Identifier: MIT
// The log's file: private whatever the umask, untouched by reading, refused
// (and left as it was) when it is not ours, and bad values never reach it.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;
namespace fs = std::filesystem;

namespace {

const std::string secret_note = "SECRET-NOTE-my-back-hurts-7f3a";

// Every command that opens the log, with what it needs to run.
std::vector<std::vector<std::string>> log_commands(const fs::path& import_file) {
    return {{"log", "cat-cow:10"},
            {"history"},
            {"history", "--format", "json"},
            {"export"},
            {"export", "--format", "csv"},
            {"import", import_file.string()},
            {"undo"},
            {"delete", "1"},
            {"due"},
            {"plan", "--seed", "1", "--no-save"}};
}

std::vector<std::string> with_db(const fs::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.string()});
    return args;
}

fs::path write_import(const Home& h) {
    return h.write("in.jsonl", R"({"started":"2026-11-20T10:00:00Z","entries":["cat-cow:10"]})"
                               "\n");
}

// The files in a directory, with their states.
// The files of a directory: bytes, modification time and mode. SQLite's
// shared-memory index (which readers mark) and the writers' lock are there
// or not, whatever is in them.
std::map<std::string, FileState> dir_state(const fs::path& dir) {
    std::map<std::string, FileState> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        out[name] = name.ends_with("-shm") || name.ends_with(".lock") ? FileState{true, "", 0, mode_of(e.path())} : file_state(e.path());
    }
    return out;
}

}  // namespace

TEST_CASE("log: the database is created private (dir 0700, file 0600) even under umask 022", "[log][privacy]") {
    Home h;
    Proc p = proc(h, {"log", "cat-cow:10", "--note", secret_note});
    p.umask = 022;
    const auto r = run(p);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(mode_of(h.data_dir()) == 0700);
    CHECK(mode_of(db_path(h)) == 0600);
    // XDG_DATA_HOME did not exist either: backcare made it, privately.
    CHECK((mode_of(h.dir() / "data") & 077) == 0);

    // The same with --db in directories that do not exist yet.
    const fs::path elsewhere = h.dir() / "elsewhere" / "deeper" / "my.db";
    Proc q = proc(h, {"--db", elsewhere.string(), "log", "cat-cow:10"});
    q.umask = 0;
    REQUIRE(run(q).status == 0);
    CHECK(mode_of(elsewhere.parent_path()) == 0700);
    CHECK(mode_of(elsewhere) == 0600);

    // Writes that follow (import, undo, delete) leave nothing readable by others.
    p.args = {"import", write_import(h).string()};
    CHECK(run(p).status == 0);
    p.args = {"undo"};
    CHECK(run(p).status == 0);
    p.args = {"delete", "1"};
    CHECK(run(p).status == 0);
    for (const auto& [name, state] : dir_state(h.data_dir())) {
        INFO(name << " mode " << std::oct << state.mode);
        CHECK((state.mode & 077) == 0);
    }
}

TEST_CASE("log: the rollback journal of a write in progress is never readable by others", "[log][privacy]") {
    Home h;
    // A large import keeps a write transaction (and its journal) open for a while.
    std::string input;
    for (std::uint32_t i = 0; i < 4000; ++i)
        input += str(R"({"uuid":")", uuid_for(0xabc00000 + i, i), R"(","started":"2026-10-)", 10 + i % 18,
                     R"(T10:00:00Z","note":"import )", i, R"(","entries":["cat-cow:10","childs-pose:30s","band-rows:2x12","chin-tuck:10"]})", "\n");
    const fs::path file = h.write("big.jsonl", input);
    Proc first = proc(h, {"log", "cat-cow:10"});
    first.umask = 022;
    REQUIRE(run(first).status == 0);

    Proc p = proc(h, {"import", file.string()});
    p.umask = 022;
    unsigned seen_modes = 0;
    int sightings = 0;
    {
        Child c(p, h.dir() / "import.out", h.dir() / "import.err");
        const fs::path db = db_path(h);
        const std::vector<fs::path> side_files = {db.string() + "-journal", db.string() + "-wal", db.string() + "-shm"};
        while (!c.done()) {
            for (const auto& f : side_files)
                if (const unsigned m = mode_of(f)) {
                    seen_modes |= m;
                    ++sightings;
                }
        }
        CHECK(c.wait() == 0);
    }
    INFO("modes seen on -journal/-wal/-shm (or-ed): " << std::oct << seen_modes << std::dec << ", " << sightings << " sightings");
    CHECK((seen_modes & 077) == 0);
    if (sightings == 0) WARN("the import's journal was not caught while it existed; only the final files were checked");
    CHECK(contains(e2e::read_file(h.dir() / "import.out"), "4000 added"));
    for (const auto& [name, state] : dir_state(h.data_dir())) {
        INFO(name);
        CHECK((state.mode & 077) == 0);
    }
}

TEST_CASE("log: read-only commands on a missing database create nothing", "[log][readonly]") {
    Home h;
    const auto before = h.snapshot();
    const auto history = h.run({"history"});
    CHECK(history.status == 0);
    CHECK(contains(history.out, "No sessions"));
    const auto json = h.run({"history", "--format", "json"});
    CHECK(json.status == 0);
    CHECK(Json::parse(json.out) == Json::array());
    CHECK(h.run({"history", "--format", "tsv"}).out.empty());
    const auto exp = h.run({"export"});
    CHECK(exp.status == 0);
    CHECK(exp.out.empty());
    const auto csv = h.run({"export", "--format", "csv"});
    CHECK(csv.status == 0);
    CHECK(e2e::lines(csv.out).size() == 1);  // the header only
    CHECK(h.run({"due"}).status == 0);
    CHECK(h.snapshot() == before);
    // Nothing to undo or delete: 1, and still nothing created.
    e2e::expect_error(h.run({"undo"}), 1, {});
    e2e::expect_error(h.run({"delete", "1"}), 1, {});
    CHECK(h.snapshot() == before);
    // plan remembers the plan in the state directory, and creates no log.
    CHECK(h.run({"plan", "--seed", "1"}).status == 0);
    CHECK_FALSE(fs::exists(h.dir() / "data"));
    // Nor with --db or BACKCARE_DB naming a missing file.
    const fs::path other = h.dir() / "nowhere" / "x.db";
    CHECK(h.run({"--db", other.string(), "history"}).status == 0);
    CHECK(h.run({"--db", other.string(), "export"}).status == 0);
    h.set("BACKCARE_DB", other.string());
    CHECK(h.run({"due"}).status == 0);
    CHECK_FALSE(fs::exists(other.parent_path()));
}

TEST_CASE("log: read-only commands on an existing database change nothing", "[log][readonly]") {
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10", "--note", "n", "--pain-before", "2"}).status == 0);
    REQUIRE(h.run({"log", "childs-pose:30s", "--at", "yesterday 18:00"}).status == 0);
    const auto before = dir_state(h.data_dir());
    // The log, the writers' lock, the backups; no journal left behind.
    REQUIRE(before.size() == 3);
    CHECK_FALSE(before.count("backcare.db-journal"));
    // Let a write, if there were one, show in the modification time.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (const auto& args : std::vector<std::vector<std::string>>{{"history"},
                                                                  {"history", "--format", "json", "--limit", "0"},
                                                                  {"history", "--format", "tsv", "--since", "7d"},
                                                                  {"export"},
                                                                  {"export", "--format", "csv"},
                                                                  {"due"},
                                                                  {"plan", "--seed", "1"},
                                                                  {"plan", "--seed", "2", "--format", "json"}}) {
        INFO(Json(args).dump());
        const auto r = h.run(args);
        INFO("stderr: " << r.err);
        CHECK(r.status <= 1);
        CHECK(dir_state(h.data_dir()) == before);
    }
}

TEST_CASE("log: bad values are refused with one clear line, status 2, nothing stored", "[log][bad-values]") {
    struct Case {
        std::vector<std::string> args;
        std::vector<std::string> fragments;
        std::string typed_pain;  // must not appear in the message
    };
    const std::vector<Case> cases = {
        {{"cat-cow:10", "--pain-before", "11"}, {"--pain-before", "0", "10"}, "11"},
        {{"cat-cow:10", "--pain-before", "-1"}, {"--pain-before"}, "-1"},
        {{"cat-cow:10", "--pain-after", "x"}, {"--pain-after"}, "x"},
        {{"cat-cow:10", "--pain-after=13"}, {"--pain-after"}, "13"},
        {{"cat-cow:0"}, {"reps"}, ""},
        {{"cat-cow:10x"}, {"10x"}, ""},
        {{"cat-cow:10", "--at", "2026-02-30"}, {"--at", "2026-02-30"}, ""},
        {{"cat-cow:10", "--at", "2031-01-01T10:00"}, {"--at", "future"}, ""},
        {{"cat-cow:10", "--at", "2026-11-23T11:30"}, {"--at", "future"}, ""},
        {{"cat-cow:10", "--duration", "-5m"}, {"--duration"}, ""},
        {{"cat-cow:10", "--duration=-5m"}, {"--duration"}, ""},
        {{"cat-cwo:10"}, {"cat-cwo", "cat-cow"}, ""},
    };
    Home fresh;
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const auto fresh_before = fresh.snapshot();
    const auto before = h.snapshot();
    for (const auto& c : cases) {
        std::vector<std::string> args = {"log"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        args.insert(args.end(), {"--note", secret_note});
        INFO(Json(args).dump());
        for (const Home* home : {&fresh, &h}) {
            const auto r = home->run(args);
            e2e::expect_usage_error(r, c.fragments);
            CHECK_FALSE(contains(r.err, secret_note));
            CHECK_FALSE(contains(r.err, "SECRET"));
            if (!c.typed_pain.empty()) {
                const auto w = words(r.err);
                INFO("words of the message: " << Json(w).dump());
                CHECK(std::find(w.begin(), w.end(), c.typed_pain) == w.end());
                CHECK(std::find(w.begin(), w.end(), str("'", c.typed_pain, "'")) == w.end());
            }
        }
    }
    CHECK(fresh.snapshot() == fresh_before);
    CHECK_FALSE(fs::exists(fresh.dir() / "data"));
    CHECK(h.snapshot() == before);
    CHECK(count_sessions(db_path(h)) == 1);
}

TEST_CASE("log: an import line with bad values never echoes its note or pain", "[log][bad-values]") {
    Home h;
    const std::string lines[] = {
        str(R"({"started":"2026-11-20T10:00:00Z","pain_before":11,"note":")", secret_note, R"(","entries":["cat-cow:10"]})"),
        str(R"({"started":"2026-11-20T10:00:00Z","pain_after":-7,"note":")", secret_note, R"(","entries":["cat-cow:10"]})"),
        str(R"({"started":"2026-11-20T10:00:00Z","pain_after":"9","note":")", secret_note, R"(","entries":["cat-cow:10"]})"),
        str(R"({"started":"2026-11-20T10:00:00Z","note":")", secret_note, R"(","entries":["cat-cow:10"],})"),
        str("started,exercise,reps,note,pain_before\n2026-11-20T10:00:00Z,cat-cow,10,", secret_note, ",42"),
    };
    for (const auto& line : lines) {
        INFO(line);
        for (const char* cmd : {"import", "log"}) {
            const auto r = h.run({cmd, "-"}, line + "\n");
            e2e::expect_error(r, 65, {"<stdin>:"});
            CHECK_FALSE(contains(r.err, "SECRET"));
            const auto w = words(r.err);
            for (const char* pain : {"11", "-7", "9", "42"}) CHECK(std::find(w.begin(), w.end(), pain) == w.end());
        }
    }
    if (fs::exists(db_path(h))) CHECK(count_sessions(db_path(h)) == 0);
}

TEST_CASE("log: a --db that is a text file is refused with 65 and left as it was", "[log][refusal]") {
    Home h;
    const fs::path db = h.write("notes.txt", str("my back notes\nnot a database at all\n", std::string(3000, 'x'), "\n"));
    const fs::path small = h.write("small.txt", "hi\n");
    const auto import_file = write_import(h);
    for (const fs::path& file : {db, small}) {
        const auto before = file_state(file);
        for (const auto& args : log_commands(import_file)) {
            INFO(file << " " << Json(args).dump());
            const auto r = h.run(with_db(file, args));
            e2e::expect_error(r, 65, {"not a backcare log"});
            CHECK(file_state(file) == before);
        }
        CHECK_FALSE(fs::exists(file.string() + "-journal"));
    }
}

TEST_CASE("log: an SQLite database of another program is refused with 65 and left as it was", "[log][refusal]") {
    Home h;
    const fs::path db = h.dir() / "other.sqlite";
    sql(db, "CREATE TABLE bookmarks (url TEXT, title TEXT); INSERT INTO bookmarks VALUES ('https://example.org', 'x');");
    const auto before = file_state(db);
    for (const auto& args : log_commands(write_import(h))) {
        INFO(Json(args).dump());
        const auto r = h.run(with_db(db, args));
        e2e::expect_error(r, 65, {"not a backcare log"});
        CHECK(file_state(db) == before);
    }
    // Also through BACKCARE_DB.
    h.set("BACKCARE_DB", db.string());
    e2e::expect_error(h.run({"log", "cat-cow:10"}), 65, {"not a backcare log"});
    CHECK(file_state(db) == before);
}

TEST_CASE("log: a backcare database from a newer schema is refused with 65 and left as it was", "[log][refusal]") {
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const fs::path db = db_path(h);
    sql(db, "PRAGMA user_version = 99");
    const auto before = file_state(db);
    const auto files = dir_state(h.data_dir());
    for (const auto& args : log_commands(write_import(h))) {
        INFO(Json(args).dump());
        const auto r = h.run(args);
        e2e::expect_error(r, 65, {"newer"});
        CHECK(file_state(db) == before);
    }
    CHECK(dir_state(h.data_dir()) == files);
}

TEST_CASE("log: a --db that is a directory is refused with 74", "[log][refusal]") {
    Home h;
    const fs::path dir = h.dir() / "a-directory";
    fs::create_directories(dir);
    for (const auto& args : log_commands(write_import(h))) {
        if (args[0] == "plan") continue;  // plan reads the log only for last-done dates
        INFO(Json(args).dump());
        const auto r = h.run(with_db(dir, args));
        e2e::expect_error(r, 74, {"directory"});
    }
    CHECK(fs::is_empty(dir));
}

TEST_CASE("log: a read-only log file or directory is refused with 74 and left as it was", "[log][refusal]") {
    if (::geteuid() == 0) {
        WARN("skipped: running as root, which can write a read-only file");
        return;
    }
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const fs::path db = db_path(h);
    SECTION("read-only file") {
        fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);  // 0444
        const auto before = file_state(db);
        for (const auto& args : std::vector<std::vector<std::string>>{{"log", "cat-cow:10"}, {"import", write_import(h).string()}, {"undo"}, {"delete", "1"}}) {
            INFO(Json(args).dump());
            e2e::expect_error(h.run(args), 74, {});
            CHECK(file_state(db) == before);
        }
        // Reading still works.
        CHECK(h.run({"history"}).status == 0);
        CHECK(file_state(db) == before);
        fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write);
    }
    SECTION("read-only directory") {
        fs::permissions(h.data_dir(), fs::perms::owner_read | fs::perms::owner_exec);  // 0500: no journal can be made
        const auto before = file_state(db);
        for (const auto& args : std::vector<std::vector<std::string>>{{"log", "cat-cow:10"}, {"import", write_import(h).string()}, {"undo"}}) {
            INFO(Json(args).dump());
            e2e::expect_error(h.run(args), 74, {});
            CHECK(file_state(db) == before);
        }
        fs::permissions(h.data_dir(), fs::perms::owner_all);
    }
    CHECK(count_sessions(db) == 1);
}
