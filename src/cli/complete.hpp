// SPDX-License-Identifier: MIT
#pragma once
// Shell completion: the candidates for the last of the words typed after
// "backcare" (it may be empty), from the parser's own definition.
#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace backcare::cli {

// The exercise ids to offer, asked for only when an id is wanted.
using ExerciseIds = std::function<std::vector<std::string>()>;

std::vector<std::string> complete(CLI::App& app, const std::vector<std::string>& words, const ExerciseIds& exercise_ids);

}  // namespace backcare::cli
