// SPDX-License-Identifier: MIT
#pragma once
#include "catalogue.hpp"

namespace backcare {

// The exercises in catalogue/*.toml, checked and compiled in at build time
// (see src/tools/catgen.cpp), so the program needs no data files.
Catalogue builtin_catalogue();

}  // namespace backcare
