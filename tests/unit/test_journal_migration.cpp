// SPDX-License-Identifier: MIT
// Migrating logs of every earlier schema version to journal_schema (journal.hpp).
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "journal.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::file_bytes;
using backcare::test::make_session;
using backcare::test::TempDir;
using backcare::test::utc;
namespace fs = std::filesystem;

namespace {

// SQLite's file header: bytes 18-19 are the write/read format (1 rollback
// journal, 2 WAL), bytes 24-27 the file change counter, incremented once by
// every write transaction that commits in rollback-journal mode.
struct Header {
    int write_format = 0;
    std::uint32_t change_counter = 0;
};

Header header_of(const fs::path& p) {
    const std::string bytes = file_bytes(p);
    Header h;
    if (bytes.size() < 100) return h;
    h.write_format = static_cast<unsigned char>(bytes[18]);
    for (int i = 24; i < 28; ++i) h.change_counter = (h.change_counter << 8) | static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]);
    return h;
}

int raw_pragma(const fs::path& p, const char* name) {
    SQLite::Database db(p, SQLite::OPEN_READONLY);
    return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

// A log at a given schema version. Version 0 is an empty SQLite database
// (application_id 0, user_version 0, no tables); journal_schema is what
// open_for_writing makes, with two sessions. Versions in between are built
// by create_journal_at_version, empty.
void make_fixture(const fs::path& path, int version) {
    if (version == 0) {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        // Give the file a header, pages and a change counter, but no tables.
        db.exec("CREATE TABLE scratch (x); DROP TABLE scratch");
        return;
    }
    if (version == journal_schema) {
        Journal j = Journal::open_for_writing(path);
        Session planned = make_session(2, utc(2026, 11, 21, 18, 0), 3600, {"childs-pose:30s"});
        planned.entries[0].planned = PlannedDose{1, 0, 45};
        j.add({make_session(1, utc(2026, 11, 20, 18, 0)), planned});
        return;
    }
    create_journal_at_version(path, version);
}

}  // namespace

TEST_CASE("open_for_writing migrates a log of every earlier version in one transaction", "[journal][migration]") {
    for (int version = 0; version < journal_schema; ++version) {
        INFO("from schema " << version);
        TempDir dir;
        const fs::path path = dir.path() / "backcare.db";
        make_fixture(path, version);
        REQUIRE(raw_pragma(path, "user_version") == version);
        const Header before = header_of(path);
        REQUIRE(before.write_format == 1);  // rollback journal: the counter counts transactions

        {
            Journal j = Journal::open_for_writing(path);
            CHECK(j.count() == 0);
        }
        CHECK(journal_version(path) == std::optional<int>(journal_schema));
        CHECK(raw_pragma(path, "application_id") == journal_application_id);
        const Header after = header_of(path);
        if (after.write_format == 1) {
            // Application id, tables and user_version were all written by one commit.
            CHECK(after.change_counter == before.change_counter + 1);
        } else {
            WARN("the log is in WAL mode; the change counter does not count transactions");
        }
        {
            SQLite::Database db(path, SQLite::OPEN_READONLY);
            CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
            CHECK(db.tableExists("session"));
            CHECK(db.tableExists("entry"));
        }
        // Usable: a session goes in and comes back.
        Journal j = Journal::open_for_writing(path);
        Session s = make_session(7, utc(2026, 11, 23, 18, 30), 3600, {"cat-cow:10", "childs-pose:30s"});
        s.entries[1].status = EntryStatus::skipped;
        s.entries[1].skip_reason = SkipReason::time;
        const AddResult r = j.add({s});
        REQUIRE(r.added.size() == 1);
        CHECK(j.recent(10, std::nullopt) == r.added);
        CHECK(j.recent(10, std::nullopt).at(0).entries.at(1).skip_reason == SkipReason::time);
    }
}

TEST_CASE("opening a log of the current version for writing keeps it and changes nothing", "[journal][migration]") {
    TempDir dir;
    const fs::path path = dir.path() / "backcare.db";
    make_fixture(path, journal_schema);
    const std::string before = file_bytes(path);
    std::vector<Session> sessions;
    {
        auto j = Journal::open_existing(path);
        REQUIRE(j.has_value());
        j->each([&](const Session& s) { sessions.push_back(s); });
    }
    REQUIRE(sessions.size() == 2);
    {
        Journal j = Journal::open_for_writing(path);
        CHECK(j.total_changes() == 0);
        std::vector<Session> again;
        j.each([&](const Session& s) { again.push_back(s); });
        CHECK(again == sessions);
    }
    CHECK(journal_version(path) == std::optional<int>(journal_schema));
    CHECK(file_bytes(path) == before);
}

TEST_CASE("a log migrated from schema 0 matches a log created at the current schema", "[journal][migration]") {
    TempDir dir;
    const fs::path migrated = dir.path() / "migrated.db";
    const fs::path fresh = dir.path() / "fresh.db";
    make_fixture(migrated, 0);
    { Journal j = Journal::open_for_writing(migrated); }
    { Journal j = Journal::open_for_writing(fresh); }
    auto schema_of = [](const fs::path& p) {
        SQLite::Database db(p, SQLite::OPEN_READONLY);
        SQLite::Statement q(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
        std::string out;
        while (q.executeStep())
            out += q.getColumn(0).getString() + " " + q.getColumn(1).getString() + " " + q.getColumn(2).getString() + " " +
                   q.getColumn(3).getString() + "\n";
        return out;
    };
    CHECK(schema_of(migrated) == schema_of(fresh));
    CHECK(raw_pragma(migrated, "user_version") == raw_pragma(fresh, "user_version"));
    CHECK(raw_pragma(migrated, "application_id") == raw_pragma(fresh, "application_id"));
}

TEST_CASE("a version-1 log with entries migrates, and its entries read back without a planned dose", "[journal][migration]") {
    TempDir dir;
    const fs::path path = dir.path() / "backcare.db";
    create_journal_at_version(path, 1);
    // Two sessions as backcare of schema 1 stored them: no planned columns yet.
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("INSERT INTO session (id, uuid, started, utc_offset, duration, goal, pain_before, pain_after, note, origin) VALUES "
                "(1, '0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b', 1795000000, 3600, 420, 'posture', 4, 2, 'old', 'plan'), "
                "(2, '1b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b', 1795090000, 0, 60, NULL, NULL, NULL, '', 'typed')");
        db.exec("INSERT INTO entry (session_id, position, exercise_id, exercise_name, sets, reps, hold, side, load, status) VALUES "
                "(1, 1, 'cat-cow', 'Cat-cow', 1, 10, 0, 'both', '', 'done'), "
                "(1, 2, 'band-rows', 'Band rows', 2, 12, 0, 'both', 'red', 'skipped'), "
                "(2, 1, 'childs-pose', 'Child''s pose', 1, 0, 30, 'both', '', 'done')");
    }
    REQUIRE(raw_pragma(path, "user_version") == 1);

    // Reading migrates it (open_existing brings an older log up to date).
    auto j = Journal::open_existing(path);
    REQUIRE(j.has_value());
    CHECK(journal_version(path) == std::optional<int>(journal_schema));
    std::vector<Session> sessions;
    j->each([&](const Session& s) { sessions.push_back(s); });
    REQUIRE(sessions.size() == 2);
    REQUIRE(sessions[0].entries.size() == 2);
    CHECK(sessions[0].note == "old");
    CHECK(sessions[0].entries[1].load == "red");
    CHECK(sessions[0].entries[1].status == EntryStatus::skipped);
    for (const auto& s : sessions)
        for (const auto& e : s.entries) CHECK_FALSE(e.planned.has_value());
    CHECK(j->find("1") == sessions[0]);
    CHECK(j->recent(10, std::nullopt) == std::vector<Session>{sessions[1], sessions[0]});
    {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("SELECT count(*) FROM entry WHERE planned_sets IS NULL AND planned_reps IS NULL AND planned_hold IS NULL")
                  .getInt() == 3);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }

    // A planned dose stored after the migration reads back; the constraints hold.
    Journal w = Journal::open_for_writing(path);
    Session s = make_session(9, utc(2026, 11, 23, 18, 30), 0, {"cat-cow:8", "childs-pose:30s"});
    s.entries[0].planned = PlannedDose{1, 10, 0};
    const AddResult r = w.add({s});
    REQUIRE(r.added.size() == 1);
    CHECK(w.find(s.uuid) == r.added[0]);
    CHECK(w.find(s.uuid)->entries[0].planned == PlannedDose{1, 10, 0});
    CHECK_FALSE(w.find(s.uuid)->entries[1].planned.has_value());
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    CHECK_THROWS(db.exec("UPDATE entry SET planned_sets = 0 WHERE session_id = 1"));
    CHECK_THROWS(db.exec("UPDATE entry SET planned_reps = -1 WHERE session_id = 1"));
    CHECK_THROWS(db.exec("UPDATE entry SET planned_hold = -1 WHERE session_id = 1"));
}

TEST_CASE("a version-3 log with entries migrates, its skips read back without a reason, and reasons are stored after",
          "[journal][migration][skip]") {
    TempDir dir;
    const fs::path path = dir.path() / "backcare.db";
    create_journal_at_version(path, 3);
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("INSERT INTO session (id, uuid, started, utc_offset, duration, goal, pain_before, pain_after, note, origin) VALUES "
                "(1, '0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b', 1795000000, 0, 420, NULL, NULL, NULL, '', 'plan')");
        db.exec("INSERT INTO entry (session_id, position, exercise_id, exercise_name, sets, reps, hold, side, load, status, "
                "planned_sets, planned_reps, planned_hold) VALUES "
                "(1, 1, 'cat-cow', 'Cat-cow', 1, 10, 0, 'both', '', 'done', 1, 10, 0), "
                "(1, 2, 'band-rows', 'Band rows', 2, 12, 0, 'both', '', 'skipped', 2, 12, 0)");
    }
    auto j = Journal::open_existing(path);
    REQUIRE(j.has_value());
    CHECK(journal_version(path) == std::optional<int>(journal_schema));
    const auto old = j->find("1");
    REQUIRE(old.has_value());
    REQUIRE(old->entries.size() == 2);
    CHECK(old->entries[1].status == EntryStatus::skipped);
    CHECK_FALSE(old->entries[1].skip_reason.has_value());
    CHECK(old->entries[1].planned == PlannedDose{2, 12, 0});

    Journal w = Journal::open_for_writing(path);
    Session s = make_session(9, utc(2026, 11, 23, 18, 30), 0, {"cat-cow:8", "childs-pose:30s", "band-rows:2x12"});
    s.entries[1].status = EntryStatus::skipped;
    s.entries[1].skip_reason = SkipReason::kit;
    s.entries[2].status = EntryStatus::skipped;
    const AddResult r = w.add({s});
    REQUIRE(r.added.size() == 1);
    CHECK(w.find(s.uuid) == r.added[0]);
    CHECK(w.find(s.uuid)->entries[1].skip_reason == SkipReason::kit);
    CHECK_FALSE(w.find(s.uuid)->entries[2].skip_reason.has_value());
    std::vector<Session> all;
    w.each([&](const Session& x) { all.push_back(x); });
    REQUIRE(all.size() == 2);
    CHECK(all[1] == r.added[0]);
    // The constraints hold: a known reason, and only on a skipped entry.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    CHECK_THROWS(db.exec("UPDATE entry SET skip_reason = 'bored' WHERE session_id = 1 AND position = 2"));
    CHECK_THROWS(db.exec("UPDATE entry SET skip_reason = 'kit' WHERE session_id = 1 AND position = 1"));
    CHECK_NOTHROW(db.exec("UPDATE entry SET skip_reason = 'hurt' WHERE session_id = 1 AND position = 2"));
}
