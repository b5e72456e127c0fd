// SPDX-License-Identifier: MIT
// A guided routine as it runs: the keys, signals and passing time that move
// it on, and what to print for each. Pure: whatever waits for the terminal
// feeds it, so each key and tick can be tried in a test.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "guide.hpp"
#include "style.hpp"

namespace backcare {

class GuidedRun {
public:
    struct Options {
        std::string heading;     // "Your own routine"
        bool screen = false;     // the full screen; otherwise one stamped line per step
        bool bell = false;       // ring at the end of each hold
        std::size_t width = 80;  // of the window, for the screen
        std::size_t height = 24;
    };
    GuidedRun(std::vector<RoutineItem> items, const Style&, Options);

    // What to print before the first step: the heading's line without a screen.
    std::string start() const;
    // What to print now: a new frame when anything shown changed, or the
    // line of a step just begun. Nothing once finished.
    std::string show();

    // Space or Enter pauses and goes on, n marks the exercise done, s skips
    // it, b goes back, q quits; other keys do nothing. Returns the lines to print.
    // After s the routine waits (paused) for why, in one key: h(urt),
    // t(ime), k(it), o(ther), or Enter (or space) for no reason; then the
    // exercise is skipped with it. Any other key skips it without a reason
    // and then does what it does.
    std::string on_key(char);
    // Keys as read: each in turn until an escape sequence (ignored, with the
    // rest of what was read), a quit or the end of the routine.
    std::string on_keys(std::string_view);
    // The routine's clock moved on by ms; returns the bell when a hold ended.
    std::string on_tick(std::int64_t ms);
    // Continued after Ctrl-Z, in a window of this size: paused.
    std::string on_suspend(std::size_t width, std::size_t height);
    // The window changed size: the screen is cleared and drawn again.
    std::string on_resize(std::size_t width, std::size_t height);

    // The closing line, the summary given: stamped, without a screen.
    std::string finish(std::string_view summary) const;

    bool finished() const { return guide_.finished(); }
    // Whether it waits for the reason of a skip.
    bool asking() const { return asking_; }
    bool quit() const { return quit_; }
    const Guide& guide() const { return guide_; }
    const std::string& note() const { return note_; }

private:
    // A line stamped with the routine's clock (at_ms, or now), for output without a screen.
    std::string line(std::string_view text, std::int64_t at_ms = -1) const;
    std::string frame() const;
    // The answer to "why skip?": the skip done, with its reason if the key gives one.
    std::string answer_skip(char);

    Guide guide_;
    Style style_;
    Options o_;
    std::string note_;
    bool quit_ = false;
    bool asking_ = false;       // after s: waiting for why
    bool resume_after_ = false;  // the routine was running when s paused it
    bool redraw_ = true;
    int shown_seconds_ = -1;
    std::size_t shown_segment_ = static_cast<std::size_t>(-1);
};

}  // namespace backcare
