// SPDX-License-Identifier: MIT
// What `backcare go` shows of a guided routine: the full screen at a
// terminal, as lines that fit a window of a given size, and one plain line
// per step when the output is not a terminal. Pure: the caller places the
// lines on the screen.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "guide.hpp"
#include "style.hpp"

namespace backcare {

// "02:05": minutes and seconds of the routine's own clock.
std::string clock_text(std::int64_t ms);

// What the person does now, in a few words: "Rep 3 of 10 · hold 4".
std::string doing(const Guide&, const Style&);

// The current step as one line, for output that is not a terminal:
// "Chin tuck (1 of 2): 10 reps, hold 3 s", "set 1 of 2: rep 3 of 10".
std::string plain_line(const Guide&, const Style&);

// The screen for the current step: exactly height lines (none wider than
// width, at least 10, in display columns), with Style's colours but no
// cursor movement. When the window is short, the least needed go first:
// blank lines, the steps (whole, the last first), the cue, the next
// exercise, the bar, the dose, the keys, the note; the time line (with
// PAUSED and the count), the name and what to do now stay longest.
std::vector<std::string> guide_screen(const Guide&, const Style&, const std::string& heading, const std::string& note,
                                      std::size_t width, std::size_t height);

}  // namespace backcare
