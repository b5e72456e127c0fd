// SPDX-License-Identifier: MIT
#pragma once
// Shell completion: the candidates for the last of the words typed after
// "backcare" (it may be empty), from the parser's own definition.
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace backcare::cli {

// The exercise ids to offer, asked for only when an id is wanted.
using ExerciseIds = std::function<std::vector<std::string>()>;
// The dose notation of an exercise's level-1 dose ("10x5s"), for "ID:"; nullopt for an unknown id.
using ExerciseDose = std::function<std::optional<std::string>(const std::string& id)>;

// The config's profile names, asked for only when one is wanted.
using ProfileNames = std::function<std::vector<std::string>()>;

struct Completion {
    std::vector<std::string> candidates;
    bool files = false;  // a file name is wanted: the shell's own completion takes over
};

Completion complete(CLI::App& app, const std::vector<std::string>& words, const ExerciseIds& exercise_ids,
                    const ExerciseDose& dose_of = {}, const ProfileNames& profiles = {});

}  // namespace backcare::cli
