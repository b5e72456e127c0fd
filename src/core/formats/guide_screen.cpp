// SPDX-License-Identifier: MIT
// The screen and the plain lines of a guided routine (guide_screen.hpp).
#include "guide_screen.hpp"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "dose.hpp"
#include "text.hpp"

namespace backcare {
namespace {

std::string side_text(const Segment& s) {
    if (s.side == 1) return "first side";
    if (s.side == 2) return "second side";
    return "";
}

// A line of the screen with its rank: when the window is short, the lowest
// ranks go first.
struct Line {
    int rank;  // higher stays longer
    std::string text;
    int group = -1;       // lines of one step go together
    bool bottom = false;  // kept at the foot of the screen
};

// Every line the screen could show, in order, each cut to the width.
struct Draft {
    const Style& st;
    std::size_t w;
    std::vector<Line> lines;

    void add(int rank, const std::string& text, std::string (Style::*look)(std::string_view) const = nullptr) {
        const std::string cut = clip(text, w);
        lines.push_back({rank, look ? (st.*look)(cut) : cut});
    }
};

// The time and any pause first, so a narrow window keeps them; then the
// exercise and where in its dose this is.
void add_head(Draft& d, const Guide& g, const std::string& heading) {
    const Style& st = d.st;
    const Segment& s = *g.current();
    const RoutineItem& item = g.items()[s.item];
    std::string top = clock_text(g.active_ms());
    if (g.paused()) top += fmt::format("{}PAUSED", st.dot());
    top += fmt::format("{}exercise {} of {}{}{}", st.dot(), s.item + 1, g.items().size(), st.dot(), heading);
    d.add(80, top, &Style::dim);
    d.add(10, "");
    d.add(90, item.exercise.name, &Style::bold);
    std::string where = describe_dose(item.dose, st.unicode);
    if (s.kind != SegmentKind::ready) {
        where += fmt::format("{}set {} of {}", st.dot(), s.set, item.dose.sets);
        if (!side_text(s).empty()) where += fmt::format("{}{}", st.dot(), side_text(s));
    }
    d.add(60, where);
    d.add(10, "");
}

// What to do now, and a bar for the time the step takes.
void add_now(Draft& d, const Guide& g) {
    const Style& st = d.st;
    // When narrow, the count first so that it stays.
    std::string now = "  " + doing(g, st);
    if (display_width(now) > d.w) {
        now = now.substr(2);
        if (const auto dot = now.rfind(st.dot()); dot != std::string::npos)
            now = now.substr(dot + st.dot().size()) + " " + now.substr(0, dot);
    }
    d.add(100, now, &Style::bold);
    const Segment& s = *g.current();
    const std::size_t bar = d.w > 8 ? d.w - 4 : 4;
    const std::int64_t total = s.seconds * std::int64_t{1000};
    const auto done = std::min<std::int64_t>(total, g.elapsed_in_segment_ms());
    const std::size_t filled = total > 0 ? static_cast<std::size_t>(done * static_cast<std::int64_t>(bar) / total) : 0;
    std::string b = "  ";
    for (std::size_t i = 0; i < bar; ++i) b += i < filled ? (st.unicode ? "█" : "#") : (st.unicode ? "░" : ".");
    d.lines.push_back({50, b});
    d.add(10, "");
}

// The exercise's numbered steps, each a group of wrapped lines, then its cue.
void add_steps(Draft& d, const Exercise& e) {
    int n = 0;
    for (const auto& step : e.steps) {
        const std::string number = fmt::format("{:>2}. ", ++n);
        bool first = true;
        for (const auto& line : wrap(step, d.w > 10 ? d.w - 4 : 6)) {
            d.lines.push_back({20, clip((first ? number : std::string(4, ' ')) + line, d.w), n});
            first = false;
        }
    }
    if (!e.cue().empty())
        for (const auto& line : wrap(std::string("Cue: ") + std::string(e.cue()), d.w)) d.add(30, line);
}

// The foot of the screen: the note, what comes next, the keys.
void add_foot(Draft& d, const Guide& g, const std::string& note) {
    const Style& st = d.st;
    const std::size_t foot = d.lines.size();
    if (!note.empty()) d.add(75, note);
    const std::size_t next = g.current()->item + 1;
    d.add(40, next < g.items().size() ? fmt::format("Next up: {}{}{}", g.items()[next].exercise.name, st.dot(),
                                                    describe_dose(g.items()[next].dose, st.unicode))
                                      : std::string("Last exercise"));
    const std::string keys = fmt::format("space pause{}n next{}s skip{}b back{}q quit", st.dot(), st.dot(), st.dot(), st.dot());
    d.add(70, display_width(keys) <= d.w ? keys : "keys: space n s b q", &Style::dim);
    for (std::size_t i = foot; i < d.lines.size(); ++i) d.lines[i].bottom = true;
}

// Drops the lowest ranks (a step with all its lines, the last step first)
// until the lines fit the height.
void fit(std::vector<Line>& lines, std::size_t height) {
    while (lines.size() > height) {
        auto lowest = std::min_element(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.rank < b.rank; });
        const int group = lowest->group;
        if (group >= 0) {
            int last = group;
            for (const auto& l : lines) last = std::max(last, l.group);
            std::erase_if(lines, [&](const Line& l) { return l.group == last; });
        } else {
            lines.erase(lowest);
        }
    }
}

// The texts, with blank lines above the foot to the height.
std::vector<std::string> fill(const std::vector<Line>& lines, std::size_t height) {
    std::vector<std::string> shown;
    shown.reserve(std::max(lines.size(), height));
    for (const auto& l : lines) shown.push_back(l.text);
    const auto tail = std::count_if(lines.begin(), lines.end(), [](const Line& l) { return l.bottom; });
    while (shown.size() < height) shown.insert(shown.end() - tail, "");
    return shown;
}

}  // namespace

std::string clock_text(std::int64_t ms) {
    const std::int64_t s = ms / 1000;
    return fmt::format("{:02}:{:02}", s / 60, s % 60);
}

std::string doing(const Guide& g, const Style& st) {
    const Segment& s = *g.current();
    const Dose& d = g.items()[s.item].dose;
    const int left = g.remaining_seconds();
    switch (s.kind) {
        case SegmentKind::ready: return fmt::format("Get into position{}{}", st.dot(), left);
        case SegmentKind::switch_side: return fmt::format("Switch sides{}{}", st.dot(), left);
        case SegmentKind::rest: return fmt::format("Rest before set {} of {}{}{}", s.set, d.sets, st.dot(), left);
        case SegmentKind::hold: return fmt::format("Hold{}{}", st.dot(), left);
        case SegmentKind::rep: {
            const std::int64_t moving_ms = d.tempo * std::int64_t{1000};
            if (d.hold > 0 && g.elapsed_in_segment_ms() >= moving_ms)
                return fmt::format("Rep {} of {}{}hold {}", s.rep, d.reps, st.dot(), left);
            return fmt::format("Rep {} of {}{}move", s.rep, d.reps, st.dot());
        }
    }
    return "";
}

std::string plain_line(const Guide& g, const Style& st) {
    const Segment& s = *g.current();
    const RoutineItem& item = g.items()[s.item];
    const Dose& d = item.dose;
    const std::string side = side_text(s).empty() ? "" : ", " + side_text(s);
    switch (s.kind) {
        case SegmentKind::ready:
            return fmt::format("{} ({} of {}): {}", item.exercise.name, s.item + 1, g.items().size(),
                               describe_dose(d, st.unicode));
        case SegmentKind::switch_side: return fmt::format("switch sides ({} s)", s.seconds);
        case SegmentKind::rest: return fmt::format("rest {} s before set {} of {}", s.seconds, s.set, d.sets);
        case SegmentKind::hold: return fmt::format("set {} of {}{}: hold {} s", s.set, d.sets, side, s.seconds);
        case SegmentKind::rep:
            return fmt::format("set {} of {}{}: rep {} of {}{}", s.set, d.sets, side, s.rep, d.reps,
                               d.hold > 0 ? fmt::format(", hold {} s", d.hold) : "");
    }
    return "";
}

std::vector<std::string> guide_screen(const Guide& g, const Style& st, const std::string& heading, const std::string& note,
                                      std::size_t width, std::size_t height) {
    Draft d{st, std::max<std::size_t>(width, 10), {}};
    add_head(d, g, heading);
    add_now(d, g);
    add_steps(d, g.items()[g.current()->item].exercise);
    add_foot(d, g, note);
    fit(d.lines, height);
    return fill(d.lines, height);
}

}  // namespace backcare
