// SPDX-License-Identifier: MIT
// What `backcare go` shows (guide_screen.hpp): the screen at 80x24, 50x14
// and 20x5, what a short window drops first, and the plain lines.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "guide_screen.hpp"
#include "text.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::make_exercise;

namespace {

const std::string heading = "Your own routine";

RoutineItem item(std::string id, Dose d, std::vector<std::string> steps) {
    Exercise e = make_exercise(std::move(id), {Goal::posture});
    e.steps = std::move(steps);
    return {e, d, 0, "", "", false};
}

// 2 sets of 3 reps (2 s each, 1 s hold), rest 10 s, with three steps that
// wrap at 80 columns; then a 20 s hold each side. Timeline: ready 20 s,
// reps at 20, 23, 26 s, rest at 29 s, reps at 39, 42, 45 s, ready at 48 s,
// hold at 58 s, switch sides at 78 s, hold at 83 s.
std::vector<RoutineItem> routine() {
    return {item("reps", Dose{2, 3, 1, 10, 2, false, ""},
                 {"Sit tall with your feet flat on the floor and your hands resting on your thighs.",
                  "Draw your chin straight back, as if making a double chin, keeping your eyes level.",
                  "Hold, then let your head glide forward again without tipping it."}),
            item("hold", Dose{1, 0, 20, 0, 3, true, ""}, {"Kneel and sit back.", "Reach forward."})};
}

Style ascii() { return Style{false, false, 80}; }
Style unicode() { return Style{false, true, 80}; }

Guide at(std::int64_t ms) {
    Guide g(routine());
    g.advance(ms);
    return g;
}

bool has(const std::vector<std::string>& lines, const std::string& text) {
    return std::find(lines.begin(), lines.end(), text) != lines.end();
}

bool any_contains(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

const std::string ascii_keys = "space pause - n next - s skip - b back - q quit";

}  // namespace

TEST_CASE("guide screen: at 80x24 everything is shown, the foot at the bottom", "[guide_screen]") {
    const auto lines = guide_screen(at(0), ascii(), heading, "", 80, 24);
    REQUIRE(lines.size() == 24);
    CHECK(lines[0] == "00:00 - exercise 1 of 2 - Your own routine");
    CHECK(lines[1].empty());
    CHECK(lines[2] == "Exercise reps");
    CHECK(lines[3] == "2 x 3 reps, hold 1 s");  // no set yet while getting into position
    CHECK(lines[5] == "  Get into position - 20");
    CHECK(lines[6] == "  " + std::string(76, '.'));
    CHECK(lines[8] == " 1. Sit tall with your feet flat on the floor and your hands resting on your");
    CHECK(lines[9] == "    thighs.");
    CHECK(lines[12] == " 3. Hold, then let your head glide forward again without tipping it.");
    CHECK(lines[13] == "Cue: Gently.");
    for (std::size_t i = 14; i < 22; ++i) CHECK(lines[i].empty());
    CHECK(lines[22] == "Next up: Exercise hold - hold 20 s, each side");
    CHECK(lines[23] == ascii_keys);
}

TEST_CASE("guide screen: rep, rest, hold and switching sides", "[guide_screen]") {
    SECTION("a rep: moving, then holding, with the set and a bar") {
        const auto moving = guide_screen(at(21'000), ascii(), heading, "", 80, 24);
        CHECK(moving[3] == "2 x 3 reps, hold 1 s - set 1 of 2");
        CHECK(moving[5] == "  Rep 1 of 3 - move");
        CHECK(moving[6] == "  " + std::string(25, '#') + std::string(51, '.'));  // a third of 76
        const auto holding = guide_screen(at(22'500), ascii(), heading, "", 80, 24);
        CHECK(holding[5] == "  Rep 1 of 3 - hold 1");
    }
    SECTION("a rest before the next set") {
        const auto lines = guide_screen(at(30'000), ascii(), heading, "", 80, 24);
        CHECK(lines[3] == "2 x 3 reps, hold 1 s - set 2 of 2");
        CHECK(lines[5] == "  Rest before set 2 of 2 - 9");
    }
    SECTION("a hold on the first side, in Unicode") {
        const auto lines = guide_screen(at(59'000), unicode(), heading, "", 80, 24);
        REQUIRE(lines.size() == 24);
        CHECK(lines[0] == "00:59 · exercise 2 of 2 · Your own routine");
        CHECK(lines[2] == "Exercise hold");
        CHECK(lines[3] == "hold 20 s, each side · set 1 of 1 · first side");
        CHECK(lines[5] == "  Hold · 19");
        CHECK(lines[6].rfind("  ███░░", 0) == 0);
        CHECK(display_width(lines[6]) == 78);
        CHECK(lines[8] == " 1. Kneel and sit back.");
        CHECK(lines[22] == "Last exercise");
        CHECK(lines[23] == "space pause · n next · s skip · b back · q quit");
    }
    SECTION("switching sides") {
        const auto lines = guide_screen(at(79'000), unicode(), heading, "", 80, 24);
        CHECK(lines[3] == "hold 20 s, each side · set 1 of 1 · second side");
        CHECK(lines[5] == "  Switch sides · 4");
    }
}

TEST_CASE("guide screen: the note stands above the foot - PAUSED in the time line", "[guide_screen]") {
    Guide g = at(21'000);
    g.toggle_pause();
    const auto lines = guide_screen(g, ascii(), heading, "Paused: space or Enter to go on.", 80, 24);
    REQUIRE(lines.size() == 24);
    CHECK(lines[0] == "00:21 - PAUSED - exercise 1 of 2 - Your own routine");
    CHECK(lines[21] == "Paused: space or Enter to go on.");
    CHECK(lines[22] == "Next up: Exercise hold - hold 20 s, each side");
    CHECK(lines[20].empty());
}

TEST_CASE("guide screen: at 50x14 the blank lines go first - every line fits", "[guide_screen]") {
    const auto lines = guide_screen(at(21'000), ascii(), heading, "", 50, 14);
    REQUIRE(lines.size() == 14);
    for (const auto& l : lines) CHECK(display_width(l) <= 50);
    CHECK(std::none_of(lines.begin(), lines.end(), [](const std::string& l) { return l.empty(); }));
    CHECK(lines[0] == "00:21 - exercise 1 of 2 - Your own routine");
    CHECK(lines[1] == "Exercise reps");
    CHECK(lines[3] == "  Rep 1 of 3 - move");
    CHECK(lines[5] == " 1. Sit tall with your feet flat on the floor and");
    CHECK(any_contains(lines, " 3. Hold, then"));
    CHECK(lines[12] == "Next up: Exercise hold - hold 20 s, each side");
    CHECK(lines[13] == ascii_keys);
}

TEST_CASE("guide screen: a shorter window drops the steps whole, the last first, then the rest", "[guide_screen]") {
    SECTION("50x11: the second and third steps go, all their lines") {
        const auto lines = guide_screen(at(21'000), ascii(), heading, "", 50, 11);
        REQUIRE(lines.size() == 11);
        CHECK(has(lines, " 1. Sit tall with your feet flat on the floor and"));
        CHECK(has(lines, "    your hands resting on your thighs."));
        CHECK_FALSE(any_contains(lines, "double chin"));
        CHECK_FALSE(any_contains(lines, "keeping your eyes level"));
        CHECK_FALSE(any_contains(lines, "without tipping"));
        CHECK(has(lines, "Cue: Gently."));
        CHECK(lines[8].empty());  // room to spare: blank above the foot
        CHECK(lines[9] == "Next up: Exercise hold - hold 20 s, each side");
        CHECK(lines[10] == ascii_keys);
    }
    SECTION("50x7: no steps and no cue; what comes next, the bar and the dose stay") {
        const auto lines = guide_screen(at(21'000), ascii(), heading, "", 50, 7);
        CHECK(lines == std::vector<std::string>{"00:21 - exercise 1 of 2 - Your own routine", "Exercise reps",
                                                "2 x 3 reps, hold 1 s - set 1 of 2", "  Rep 1 of 3 - move",
                                                "  " + std::string(15, '#') + std::string(31, '.'),
                                                "Next up: Exercise hold - hold 20 s, each side", ascii_keys});
    }
    SECTION("50x5: then what comes next and the bar go") {
        const auto lines = guide_screen(at(21'000), ascii(), heading, "", 50, 5);
        CHECK(lines == std::vector<std::string>{"00:21 - exercise 1 of 2 - Your own routine", "Exercise reps",
                                                "2 x 3 reps, hold 1 s - set 1 of 2", "  Rep 1 of 3 - move", ascii_keys});
    }
}

TEST_CASE("guide screen: at 20x5 the time, PAUSED, the count, the name and the keys stay", "[guide_screen]") {
    SECTION("paused, with its note, in ASCII") {
        Guide g = at(21'000);
        g.toggle_pause();
        const auto lines = guide_screen(g, ascii(), heading, "Paused: space or Enter to go on.", 20, 5);
        CHECK(lines == std::vector<std::string>{"00:21 - PAUSED - exe", "Exercise reps", "  Rep 1 of 3 - move",
                                                "Paused: space or Ent", "keys: space n s b q"});
    }
    SECTION("getting into position: the count moves first so that it stays") {
        const auto lines = guide_screen(at(0), ascii(), heading, "", 20, 5);
        CHECK(lines == std::vector<std::string>{"00:00 - exercise 1 o", "Exercise reps", "2 x 3 reps, hold 1 s",
                                                "20 Get into position", "keys: space n s b q"});
    }
    SECTION("switching sides, in Unicode") {
        const auto lines = guide_screen(at(81'000), unicode(), heading, "", 20, 5);
        CHECK(lines == std::vector<std::string>{"01:21 · exercise 2 o", "Exercise hold", "hold 20 s, each side",
                                                "  Switch sides · 2", "keys: space n s b q"});
    }
}

TEST_CASE("guide screen: through a whole routine, exactly the height, no line wider than the window", "[guide_screen]") {
    const std::vector<std::pair<std::size_t, std::size_t>> sizes{{80, 24}, {50, 14}, {20, 5}};
    for (const Style& st : {ascii(), unicode()}) {
        Guide g(routine());
        while (!g.finished()) {
            for (const auto& [w, h] : sizes) {
                const auto lines = guide_screen(g, st, heading, "A note.", w, h);
                REQUIRE(lines.size() == h);
                for (const auto& l : lines) CHECK(display_width(l) <= w);
                CHECK(lines.front().rfind(clock_text(g.active_ms()), 0) == 0);
                CHECK(has(lines, g.items()[g.item_index()].exercise.name));
                CHECK(lines.back().find(" b") != std::string::npos);
            }
            g.advance(1'000);
        }
    }
}

TEST_CASE("guide screen: colour is the only escape in the lines", "[guide_screen]") {
    const auto lines = guide_screen(at(21'000), Style{true, false, 80}, heading, "", 80, 24);
    REQUIRE(lines.size() == 24);
    CHECK(lines[2] == "\033[1mExercise reps\033[0m");
    CHECK(lines[0] == "\033[2m00:21 - exercise 1 of 2 - Your own routine\033[0m");
    for (const auto& l : lines) {
        CHECK(l.find("\033[H") == std::string::npos);
        CHECK(l.find("\033[K") == std::string::npos);
        CHECK(l.find("\033[J") == std::string::npos);
        CHECK(l.find_first_of("\r\n") == std::string::npos);
    }
}

TEST_CASE("plain_line: one line per step, for output that is not a terminal", "[guide_screen]") {
    CHECK(plain_line(at(0), ascii()) == "Exercise reps (1 of 2): 2 x 3 reps, hold 1 s");
    CHECK(plain_line(at(0), unicode()) == "Exercise reps (1 of 2): 2 × 3 reps, hold 1 s");
    CHECK(plain_line(at(20'000), ascii()) == "set 1 of 2: rep 1 of 3, hold 1 s");
    CHECK(plain_line(at(26'000), ascii()) == "set 1 of 2: rep 3 of 3, hold 1 s");
    CHECK(plain_line(at(29'000), ascii()) == "rest 10 s before set 2 of 2");
    CHECK(plain_line(at(39'000), ascii()) == "set 2 of 2: rep 1 of 3, hold 1 s");
    CHECK(plain_line(at(48'000), ascii()) == "Exercise hold (2 of 2): hold 20 s, each side");
    CHECK(plain_line(at(58'000), ascii()) == "set 1 of 1, first side: hold 20 s");
    CHECK(plain_line(at(78'000), ascii()) == "switch sides (5 s)");
    CHECK(plain_line(at(83'000), ascii()) == "set 1 of 1, second side: hold 20 s");
    Guide no_hold({item("plain", Dose{1, 10, 0, 0, 3, false, ""}, {"Do it."})});
    no_hold.advance(20'000);
    CHECK(plain_line(no_hold, ascii()) == "set 1 of 1: rep 1 of 10");
}

TEST_CASE("clock_text and doing", "[guide_screen]") {
    CHECK(clock_text(0) == "00:00");
    CHECK(clock_text(125'999) == "02:05");
    CHECK(clock_text(3'600'000) == "60:00");
    CHECK(doing(at(0), ascii()) == "Get into position - 20");
    CHECK(doing(at(21'000), unicode()) == "Rep 1 of 3 · move");
    CHECK(doing(at(22'000), ascii()) == "Rep 1 of 3 - hold 1");
    CHECK(doing(at(59'500), ascii()) == "Hold - 19");
}
