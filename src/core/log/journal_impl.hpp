// SPDX-License-Identifier: MIT
// What the files of the log layer share and nothing outside it may use: how
// SQLite's errors become backcare's, and the schema checks that both opening
// and migrating need. Only files in src/core/log/ include this header.
#pragma once
#include <filesystem>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

namespace backcare::journal_detail {

// SQLite's error as backcare's typed one, naming the log at path.
[[noreturn]] void translate(const SQLite::Exception&, const std::filesystem::path&);

// Runs f with SQLite's errors translated: every public entry of the layer goes through here.
template <class F> auto guarded(const std::filesystem::path& path, F&& f) {
    try {
        return f();
    } catch (const SQLite::Exception& e) {
        translate(e, path);
    }
}

int pragma_int(SQLite::Database&, const char* name);
// Throws unless the file is a backcare log we can read (or an empty SQLite
// file); returns its schema version (0 for an empty file).
int check_ours(SQLite::Database&, const std::filesystem::path&);
// The settings every writing connection needs.
void configure(SQLite::Database&);
// Brings the schema up to date; call inside an IMMEDIATE transaction.
void migrate(SQLite::Database&, const std::filesystem::path&);

}  // namespace backcare::journal_detail
