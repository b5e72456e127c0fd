// SPDX-License-Identifier: MIT
#pragma once
// Catalogue entries in each output format, and the safety note shown with them.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "style.hpp"

namespace backcare {

// 2: an exercise's "side" ("both" or "each", as sessions say it; was "laterality").
inline constexpr int catalogue_json_schema = 2;

void render_catalogue_text(std::ostream&, const std::vector<const Exercise*>&, const Style&);
void render_catalogue_tsv(std::ostream&, const std::vector<const Exercise*>&);
std::string catalogue_json(const std::vector<const Exercise*>&);
void render_exercise_text(std::ostream&, const Exercise&, const Catalogue&, const Style&, bool quiet);
std::string exercise_json(const Exercise&);

// The one-line safety note shown where it matters (plan, catalogue show).
std::string_view safety_note();

}  // namespace backcare
