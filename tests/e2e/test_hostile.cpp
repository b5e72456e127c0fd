// SPDX-License-Identifier: MIT
// Nothing let in: text that could command a terminal never reaches one,
// files are never created through a planted link nor used when they are
// someone else's, spreadsheets never run an export, every input is bounded,
// a clock or a date outside 2000 to 2099 is refused, and the smaller
// wrong answers found by attacking the log.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using e2e::Result;
using namespace e2e::logs;
namespace fs = std::filesystem;

namespace {

// What a terminal would take as a command: a control byte (but newline, and
// tab where tabs separate fields), DEL, a C1 control, or a byte that is not UTF-8.
bool commands_a_terminal(const std::string& text, bool tabs = false) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && !(tabs && c == '\t')) || c == 0x7f) return true;
        if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) < 0xa0)
            return true;
        if (c >= 0x80) {
            const std::size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
            if (n == 0 || i + n > text.size()) return true;
            for (std::size_t k = 1; k < n; ++k)
                if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return true;
            i += n - 1;
        }
    }
    return false;
}

const std::string hostile = "a\x1b[2J\x1b]0;pwned\x07\xc2\x9b" "31m\xff\x7f" "b";

}  // namespace

TEST_CASE("hostile: text put in the log by another program never commands the terminal", "[hostile][escapes]") {
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const fs::path db = db_path(h);
    // Another program writes every text field with escape sequences, C1 controls, DEL and bytes that are not UTF-8.
    sql(db, str("INSERT INTO session (uuid, started, utc_offset, duration, note, origin) VALUES ('", hostile,
                "', 1795000000, 0, 60, '", hostile, "', 'typed');"
                "INSERT INTO entry (session_id, position, exercise_id, exercise_name, sets, reps, hold, side, load, status) "
                "VALUES (last_insert_rowid(), 1, '", hostile, "', '", hostile, "', 1, 10, 0, 'both', '", hostile, "', 'done');"));
    for (const auto& args : std::vector<std::vector<std::string>>{{"history"},
                                                                  {"history", "--format", "tsv"},
                                                                  {"stats", "--since", "all"},
                                                                  {"stats", "--since", "all", "--by", "day"},
                                                                  {"stats", "--exercise", hostile},
                                                                  {"check"},
                                                                  {"delete", "2"}}) {
        INFO(Json(args).dump(-1, ' ', false, Json::error_handler_t::replace));
        const Result r = h.run(args);
        CHECK_FALSE(commands_a_terminal(r.out, args.size() > 1 && args[1] == "--format"));
        CHECK_FALSE(commands_a_terminal(r.err));
    }
}

TEST_CASE("hostile: every way in refuses control characters and text that is not UTF-8", "[hostile][escapes]") {
    Home h;
    const std::string esc = "x\x1b[2Jy", c1 = "x\xc2\x9by", bad = "x\xffy";
    for (const std::string& text : {esc, c1, bad}) {
        INFO(Json(text).dump(-1, ' ', true, Json::error_handler_t::replace));
        e2e::expect_usage_error(h.run({"log", "cat-cow:10", "--note", text}), {"note"});
        e2e::expect_usage_error(h.run({"log", "cat-cow:10@" + text}), {"load"});
        const std::string csv = "started,exercise,name,reps,note\n2026-11-20T10:00:00Z,cat-cow,Cat-cow,10," + text + "\n";
        e2e::expect_error(h.run({"import", "-"}, csv), 65, {"<stdin>:2:"});
        const std::string csv_name = "started,exercise,name,reps\n2026-11-20T10:00:00Z,mine," + text + ",10\n";
        e2e::expect_error(h.run({"import", "-"}, csv_name), 65, {"<stdin>:2:"});
        h.write("config/backcare/catalogue/mine.toml", e2e::clinic_file("clinic-wall-lean", text));
        const Result lint = h.run({"catalogue", "lint", (h.config_dir() / "catalogue/mine.toml").string()});
        CHECK(lint.status != 0);
        CHECK_FALSE(commands_a_terminal(lint.out));
        CHECK_FALSE(commands_a_terminal(lint.err));
        for (const auto& args : std::vector<std::vector<std::string>>{{"plan"}, {"catalogue", "show", "clinic-wall-lean"}}) {
            const Result r = h.run(args);
            CHECK(r.status == 65);
            CHECK_FALSE(commands_a_terminal(r.err));
        }
        fs::remove(h.config_dir() / "catalogue/mine.toml");
    }
    // JSON escapes arrive as the characters they stand for: refused just the same.
    e2e::expect_error(h.run({"log", "-"}, R"({"started":"2026-11-20T10:00:00Z","note":"\u001b[2J","entries":["cat-cow:10"]})" "\n"), 65,
                      {"<stdin>:1:", "control character"});
    e2e::expect_error(h.run({"log", "-"}, R"({"started":"2026-11-20T10:00:00Z","entries":[{"exercise":"cat-cow","reps":10,"name":"\u009b31m"}]})" "\n"),
                      65, {"<stdin>:1:", "control character"});
    // A step of a person's own exercise, too; lint names it.
    std::string file = e2e::clinic_file();
    file.replace(file.find("Lean in gently."), 15, "Lean in\\u001b[2J gently.");
    h.write("config/backcare/catalogue/mine.toml", file);
    const Result lint = h.run({"catalogue", "lint", (h.config_dir() / "catalogue/mine.toml").string()});
    CHECK(lint.status == 1);
    CHECK(contains(lint.out + lint.err, "mine.toml:14"));
    CHECK(contains(lint.out + lint.err, "control character"));
    CHECK_FALSE(fs::exists(db_path(h)));
    // What is typed and echoed in an error never commands the terminal either.
    for (const auto& args : std::vector<std::vector<std::string>>{{"plan", "--goal", esc}, {"delete", esc + "1234567"},
                                                                  {"stats", "--exercise", esc}, {"log", esc + ":10"},
                                                                  {"catalogue", "show", esc}, {esc}}) {
        const Result r = h.run(args);
        CHECK(r.status != 0);
        CHECK_FALSE(commands_a_terminal(r.err));
    }
}

TEST_CASE("hostile: files are never written through a planted link, nor kept where others can reach them", "[hostile][files]") {
    Home h;
    SECTION("the remembered plan, a link to another file") {
        const fs::path victim = h.write("victim.txt", "private\n");
        fs::create_directories(h.state_dir());
        fs::create_symlink(victim, h.state_dir() / "last-plan.json");
        REQUIRE(h.run({"plan"}).status == 0);
        CHECK(e2e::read_file(victim) == "private\n");
        CHECK(fs::is_regular_file(fs::symlink_status(h.state_dir() / "last-plan.json")));
        CHECK(mode_of(h.state_dir() / "last-plan.json") == 0600);
        CHECK(h.run({"log", "--plan"}).status == 0);
    }
    SECTION("the log, a link planted where a new log is to be made") {
        const fs::path victim = h.write("victim.db", "not a log\n");
        fs::create_directories(h.data_dir());
        fs::permissions(h.data_dir(), fs::perms::owner_all);
        fs::permissions(h.data_dir().parent_path(), fs::perms::owner_all);
        fs::create_symlink(victim, db_path(h));
        e2e::expect_error(h.run({"log", "cat-cow:10"}), 65, {"not a backcare log"});
        CHECK(e2e::read_file(victim) == "not a log\n");
    }
    SECTION("backcare's own directories, open to others, are made private, with a warning") {
        REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
        fs::permissions(h.data_dir(), fs::perms::all);
        fs::permissions(db_path(h), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
        const Result r = h.run({"history"});
        REQUIRE(r.status == 0);
        CHECK(contains(r.err, "could be read by others (mode 0644); it is now private (0600)"));
        CHECK(mode_of(db_path(h)) == 0600);
        REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
        CHECK(mode_of(h.data_dir()) == 0700);
        const Result quiet = h.run({"history"});
        CHECK(quiet.err.empty());
    }
    SECTION("a log in a directory others may write to: a warning naming it") {
        const fs::path shared = h.dir() / "shared";
        fs::create_directories(shared);
        fs::permissions(shared, fs::perms::owner_all | fs::perms::group_all);
        const Result r = h.run({"--db", (shared / "x.db").string(), "log", "cat-cow:10"});
        REQUIRE(r.status == 0);
        CHECK(contains(r.err, "can be written by others"));
        CHECK(contains(r.err, shared.string()));
    }
    SECTION("a log, or a state directory, that belongs to another user is refused") {
        REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
        const fs::path db = db_path(h);
        REQUIRE(::chown(db.c_str(), e2e::nobody_uid(), e2e::nobody_gid()) == 0);
        const auto before = h.snapshot();
        for (const auto& args : std::vector<std::vector<std::string>>{{"history"}, {"log", "cat-cow:10"}, {"export"}, {"check"}}) {
            INFO(Json(args).dump());
            e2e::expect_error(h.run(args), 74, {"belongs to user nobody", "not to you"});
        }
        CHECK(h.snapshot() == before);
        REQUIRE(::chown(db.c_str(), ::geteuid(), ::getegid()) == 0);
        fs::create_directories(h.state_dir());
        REQUIRE(::chown(h.state_dir().c_str(), e2e::nobody_uid(), e2e::nobody_gid()) == 0);
        const Result plan = h.run({"plan"});
        CHECK(plan.status == 0);  // shown, not remembered
        CHECK(contains(plan.out + plan.err, "not remembered"));
        CHECK(contains(plan.out + plan.err, "belongs to user nobody"));
        CHECK_FALSE(fs::exists(h.state_dir() / "last-plan.json"));
    }
}

TEST_CASE("hostile: a CSV export never runs in a spreadsheet, and imports back exactly", "[hostile][csv]") {
    Home h;
    const std::vector<std::string> notes{"=SUM(A1:A2)", "+1", "-1 was worse", "@import", "\tindented", "\rreturned", "'=quoted",
                                         "''@twice", "'plain", "fine"};
    for (const auto& note : notes) REQUIRE(h.run({"log", "cat-cow:10", "--note", note}).status == 0);
    const std::string csv = h.run({"export", "--format", "csv"}).out;
    const auto records = csv_records(csv);
    REQUIRE(records.size() == notes.size() + 1);
    const auto& header = records.front();
    const auto note_column = static_cast<std::size_t>(std::find(header.begin(), header.end(), "note") - header.begin());
    for (std::size_t i = 1; i < records.size(); ++i) {
        const std::string& field = records[i].at(note_column);
        INFO(field);
        const auto first = field.find_first_not_of('\'');
        CHECK((first == std::string::npos || std::string("=+-@\t\r").find(field[first]) == std::string::npos ||
               field.front() == '\''));
    }
    CHECK(contains(csv, "'=SUM(A1:A2)"));
    CHECK(contains(csv, "'''@twice"));
    Home other;
    const fs::path file = other.write("in.csv", csv);
    REQUIRE(other.run({"import", file.string()}).status == 0);
    CHECK(other.run({"export"}).out == h.run({"export"}).out);
}

TEST_CASE("hostile: every input is bounded, and bounds are refused with their place", "[hostile][limits]") {
    Home h;
    const std::string long_name(300, 'n');
    e2e::expect_error(h.run({"import", "-"}, str(R"({"started":"2026-11-20T10:00:00Z","entries":[{"exercise":"mine","reps":10,"name":")",
                                               long_name, R"("}]})", "\n")),
                      65, {"<stdin>:1:", "longer than 200 bytes"});
    const std::string huge_line = str(R"({"started":"2026-11-20T10:00:00Z","note":")", std::string(2 << 20, 'x'), R"(","entries":["cat-cow:10"]})", "\n");
    e2e::expect_error(h.run({"import", "-"}, str(R"({"started":"2026-11-19T10:00:00Z","entries":["cat-cow:10"]})", "\n", huge_line)), 65,
                      {"<stdin>:2:", "longer than 1024 KiB"});
    e2e::expect_usage_error(h.run({"log", "cat-cow:10", "--note", std::string(70000, 'x')}), {"note is longer than 65536 bytes"});
    e2e::expect_error(h.run({"log", "-"}, str(R"({"started":"2026-11-20T10:00:00Z","duration_seconds":1)", std::string(400, '0'),
                                              R"(,"entries":["cat-cow:10"]})", "\n")),
                      65, {"<stdin>:1:", "not valid JSON"});
    CHECK_FALSE(fs::exists(db_path(h)));
    // A name of a megabyte already in the log (put there by another program) is shown cut, at once.
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    sql(db_path(h), str("UPDATE entry SET exercise_name = '", std::string(4 << 20, 'w'), "'"));
    const Result stats = h.run({"stats", "--since", "all"});
    CHECK(stats.status == 0);
    CHECK(stats.out.size() < 20000);
}

TEST_CASE("hostile: only regular files of a bounded size are read: no FIFO, no device", "[hostile][files]") {
    Home h;
    const fs::path dir = h.config_dir() / "catalogue";
    fs::create_directories(dir);
    SECTION("a FIFO among the catalogue files") {
        REQUIRE(::mkfifo((dir / "fifo.toml").c_str(), 0600) == 0);
        e2e::expect_error(h.run({"plan"}), 65, {"fifo.toml", "not a regular file"});
        e2e::expect_error(h.run({"log", "cat-cow:10"}), 65, {"fifo.toml"});
        CHECK(h.run({"catalogue", "lint", (dir / "fifo.toml").string()}).status == 1);
        const Result completion = h.run({"__complete", "stats", "--exercise", "cat-"});
        CHECK(completion.status == 0);
        CHECK(contains(completion.out, "cat-cow"));
    }
    SECTION("a link to a device that never ends") {
        fs::create_symlink("/dev/zero", dir / "zero.toml");
        e2e::expect_error(h.run({"plan"}), 65, {"zero.toml", "not a regular file"});
        e2e::expect_error(h.run({"--config", "/dev/zero", "plan"}), 74, {"/dev/zero", "not a regular file"});
    }
    SECTION("a file too large") {
        h.write("config/backcare/catalogue/big.toml", "# " + std::string(2 << 20, 'x') + "\n");
        e2e::expect_error(h.run({"plan"}), 65, {"big.toml", "larger than 1024 KiB"});
        h.write("big-config.toml", "# " + std::string(100 << 10, 'x') + "\n");
        e2e::expect_error(h.run({"--config", (h.dir() / "big-config.toml").string(), "plan"}), 74, {"larger than 64 KiB"});
    }
    SECTION("a loop of links") {
        fs::create_symlink(dir / "loop.toml", dir / "loop.toml");
        e2e::expect_error(h.run({"plan"}), 65, {"loop.toml", "symbolic links"});
    }
}

TEST_CASE("hostile: one range of dates, 2000 to 2099, for the clock, the options and every session", "[hostile][dates]") {
    Home h;
    for (const char* now : {"9999-12-31T23:00:00", "1970-01-01T00:00:00", "2300-01-01T00:00:00"}) {
        INFO(now);
        h.set("BACKCARE_NOW", now);
        for (const auto& args : std::vector<std::vector<std::string>>{{"log", "cat-cow:10"}, {"due"}, {"history"}})
            e2e::expect_usage_error(h.run(args), {"BACKCARE_NOW says it is", "2000 to 2099"});
    }
    h.set("BACKCARE_NOW", "2026-11-23T10:00:00");
    for (const char* started : {"0001-01-01T00:00:00Z", "1999-12-31T23:59:59Z"}) {
        INFO(started);
        e2e::expect_error(h.run({"import", "-"}, str(R"({"started":")", started, R"(","entries":["cat-cow:10"]})", "\n")), 65,
                          {"<stdin>:1:", "2000 to 2099"});
        e2e::expect_usage_error(h.run({"log", "cat-cow:10", "--at", started}), {"--at"});
    }
    e2e::expect_usage_error(h.run({"stats", "--since", "1999-01-01"}), {"--since", "2000 to 2099"});
    CHECK_FALSE(fs::exists(db_path(h)));
    REQUIRE(h.run({"import", "-"}, R"({"started":"2000-01-01T00:00:00Z","entries":["cat-cow:10"]})" "\n").status == 0);
    REQUIRE(h.run({"log", "chin-tuck:10"}).status == 0);
    CHECK(h.run({"history", "--since", "all"}).out == h.run({"history", "-n", "0"}).out);
    CHECK(Json::parse(h.run({"stats", "--since", "all", "--format", "json"}).out).at("totals").at("sessions") == 2);
}

TEST_CASE("hostile: TSV stays one record a line whatever a field holds", "[hostile][tsv]") {
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    REQUIRE(h.run({"log", "chin-tuck:10"}).status == 0);
    sql(db_path(h), "UPDATE entry SET exercise_id = 'a' || char(9) || 'b' || char(10) || 'c', load = 'x' || char(10) || char(9) WHERE session_id = 1;"
                    "UPDATE session SET uuid = uuid || char(9) WHERE id = 2");
    const Result r = h.run({"history", "--format", "tsv"});
    REQUIRE(r.status == 0);
    const auto rows = e2e::lines(r.out);
    REQUIRE(rows.size() == 2);
    for (const auto& row : rows) CHECK(std::count(row.begin(), row.end(), '\t') == 10);
    CHECK(contains(r.out, "a\\tb\\nc"));
}

TEST_CASE("hostile: the offset a time is written with wins over TZ, in log --at as in log -", "[hostile][dates]") {
    Home h;  // TZ=UTC
    h.set("BACKCARE_NOW", "2026-11-25T10:00:00");
    const Result typed = h.run({"log", "cat-cow:10", "--at", "2026-11-24T00:30:00+01:00", "--format", "json"});
    REQUIRE(typed.status == 0);
    CHECK(Json::parse(typed.out).at("started") == "2026-11-24T00:30:00+01:00");
    CHECK(Json::parse(typed.out).at("date") == "2026-11-24");
    const Result piped = h.run({"log", "--format", "json", "-"}, R"({"started":"2026-11-24T00:30:00+01:00","entries":["chin-tuck:10"]})" "\n");
    REQUIRE(piped.status == 0);
    CHECK(Json::parse(piped.out).at("date") == "2026-11-24");
}

TEST_CASE("hostile: the smaller wrong answers, each right", "[hostile][messages]") {
    Home h;
    e2e::expect_usage_error(h.run({"plan", "--equipment", "none,band"}), {"'none' means no equipment"});
    e2e::expect_usage_error(h.run({"log", "cat-cow:61m"}), {"minutes"});
    const Result zero = h.run({"log", "cat-cow:10", "--duration", "0", "--format", "json"});
    REQUIRE(zero.status == 0);
    CHECK(Json::parse(zero.out).at("duration_seconds") == 0);
    // A dry run of a session already logged says so.
    const std::string uuid = "0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b";
    REQUIRE(h.run({"log", "--uuid", uuid, "chin-tuck:10"}).status == 0);
    const Result dry = h.run({"log", "--dry-run", "--uuid", uuid, "chin-tuck:10"});
    REQUIRE(dry.status == 0);
    CHECK(contains(dry.out, "Already logged as session 2"));
    CHECK_FALSE(contains(dry.out, "Session 0"));
    CHECK(contains(h.run({"log", "--dry-run", "cat-cow:10"}).out, "New session"));
    // A period with nothing in it, in a log with sessions.
    h.set("BACKCARE_NOW", "2027-03-01T10:00:00");
    CHECK(contains(h.run({"history", "--since", "1w"}).out, "No sessions since 2027-02-23 (2 in the log"));
    // A time zone that is none.
    h.set("TZ", "Europe/Berln");
    const Result tz = h.run({"history"});
    CHECK(contains(tz.err, "TZ 'Europe/Berln' names no time zone"));
    CHECK(e2e::lines(tz.err).size() == 1);
    h.set("TZ", "UTC");
    // A refused first import names the log, not the file it was built in.
    Home fresh;
    const Result imported = fresh.run({"import", "-"}, "{\"started\":\"2026-11-20T10:00:00Z\",\"entries\":[\"cat-cow:10\"]}\nnot json\n");
    e2e::expect_error(imported, 65, {"<stdin>:2:"});
    CHECK_FALSE(contains(imported.err, ".new-"));
    CHECK_FALSE(fs::exists(fresh.data_dir()));
    // A config that cannot be read stops the commands that use settings; the log's own work goes on.
    h.write("config/backcare/config.toml", "minuts = 5\n");
    for (const auto& args : std::vector<std::vector<std::string>>{{"plan"}, {"stats"}, {"due"}, {"config"}, {"go", "--no-log"}})
        e2e::expect_error(h.run(args), 65, {"config.toml:1"});
    for (const auto& args : std::vector<std::vector<std::string>>{{"history"}, {"export"}, {"check"}, {"catalogue", "list"}})
        CHECK(h.run(args).status == 0);
}

TEST_CASE("hostile: a directory that cannot be written is named as such", "[hostile][files]") {
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const fs::path bin = h.dir() / "bin";
    fs::create_directories(bin);
    fs::copy_file(BACKCARE_BINARY, bin / "backcare");
    h.give_to(e2e::nobody_uid(), e2e::nobody_gid());
    fs::permissions(h.data_dir(), fs::perms::owner_read | fs::perms::owner_exec);
    Proc p = proc(h, {"log", "cat-cow:10"});
    p.program = (bin / "backcare").string();
    p.uid = e2e::nobody_uid();
    p.gid = e2e::nobody_gid();
    const Result r = run(p);
    e2e::expect_error(r, 74, {"its directory", "cannot be written", "permission denied"});
    fs::permissions(h.data_dir(), fs::perms::owner_all);
}
