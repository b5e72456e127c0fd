// SPDX-License-Identifier: MIT
// Free text is data (notes kept verbatim everywhere), and calendar days are
// the days where the session was logged.
#include <filesystem>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;
namespace fs = std::filesystem;

namespace {

std::string ten_kb_note() {
    std::string s;
    const std::string piece = "Ten kilobytes, \"quoted\", 'single', tab\there; newline\nand ünïcödé 🧘 ";
    while (s.size() + piece.size() <= 10 * 1024) s += piece;
    while (s.size() < 10 * 1024) s += '.';
    return s;
}

std::vector<std::string> notes() {
    return {
        "He said \"stop\" and 'go'",
        "'; DROP TABLE session; --",
        "line one\nline two\n\nline four\n",
        "col1\tcol2\t\tend\t",
        "emoji 😀🧘‍♀️ and ünïcödé — “curly”",
        "back\\slash, \\n is not a newline, comma, CR LF\r\nnext",
        "  padded with spaces  ",
        "\"",
        ten_kb_note(),
    };
}

std::string tsv_escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out;
}

std::map<std::string, std::string> notes_by_uuid(const Json& sessions) {
    std::map<std::string, std::string> out;
    for (const auto& s : sessions) out[s.at("uuid").get<std::string>()] = s.at("note").get<std::string>();
    return out;
}

Json without_ids(Json sessions) {
    for (auto& s : sessions) s.erase("id");
    return sessions;
}

}  // namespace

TEST_CASE("log: free text notes are stored, shown, exported and re-imported verbatim", "[log][free-text]") {
    Home h;
    std::map<std::string, std::string> expected;  // uuid -> note
    for (const auto& note : notes()) {
        INFO("note of " << note.size() << " bytes: " << note.substr(0, 60));
        const auto r = h.run({"log", "cat-cow:10", "--note", note, "--format", "json"});
        INFO("stderr: " << r.err);
        REQUIRE(r.status == 0);
        const Json s = Json::parse(r.out);
        CHECK(s.at("note") == note);
        expected[s.at("uuid").get<std::string>()] = note;
        // Stored as written, and the table is still there.
        CHECK(count_where(db_path(h), "note = ?", note) == 1);
    }
    REQUIRE(expected.size() == notes().size());
    CHECK(count_sessions(db_path(h)) == static_cast<std::int64_t>(expected.size()));

    SECTION("history --format json shows each note verbatim") {
        const Json history = history_json(h);
        CHECK(notes_by_uuid(history) == expected);
    }
    SECTION("history --format tsv: one line per session, tabs, newlines and backslashes escaped") {
        const auto r = h.run({"history", "--format", "tsv", "--limit", "0"});
        REQUIRE(r.status == 0);
        const auto rows = e2e::lines(r.out);
        REQUIRE(rows.size() == expected.size());
        for (const auto& row : rows) {
            const auto uuid_end = row.find('\t', row.find('\t') + 1);
            const std::string uuid = row.substr(row.find('\t') + 1, uuid_end - row.find('\t') - 1);
            INFO(row.substr(0, 120));
            REQUIRE(expected.count(uuid) == 1);
            CHECK(std::count(row.begin(), row.end(), '\t') == 10);  // 11 columns, the note last
            CHECK(row.find('\r') == std::string::npos);
            CHECK(row.substr(row.rfind('\t') + 1) == tsv_escaped(expected[uuid]));
        }
    }
    SECTION("history text shows each note on one line") {
        const auto r = h.run({"history", "--limit", "0"});
        REQUIRE(r.status == 0);
        CHECK(contains(r.out, "'; DROP TABLE session; --"));
        CHECK(contains(r.out, "He said \"stop\" and 'go'"));
        CHECK(contains(r.out, "emoji 😀🧘‍♀️ and ünïcödé"));
    }
    SECTION("export jsonl and csv carry each note verbatim, and both re-import identically") {
        const auto jsonl = h.run({"export"});
        const auto csv = h.run({"export", "--format", "csv"});
        REQUIRE(jsonl.status == 0);
        REQUIRE(csv.status == 0);
        std::map<std::string, std::string> in_jsonl, in_csv;
        for (const auto& s : json_lines(jsonl.out)) in_jsonl[s.at("uuid").get<std::string>()] = s.at("note").get<std::string>();
        CHECK(in_jsonl == expected);
        const auto records = csv_records(csv.out);
        REQUIRE(records.size() == expected.size() + 1);
        const auto& header = records[0];
        const auto col = [&](const std::string& name) {
            return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
        };
        REQUIRE(col("note") < header.size());
        for (std::size_t i = 1; i < records.size(); ++i) {
            REQUIRE(records[i].size() == header.size());
            in_csv[records[i][col("uuid")]] = records[i][col("note")];
        }
        CHECK(in_csv == expected);

        const Json original = without_ids(history_json(h));
        for (const auto* text : {&jsonl.out, &csv.out}) {
            Home other;
            const fs::path file = other.write(text == &jsonl.out ? "in.jsonl" : "in.csv", *text);
            const auto imp = other.run({"import", file.string()});
            INFO("stderr: " << imp.err);
            REQUIRE(imp.status == 0);
            CHECK(contains(imp.out, str(expected.size(), " added, 0 already present")));
            CHECK(without_ids(history_json(other)) == original);
            CHECK(other.run({"export"}).out == jsonl.out);
            CHECK(other.run({"export", "--format", "csv"}).out == csv.out);
        }
    }
}

TEST_CASE("log: 23:30 and 00:30 local belong to different days", "[log][dates]") {
    for (const auto& [tz, offset] : std::vector<std::pair<std::string, std::string>>{{"UTC", "+00:00"}, {"Europe/Berlin", "+01:00"}, {"America/New_York", "-05:00"}}) {
        INFO("TZ=" << tz);
        Home h;
        h.set("TZ", tz);
        REQUIRE(h.run({"log", "cat-cow:10", "--at", "2026-11-22T23:30"}).status == 0);
        REQUIRE(h.run({"log", "cat-cow:10", "--at", "2026-11-23T00:30"}).status == 0);
        const Json history = history_json(h);
        REQUIRE(history.size() == 2);
        CHECK(history[0].at("started") == str("2026-11-23T00:30:00", offset));
        CHECK(history[0].at("date") == "2026-11-23");
        CHECK(history[1].at("started") == str("2026-11-22T23:30:00", offset));
        CHECK(history[1].at("date") == "2026-11-22");
        const Json today = history_json(h, {"--since", "2026-11-23"});
        REQUIRE(today.size() == 1);
        CHECK(today[0].at("date") == "2026-11-23");
        const Json both = history_json(h, {"--since", "2026-11-22"});
        CHECK(both.size() == 2);
    }
}

TEST_CASE("log: a session keeps the calendar date it had where it was logged", "[log][dates]") {
    Home h;
    // 21:30 on the 22nd in New York is already 11:30 on the 23rd in Tokyo.
    h.set("TZ", "America/New_York");
    const auto r = h.run({"log", "cat-cow:10", "--at", "2026-11-22T21:30", "--format", "json"});
    REQUIRE(r.status == 0);
    const Json logged = Json::parse(r.out);
    CHECK(logged.at("started") == "2026-11-22T21:30:00-05:00");
    CHECK(logged.at("date") == "2026-11-22");
    // 08:00 on the 23rd in Tokyo is still the 22nd in New York and in UTC.
    h.set("TZ", "Asia/Tokyo");
    REQUIRE(h.run({"log", "childs-pose:30s", "--at", "2026-11-23T08:00"}).status == 0);

    // The New York session began later in absolute time (02:30 UTC on the 23rd)
    // than the Tokyo one (23:00 UTC on the 22nd), yet is on the earlier date.
    for (const char* reader : {"Asia/Tokyo", "UTC", "America/Los_Angeles", "Pacific/Kiritimati"}) {
        INFO("read with TZ=" << reader);
        h.set("TZ", reader);
        const Json history = history_json(h);
        REQUIRE(history.size() == 2);
        CHECK(history[0].at("started") == "2026-11-22T21:30:00-05:00");
        CHECK(history[0].at("date") == "2026-11-22");
        CHECK(history[1].at("started") == "2026-11-23T08:00:00+09:00");
        CHECK(history[1].at("date") == "2026-11-23");
        const auto exported = json_lines(h.run({"export"}).out);
        REQUIRE(exported.size() == 2);
        CHECK(exported[0].at("started") == "2026-11-23T08:00:00+09:00");
        CHECK(exported[0].at("date") == "2026-11-23");
        CHECK(exported[1].at("date") == "2026-11-22");
        // --since compares with the date where each session was logged.
        const Json since = history_json(h, {"--since", "2026-11-23"});
        REQUIRE(since.size() == 1);
        CHECK(since[0].at("started") == "2026-11-23T08:00:00+09:00");
    }
    // And through an export and import in yet another zone.
    Home other;
    other.set("TZ", "Australia/Sydney");
    h.set("TZ", "UTC");
    const auto file = other.write("log.jsonl", h.run({"export"}).out);
    REQUIRE(other.run({"import", file.string()}).status == 0);
    const Json imported = history_json(other);
    REQUIRE(imported.size() == 2);
    CHECK(imported[0].at("date") == "2026-11-22");
    CHECK(imported[1].at("date") == "2026-11-23");
}
