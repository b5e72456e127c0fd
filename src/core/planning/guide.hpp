// SPDX-License-Identifier: MIT
#pragma once
// A routine as a timeline a person follows (`backcare go`): getting into
// position, each rep paced at the exercise's tempo, holds counted down, each
// side in turn, rest between sets. Pure: time moves only when told, so the
// whole routine can be stepped through in a test.
#include <cstdint>
#include <optional>
#include <vector>

#include "planner.hpp"
#include "session.hpp"

namespace backcare {

enum class SegmentKind { ready, rep, hold, switch_side, rest };

struct Segment {
    std::size_t item = 0;
    SegmentKind kind = SegmentKind::ready;
    int seconds = 0;
    int set = 1;   // from 1
    int side = 0;  // 0 both sides at once, 1 first side, 2 second side
    int rep = 0;   // from 1 in a rep segment
    bool ends_set = false;
};

inline constexpr int switch_side_seconds = 5;

// The timeline of a routine; getting ready takes the planner's transition time.
std::vector<Segment> segments_for(const std::vector<RoutineItem>&);

enum class ItemState { pending, done, skipped };

class Guide {
public:
    explicit Guide(std::vector<RoutineItem> items);

    struct Tick {
        bool moved = false;       // a new segment (or item) began
        bool hold_ended = false;  // a hold, or a set of held reps, just ended: the bell
    };
    // Moves the clock on by ms (nothing while paused).
    Tick advance(std::int64_t ms);

    void toggle_pause() { paused_ = !paused_; }
    bool paused() const { return paused_; }
    // The current exercise counts as done, at its full dose.
    void next();
    // Skips the current exercise, with the reason when one was given.
    void skip(std::optional<SkipReason> reason = std::nullopt);
    // To the start of the current exercise; near its start, to the previous
    // one. Sets already done there stay done.
    void back();

    bool finished() const { return at_ >= segments_.size(); }
    const Segment* current() const { return finished() ? nullptr : &segments_[at_]; }
    // Which segment of the timeline is current; changes with every step.
    std::size_t position() const { return at_; }
    // Whole seconds left in the current segment, rounded up.
    int remaining_seconds() const;
    std::int64_t elapsed_in_segment_ms() const { return in_segment_ms_; }
    std::int64_t active_ms() const { return active_ms_; }
    // When the current segment began, on the routine's own clock.
    std::int64_t segment_start_ms() const { return active_ms_ - in_segment_ms_; }
    std::size_t item_index() const;
    const std::vector<RoutineItem>& items() const { return items_; }
    ItemState state(std::size_t item) const { return states_[item]; }
    int sets_done(std::size_t item) const { return sets_done_[item]; }
    std::optional<SkipReason> skip_reason(std::size_t item) const { return reasons_[item]; }

    // What was done, for the log: finished or `n` exercises at their dose,
    // the one under way at the sets completed (skipped when none), the rest
    // skipped. Each entry carries the dose planned.
    std::vector<Entry> entries() const;

private:
    void enter_item(std::size_t item);
    std::size_t first_segment(std::size_t item) const;

    std::vector<RoutineItem> items_;
    std::vector<Segment> segments_;
    std::vector<ItemState> states_;
    std::vector<std::optional<SkipReason>> reasons_;  // of the exercises skipped, when given
    std::vector<int> sets_done_;
    std::size_t at_ = 0;
    std::int64_t in_segment_ms_ = 0;
    std::int64_t active_ms_ = 0;
    bool paused_ = false;
};

}  // namespace backcare
