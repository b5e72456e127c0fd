// SPDX-License-Identifier: MIT
// The guided routine's timeline and keys (guide.hpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "guide.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::make_exercise;

namespace {

RoutineItem item(std::string id, Dose d, Position p = Position::standing) {
    Exercise e = make_exercise(std::move(id), {Goal::posture}, Kind::mobility, p);
    return {e, d, 0, "", "", false};
}

// 2 sets of 3 reps (2 s each, 1 s hold), rest 10 s; then a 20 s hold each side.
std::vector<RoutineItem> routine() {
    return {item("reps", Dose{2, 3, 1, 10, 2, false, ""}), item("hold", Dose{1, 0, 20, 0, 3, true, ""})};
}

std::string kinds(const std::vector<Segment>& segments) {
    std::string out;
    for (const auto& s : segments) {
        switch (s.kind) {
            case SegmentKind::ready: out += 'G'; break;
            case SegmentKind::rep: out += 'r'; break;
            case SegmentKind::hold: out += 'H'; break;
            case SegmentKind::switch_side: out += 'S'; break;
            case SegmentKind::rest: out += 'R'; break;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("guide: the timeline paces reps, holds, sides and rests", "[guide]") {
    const auto segments = segments_for(routine());
    CHECK(kinds(segments) == "GrrrRrrrGHSH");
    CHECK(segments[0].seconds == 20);  // getting into position, as the planner counts it
    CHECK(segments[1].seconds == 3);   // tempo 2 + hold 1
    CHECK(segments[4].seconds == 10);
    CHECK(segments[8].seconds == 10);  // same position as before
    CHECK(segments[9].side == 1);
    CHECK(segments[11].side == 2);
    CHECK(segments[3].ends_set);
    CHECK(segments[7].ends_set);
    CHECK(segments[11].ends_set);
    CHECK_FALSE(segments[9].ends_set);
    int total = 0;
    for (const auto& s : segments) total += s.seconds;
    CHECK(total == 20 + 9 + 10 + 9 + 10 + 20 + 5 + 20);
}

TEST_CASE("guide: time runs the routine to the end, and pauses stop it", "[guide]") {
    Guide g(routine());
    CHECK(g.remaining_seconds() == 20);
    g.advance(19'500);
    CHECK(g.remaining_seconds() == 1);
    g.toggle_pause();
    g.advance(60'000);
    CHECK(g.remaining_seconds() == 1);
    CHECK(g.active_ms() == 19'500);
    g.toggle_pause();
    const auto tick = g.advance(500);
    CHECK(tick.moved);
    CHECK(g.current()->kind == SegmentKind::rep);
    CHECK(g.segment_start_ms() == 20'000);
    {
        Guide late(routine());
        late.advance(20'700);  // the clock looked late: the step still began at 20 s
        CHECK(late.segment_start_ms() == 20'000);
        CHECK(late.active_ms() == 20'700);
    }
    // The end of the first set of held reps rings the bell.
    CHECK(g.advance(8'999).hold_ended == false);
    CHECK(g.advance(1).hold_ended);
    CHECK(g.sets_done(0) == 1);
    g.advance(19'000);
    CHECK(g.item_index() == 1);
    CHECK(g.state(0) == ItemState::done);
    CHECK(g.sets_done(0) == 2);
    g.advance(10'000 + 20'000 + 5'000);
    CHECK(g.sets_done(1) == 0);  // one side is not a set
    CHECK(g.advance(20'000).hold_ended);
    CHECK(g.finished());
    const auto entries = g.entries();
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].status == EntryStatus::done);
    CHECK(entries[0].sets == 2);
    CHECK(entries[1].status == EntryStatus::done);
    CHECK(entries[1].side == Side::each);
    REQUIRE(entries[1].planned);
    CHECK(*entries[1].planned == PlannedDose{1, 0, 20});
}

TEST_CASE("guide: next, skip and back", "[guide]") {
    Guide g(routine());
    SECTION("next counts the exercise as done at its dose") {
        g.next();
        CHECK(g.item_index() == 1);
        CHECK(g.state(0) == ItemState::done);
        g.skip();
        CHECK(g.finished());
        const auto e = g.entries();
        CHECK(e[0].status == EntryStatus::done);
        CHECK(e[0].sets == 2);
        CHECK(e[1].status == EntryStatus::skipped);
    }
    SECTION("back restarts the exercise, and near its start goes to the one before") {
        g.skip();
        g.advance(15'000);
        g.back();
        CHECK(g.item_index() == 1);
        CHECK(g.remaining_seconds() == 10);
        g.back();
        CHECK(g.item_index() == 0);
        CHECK(g.state(0) == ItemState::pending);
        g.back();  // the first: stays at its start
        CHECK(g.item_index() == 0);
    }
    SECTION("back from the end reopens the last exercise, which stays done") {
        g.next();
        g.next();
        REQUIRE(g.finished());
        g.back();
        CHECK(g.item_index() == 1);
        CHECK(g.state(1) == ItemState::done);
        g.skip();  // skipping it now does not undo it
        CHECK(g.entries()[1].status == EntryStatus::done);
    }
    SECTION("going back to a finished exercise and quitting keeps it done") {
        g.advance(20'000 + 9'000 + 10'000 + 9'000);
        REQUIRE(g.item_index() == 1);
        g.back();
        CHECK(g.item_index() == 0);
        const auto e = g.entries();
        CHECK(e[0].status == EntryStatus::done);
        CHECK(e[0].sets == 2);
    }
    SECTION("quitting part-way logs the sets completed and marks the rest skipped") {
        g.advance(20'000 + 9'000 + 5'000);  // the first set, and into the rest
        const auto e = g.entries();
        CHECK(e[0].status == EntryStatus::done);
        CHECK(e[0].sets == 1);
        REQUIRE(e[0].planned);
        CHECK(e[0].planned->sets == 2);
        CHECK(e[1].status == EntryStatus::skipped);
    }
    SECTION("quitting before a set is done logs it skipped") {
        g.advance(25'000);
        CHECK(g.entries()[0].status == EntryStatus::skipped);
    }
}
