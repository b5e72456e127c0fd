// SPDX-License-Identifier: MIT
// Sessions from a file or standard input (session_input.hpp): the day of
// slack for the future, opening a file, checking and storing an input.
#include <catch2/catch.hpp>

#include <sstream>

#include "errors.hpp"
#include "journal.hpp"
#include "session_helpers.hpp"
#include "session_input.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::catalogue;
using backcare::test::error_of;
using backcare::test::make_session;
using backcare::test::TempDir;
using backcare::test::utc;

namespace {

const Instant now = utc(2026, 11, 23, 18, 30);

std::string lines_of_sessions(const std::vector<Instant>& starts) {
    std::string text;
    std::uint64_t n = 0;
    for (Instant t : starts) text += session_json(make_session(++n, t), false) + "\n";
    return text;
}

}  // namespace

TEST_CASE("input: a session may start up to a day after now, not later", "[session-input]") {
    CHECK(future_slack == std::chrono::hours{24});
    std::istringstream in(lines_of_sessions({now + future_slack}));
    SessionReader reader(in, "<stdin>", catalogue());
    refuse_future_sessions(reader, now);
    CHECK(reader.next());

    std::istringstream late(lines_of_sessions({now, now + future_slack + std::chrono::seconds{1}}));
    SessionReader late_reader(late, "<stdin>", catalogue());
    refuse_future_sessions(late_reader, now);
    CHECK(late_reader.next());
    CHECK_THAT(error_of<DataError>([&] { late_reader.next(); }), Catch::StartsWith("<stdin>:2:"));
}

TEST_CASE("input: a file that is a directory or cannot be read is refused by name", "[session-input]") {
    const TempDir dir;
    const std::string folder = dir.path().string();
    CHECK(error_of<IoError>([&] { open_input_file(folder); }) == folder + " is a directory, not a file");
    const std::string missing = (dir.path() / "missing.jsonl").string();
    CHECK(error_of<IoError>([&] { open_input_file(missing); }) == "cannot read " + missing + ": No such file or directory");
    const auto file = dir.write("sessions.jsonl", lines_of_sessions({now}));
    std::ifstream in = open_input_file(file.string());
    std::string first;
    CHECK(std::getline(in, first));
    CHECK(first.front() == '{');
}

TEST_CASE("input: a dry run counts the sessions and stores nothing", "[session-input]") {
    std::istringstream in(lines_of_sessions({now - std::chrono::hours{2}, now - std::chrono::hours{1}, now}));
    SessionReader reader(in, "<stdin>", catalogue());
    CHECK(count_sessions(reader) == 3);
}

TEST_CASE("input: storing, with or without reading ahead, skips what is already there", "[session-input]") {
    const TempDir dir;
    const auto db = dir.path() / "backcare.db";
    for (const bool read_ahead : {false, true}) {
        std::filesystem::remove(db);
        const std::string text = lines_of_sessions({now - std::chrono::hours{2}, now});
        std::istringstream in(text);
        SessionReader reader(in, "<stdin>", catalogue());
        CHECK(import_sessions(db, reader, read_ahead) == std::pair<std::size_t, std::size_t>{2, 0});
        std::istringstream again(text);
        SessionReader again_reader(again, "<stdin>", catalogue());
        CHECK(import_sessions(db, again_reader, read_ahead) == std::pair<std::size_t, std::size_t>{0, 2});
        CHECK(Journal::open_existing(db)->count() == 2);
    }
}
