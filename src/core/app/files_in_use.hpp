// SPDX-License-Identifier: MIT
// `backcare config`: the files backcare uses, where each came from, and
// whether it is there yet.
#pragma once
#include <cstddef>
#include <vector>

#include "paths.hpp"
#include "config_render.hpp"

namespace backcare {

// The config file, the catalogue directory (how many files lie over the
// built-in exercises), the state directory and the log, in that order.
std::vector<PathRow> files_in_use(const Paths&, std::size_t builtin_exercises);

}  // namespace backcare
