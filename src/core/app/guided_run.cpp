// SPDX-License-Identifier: MIT
// A guided routine as it runs (guided_run.hpp).
#include "guided_run.hpp"

#include <fmt/format.h>

#include "guide_screen.hpp"
#include "text.hpp"

namespace backcare {
namespace {

constexpr std::string_view paused_note = "Paused: space or Enter to go on.";

std::optional<SkipReason> reason_for_key(char c) {
    for (SkipReason r : all_skip_reasons)
        if (name_of(r).front() == c) return r;
    return std::nullopt;
}

}  // namespace

GuidedRun::GuidedRun(std::vector<RoutineItem> items, const Style& style, Options o)
    : guide_(std::move(items)), style_(style), o_(std::move(o)) {}

std::string GuidedRun::line(std::string_view text, std::int64_t at_ms) const {
    return fmt::format("[{}] {}\n", clock_text(at_ms >= 0 ? at_ms : guide_.active_ms()), text);
}

// The screen's lines drawn over the last frame from the top left: each line
// cleared to its end, and everything below the last.
std::string GuidedRun::frame() const {
    const std::vector<std::string> shown =
        guide_screen(guide_, style_, o_.heading, note_, o_.width, o_.height);
    std::string out = "\033[H";
    for (std::size_t i = 0; i < shown.size(); ++i) {
        out += shown[i];
        out += "\033[K";
        if (i + 1 < shown.size()) out += "\r\n";
    }
    return out + "\033[J";
}

std::string GuidedRun::start() const {
    if (o_.screen) return "";
    const std::size_t n = guide_.items().size();
    return line(fmt::format("{}: {} exercise{}", o_.heading, n, plural_suffix(n)));
}

std::string GuidedRun::show() {
    if (guide_.finished()) return "";
    const std::size_t segment = guide_.position();
    std::string out;
    if (o_.screen && (redraw_ || shown_seconds_ != guide_.remaining_seconds() || shown_segment_ != segment)) {
        out = frame();
        shown_seconds_ = guide_.remaining_seconds();
        redraw_ = false;
    }
    // Stamped with when the step began, however late this is asked.
    if (!o_.screen && shown_segment_ != segment) out += line(plain_line(guide_, style_), guide_.segment_start_ms());
    shown_segment_ = segment;
    return out;
}

std::string GuidedRun::answer_skip(char c) {
    asking_ = false;
    const std::string name = guide_.items()[guide_.item_index()].exercise.name;
    const auto reason = reason_for_key(c);
    if (resume_after_ && guide_.paused()) guide_.toggle_pause();
    resume_after_ = false;
    guide_.skip(reason);
    note_ = reason ? fmt::format("{}: skipped ({}).", name, name_of(*reason)) : fmt::format("{}: skipped.", name);
    redraw_ = true;
    std::string out = o_.screen ? "" : line(note_);
    // Not an answer: skipped without a reason, and the key does what it does.
    if (!reason && c != '\n' && c != '\r' && c != ' ') out += on_key(c);
    return out;
}

std::string GuidedRun::on_key(char c) {
    if (guide_.finished() || quit_) return "";
    if (asking_) return answer_skip(c);
    const std::string name = guide_.items()[guide_.item_index()].exercise.name;
    bool say = true;  // the note, as a line without a screen
    switch (c) {
        case ' ':
        case '\n':
        case '\r':
            guide_.toggle_pause();
            note_ = guide_.paused() ? std::string(paused_note) : "";
            redraw_ = true;
            return o_.screen ? "" : line(guide_.paused() ? "paused" : "resumed");
        case 'n':
            guide_.next();
            note_ = fmt::format("{}: done.", name);
            break;
        case 's':
            // Done already (then gone back to): it stays done, and there is nothing to ask.
            if (guide_.state(guide_.item_index()) == ItemState::done) {
                guide_.skip();
                note_ = fmt::format("{}: skipped.", name);
                break;
            }
            asking_ = true;
            resume_after_ = !guide_.paused();
            if (resume_after_) guide_.toggle_pause();
            note_ = fmt::format("Skip {}: why? h hurt, t time, k kit, o other, Enter no reason.", name);
            break;
        case 'b':
            guide_.back();
            note_ = guide_.finished() ? "" : fmt::format("Back to {}.", guide_.items()[guide_.item_index()].exercise.name);
            break;
        case 'q': quit_ = true; say = false; break;
        default: say = false; break;
    }
    redraw_ = true;
    return say && !o_.screen ? line(note_) : "";
}

std::string GuidedRun::on_keys(std::string_view keys) {
    std::string out;
    for (std::size_t i = 0; i < keys.size() && !quit_; ++i) {
        if (keys[i] == '\033') break;  // arrow keys and the like: ignored, with the rest of the sequence
        out += on_key(keys[i]);
        if (guide_.finished()) break;
    }
    return out;
}

std::string GuidedRun::on_tick(std::int64_t ms) {
    const Guide::Tick tick = guide_.advance(ms);
    if (tick.moved && !guide_.paused()) note_.clear();
    return tick.hold_ended && o_.bell ? "\a" : "";
}

std::string GuidedRun::on_suspend(std::size_t width, std::size_t height) {
    // A skip not answered yet is not made: the exercise waits, paused.
    asking_ = false;
    resume_after_ = false;
    if (!guide_.paused()) guide_.toggle_pause();
    note_ = paused_note;
    o_.width = width;
    o_.height = height;
    redraw_ = true;
    return o_.screen ? "" : line("paused");
}

std::string GuidedRun::on_resize(std::size_t width, std::size_t height) {
    o_.width = width;
    o_.height = height;
    redraw_ = true;
    return o_.screen ? "\033[2J" : "";
}

std::string GuidedRun::finish(std::string_view summary) const {
    return o_.screen ? fmt::format("{}\n", summary) : line(summary);
}

}  // namespace backcare
