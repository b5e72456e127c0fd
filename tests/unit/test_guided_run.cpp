// SPDX-License-Identifier: MIT
// A guided routine as it runs (guided_run.hpp): keys, ticks, Ctrl-Z and
// resizes, and what each prints, without a terminal.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "guided_run.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::make_exercise;

namespace {

RoutineItem item(std::string id, Dose d) {
    Exercise e = make_exercise(std::move(id), {Goal::posture});
    return {e, d, 0, "", "", false};
}

// Getting ready 20 s, 3 reps of 3 s (2 s moving, 1 s held), rest 10 s, the
// second set; then getting ready 10 s and a 20 s hold.
std::vector<RoutineItem> routine() {
    return {item("reps", Dose{2, 3, 1, 10, 2, false, ""}), item("hold", Dose{1, 0, 20, 0, 3, false, ""})};
}

GuidedRun lines_run() { return GuidedRun(routine(), Style{}, {"Your own routine", false, false, 80, 24}); }
GuidedRun screen_run(bool bell = true) { return GuidedRun(routine(), Style{}, {"Your own routine", true, bell, 80, 24}); }

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("guided run without a screen: the heading, then a stamped line per step", "[guided_run]") {
    GuidedRun run = lines_run();
    CHECK(run.start() == "[00:00] Your own routine: 2 exercises\n");
    CHECK(run.show() == "[00:00] Exercise reps (1 of 2): 2 x 3 reps, hold 1 s\n");
    CHECK(run.show().empty());  // the same step: nothing new
    CHECK(run.on_tick(5'000).empty());
    CHECK(run.show().empty());
    run.on_tick(15'700);  // woke late: the line has when the step began
    CHECK(run.show() == "[00:20] set 1 of 2: rep 1 of 3, hold 1 s\n");
    CHECK(run.finish("Finished in 20 s") == "[00:20] Finished in 20 s\n");
    CHECK(GuidedRun({routine()[0]}, Style{}, {"Posture routine"}).start() == "[00:00] Posture routine: 1 exercise\n");
}

TEST_CASE("guided run: space pauses and goes on", "[guided_run]") {
    GuidedRun run = lines_run();
    run.show();
    run.on_tick(3'000);
    CHECK(run.on_key(' ') == "[00:03] paused\n");
    CHECK(run.guide().paused());
    CHECK(run.note() == "Paused: space or Enter to go on.");
    run.on_tick(60'000);
    CHECK(run.guide().active_ms() == 3'000);
    CHECK(run.note() == "Paused: space or Enter to go on.");
    CHECK(run.on_key('\n') == "[00:03] resumed\n");
    CHECK_FALSE(run.guide().paused());
    CHECK(run.note().empty());
    run.on_key('\r');
    CHECK(run.guide().paused());
}

TEST_CASE("guided run: n marks done, s skips, b goes back, q quits", "[guided_run]") {
    GuidedRun run = lines_run();
    run.show();
    SECTION("n: the exercise done, on to the next") {
        CHECK(run.on_key('n') == "[00:00] Exercise reps: done.\n");
        CHECK(run.note() == "Exercise reps: done.");
        CHECK(run.guide().item_index() == 1);
        CHECK(run.guide().state(0) == ItemState::done);
        CHECK(run.show() == "[00:00] Exercise hold (2 of 2): hold 20 s\n");
        run.on_key('n');
        CHECK(run.finished());
        CHECK_FALSE(run.quit());
    }
    SECTION("s: asks why, paused; Enter skips without a reason, on to the next") {
        CHECK(run.on_key('s') == "[00:00] Skip Exercise reps: why? h hurt, t time, k kit, o other, Enter no reason.\n");
        CHECK(run.asking());
        CHECK(run.guide().paused());
        CHECK(run.guide().state(0) == ItemState::pending);
        run.on_tick(5'000);
        CHECK(run.guide().active_ms() == 0);  // the clock waits for the answer
        CHECK(run.on_key('\n') == "[00:00] Exercise reps: skipped.\n");
        CHECK_FALSE(run.asking());
        CHECK_FALSE(run.guide().paused());
        CHECK(run.guide().state(0) == ItemState::skipped);
        CHECK_FALSE(run.guide().skip_reason(0).has_value());
        CHECK(run.guide().item_index() == 1);
    }
    SECTION("s then h, t, k or o: skipped with that reason, stored with the entry") {
        for (const auto& [key, reason] : {std::pair{'h', SkipReason::hurt}, std::pair{'t', SkipReason::time},
                                          std::pair{'k', SkipReason::kit}, std::pair{'o', SkipReason::other}}) {
            GuidedRun r = lines_run();
            r.show();
            r.on_key('s');
            CHECK(r.on_key(key) == fmt::format("[00:00] Exercise reps: skipped ({}).\n", name_of(reason)));
            CHECK(r.guide().skip_reason(0) == reason);
            CHECK(r.guide().entries().at(0).status == EntryStatus::skipped);
            CHECK(r.guide().entries().at(0).skip_reason == reason);
            // Gone back to and done after all: no reason stays.
            r.on_key('b');
            r.on_key('n');
            CHECK_FALSE(r.guide().entries().at(0).skip_reason.has_value());
            CHECK(r.guide().entries().at(0).status == EntryStatus::done);
        }
    }
    SECTION("s then another key: skipped without a reason, and the key does what it does") {
        run.on_key('s');
        CHECK(run.on_key('n') == "[00:00] Exercise reps: skipped.\n[00:00] Exercise hold: done.\n");
        CHECK(run.finished());
        CHECK(run.guide().state(0) == ItemState::skipped);
        CHECK(run.guide().state(1) == ItemState::done);
    }
    SECTION("s while paused: answered, it stays paused") {
        run.on_key(' ');
        run.on_key('s');
        run.on_key('k');
        CHECK(run.guide().paused());
        CHECK(run.guide().skip_reason(0) == SkipReason::kit);
    }
    SECTION("s of the last exercise asks too, before the routine ends") {
        run.on_key('n');
        run.on_key('s');
        CHECK_FALSE(run.finished());
        run.on_key('t');
        CHECK(run.finished());
        CHECK(run.guide().entries().at(1).skip_reason == SkipReason::time);
    }
    SECTION("b: back to the one before, from the start of the next") {
        run.on_key('s');
        run.on_key('\r');
        CHECK(run.on_key('b') == "[00:00] Back to Exercise reps.\n");
        CHECK(run.note() == "Back to Exercise reps.");
        CHECK(run.guide().item_index() == 0);
        CHECK(run.guide().state(0) == ItemState::pending);
    }
    SECTION("q: quits; no more keys count") {
        CHECK(run.on_key('q').empty());
        CHECK(run.quit());
        CHECK(run.on_key('n').empty());
        CHECK(run.guide().item_index() == 0);
    }
    SECTION("other keys do nothing") {
        CHECK(run.on_key('x').empty());
        CHECK(run.guide().item_index() == 0);
        CHECK_FALSE(run.guide().paused());
    }
}

TEST_CASE("guided run: keys as read stop at an escape sequence, a quit or the end", "[guided_run]") {
    GuidedRun run = lines_run();
    run.show();
    CHECK(run.on_keys("\033[Cn").empty());  // an arrow key, and the rest of what was read
    CHECK(run.guide().item_index() == 0);
    CHECK(run.on_keys("s\nqn") == "[00:00] Skip Exercise reps: why? h hurt, t time, k kit, o other, Enter no reason.\n"
                                   "[00:00] Exercise reps: skipped.\n");
    CHECK(run.quit());
    CHECK(run.guide().item_index() == 1);

    GuidedRun ends = lines_run();
    CHECK(ends.on_keys("nnb") == "[00:00] Exercise reps: done.\n[00:00] Exercise hold: done.\n");
    CHECK(ends.finished());
}

TEST_CASE("guided run: a tick moves the routine on and clears the note", "[guided_run]") {
    GuidedRun run = lines_run();
    run.on_key('n');
    CHECK(run.note() == "Exercise reps: done.");
    run.on_tick(5'000);  // still getting into position
    CHECK(run.note() == "Exercise reps: done.");
    run.on_tick(5'000);  // the hold begins
    CHECK(run.note().empty());
    CHECK(run.guide().current()->kind == SegmentKind::hold);
    CHECK(run.guide().active_ms() == 10'000);
}

TEST_CASE("guided run: the bell at the end of a hold, at a screen unless quieted", "[guided_run]") {
    GuidedRun run = screen_run();
    CHECK(run.on_tick(28'999).empty());
    CHECK(run.on_tick(1) == "\a");  // the first set of held reps ends
    CHECK(run.on_tick(1'000).empty());
    GuidedRun quiet = screen_run(false);
    quiet.on_tick(28'999);
    CHECK(quiet.on_tick(1).empty());
}

TEST_CASE("guided run at a screen: frames only when something shown changed", "[guided_run]") {
    GuidedRun run = screen_run();
    CHECK(run.start().empty());
    const std::string first = run.show();
    CHECK(first.rfind("\033[H", 0) == 0);
    CHECK(first.substr(first.size() - 3) == "\033[J");
    CHECK(count(first, "\033[K") == 24);
    CHECK(count(first, "\r\n") == 23);
    CHECK(first.find("Exercise reps") != std::string::npos);
    CHECK(run.show().empty());
    run.on_tick(400);  // the same whole second left
    CHECK(run.show().empty());
    run.on_tick(600);
    CHECK(run.show().find("Get into position - 19") != std::string::npos);
    CHECK(run.on_key('x').empty());
    CHECK_FALSE(run.show().empty());  // a key always redraws

    CHECK(run.on_resize(50, 14) == "\033[2J");
    const std::string smaller = run.show();
    CHECK(count(smaller, "\r\n") == 13);
    CHECK(run.on_key(' ').empty());  // the note is on the screen, not printed
    CHECK(run.show().find("Paused: space or Enter to go on.") != std::string::npos);
    CHECK(run.finish("Stopped in 1 s") == "Stopped in 1 s\n");
}

TEST_CASE("guided run: continued after Ctrl-Z, it is paused and redrawn at the new size", "[guided_run]") {
    GuidedRun lines = lines_run();
    lines.show();
    lines.on_tick(2'000);
    CHECK(lines.on_suspend(80, 24) == "[00:02] paused\n");
    CHECK(lines.guide().paused());
    CHECK(lines.note() == "Paused: space or Enter to go on.");
    CHECK(lines.on_suspend(80, 24) == "[00:02] paused\n");
    CHECK(lines.guide().paused());  // still paused, not toggled

    GuidedRun screen = screen_run();
    screen.show();
    CHECK(screen.on_suspend(20, 5).empty());
    const std::string frame = screen.show();
    CHECK(count(frame, "\r\n") == 4);
    CHECK(frame.find("PAUSED") != std::string::npos);
}
