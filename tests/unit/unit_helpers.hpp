// SPDX-License-Identifier: MIT
#pragma once
// Helpers shared by the unit tests.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "exercise.hpp"

namespace backcare::test {

// A fresh directory under the system's temporary directory, removed afterwards.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("backcare-unit-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    std::filesystem::path write(const std::string& name, const std::string& content) const {
        const auto p = path_ / name;
        std::ofstream out(p, std::ios::binary);
        out << content;
        return p;
    }

private:
    std::filesystem::path path_;
};

// The lines of text, 1-based access via line(n).
inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

inline std::string unlines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

// A small valid exercise for hand-built catalogues.
inline Exercise make_exercise(std::string id, std::vector<Goal> goals, Kind kind = Kind::mobility,
                              Position position = Position::standing) {
    Exercise e;
    e.id = std::move(id);
    e.name = "Exercise " + e.id;
    e.goals = std::move(goals);
    e.kind = kind;
    e.areas = {"upper back"};
    e.position = position;
    e.desk_friendly = !on_floor(position);
    e.level = 1;
    e.dose.sets = Range{1, 1};
    e.dose.reps = Range{10, 10};
    e.dose.tempo = 3;
    e.steps = {"Do it."};
    e.cues = {"Gently."};
    e.benefits = {"Helps."};
    e.cautions = {"Stop if it hurts."};
    e.source = "unit test";
    e.origin = "built-in";
    return e;
}

}  // namespace backcare::test
