// SPDX-License-Identifier: MIT
#pragma once
// The red flags and the pain warnings as text, the same words wherever they
// are shown (safety, plan, go, due, log, stats).
#include <ostream>

#include "pain.hpp"
#include "style.hpp"

namespace backcare {

// 'backcare safety': the red flags, what they ask, and their sources.
void render_safety_text(std::ostream&, const Style&);
// The warning in force, as a paragraph with a bold label, then a blank line.
void render_pain_warning(std::ostream&, const PainWarning&, const Style&);
// What a painful session just stored means, as a paragraph.
void render_painful_session(std::ostream&, const std::optional<int>& before, const std::optional<int>& after, const Style&);

}  // namespace backcare
