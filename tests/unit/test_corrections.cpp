// SPDX-License-Identifier: MIT
// `history`, `undo` and `delete` (corrections.hpp).
#include <catch2/catch.hpp>

#include <cstdint>

#include "corrections.hpp"
#include "errors.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::error_of;
using backcare::test::make_session;
using backcare::test::TempDir;
using backcare::test::TzGuard;
using backcare::test::utc;
using backcare::test::ymd;

namespace {

const Date today = ymd(2026, 11, 23);

struct Log {
    TzGuard tz{"UTC0"};
    TempDir dir;
    std::filesystem::path db = dir.path() / "backcare.db";
    // Sessions at 09:00 on the 19th, 20th and 21st.
    void fill() const {
        Journal::open_for_writing(db).add({make_session(1, utc(2026, 11, 19, 9, 0)), make_session(2, utc(2026, 11, 20, 9, 0)),
                                           make_session(3, utc(2026, 11, 21, 9, 0))});
    }
};

std::vector<std::int64_t> ids(const std::vector<Session>& sessions) {
    std::vector<std::int64_t> out;
    for (const auto& s : sessions) out.push_back(s.id);
    return out;
}

}  // namespace

TEST_CASE("history: the limit, 0 for all, and since", "[corrections]") {
    CHECK(history_range({}, today).limit == 10);
    CHECK_FALSE(history_range({}, today).since);
    HistoryQuery q;
    q.limit = "0";
    q.since = "7d";
    const HistoryRange all = history_range(q, today);
    CHECK(all.limit == SIZE_MAX);
    CHECK(all.since == parse_since("7d", today, "--since"));
    q.limit = "-1";
    CHECK_THAT(error_of<UsageError>([&] { history_range(q, today); }), Catch::Contains("--limit"));
    q.limit = "2";
    q.since = "someday";
    CHECK_THAT(error_of<UsageError>([&] { history_range(q, today); }), Catch::Contains("--since"));
}

TEST_CASE("history: newest first, within the range - none without a log", "[corrections]") {
    Log log;
    CHECK(history(history_range({}, today), std::nullopt).empty());
    log.fill();
    const auto journal = Journal::open_existing(log.db);
    CHECK(ids(history(history_range({}, today), journal)) == std::vector<std::int64_t>{3, 2, 1});
    HistoryQuery q;
    q.limit = "2";
    CHECK(ids(history(history_range(q, today), journal)) == std::vector<std::int64_t>{3, 2});
    q.limit = "0";
    q.since = "2026-11-20";
    CHECK(ids(history(history_range(q, today), journal)) == std::vector<std::int64_t>{3, 2});
}

TEST_CASE("undo: removes the last session - an absent log is not created", "[corrections]") {
    Log log;
    CHECK(error_of<NoResult>([&] { undo_last(log.db); }) == "the log is empty; there is nothing to undo");
    CHECK_FALSE(std::filesystem::exists(log.db));
    log.fill();
    CHECK(undo_last(log.db).id == 3);
    CHECK(undo_last(log.db).id == 2);
    CHECK(undo_last(log.db).id == 1);
    CHECK(error_of<NoResult>([&] { undo_last(log.db); }) == "the log is empty; there is nothing to undo");
}

TEST_CASE("delete: by number or uuid - none there, or no log, is NoResult", "[corrections]") {
    Log log;
    CHECK(error_of<NoResult>([&] { delete_session(log.db, "2"); }) == "no session '2': the log is empty");
    CHECK_FALSE(std::filesystem::exists(log.db));
    log.fill();
    CHECK(delete_session(log.db, "2").id == 2);
    CHECK(error_of<NoResult>([&] { delete_session(log.db, "2"); }) == "no session '2' in the log (see 'backcare history')");
    const std::string uuid = make_session(3, utc(2026, 11, 21, 9, 0)).uuid;
    CHECK(delete_session(log.db, uuid).id == 3);
    CHECK(Journal::open_existing(log.db)->count() == 1);
}
