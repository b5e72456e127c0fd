// SPDX-License-Identifier: MIT
// Nothing lost: a log that cannot be reached is an error, never an empty
// log; numbers and uuid prefixes are never confused and numbers never
// reused; a stored change is never reported as a failure; a damaged log
// takes no writes and can be salvaged; backups exist where messages say.
#include <fstream>
#include <random>
#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using e2e::Result;
using namespace e2e::logs;
namespace fs = std::filesystem;

namespace {

// n generated sessions as JSON Lines, each with its own uuid, in November 2026.
std::string generated(int n, int offset = 0) {
    std::string out;
    for (int i = 0; i < n; ++i) {
        char started[32];
        std::snprintf(started, sizeof started, "2026-11-%02dT%02d:%02d:00Z", 1 + i % 20, 10 + i % 9, 10 + i % 40);
        out += str(R"({"uuid":")", uuid_for(0x5e550000 + static_cast<std::uint32_t>(i + offset), static_cast<std::uint64_t>(i)),
                   R"(","started":")", started, R"(","pain_before":3,"pain_after":2,"note":"session )", i + offset,
                   R"(","entries":["cat-cow:10","childs-pose:30s","band-rows:2x12","chin-tuck:10"]})", "\n");
    }
    return out;
}

// The highest session number in the log, from history.
std::int64_t newest_number(const Home& h) {
    std::int64_t most = 0;
    for (const auto& s : history_json(h, {"--limit", "0"})) most = std::max<std::int64_t>(most, s.at("number").get<std::int64_t>());
    return most;
}

// The program copied where another user may run it (the build tree may be private).
Proc as_nobody(const Home& h, std::vector<std::string> args) {
    const fs::path bin = h.dir() / "bin" / "backcare";
    if (!fs::exists(bin)) {
        fs::create_directories(bin.parent_path());
        fs::copy_file(BACKCARE_BINARY, bin);
        fs::permissions(bin, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                                 fs::perms::others_exec);
    }
    Proc p = proc(h, std::move(args));
    p.program = bin.string();
    p.uid = e2e::nobody_uid();
    p.gid = e2e::nobody_gid();
    return p;
}

std::vector<std::vector<std::string>> every_command_on_the_log(const fs::path& import_file) {
    return {{"export"}, {"export", "--format", "csv"}, {"history"}, {"stats"}, {"due"}, {"plan"},
            {"log", "cat-cow:10"}, {"undo"}, {"delete", "1"}, {"import", import_file.string()}, {"check"}};
}

std::string bytes_of(const fs::path& p) { return e2e::read_file(p); }

void overwrite(const fs::path& p, std::size_t at, const std::string& bytes) {
    std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(at));
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The sessions of an export, as lines, for comparing logs.
std::set<std::string> export_lines(const Home& h, const fs::path& db) {
    const auto r = h.run({"--db", db.string(), "export"});
    REQUIRE(r.status == 0);
    const auto lines = e2e::lines(r.out);
    return {lines.begin(), lines.end()};
}

}  // namespace

TEST_CASE("integrity: a log that cannot be reached is an error naming why, never an empty log", "[integrity][paths]") {
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const fs::path import_file = h.write("in.jsonl", generated(1));

    SECTION("a loop of symbolic links as the log") {
        const fs::path loop = h.dir() / "loop.db";
        fs::create_symlink(loop, loop);
        for (const auto& args : every_command_on_the_log(import_file)) {
            INFO(Json(args).dump());
            std::vector<std::string> with = {"--db", loop.string()};
            with.insert(with.end(), args.begin(), args.end());
            const Result r = h.run(with);
            e2e::expect_error(r, 74, {loop.string(), "symbolic links"});
        }
    }
    SECTION("a symbolic link to nothing as the log") {
        const fs::path dangling = h.dir() / "dangling.db";
        fs::create_symlink(h.dir() / "nowhere" / "x.db", dangling);
        for (const auto& args : every_command_on_the_log(import_file)) {
            INFO(Json(args).dump());
            std::vector<std::string> with = {"--db", dangling.string()};
            with.insert(with.end(), args.begin(), args.end());
            e2e::expect_error(h.run(with), 74, {"symbolic link to", "which does not exist"});
        }
        CHECK_FALSE(fs::exists(h.dir() / "nowhere"));
    }
    SECTION("a data directory the user may not search") {
        const Proc probe = as_nobody(h, {"--version"});
        h.give_to(e2e::nobody_uid(), e2e::nobody_gid());
        REQUIRE(run(probe).status == 0);
        fs::permissions(h.data_dir(), fs::perms::owner_read | fs::perms::owner_write);
        for (const auto& args : every_command_on_the_log(import_file)) {
            INFO(Json(args).dump());
            const Result r = run(as_nobody(h, args));
            e2e::expect_error(r, 74, {"permission denied"});
        }
        fs::permissions(h.data_dir(), fs::perms::owner_all);
        CHECK(count_sessions(db_path(h)) == 1);
    }
}

TEST_CASE("integrity: digits that are both a number and a uuid prefix are refused naming both", "[integrity][delete]") {
    Home h;
    REQUIRE(h.run({"log", "--uuid", "00000002-0000-4000-8000-000000000000", "cat-cow:10"}).status == 0);  // number 1
    REQUIRE(h.run({"log", "chin-tuck:10"}).status == 0);                                                   // number 2
    const auto before = h.snapshot();
    const Result r = h.run({"delete", "00000002"});
    e2e::expect_usage_error(r, {"'00000002' is both session 2", "uuid of session 1", "00000002-0000-4000-8000-000000000000", "'#2'"});
    CHECK(h.snapshot() == before);
    // Said plainly, each is found.
    const Result number = h.run({"delete", "#2"});
    REQUIRE(number.status == 0);
    CHECK(contains(number.out, "Session 2"));
    CHECK(contains(number.out, "Chin tuck"));
    const Result uuid = h.run({"delete", "00000002-"});
    REQUIRE(uuid.status == 0);
    CHECK(contains(uuid.out, "Session 1"));
    CHECK(count_sessions(db_path(h)) == 0);
    // A number alone is still a number.
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    e2e::expect_usage_error(h.run({"delete", "#x"}), {"neither a session number"});
}

TEST_CASE("integrity: session numbers are never reused, after undo or delete", "[integrity][numbers]") {
    Home h;
    for (int i = 0; i < 3; ++i) REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    REQUIRE(h.run({"undo"}).status == 0);  // removes 3
    REQUIRE(h.run({"log", "chin-tuck:10"}).status == 0);
    CHECK(newest_number(h) == 4);
    // The 3 read from an earlier history names no session now, rather than the new one.
    const auto before = h.snapshot();
    e2e::expect_error(h.run({"delete", "3"}), 1, {"no session '3'"});
    CHECK(h.snapshot() == before);
    REQUIRE(h.run({"delete", "4"}).status == 0);
    REQUIRE(h.run({"log", "cat-cow:12"}).status == 0);
    CHECK(newest_number(h) == 5);
}

TEST_CASE("integrity: a change stored is never reported as a failure when its report cannot be written",
          "[integrity][output]") {
    Home h;
    const fs::path import_file = h.write("in.jsonl", generated(3));
    struct Case {
        std::vector<std::string> args;
        std::string stdin_text;
        std::int64_t sessions_after;
    };
    const std::vector<Case> cases{
        {{"log", "cat-cow:10"}, "", 1},
        {{"log", "--format", "json", "chin-tuck:10"}, "", 2},
        {{"log", "-"}, R"({"started":"2026-11-20T10:00:00Z","entries":["cat-cow:8"]})" "\n", 3},
        {{"import", import_file.string()}, "", 6},
        {{"undo"}, "", 5},
        {{"delete", "1"}, "", 4},
    };
    for (const auto& c : cases) {
        INFO(Json(c.args).dump());
        Proc p = proc(h, c.args);
        p.stdout_path = "/dev/full";
        p.stdin_text = c.stdin_text;
        const Result r = run(p);
        CHECK(r.status == 0);
        CHECK(contains(r.err, "was stored, but its report could not be written"));
        CHECK(contains(r.err, "no space left on device"));
        CHECK(count_sessions(db_path(h)) == c.sessions_after);
    }
    // A reader gone away is the same: stored, said on stderr, status 0 (the pipeline's own status).
    // The reader is gone before backcare starts (a busy machine must not let it write first).
    Proc piped = proc(h, {"-c", str("{ sleep 0.5; '", BACKCARE_BINARY, "' log cat-cow:10; } | true; echo \"status ${PIPESTATUS[0]}\"")});
    piped.program = "/bin/bash";
    const Result r = run(piped);
    CHECK(contains(r.out, "status 0"));
    CHECK(contains(r.err, "was stored"));
    CHECK(count_sessions(db_path(h)) == 5);
    // What only reads still fails when its output cannot be written: a backup must not pass for done.
    Proc exporting = proc(h, {"export"});
    exporting.stdout_path = "/dev/full";
    e2e::expect_error(run(exporting), 74, {"standard output", "no space left on device"});
}

TEST_CASE("integrity: sessions without a uuid are one session only when they hold the same", "[integrity][identity]") {
    Home h;
    const std::string fine = R"({"started":"2026-11-20T10:00:00Z","pain_before":2,"pain_after":2,"note":"fine","entries":["cat-cow:10"]})";
    const std::string hurt = R"({"started":"2026-11-20T10:00:00Z","pain_before":3,"pain_after":9,"note":"hurt badly","entries":["cat-cow:10"]})";
    const Result both = h.run({"log", "-"}, fine + "\n" + hurt + "\n");
    REQUIRE(both.status == 0);
    CHECK(contains(both.out, "2 sessions logged, 0 already present"));
    // The same moment written at another offset is the same session.
    const std::string same = R"({"started":"2026-11-20T11:00:00+01:00","pain_before":2,"pain_after":2,"note":"fine","entries":["cat-cow:10"]})";
    CHECK(contains(h.run({"log", "-"}, same + "\n").out, "0 sessions logged, 1 already present"));
    // CSV rows of one session are one session.
    const std::string csv = "started,note,exercise,reps,hold_seconds\n2026-11-21T10:00:00Z,two rows,cat-cow,10,\n"
                            "2026-11-21T10:00:00Z,two rows,childs-pose,,30\n";
    CHECK(contains(h.run({"import", "-"}, csv).out, "1 added, 0 already present"));
    CHECK(contains(h.run({"import", "-"}, csv).out, "0 added, 1 already present"));
    CHECK(count_sessions(db_path(h)) == 3);
}

TEST_CASE("integrity: a damaged log takes no writes, check says what is wrong, recover salvages what can be read",
          "[integrity][damage]") {
    Home h;
    REQUIRE(h.run({"import", "-"}, generated(600)).status == 0);
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);  // a write in its place: the weekly backup
    const fs::path db = db_path(h);
    const std::set<std::string> original = export_lines(h, db);
    REQUIRE(original.size() == 601);
    const Result healthy = h.run({"check"});
    REQUIRE(healthy.status == 0);
    CHECK(contains(healthy.out, "ok"));
    CHECK(contains(healthy.out, "601 sessions"));
    CHECK(contains(healthy.out, "weekly"));
    const fs::path import_file = h.write("in.jsonl", generated(2, 1000));
    const std::string pristine = bytes_of(db);
    const std::size_t pages = pristine.size() / 4096;
    REQUIRE(pages > 50);

    std::mt19937 random(20261207);
    int damaged = 0, salvaged = 0;
    auto try_copy = [&](const fs::path& copy, const std::string& what) {
        INFO(what);
        const std::string bytes = bytes_of(copy);
        const Result check = h.run({"--db", copy.string(), "check"});
        CHECK((check.status == 0 || check.status == 1));
        if (check.status == 1) {
            ++damaged;
            CHECK(contains(check.out, "damaged"));
            for (const auto& args : std::vector<std::vector<std::string>>{
                     {"log", "cat-cow:10"}, {"undo"}, {"delete", "1"}, {"import", import_file.string()}}) {
                INFO(Json(args).dump());
                std::vector<std::string> with = {"--db", copy.string()};
                with.insert(with.end(), args.begin(), args.end());
                const Result r = h.run(with);
                CHECK((r.status == 65 || r.status == 1));
                CHECK(contains(r.err, "damaged"));
                CHECK(bytes_of(copy) == bytes);
            }
        }
        const fs::path out = copy.string() + ".recovered";
        const Result rec = h.run({"--db", copy.string(), "recover", "-o", out.string()});
        CHECK(bytes_of(copy) == bytes);  // never touched
        CHECK((rec.status == 0 || rec.status == 1));
        if (rec.status != 0) return;
        ++salvaged;
        CHECK(h.run({"--db", out.string(), "check"}).status == 0);
        const std::set<std::string> back = export_lines(h, out);
        // Every session salvaged is one of the originals, whole.
        CHECK(std::includes(original.begin(), original.end(), back.begin(), back.end()));
        if (check.status == 0) CHECK(back == original);
    };
    fs::create_directories(h.dir() / "copies");
    for (int k = 0; k < 50; ++k) {
        const fs::path copy = h.dir() / "copies" / str(k, ".db");
        fs::copy_file(db, copy);
        std::string noise(4096, '\0');
        for (char& c : noise) c = static_cast<char>(random() & 0xff);
        // Whole pages, spread over the file from the second one on (the first is the header's: below).
        overwrite(copy, (1 + static_cast<std::size_t>(k) * (pages - 1) / 50) * 4096, noise);
        try_copy(copy, str("random page ", k));
    }
    CHECK(damaged >= 40);
    CHECK(salvaged >= 45);

    const fs::path cut = h.dir() / "copies" / "truncated.db";
    fs::copy_file(db, cut);
    fs::resize_file(cut, pristine.size() / 2);
    try_copy(cut, "truncated to half");

    const fs::path zeroed = h.dir() / "copies" / "zeroed.db";
    fs::copy_file(db, zeroed);
    overwrite(zeroed, 0, std::string(100, '\0'));
    e2e::expect_error(h.run({"--db", zeroed.string(), "history"}), 65, {"not an SQLite database", "backcare recover"});
    const Result rec = h.run({"--db", zeroed.string(), "recover", "-o", (h.dir() / "zeroed-back.db").string()});
    REQUIRE(rec.status == 0);
    CHECK(contains(rec.out, "Recovered 601 sessions"));
    CHECK(contains(rec.out, "first page was damaged"));
    CHECK(export_lines(h, h.dir() / "zeroed-back.db") == original);

    // The message names a backup that is there.
    fs::copy_file(db, h.dir() / "copies" / "again.db");
    const fs::path again = h.dir() / "copies" / "again.db";
    overwrite(again, 20 * 4096, std::string(4096, '\x55'));
    const Result refused = h.run({"--db", db.string(), "log", "cat-cow:10"});
    REQUIRE(refused.status == 0);  // the log itself is sound
    fs::copy_file(again, db, fs::copy_options::overwrite_existing);
    const Result w = h.run({"log", "cat-cow:10"});
    e2e::expect_error(w, 65, {"damaged", "backcare check", "backcare recover", "the newest backup is "});
    const auto at = w.err.find("the newest backup is ") + std::string("the newest backup is ").size();
    const std::string backup = w.err.substr(at, w.err.find(" (", at) - at);
    CHECK(fs::is_regular_file(backup));
    CHECK(export_lines(h, backup).size() == 601);
}

TEST_CASE("integrity: backups, weekly after a write, a few kept, listed by check", "[integrity][backups]") {
    Home h;
    // A write every 3 days for 7 weeks: a backup about once a week, the last 4 kept.
    const std::vector<std::string> days{"2026-10-01", "2026-10-04", "2026-10-07", "2026-10-10", "2026-10-13", "2026-10-16",
                                        "2026-10-19", "2026-10-22", "2026-10-25", "2026-10-28", "2026-10-31", "2026-11-03",
                                        "2026-11-06", "2026-11-09", "2026-11-12", "2026-11-15", "2026-11-18"};
    for (const auto& day : days) {
        h.set("BACKCARE_NOW", day + "T10:00:00");
        REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    }
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(h.data_dir() / "backups")) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    // Made on 10-01, 10-10, 10-19, 10-28, 11-06 and 11-15: each the first write more than a week after the last.
    CHECK(names == std::vector<std::string>{"backcare-2026-10-19T100000Z.db", "backcare-2026-10-28T100000Z.db",
                                            "backcare-2026-11-06T100000Z.db", "backcare-2026-11-15T100000Z.db"});
    for (const auto& e : fs::directory_iterator(h.data_dir() / "backups")) CHECK(mode_of(e.path()) == 0600);
    CHECK(mode_of(h.data_dir() / "backups") == 0700);
    const Result check = h.run({"check"});
    REQUIRE(check.status == 0);
    CHECK(contains(check.out, "2026-11-15T10:00:00Z  weekly"));
    CHECK(contains(check.out, "17 sessions"));
    CHECK(contains(check.out, "16 sessions"));
    const Json j = Json::parse(h.run({"check", "--format", "json"}).out);
    CHECK(j.at("sound") == true);
    CHECK(j.at("backups").size() == 4);
    CHECK(j.at("backups").at(0).at("sessions") == 16);
}

TEST_CASE("integrity: readers never block a writer, and a writer that waits says who holds the log", "[integrity][busy][serial]") {
    Home h;
    REQUIRE(h.run({"import", "-"}, generated(1500)).status == 0);
    const fs::path db = db_path(h);

    SECTION("an export into a pipe nobody reads") {
        int pipe_fds[2];
        REQUIRE(::pipe(pipe_fds) == 0);
        Proc p = proc(h, {"export"});
        e2e::Exec x(p);
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::dup2(pipe_fds[1], 1);
            ::close(pipe_fds[0]);
            ::execve(x.binary.c_str(), x.argv.data(), x.envp.data());
            ::_exit(127);
        }
        ::close(pipe_fds[1]);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the pipe is full: export waits, reading
        h.set("BACKCARE_BUSY_TIMEOUT_MS", "3000");
        const auto t0 = std::chrono::steady_clock::now();
        const Result logged = h.run({"log", "cat-cow:10"});
        const auto waited = std::chrono::steady_clock::now() - t0;
        CHECK(logged.status == 0);
        CHECK(waited < std::chrono::milliseconds(2000));
        std::string exported;
        char buf[65536];
        for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;) exported.append(buf, static_cast<std::size_t>(n));
        ::close(pipe_fds[0]);
        CHECK(e2e::reap(pid) == 0);
        CHECK(e2e::lines(exported).size() == 1500);  // what it began with: one snapshot
        CHECK(count_sessions(db) == 1501);
    }
    SECTION("another program inside a read transaction") {
        SQLite::Database reader(db, SQLite::OPEN_READONLY);
        reader.exec("BEGIN");
        CHECK(reader.execAndGet("SELECT count(*) FROM session").getInt() == 1500);
        h.set("BACKCARE_BUSY_TIMEOUT_MS", "3000");
        CHECK(h.run({"log", "cat-cow:10"}).status == 0);
        reader.exec("COMMIT");
    }
    SECTION("another program writing: a notice on a terminal after a second, then 75 naming it") {
        // Taken first: reading the log's file here while this process holds
        // SQLite's locks on it would drop them (POSIX locks go with any close).
        const auto before = h.snapshot();
        {
            SQLite::Database writer(db, SQLite::OPEN_READWRITE);
            writer.exec("BEGIN IMMEDIATE");
            h.set("BACKCARE_BUSY_TIMEOUT_MS", "1500");
            const Result plain = h.run({"log", "cat-cow:10"});
            e2e::expect_error(plain, 75, {"is busy", "e2e_tests (pid", "nothing was changed"});
            CHECK_FALSE(contains(plain.err, "waiting"));
            const Result tty = h.run_tty({"log", "cat-cow:10"});
            CHECK(tty.status == 75);
            CHECK(contains(tty.out, "backcare: waiting for the log: e2e_tests (pid"));
            writer.exec("ROLLBACK");
        }
        CHECK(h.snapshot() == before);
    }
}
