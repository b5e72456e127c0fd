// SPDX-License-Identifier: MIT
#pragma once
// The exercise catalogue: the built-in exercises plus a person's own files.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "exercise.hpp"

namespace backcare {

inline constexpr int catalogue_schema = 1;

// One problem with one field of an exercise ("dose.reps", "easier", ...).
struct Problem {
    std::string field;
    std::string message;
};

// What is wrong with a dose range ("sets", "reps" or "hold"), if anything.
std::optional<std::string> dose_range_problem(std::string_view key, const Range&);

// Checks that do not depend on other exercises: ids, ranges, required lists.
std::vector<Problem> validate(const Exercise&);

// An exercise as read from a file, with where its cross-referenced fields are.
struct ParsedExercise {
    Exercise exercise;
    SourcePos id_pos;
    SourcePos easier_pos;
    SourcePos harder_pos;
};

struct ParsedFile {
    std::string name;
    std::vector<ParsedExercise> exercises;
    std::vector<Diagnostic> diagnostics;
};

// Parses and validates one catalogue file's text (implemented with toml11).
// Never throws on bad content: every problem becomes a diagnostic.
ParsedFile parse_catalogue(std::string_view text, const std::string& file_name);

// Reads and parses a file; an unreadable file is a diagnostic too.
ParsedFile read_catalogue_file(const std::filesystem::path&);

class Catalogue {
public:
    Catalogue() = default;
    explicit Catalogue(std::vector<Exercise> exercises) : exercises_(std::move(exercises)) {}

    const std::vector<Exercise>& exercises() const { return exercises_; }
    const Exercise* find(std::string_view id) const;
    // Throws UsageError naming the unknown id and the nearest known ones.
    const Exercise& get(std::string_view id) const;
    std::vector<std::string> nearest_ids(std::string_view id, std::size_t count = 3) const;
    // An exercise with a known id replaces it (a person's file overrides a built-in).
    void add_or_replace(Exercise);

private:
    std::vector<Exercise> exercises_;
};

// Cross-file checks: duplicate ids among the files, and easier/harder
// variants that name no exercise in the files or in the base catalogue.
std::vector<Diagnostic> cross_check(const std::vector<ParsedFile>& files, const Catalogue& base);

// The *.toml files of a directory in name order; none when it does not exist.
std::vector<std::filesystem::path> catalogue_files_in(const std::filesystem::path& dir);

// The base catalogue with every file in dir laid over it. Any problem in any
// file throws DataError naming file, line and column: a plan is never built
// from a catalogue that silently lost an exercise.
Catalogue load_catalogue(Catalogue base, const std::filesystem::path& dir);

}  // namespace backcare
