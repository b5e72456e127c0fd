// SPDX-License-Identifier: MIT
#include "guide.hpp"

#include <algorithm>

namespace backcare {

std::vector<Segment> segments_for(const std::vector<RoutineItem>& items) {
    std::vector<Segment> out;
    const Exercise* previous = nullptr;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Dose& d = items[i].dose;
        out.push_back({i, SegmentKind::ready, transition_seconds(previous, items[i].exercise)});
        previous = &items[i].exercise;
        const int sides = d.per_side ? 2 : 1;
        for (int set = 1; set <= std::max(1, d.sets); ++set) {
            if (set > 1 && d.rest > 0) out.push_back({i, SegmentKind::rest, d.rest, set});
            for (int s = 1; s <= sides; ++s) {
                const int side = d.per_side ? s : 0;
                if (s > 1) out.push_back({i, SegmentKind::switch_side, switch_side_seconds, set, side});
                if (d.reps > 0) {
                    for (int rep = 1; rep <= d.reps; ++rep)
                        out.push_back({i, SegmentKind::rep, std::max(1, d.tempo + d.hold), set, side, rep});
                } else {
                    out.push_back({i, SegmentKind::hold, std::max(1, d.hold), set, side});
                }
            }
            out.back().ends_set = true;
        }
    }
    return out;
}

Guide::Guide(std::vector<RoutineItem> items)
    : items_(std::move(items)),
      segments_(segments_for(items_)),
      states_(items_.size(), ItemState::pending),
      reasons_(items_.size()),
      sets_done_(items_.size(), 0) {}

std::size_t Guide::first_segment(std::size_t item) const {
    std::size_t i = 0;
    while (i < segments_.size() && segments_[i].item < item) ++i;
    return i;
}

std::size_t Guide::item_index() const { return finished() ? items_.size() : segments_[at_].item; }

int Guide::remaining_seconds() const {
    if (finished()) return 0;
    const std::int64_t left = segments_[at_].seconds * std::int64_t{1000} - in_segment_ms_;
    return static_cast<int>((std::max<std::int64_t>(0, left) + 999) / 1000);
}

void Guide::enter_item(std::size_t item) {
    at_ = first_segment(item);
    in_segment_ms_ = 0;
}

Guide::Tick Guide::advance(std::int64_t ms) {
    Tick tick;
    if (paused_ || finished()) return tick;
    active_ms_ += ms;
    in_segment_ms_ += ms;
    while (!finished() && in_segment_ms_ >= segments_[at_].seconds * std::int64_t{1000}) {
        const Segment& s = segments_[at_];
        const Dose& d = items_[s.item].dose;
        in_segment_ms_ -= s.seconds * std::int64_t{1000};
        if (s.kind == SegmentKind::hold || (s.kind == SegmentKind::rep && s.ends_set && d.hold > 0))
            tick.hold_ended = true;
        if (s.ends_set && (s.side == 0 || s.side == 2)) sets_done_[s.item] = std::min(d.sets, sets_done_[s.item] + 1);
        ++at_;
        tick.moved = true;
        if (finished() || segments_[at_].item != s.item) states_[s.item] = ItemState::done;
    }
    if (finished()) in_segment_ms_ = 0;
    return tick;
}

void Guide::next() {
    if (finished()) return;
    const std::size_t item = item_index();
    states_[item] = ItemState::done;
    sets_done_[item] = items_[item].dose.sets;
    enter_item(item + 1);
}

void Guide::skip(std::optional<SkipReason> reason) {
    if (finished()) return;
    const std::size_t item = item_index();
    // Done before (then gone back to): it stays done.
    if (states_[item] != ItemState::done) {
        states_[item] = ItemState::skipped;
        reasons_[item] = reason;
        sets_done_[item] = 0;
    }
    enter_item(item + 1);
}

void Guide::back() {
    std::size_t item = item_index();
    const bool near_start = finished() || (at_ == first_segment(item) && in_segment_ms_ < 3000);
    if (near_start && item > 0) --item;
    if (item >= items_.size()) return;
    // Going back to do it again takes nothing away from what was done.
    if (states_[item] == ItemState::skipped) {
        states_[item] = ItemState::pending;
        reasons_[item].reset();
    }
    enter_item(item);
}

std::vector<Entry> Guide::entries() const {
    std::vector<Entry> out;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const RoutineItem& item = items_[i];
        const Dose& d = item.dose;
        Entry e;
        e.exercise_id = item.exercise.id;
        e.exercise_name = item.exercise.name;
        e.sets = std::max(1, d.sets);
        e.reps = d.reps;
        e.hold = d.hold;
        e.side = d.per_side ? Side::each : Side::both;
        e.load = d.load;
        e.planned = PlannedDose{e.sets, d.reps, d.hold};
        if (states_[i] == ItemState::done) {
            e.sets = std::max(1, sets_done_[i]);
        } else if (sets_done_[i] > 0) {
            e.sets = sets_done_[i];  // under way when the routine ended
        } else {
            e.status = EntryStatus::skipped;
            if (states_[i] == ItemState::skipped) e.skip_reason = reasons_[i];
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace backcare
