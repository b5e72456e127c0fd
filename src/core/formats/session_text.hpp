// SPDX-License-Identifier: MIT
// Logged sessions for people and for `history --format tsv`.
#pragma once
#include <ostream>

#include "session.hpp"
#include "style.hpp"

namespace backcare {

// For history and log: "12  2026-11-23 18:30  8 min  pain 3→2  cat-cow:10, childs-pose:30s".
void render_session_line(std::ostream&, const Session&, const Style&);
void render_session_tsv(std::ostream&, const Session&);
void render_session_text(std::ostream&, const Session&, const Style&);

}  // namespace backcare
