// SPDX-License-Identifier: MIT
// The session log on SQLite (journal.hpp), with files in a temporary directory.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "errors.hpp"
#include "journal.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::awkward_notes;
using backcare::test::error_of;
using backcare::test::file_bytes;
using backcare::test::make_session;
using backcare::test::mode_of;
using backcare::test::TempDir;
using backcare::test::UmaskGuard;
using backcare::test::utc;
using backcare::test::ymd;
namespace fs = std::filesystem;

namespace {

int raw_pragma(const fs::path& p, const char* name) {
    SQLite::Database db(p, SQLite::OPEN_READONLY);
    return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

// The names of the files in a directory, to see that nothing was left beside the log.
// What a log has beside it once written to and closed: the writers' lock
// and the backups made after the first write (SQLite's -wal and -shm go with
// the last connection).
const std::set<std::string> log_and_companions{"backcare.db", "backcare.db.lock", "backups"};
// And while a connection is open.
const std::set<std::string> log_in_use{"backcare.db", "backcare.db-shm", "backcare.db-wal", "backcare.db.lock", "backups"};

std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

std::vector<std::string> ids_of(const std::vector<Session>& sessions) {
    std::vector<std::string> out;
    for (const auto& s : sessions) out.push_back(s.uuid);
    return out;
}

// Four sessions over three local days, added out of order; S4 is 23:30 at -05:00
// on the 21st, which is the 22nd in UTC.
struct Fixture {
    TempDir dir;
    fs::path path = dir.path() / "log" / "backcare.db";
    Session s1 = make_session(1, utc(2026, 11, 20, 10, 0), 0, {"cat-cow:10", "childs-pose:30s", "band-rows:2x12@red"});
    Session s2 = make_session(2, utc(2026, 11, 22, 10, 0), 3600, {"cat-cow:10", "band-rows:12"});
    Session s3 = make_session(3, utc(2026, 11, 21, 10, 0), 19800, {"childs-pose:20s"});
    Session s4 = make_session(4, utc(2026, 11, 22, 4, 30), -5 * 3600, {"open-book:8", "childs-pose:30s"});

    Fixture() {
        s2.entries[0].status = EntryStatus::skipped;
        s1.note = "first";
        s1.pain_before = 4;
        s1.pain_after = 2;
        s1.goal = Goal::flexibility;
        s2.origin = Origin::plan;
        s2.entries[0].planned = PlannedDose{1, 10, 0};  // skipped, as planned
        s2.entries[1].planned = PlannedDose{2, 12, 0};  // done at less than planned
        Journal j = Journal::open_for_writing(path);
        const AddResult r = j.add({s1, s2, s3});
        const AddResult r4 = j.add({s4});
        s1.id = r.added.at(0).id;
        s2.id = r.added.at(1).id;
        s3.id = r.added.at(2).id;
        s4.id = r4.added.at(0).id;
    }
};

}  // namespace

TEST_CASE("open_existing of a missing log is an empty log and creates nothing", "[journal]") {
    TempDir dir;
    const fs::path path = dir.path() / "a" / "b" / "backcare.db";
    CHECK_FALSE(Journal::open_existing(path).has_value());
    CHECK_FALSE(fs::exists(dir.path() / "a"));
    CHECK_FALSE(journal_version(path).has_value());
    CHECK(listing(dir.path()).empty());
}

TEST_CASE("open_for_writing creates a private directory and file whatever the umask", "[journal]") {
    for (const mode_t mask : {mode_t{022}, mode_t{0}, mode_t{077}}) {
        INFO("umask " << std::oct << mask);
        UmaskGuard umask(mask);
        TempDir dir;
        const fs::path path = dir.path() / "data" / "backcare" / "backcare.db";
        {
            Journal j = Journal::open_for_writing(path);
            CHECK(j.path() == path);
            CHECK(j.count() == 0);
            j.add({make_session(1, utc(2026, 11, 23, 18, 0))});
        }
        CHECK(mode_of(dir.path() / "data") == 0700);
        CHECK(mode_of(dir.path() / "data" / "backcare") == 0700);
        CHECK(mode_of(path) == 0600);
        CHECK(listing(path.parent_path()) == log_and_companions);
        CHECK(mode_of(path.string() + ".lock") == 0600);
        CHECK(mode_of(path.parent_path() / "backups") == 0700);
        CHECK(journal_version(path) == std::optional<int>(journal_schema));
        CHECK(raw_pragma(path, "application_id") == journal_application_id);
        CHECK(raw_pragma(path, "user_version") == journal_schema);
    }
}

TEST_CASE("add stores sessions as given and returns their ids", "[journal]") {
    TempDir dir;
    Journal j = Journal::open_for_writing(dir.path() / "backcare.db");
    std::vector<Session> batch;
    std::uint64_t n = 0;
    for (const auto& note : awkward_notes()) {
        ++n;
        Session s = make_session(n, utc(2026, 11, 1, 8, 0) + std::chrono::hours{static_cast<int>(n)}, 3600,
                                 {"cat-cow:10", "childs-pose:30s", "band-rows:2x12@red", "open-book:8"});
        s.note = note;
        s.entries[1].status = EntryStatus::skipped;
        s.entries[3].side = Side::right;
        if (n % 2) {
            s.entries[0].planned = PlannedDose{2, 10, 0};
            s.entries[1].planned = PlannedDose{1, 0, 30};
        }
        s.pain_before = static_cast<int>(n % 11);
        s.goal = Goal::strength;
        s.origin = Origin::import;
        batch.push_back(s);
    }
    const AddResult r = j.add(batch);
    CHECK(r.present.empty());
    REQUIRE(r.added.size() == batch.size());
    std::set<std::int64_t> ids;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        CHECK(r.added[i].id > 0);
        ids.insert(r.added[i].id);
        Session expected = batch[i];
        expected.id = r.added[i].id;
        CHECK(r.added[i] == expected);
    }
    CHECK(ids.size() == batch.size());
    CHECK(j.count() == batch.size());

    // Read back verbatim, notes and all.
    const auto recent = j.recent(100, std::nullopt);
    REQUIRE(recent.size() == batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) CHECK(recent[batch.size() - 1 - i] == r.added[i]);
    std::vector<Session> visited;
    j.each([&](const Session& s) { visited.push_back(s); });
    CHECK(visited == r.added);
}

TEST_CASE("add is idempotent by uuid", "[journal]") {
    TempDir dir;
    Journal j = Journal::open_for_writing(dir.path() / "backcare.db");
    const Session s = make_session(1, utc(2026, 11, 23, 18, 0));
    const AddResult first = j.add({s});
    REQUIRE(first.added.size() == 1);
    CHECK(first.present.empty());

    Session changed = s;
    changed.note = "a retry with other content";
    const AddResult second = j.add({changed});
    CHECK(second.added.empty());
    CHECK(second.present == std::vector<std::string>{s.uuid});
    CHECK(j.count() == 1);
    CHECK(j.recent(10, std::nullopt).at(0) == first.added[0]);

    // Twice in one batch, beside a new one.
    const Session t = make_session(2, utc(2026, 11, 23, 19, 0));
    const AddResult third = j.add({t, t, s});
    CHECK(ids_of(third.added) == std::vector<std::string>{t.uuid});
    CHECK(third.present == std::vector<std::string>{t.uuid, s.uuid});
    CHECK(j.count() == 2);
}

TEST_CASE("add and add_each store all or nothing", "[journal]") {
    TempDir dir;
    const fs::path path = dir.path() / "backcare.db";
    Journal j = Journal::open_for_writing(path);
    j.add({make_session(1, utc(2026, 11, 20, 18, 0))});
    const std::string before = file_bytes(path);

    Session bad = make_session(3, utc(2026, 11, 22, 18, 0));
    bad.pain_after = 11;
    const std::vector<Session> batch{make_session(2, utc(2026, 11, 21, 18, 0)), bad, make_session(4, utc(2026, 11, 23, 18, 0))};

    SECTION("add") {
        const std::string m = error_of<UsageError>([&] { j.add(batch); });
        CHECK_THAT(m, Catch::Contains("pain after"));
        CHECK_THAT(m, !Catch::Contains("11"));
    }
    SECTION("add_each, an invalid session") {
        std::size_t i = 0;
        CHECK(error_of<UsageError>([&] {
                  j.add_each([&]() -> std::optional<Session> {
                      if (i < batch.size()) return batch[i++];
                      return std::nullopt;
                  });
              }) != "<no error>");
    }
    SECTION("add_each, an error from the source part-way") {
        std::size_t i = 0;
        CHECK_THAT(error_of<DataError>([&] {
                       j.add_each([&]() -> std::optional<Session> {
                           if (i == 2) throw DataError("in.jsonl:3: not valid JSON");
                           return make_session(10 + i++, utc(2026, 11, 21, 18, 0));
                       });
                   }),
                   Catch::Contains("in.jsonl:3"));
    }
    CHECK(j.count() == 1);
    CHECK(file_bytes(path) == before);
    CHECK(listing(dir.path()) == log_in_use);

    // Still usable afterwards.
    std::size_t k = 0;
    const auto [added, present] = j.add_each([&]() -> std::optional<Session> {
        if (k < 3) return make_session(20 + k++, utc(2026, 11, 21, 18, 0));
        return std::nullopt;
    });
    CHECK(added == 3);
    CHECK(present == 0);
    CHECK(j.count() == 4);
}

TEST_CASE("remove_last removes the session logged most recently", "[journal]") {
    TempDir dir;
    Journal j = Journal::open_for_writing(dir.path() / "backcare.db");
    CHECK_FALSE(j.remove_last().has_value());
    // Logged second, though it started earlier.
    const Session later = make_session(1, utc(2026, 11, 23, 18, 0), 0, {"cat-cow:10", "childs-pose:30s"});
    const Session earlier = make_session(2, utc(2026, 11, 20, 18, 0), 0, {"band-rows:2x12@red"});
    const auto a = j.add({later}).added.at(0);
    const auto b = j.add({earlier}).added.at(0);

    const auto removed = j.remove_last();
    REQUIRE(removed.has_value());
    CHECK(*removed == b);
    CHECK(j.count() == 1);
    const auto removed2 = j.remove_last();
    REQUIRE(removed2.has_value());
    CHECK(*removed2 == a);
    CHECK(j.count() == 0);
    CHECK_FALSE(j.remove_last().has_value());
}

TEST_CASE("remove finds a session by number, uuid or a unique uuid prefix", "[journal]") {
    TempDir dir;
    Journal j = Journal::open_for_writing(dir.path() / "backcare.db");
    Session twin1 = make_session(1, utc(2026, 11, 21, 18, 0));
    Session twin2 = make_session(2, utc(2026, 11, 22, 18, 0), 0, {"childs-pose:30s"});
    twin1.uuid = make_uuid(0xabcdef1200000001ULL, 1);
    twin2.uuid = make_uuid(0xabcdef1200000002ULL, 2);
    REQUIRE(twin1.uuid.substr(0, 14) == twin2.uuid.substr(0, 14));
    const Session other = make_session(3, utc(2026, 11, 23, 18, 0), 0, {"band-rows:12"});
    const Session fourth = make_session(4, utc(2026, 11, 23, 19, 0));
    const AddResult r = j.add({twin1, twin2, other, fourth});
    REQUIRE(r.added.size() == 4);

    SECTION("by number") {
        const auto s = j.remove(std::to_string(r.added[2].id));
        REQUIRE(s.has_value());
        CHECK(*s == r.added[2]);
        CHECK(j.count() == 3);
        CHECK_FALSE(j.remove(std::to_string(r.added[2].id)).has_value());
    }
    SECTION("by full uuid") {
        const auto s = j.remove(twin2.uuid);
        REQUIRE(s.has_value());
        CHECK(*s == r.added[1]);
        CHECK(j.count() == 3);
    }
    SECTION("by a prefix of 8 characters") {
        const auto s = j.remove(other.uuid.substr(0, 8));
        REQUIRE(s.has_value());
        CHECK(*s == r.added[2]);
        CHECK(j.count() == 3);
    }
    SECTION("an ambiguous prefix is refused and removes nothing") {
        for (const std::string& prefix : {twin1.uuid.substr(0, 8), twin1.uuid.substr(0, 14)}) {
            INFO(prefix);
            CHECK_THAT(error_of<UsageError>([&] { (void)j.remove(prefix); }), Catch::Contains("more than one"));
        }
        CHECK(j.count() == 4);
        const auto s = j.remove(twin1.uuid.substr(0, 18));
        REQUIRE(s.has_value());
        CHECK(*s == r.added[0]);
    }
    SECTION("no such session") {
        for (const std::string& key : {std::string("999"), std::string("0"), make_uuid(9, 9), std::string("deadbeef")}) {
            INFO("'" << key << "'");
            CHECK_FALSE(j.remove(key).has_value());
        }
        // Too short to be a uuid prefix: refused, rather than "not found".
        for (const std::string& key : {std::string(""), other.uuid.substr(0, 7), std::string("cat-cow")}) {
            INFO("'" << key << "'");
            CHECK_THROWS_AS(j.remove(key), UsageError);
        }
        CHECK(j.count() == 4);
    }
}

TEST_CASE("recent, each, last_done and sessions_on", "[journal]") {
    Fixture f;
    auto j = Journal::open_existing(f.path);
    REQUIRE(j.has_value());
    CHECK(j->count() == 4);

    SECTION("recent: newest first by start, limited, since a local date") {
        CHECK(j->recent(10, std::nullopt) == std::vector<Session>{f.s2, f.s4, f.s3, f.s1});
        CHECK(j->recent(2, std::nullopt) == std::vector<Session>{f.s2, f.s4});
        CHECK(j->recent(0, std::nullopt).empty());
        CHECK(j->recent(10, ymd(2026, 11, 22)) == std::vector<Session>{f.s2});
        CHECK(j->recent(10, ymd(2026, 11, 21)) == std::vector<Session>{f.s2, f.s4, f.s3});
        CHECK(j->recent(10, ymd(2026, 11, 23)).empty());
    }
    SECTION("each: every session oldest first, entries in order") {
        std::vector<Session> seen;
        j->each([&](const Session& s) { seen.push_back(s); });
        CHECK(seen == std::vector<Session>{f.s1, f.s3, f.s4, f.s2});
    }
    SECTION("last_done: the latest local date of each exercise done") {
        const LastDone last = j->last_done();
        const LastDone expected{{"cat-cow", ymd(2026, 11, 20)},  // skipped on the 22nd
                                {"childs-pose", ymd(2026, 11, 21)},
                                {"band-rows", ymd(2026, 11, 22)},
                                {"open-book", ymd(2026, 11, 21)}};  // 23:30 at -05:00
        CHECK(last == expected);
    }
    SECTION("sessions_on counts by each session's own local date") {
        CHECK(j->sessions_on(ymd(2026, 11, 20)) == 1);
        CHECK(j->sessions_on(ymd(2026, 11, 21)) == 2);
        CHECK(j->sessions_on(ymd(2026, 11, 22)) == 1);
        CHECK(j->sessions_on(ymd(2026, 11, 23)) == 0);
    }
}

TEST_CASE("a session at 23:30 and one at 00:30 local fall on different days", "[journal]") {
    TempDir dir;
    Journal j = Journal::open_for_writing(dir.path() / "backcare.db");
    // At +01:00: 23:30 on the 23rd and 00:30 on the 24th.
    j.add({make_session(1, utc(2026, 11, 23, 22, 30), 3600), make_session(2, utc(2026, 11, 23, 23, 30), 3600)});
    // At +05:30, 00:30 on the 24th is the 23rd in UTC.
    j.add({make_session(3, utc(2026, 11, 23, 19, 0), 19800)});
    CHECK(j.sessions_on(ymd(2026, 11, 23)) == 1);
    CHECK(j.sessions_on(ymd(2026, 11, 24)) == 2);
    // The process's time zone plays no part.
    backcare::test::TzGuard tz("America/Los_Angeles");
    CHECK(j.sessions_on(ymd(2026, 11, 23)) == 1);
    CHECK(j.last_done().at("cat-cow") == ymd(2026, 11, 24));
}

TEST_CASE("reading the log writes nothing", "[journal]") {
    Fixture f;
    const std::string before = file_bytes(f.path);
    const auto files = listing(f.path.parent_path());
    {
        auto j = Journal::open_existing(f.path);
        REQUIRE(j.has_value());
        CHECK(j->recent(10, std::nullopt).size() == 4);
        CHECK(j->recent(1, ymd(2026, 11, 21)).size() == 1);
        CHECK(j->last_done().size() == 4);
        std::size_t n = 0;
        j->each([&](const Session&) { ++n; });
        CHECK(n == 4);
        CHECK(j->count() == 4);
        CHECK(j->sessions_on(ymd(2026, 11, 21)) == 2);
        CHECK(j->total_changes() == 0);
    }
    CHECK(journal_version(f.path) == std::optional<int>(journal_schema));
    CHECK(file_bytes(f.path) == before);
    CHECK(listing(f.path.parent_path()) == files);
}

TEST_CASE("a file that is not a backcare log is refused and left as it was", "[journal]") {
    TempDir dir;
    const fs::path path = dir.path() / "backcare.db";

    auto refused = [&](const char* what, auto expect_type, const std::string& needle) {
        using E = decltype(expect_type);
        INFO(what);
        const std::string before = file_bytes(path);
        const auto files = listing(dir.path());
        const std::string m1 = error_of<E>([&] { (void)Journal::open_existing(path); });
        CHECK_THAT(m1, Catch::Contains(needle));
        const std::string m2 = error_of<E>([&] { (void)Journal::open_for_writing(path); });
        CHECK_THAT(m2, Catch::Contains(needle));
        CHECK(file_bytes(path) == before);
        CHECK(listing(dir.path()) == files);
    };

    SECTION("a text file") {
        std::string text;
        for (int i = 0; i < 200; ++i) text += "2026-11-23 cat-cow 10 reps, felt fine\n";
        dir.write("backcare.db", text);
        refused("text", DataError(""), "not a backcare log");
    }
    SECTION("a short text file") {
        dir.write("backcare.db", "hello\n");
        refused("short text", DataError(""), "not a backcare log");
    }
    SECTION("an SQLite database of another program") {
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
        }
        refused("other program", DataError(""), "not a backcare log");
    }
    SECTION("an SQLite database with another application id and no tables") {
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("PRAGMA application_id = 1234");
        }
        REQUIRE(raw_pragma(path, "application_id") == 1234);
        refused("other application id", DataError(""), "not a backcare log");
    }
    SECTION("a backcare log from a newer backcare") {
        {
            Journal j = Journal::open_for_writing(path);
            j.add({make_session(1, utc(2026, 11, 23, 18, 0))});
        }
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE);
            db.exec("PRAGMA user_version = 99");
        }
        refused("newer", DataError(""), "newer");
        CHECK(journal_version(path) == std::optional<int>(99));
    }
    SECTION("a directory") {
        fs::create_directory(path);
        fs::create_directory(path / "inside");
        const auto files = listing(path);
        CHECK_THAT(error_of<IoError>([&] { (void)Journal::open_existing(path); }), Catch::Contains("directory"));
        CHECK_THAT(error_of<IoError>([&] { (void)Journal::open_for_writing(path); }), Catch::Contains("directory"));
        CHECK(listing(path) == files);
    }
}

TEST_CASE("an empty SQLite file is accepted and initialised by open_for_writing", "[journal]") {
    TempDir dir;
    const fs::path path = dir.path() / "backcare.db";
    SECTION("0 bytes") { dir.write("backcare.db", ""); }
    SECTION("a database with no tables") {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE t (x); DROP TABLE t");
    }
    const std::string before = file_bytes(path);
    // Reading it is reading an empty log, and writes nothing.
    CHECK_FALSE(Journal::open_existing(path).has_value());
    CHECK(file_bytes(path) == before);
    {
        Journal j = Journal::open_for_writing(path);
        CHECK(j.count() == 0);
        CHECK(j.add({make_session(1, utc(2026, 11, 23, 18, 0))}).added.size() == 1);
    }
    CHECK(journal_version(path) == std::optional<int>(journal_schema));
    CHECK(raw_pragma(path, "application_id") == journal_application_id);
    auto j = Journal::open_existing(path);
    REQUIRE(j.has_value());
    CHECK(j->count() == 1);
}

TEST_CASE("a log held by another program past the busy timeout: Busy naming it, nothing stored", "[journal][busy]") {
    TempDir dir;
    const fs::path path = dir.path() / "backcare.db";
    JournalOptions options;
    options.busy_timeout = std::chrono::milliseconds(300);
    Journal j = Journal::open_for_writing(path, options);
    j.add({make_session(1, utc(2026, 11, 22, 18, 0))});

    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    const auto t0 = std::chrono::steady_clock::now();
    Exit code = Exit::ok;
    std::string message;
    try {
        j.add({make_session(2, utc(2026, 11, 23, 18, 0))});
    } catch (const Busy& e) {
        code = e.code();
        message = e.what();
    }
    const auto waited = std::chrono::steady_clock::now() - t0;
    other.exec("ROLLBACK");

    CHECK(code == Exit::busy);
    CHECK(static_cast<int>(code) == 75);
    CHECK_THAT(message, Catch::Contains("try again"));
    // The other connection is this test itself: SQLite's lock names no other process.
    CHECK_THAT(message, Catch::Contains("is writing to it"));
    CHECK(waited >= std::chrono::milliseconds(300 - 50));
    CHECK(j.count() == 1);
    // And the journal is usable once the other writer is done.
    CHECK(j.add({make_session(3, utc(2026, 11, 23, 19, 0))}).added.size() == 1);
    CHECK(j.count() == 2);
}

TEST_CASE("the busy timeout is the caller's: a write waits that long, not the default", "[journal][busy]") {
    TempDir dir;
    const fs::path path = dir.path() / "backcare.db";
    JournalOptions options;
    options.busy_timeout = std::chrono::milliseconds(200);
    Journal j = Journal::open_for_writing(path, options);
    j.add({make_session(1, utc(2026, 11, 22, 18, 0))});

    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    const auto t0 = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(j.add({make_session(2, utc(2026, 11, 23, 18, 0))}), Busy);
    CHECK_THROWS_AS(j.remove_last(), Busy);
    const auto waited = std::chrono::steady_clock::now() - t0;
    other.exec("ROLLBACK");

    CHECK(waited >= std::chrono::milliseconds(2 * 200 - 50));
    CHECK(waited < std::chrono::milliseconds(busy_timeout_ms));
    CHECK(JournalOptions{}.busy_timeout == std::chrono::milliseconds(60000));
    CHECK(j.count() == 1);
}

TEST_CASE("store creates a new log only when the whole stream is stored", "[journal][store]") {
    TempDir dir;
    const fs::path path = dir.path() / "data" / "backcare" / "backcare.db";
    std::vector<Session> sessions{make_session(1, utc(2026, 11, 20, 18, 0)), make_session(2, utc(2026, 11, 21, 18, 0))};
    std::size_t i = 0;
    auto source = [&]() -> std::optional<Session> {
        if (i == sessions.size()) return std::nullopt;
        return sessions[i++];
    };
    SECTION("a stream that fails part-way leaves no log and no directory") {
        auto failing = [&]() -> std::optional<Session> {
            if (i == 1) throw DataError("in:2: bad record");
            return source();
        };
        CHECK_THROWS_AS(Journal::store(path, failing), DataError);
        CHECK_FALSE(fs::exists(dir.path() / "data"));
    }
    SECTION("a complete stream becomes a private log, with nothing left beside it") {
        std::vector<std::int64_t> ids;
        const auto [added, present] = Journal::store(path, source, [&](const Session& s) { ids.push_back(s.id); });
        CHECK(added == 2);
        CHECK(present == 0);
        CHECK(ids == std::vector<std::int64_t>{1, 2});
        CHECK((fs::status(path).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
        // Built whole in the file itself: nothing beside it but the writers' lock.
        CHECK(listing(path.parent_path()) == std::set<std::string>{"backcare.db", "backcare.db.lock"});
        CHECK(Journal::open_existing(path)->count() == 2);
    }
    SECTION("a log another process created meanwhile is kept, and the stream is refused as busy") {
        auto racing = [&]() -> std::optional<Session> {
            if (i == 1) Journal::open_for_writing(path).add({make_session(9, utc(2026, 11, 1, 8, 0))});
            return source();
        };
        CHECK_THROWS_AS(Journal::store(path, racing), Busy);
        const auto log = Journal::open_existing(path);
        REQUIRE(log);
        CHECK(log->count() == 1);
        CHECK(listing(path.parent_path()) == log_in_use);
    }
}
