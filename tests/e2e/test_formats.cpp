// SPDX-License-Identifier: MIT
// Every command's JSON, parsed: it carries its schema version, and every key
// it holds, at any depth, is named in backcare(1)'s OUTPUT FORMATS (the
// contract scripts depend on). One name for each concept across commands.
#include <regex>
#include <set>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::Home;
using namespace e2e::logs;

namespace {

void keys_of(const Json& j, std::set<std::string>& out, bool object_keys_are_data = false) {
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) {
            if (!object_keys_are_data) out.insert(k);
            keys_of(v, out);
        }
    } else if (j.is_array()) {
        for (const auto& v : j) keys_of(v, out);
    }
}

// The OUTPUT FORMATS section of the man page source, with groff's escapes for - and _ undone.
std::string output_formats() {
    std::string man = e2e::read_file(e2e::source_path("man/backcare.1"));
    const auto from = man.find(".SH OUTPUT FORMATS"), to = man.find(".SH EXIT STATUS");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    man = man.substr(from, to - from);
    for (std::size_t at; (at = man.find("\\-")) != std::string::npos;) man.replace(at, 2, "-");
    return man;
}

}  // namespace

TEST_CASE("every command's JSON carries its schema, and each of its keys is documented", "[formats][json]") {
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10", "--pain-before", "3", "--pain-after", "2", "--note", "n"}).status == 0);
    REQUIRE(h.run({"plan", "--seed", "3"}).status == 0);
    REQUIRE(h.run({"log", "--plan"}).status == 0);
    struct Output {
        std::vector<std::string> args;
        bool lines = false;  // JSON Lines
    };
    const std::vector<Output> outputs{
        {{"plan", "--seed", "1", "--format", "json", "--explain", "--no-save"}},
        {{"catalogue", "list", "--format", "json"}},
        {{"catalogue", "show", "band-rows", "--format", "json"}},
        {{"config", "--format", "json"}},
        {{"log", "chin-tuck:10", "--format", "json"}, true},
        {{"history", "--format", "json"}},
        {{"export"}, true},
        {{"stats", "--format", "json"}},
        {{"stats", "--exercise", "cat-cow", "--format", "json"}},
        {{"check", "--format", "json"}},
    };
    const std::string documented = output_formats();
    for (const auto& o : outputs) {
        INFO(Json(o.args).dump());
        const auto r = h.run(o.args);
        REQUIRE(r.status == 0);
        std::vector<Json> docs;
        if (o.lines)
            docs = json_lines(r.out);
        else
            docs.push_back(Json::parse(r.out));
        REQUIRE_FALSE(docs.empty());
        std::set<std::string> keys;
        for (const auto& d : docs) {
            // history is an array of sessions; each object carries the schema.
            for (const auto& item : d.is_array() ? d : Json::array({d})) CHECK(item.contains("schema"));
            // config's settings are named by their keys in backcare-config(5), the paths by backcare(1) FILES.
            if (o.args.front() == "config") {
                keys.insert({"schema", "settings", "paths", "value", "source", "path", "note"});
                continue;
            }
            keys_of(d, keys);
        }
        for (const auto& k : keys) {
            INFO("key " << k);
            // As a word of its own, not inside another name.
            const bool named = std::regex_search(documented, std::regex("(^|[^a-z_])" + k + "([^a-z_]|$)"));
            CHECK(named);
        }
    }
}

TEST_CASE("one name for each concept: id, number, side and goal mean the same in every command", "[formats][json]") {
    Home h;
    REQUIRE(h.run({"plan", "--seed", "4"}).status == 0);
    REQUIRE(h.run({"log", "--plan"}).status == 0);
    const Json plan = Json::parse(e2e::read_file(h.state_dir() / "last-plan.json"));
    const Json session = json_lines(h.run({"export"}).out).at(0);
    const Json history = history_json(h).at(0);
    const Json catalogue = Json::parse(h.run({"catalogue", "show", plan.at("exercises").at(0).at("id"), "--format", "json"}).out);
    // An exercise is "id" in a plan, an entry and the catalogue; a session is "uuid", and "number" in this log.
    CHECK(session.at("entries").at(0).at("id") == plan.at("exercises").at(0).at("id"));
    CHECK(catalogue.at("id") == plan.at("exercises").at(0).at("id"));
    CHECK_FALSE(session.at("entries").at(0).contains("exercise"));
    CHECK(history.at("number") == 1);
    CHECK_FALSE(history.contains("id"));
    // One-sidedness is "side", "both" or "each", in all three.
    for (std::size_t i = 0; i < plan.at("exercises").size(); ++i) {
        const std::string side = plan.at("exercises").at(i).at("dose").at("side");
        CHECK((side == "both" || side == "each"));
        CHECK(session.at("entries").at(i).at("side") == side);
    }
    CHECK((catalogue.at("side") == "both" || catalogue.at("side") == "each"));
    CHECK_FALSE(catalogue.contains("laterality"));
    // A routine of no one goal is "balanced" everywhere, never null.
    CHECK(plan.at("goal") == "balanced");
    CHECK(session.at("goal") == "balanced");
    const Json stats = Json::parse(h.run({"stats", "--format", "json"}).out);
    bool balanced = false;
    for (const auto& g : stats.at("goals")) balanced = balanced || g.at("goal") == "balanced";
    CHECK(balanced);
}
