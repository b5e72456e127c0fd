// SPDX-License-Identifier: MIT
// The log's health (journal.hpp): the writers' queue, the check before a
// write, backups, check_log and recover_log, numbers and prefixes, and the
// identity of sessions an earlier version derived.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <sys/stat.h>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>

#include "journal.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using namespace std::chrono_literals;
using backcare::test::error_of;
using backcare::test::file_bytes;
using backcare::test::make_session;
using backcare::test::TempDir;
using backcare::test::utc;
namespace fs = std::filesystem;

namespace {

std::vector<Session> sessions(int n) {
    std::vector<Session> out;
    for (int i = 0; i < n; ++i) out.push_back(make_session(static_cast<std::uint64_t>(i + 1), utc(2026, 11, 1 + i % 20, 9, i % 60)));
    return out;
}

void overwrite_page(const fs::path& p, std::size_t page, char byte) {
    std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(page * 4096));
    const std::string noise(4096, byte);
    f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
}

std::set<std::string> uuids_in(const fs::path& db) {
    std::set<std::string> out;
    Journal::open_existing(db)->each([&](const Session& s) { out.insert(s.uuid); });
    return out;
}

}  // namespace

TEST_CASE("writers queue: a second write waits for the first, and gives up past its wait as Busy", "[log-health][queue]") {
    TempDir dir;
    const fs::path db = dir.path() / "backcare.db";
    Journal::open_for_writing(db).add({make_session(1, utc(2026, 11, 1, 9, 0))});
    std::atomic<bool> writing{false};
    std::thread first([&] {
        Journal j = Journal::open_for_writing(db);
        int n = 0;
        j.add_each([&]() -> std::optional<Session> {
            writing = true;
            std::this_thread::sleep_for(50ms);
            if (n == 8) return std::nullopt;
            ++n;
            return make_session(static_cast<std::uint64_t>(100 + n), utc(2026, 11, 2, 9, n));
        });
    });
    while (!writing) std::this_thread::sleep_for(1ms);
    {
        JournalOptions patient;
        patient.busy_timeout = 5s;
        const auto t0 = std::chrono::steady_clock::now();
        CHECK(Journal::open_for_writing(db, patient).add({make_session(2, utc(2026, 11, 3, 9, 0))}).added.size() == 1);
        CHECK(std::chrono::steady_clock::now() - t0 >= 200ms);  // it waited its turn
    }
    first.join();
    CHECK(Journal::open_existing(db)->count() == 10);

    // Past its wait: Busy, nothing stored, and `waiting` told once after a second.
    std::atomic<bool> holding{false}, release{false};
    std::thread holder([&] {
        Journal j = Journal::open_for_writing(db);
        j.add_each([&]() -> std::optional<Session> {
            holding = true;
            while (!release) std::this_thread::sleep_for(5ms);
            return std::nullopt;
        });
    });
    while (!holding) std::this_thread::sleep_for(1ms);
    JournalOptions short_wait;
    short_wait.busy_timeout = 1300ms;
    int told = 0;
    short_wait.waiting = [&](const std::string&) { ++told; };
    CHECK_THAT(error_of<Busy>([&] { Journal::open_for_writing(db, short_wait).add({make_session(3, utc(2026, 11, 4, 9, 0))}); }),
               Catch::Contains("is busy") && Catch::Contains("nothing was stored"));
    CHECK(told == 1);
    release = true;
    holder.join();
    CHECK(Journal::open_existing(db)->count() == 10);
}

TEST_CASE("the check before a write: a log changed since the last write is checked whole - a damaged one takes nothing",
          "[log-health][damage]") {
    TempDir dir;
    const fs::path db = dir.path() / "backcare.db";
    Journal::open_for_writing(db).add(sessions(300));
    const std::string lock = file_bytes(dir.path() / "backcare.db.lock");
    CHECK_THAT(lock, Catch::Contains("verified: "));
    overwrite_page(db, 10, '\x55');
    const std::string damaged = file_bytes(db);
    for (int attempt = 0; attempt < 2; ++attempt) {
        CHECK_THAT(error_of<DataError>([&] { Journal::open_for_writing(db).add({make_session(900, utc(2026, 11, 22, 9, 0))}); }),
                   Catch::Contains("is damaged") && Catch::Contains("backcare recover") && Catch::Contains("the newest backup is"));
        CHECK_THROWS_AS(Journal::open_for_writing(db).remove_last(), DataError);
        CHECK(file_bytes(db) == damaged);
    }
    const LogHealth health = check_log(db);
    CHECK(health.exists);
    CHECK_FALSE(health.sound());
    CHECK_FALSE(health.problems.empty());
    CHECK(health.backups.size() == 1);
}

TEST_CASE("the check costs a write nothing when the log is as the last write left it", "[log-health][damage]") {
    TempDir dir;
    const fs::path db = dir.path() / "backcare.db";
    Journal::open_for_writing(db).add(sessions(50));
    // The lock file keeps the log's device, inode, size and time as the write left them: the next write compares, and
    // checks every page only when they differ.
    const auto verified = [&] {
        const std::string lock = file_bytes(dir.path() / "backcare.db.lock");
        return lock.substr(lock.find("verified: ") + 10, lock.find('\n', lock.find("verified: ")) - lock.find("verified: ") - 10);
    };
    struct stat st {};
    REQUIRE(::stat(db.c_str(), &st) == 0);
    const std::string now = std::to_string(st.st_dev) + " " + std::to_string(st.st_ino) + " " + std::to_string(st.st_size) + " " +
                            std::to_string(static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec);
    CHECK(verified() == now);
    Journal::open_for_writing(db).add({make_session(900, utc(2026, 11, 22, 9, 0))});
    REQUIRE(::stat(db.c_str(), &st) == 0);
    CHECK(verified() == std::to_string(st.st_dev) + " " + std::to_string(st.st_ino) + " " + std::to_string(st.st_size) + " " +
                            std::to_string(static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec));
    // Damage that changes the file's time is found before anything is written.
    for (std::size_t page = 1; page < fs::file_size(db) / 4096; ++page) overwrite_page(db, page, '\x55');
    CHECK_THROWS_AS(Journal::open_for_writing(db).add({make_session(901, utc(2026, 11, 22, 10, 0))}), DataError);
}

TEST_CASE("backups: one before each migration holding the log as it was, one a week", "[log-health][backups]") {
    for (int version = 1; version < journal_schema; ++version) {
        INFO("from schema " << version);
        TempDir dir;
        const fs::path db = dir.path() / "backcare.db";
        create_journal_at_version(db, version);
        JournalOptions options;
        options.now = utc(2026, 12, 7, 14, 25, 0);
        Journal::open_for_writing(db, options);
        const auto backups = list_backups(db, false);
        REQUIRE(backups.size() == 1);
        CHECK(backups[0].file.filename() == "backcare-2026-12-07T142500Z-before-schema-4.db");
        CHECK(backups[0].reason == "before schema 4");
        CHECK(backups[0].taken == "2026-12-07T14:25:00Z");
        SQLite::Database copy(backups[0].file, SQLite::OPEN_READONLY);
        CHECK(copy.execAndGet("PRAGMA user_version").getInt() == version);
        CHECK(copy.execAndGet("PRAGMA journal_mode").getString() == "delete");
    }
    TempDir dir;
    const fs::path db = dir.path() / "backcare.db";
    JournalOptions options;
    int warnings = 0;
    options.warn = [&](const std::string&) { ++warnings; };
    for (int day = 1; day <= 30; ++day) {
        options.now = utc(2026, 11, day, 9, 0);
        Journal::open_for_writing(db, options).add({make_session(static_cast<std::uint64_t>(day), utc(2026, 11, day, 8, 0))});
    }
    std::vector<std::string> taken;
    for (const auto& b : list_backups(db, true)) taken.push_back(b.taken.substr(0, 10));
    // 11-01, 11-08, 11-15, 11-22 and 11-29 (each the first write a week or more after the last): the last 4 kept.
    CHECK(taken == std::vector<std::string>{"2026-11-29", "2026-11-22", "2026-11-15", "2026-11-08"});
    CHECK(list_backups(db, true).front().sessions == std::optional<std::int64_t>(29));
    CHECK(warnings == 0);
    // A clock set back makes none.
    options.now = utc(2026, 10, 1, 9, 0);
    Journal::open_for_writing(db, options).add({make_session(99, utc(2026, 10, 1, 8, 0))});
    CHECK(list_backups(db, false).size() == 4);
}

TEST_CASE("a backup that cannot be made is a warning, and the write is stored", "[log-health][backups]") {
    TempDir dir;
    const fs::path db = dir.path() / "backcare.db";
    std::ofstream(dir.path() / "backups") << "a file where the directory should be";
    JournalOptions options;
    std::vector<std::string> warnings;
    options.warn = [&](const std::string& w) { warnings.push_back(w); };
    CHECK(Journal::open_for_writing(db, options).add({make_session(1, utc(2026, 11, 1, 9, 0))}).added.size() == 1);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("no backup of the log"));
    CHECK(Journal::open_existing(db)->count() == 1);
}

TEST_CASE("recover_log: every session that can be read, a new log, the old one untouched", "[log-health][recover]") {
    TempDir dir;
    const fs::path db = dir.path() / "backcare.db";
    JournalOptions options;
    options.now = utc(2026, 11, 25, 9, 0);
    const auto all = sessions(600);
    Journal::open_for_writing(db, options).add(all);
    const std::set<std::string> original = uuids_in(db);
    SECTION("a page of a table damaged") {
        overwrite_page(db, 15, '\x55');
        const std::string damaged = file_bytes(db);
        const Salvage s = recover_log(db, std::nullopt, options);
        CHECK(file_bytes(db) == damaged);
        CHECK(s.to == dir.path() / "backcare-recovered-2026-11-25T090000Z.db");
        CHECK(s.sessions > 500);
        CHECK(s.sessions + static_cast<std::int64_t>(s.unreadable.size()) + s.invalid == 600);
        const auto back = uuids_in(s.to);
        CHECK(std::includes(original.begin(), original.end(), back.begin(), back.end()));
        CHECK(check_log(s.to).sound());
        // With the backup, the sessions lost come back.
        const Salvage with = recover_log(db, dir.path() / "with.db", options, true);
        CHECK(with.sessions == 600);
        CHECK(with.from_backup == static_cast<std::int64_t>(s.unreadable.size()) + s.invalid);
        CHECK(uuids_in(dir.path() / "with.db") == original);
        CHECK_THROWS_AS(recover_log(db, dir.path() / "with.db", options), UsageError);  // replaces nothing
    }
    SECTION("the header zeroed") {
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.write(std::string(100, '\0').data(), 100);
        f.close();
        const Salvage s = recover_log(db, dir.path() / "back.db", options);
        CHECK(s.header_rebuilt);
        CHECK(s.sessions == 600);
        CHECK(uuids_in(dir.path() / "back.db") == original);
    }
    SECTION("nothing there to read") {
        std::ofstream(dir.path() / "noise.db") << std::string(8192, 'x');
        CHECK_THROWS_AS(recover_log(dir.path() / "noise.db", dir.path() / "out.db", options), NoResult);
        CHECK_FALSE(fs::exists(dir.path() / "out.db"));
        CHECK_THROWS_AS(recover_log(dir.path() / "absent.db", std::nullopt, options), NoResult);
    }
}

TEST_CASE("find: a number, '#number', a uuid or its prefix - digits that could be both are refused", "[log-health][find]") {
    TempDir dir;
    const fs::path db = dir.path() / "backcare.db";
    Session a = make_session(1, utc(2026, 11, 1, 9, 0));
    a.uuid = "00000002-0000-4000-8000-000000000000";
    Journal j = Journal::open_for_writing(db);
    j.add({a, make_session(2, utc(2026, 11, 2, 9, 0))});
    CHECK(j.find("1")->uuid == a.uuid);
    CHECK(j.find("#2")->id == 2);
    CHECK(j.find("00000002-")->id == 1);
    CHECK(j.find(a.uuid)->id == 1);
    CHECK_THAT(error_of<UsageError>([&] { j.find("00000002"); }),
               Catch::Contains("is both session 2") && Catch::Contains("session 1") && Catch::Contains("'#2'"));
    CHECK_FALSE(j.find("00000009").has_value());
    CHECK_THAT(error_of<UsageError>([&] { j.find("abc"); }), Catch::Contains("neither a session number"));
    CHECK_THAT(error_of<UsageError>([&] { j.find("#"); }), Catch::Contains("neither a session number"));
    // Numbers are never reused.
    j.remove_last();
    CHECK(j.add({make_session(3, utc(2026, 11, 3, 9, 0))}).added.at(0).id == 3);
    CHECK_FALSE(j.find("2").has_value());
}

TEST_CASE("a session an earlier version stored under the uuid it derived is the same session if it holds the same",
          "[log-health][identity]") {
    TempDir dir;
    const fs::path db = dir.path() / "backcare.db";
    const auto read = [](const std::string& line) { return parse_session_json(line, test::catalogue()); };
    const Session fine = read(R"({"started":"2026-11-20T10:00:00Z","pain_before":2,"pain_after":2,"note":"fine","entries":["cat-cow:10"]})");
    const Session hurt = read(R"({"started":"2026-11-20T10:00:00Z","pain_before":3,"pain_after":9,"note":"hurt badly","entries":["cat-cow:10"]})");
    REQUIRE(content_uuid_before_2(fine) == content_uuid_before_2(hurt));
    Session stored = fine;
    stored.uuid = content_uuid_before_2(fine);  // as an earlier backcare stored it
    Journal j = Journal::open_for_writing(db);
    j.add({stored});
    const AddResult again = j.add({fine});
    CHECK(again.added.empty());
    CHECK(again.present == std::vector<std::string>{fine.uuid});
    CHECK(j.add({hurt}).added.size() == 1);  // a different session at the same moment
    CHECK(j.count() == 2);
}

TEST_CASE("check_log: a log not there yet, and a sound one", "[log-health][check]") {
    TempDir dir;
    const fs::path db = dir.path() / "backcare.db";
    const LogHealth none = check_log(db);
    CHECK_FALSE(none.exists);
    CHECK(none.problems.empty());
    CHECK_FALSE(fs::exists(db));
    Journal::open_for_writing(db).add(sessions(3));
    const LogHealth h = check_log(db);
    CHECK(h.sound());
    CHECK(h.schema == std::optional<int>(journal_schema));
    CHECK(h.journal_mode == "wal");
    CHECK(h.sessions == std::optional<std::int64_t>(3));
    CHECK(h.entries == std::optional<std::int64_t>(3));
    CHECK(h.first_day == std::optional<std::string>("2026-11-01"));
    CHECK(h.mode == 0600);
    CHECK_FALSE(fs::exists(db.string() + "-wal"));  // a check leaves nothing behind
}

TEST_CASE("recover_log reads a log of an earlier schema (a backup made before a migration), its entries without the newer columns",
          "[log-health][recover][migration]") {
    TempDir dir;
    for (int version = 1; version < journal_schema; ++version) {
        INFO("schema " << version);
        const fs::path db = dir.path() / fmt::format("v{}.db", version);
        create_journal_at_version(db, version);
        {
            SQLite::Database raw(db, SQLite::OPEN_READWRITE);
            raw.exec("INSERT INTO session (id, uuid, started, utc_offset, duration, goal, pain_before, pain_after, note, origin) VALUES "
                     "(1, '0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b', 1795000000, 0, 60, NULL, NULL, NULL, '', 'typed')");
            raw.exec("INSERT INTO entry (session_id, position, exercise_id, exercise_name, sets, reps, hold, side, load, status) VALUES "
                     "(1, 1, 'cat-cow', 'Cat-cow', 1, 10, 0, 'both', '', 'done'), "
                     "(1, 2, 'band-rows', 'Band rows', 2, 12, 0, 'both', '', 'skipped')");
        }
        const fs::path out = dir.path() / fmt::format("out{}.db", version);
        const Salvage s = recover_log(db, out, JournalOptions{});
        CHECK(s.sessions == 1);
        CHECK(s.unreadable.empty());
        auto j = Journal::open_existing(out);
        REQUIRE(j.has_value());
        const auto back = j->find("1");
        REQUIRE(back.has_value());
        REQUIRE(back->entries.size() == 2);
        CHECK(back->entries[1].status == EntryStatus::skipped);
        CHECK_FALSE(back->entries[1].skip_reason.has_value());
        CHECK_FALSE(back->entries[0].planned.has_value());
    }
}
