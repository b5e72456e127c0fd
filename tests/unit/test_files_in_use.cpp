// SPDX-License-Identifier: MIT
// `config`'s list of files (files_in_use.hpp): where each is and whether it is there.
#include <catch2/catch.hpp>

#include <map>

#include "files_in_use.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::TempDir;

TEST_CASE("files in use: each file, where it came from, and whether it is there", "[files-in-use]") {
    const TempDir home;
    const Environment env = [&](const std::string& name) -> std::optional<std::string> {
        if (name == "HOME") return home.path().string();
        return std::nullopt;
    };
    const Paths paths(env, std::nullopt, std::nullopt);
    auto rows = files_in_use(paths, 31);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].name == "config");
    CHECK(rows[0].path == paths.config_file().string());
    CHECK(rows[0].note == "absent, " + paths.config_file_source());
    CHECK(rows[1].name == "catalogue");
    CHECK(rows[1].note == "0 files over 31 built-in exercises");
    CHECK(rows[2].name == "state");
    CHECK(rows[2].note == "absent");
    CHECK(rows[3].name == "database");
    CHECK(rows[3].note == "absent, " + paths.database_source());

    std::filesystem::create_directories(paths.catalogue_dir());
    std::filesystem::create_directories(paths.state_dir());
    home.write(std::filesystem::relative(paths.catalogue_dir() / "mine.toml", home.path()).string(), "");
    rows = files_in_use(paths, 31);
    CHECK(rows[1].note == "1 file over 31 built-in exercises");
    CHECK(rows[2].note == "present");
    home.write(std::filesystem::relative(paths.catalogue_dir() / "more.toml", home.path()).string(), "");
    CHECK(files_in_use(paths, 31)[1].note == "2 files over 31 built-in exercises");
}
