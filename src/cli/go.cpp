// backcare go: a routine run at the terminal, paced second by second, then logged.
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "errors.hpp"
#include "files.hpp"
#include "guide.hpp"
#include "plan_options.hpp"
#include "progression.hpp"
#include "remembered_plan.hpp"
#include "routines.hpp"
#include "session_json.hpp"
#include "session_text.hpp"
#include "text.hpp"

namespace backcare::cli {
namespace {

struct GoOptions {
    PlanOptions plan;
    std::optional<std::string> exercises;
    bool last = false;
    bool no_log = false;
    bool yes = false;
    bool quiet_bell = false;
};

// Interrupted by a signal: the terminal is restored and nothing is logged.
struct Stopped : Error {
    explicit Stopped(int signal)
        : Error(static_cast<Exit>(128 + signal),
                fmt::format("stopped by {}; nothing was logged",
                            signal == SIGINT ? "Ctrl-C" : signal == SIGTERM ? "SIGTERM" : "SIGHUP")) {}
};

// Ctrl-C, SIGTERM, SIGHUP and window resizes arrive as readable data on a
// file descriptor (signalfd) instead of interrupting: the terminal is then
// put back by the destructors, whatever ends the routine.
class Signals {
public:
    Signals() {
        sigemptyset(&mask_);
        for (int s : {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP}) sigaddset(&mask_, s);
        if (sigprocmask(SIG_BLOCK, &mask_, &old_) != 0) throw IoError("cannot watch for signals");
        fd_ = signalfd(-1, &mask_, SFD_CLOEXEC | SFD_NONBLOCK);
        if (fd_ < 0) {
            sigprocmask(SIG_SETMASK, &old_, nullptr);
            throw IoError("cannot watch for signals");
        }
    }
    ~Signals() {
        ::close(fd_);
        sigprocmask(SIG_SETMASK, &old_, nullptr);
    }
    Signals(const Signals&) = delete;
    Signals& operator=(const Signals&) = delete;
    int fd() const { return fd_; }
    // The signals that arrived: an end (INT, TERM, HUP) or 0; resized is set
    // on SIGWINCH, suspend on Ctrl-Z (SIGTSTP).
    int take(bool& resized, bool& suspend) const {
        int stop = 0;
        signalfd_siginfo info{};
        while (::read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
            if (info.ssi_signo == SIGWINCH)
                resized = true;
            else if (info.ssi_signo == SIGTSTP)
                suspend = true;
            else if (stop == 0)
                stop = static_cast<int>(info.ssi_signo);
        }
        return stop;
    }

private:
    sigset_t mask_{}, old_{};
    int fd_ = -1;
};

// Keys one at a time without echo while alive; the screen's own buffer when
// drawing full screen. Both are undone on every way out, and while stopped
// by Ctrl-Z.
class Terminal {
public:
    Terminal(bool keys, bool screen, std::ostream& out) : keys_(keys), screen_(screen), out_(out) {
        saved_ok_ = keys_ && tcgetattr(STDIN_FILENO, &saved_) == 0;
        enter();
    }
    ~Terminal() { leave(); }
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;

    void enter() {
        if (entered_) return;
        entered_ = true;
        if (saved_ok_) {
            termios raw = saved_;
            raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
            raw.c_cc[VMIN] = 0;
            raw.c_cc[VTIME] = 0;
            tcsetattr(STDIN_FILENO, TCSANOW, &raw);
        }
        if (screen_) out_ << "\033[?1049h\033[?25l\033[2J" << std::flush;
    }
    void leave() {
        if (!entered_) return;
        entered_ = false;
        if (screen_) out_ << "\033[?25h\033[?1049l" << std::flush;
        if (saved_ok_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
    }

private:
    bool keys_, screen_;
    std::ostream& out_;
    termios saved_{};
    bool saved_ok_ = false;
    bool entered_ = false;
};

std::pair<std::size_t, std::size_t> terminal_size(const Style& st) {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) return {ws.ws_col, ws.ws_row};
    return {st.width, 24};
}

// The fast clock for tests and demonstrations: BACKCARE_TIME_SCALE=20 runs
// a routine twenty times faster than real time.
double time_scale(const Environment& env) {
    const auto text = env("BACKCARE_TIME_SCALE");
    if (!text || text->empty()) return 1.0;
    double scale = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), scale);
    if (ec != std::errc() || end != text->data() + text->size() || !(scale >= 1.0 && scale <= 1000.0))
        throw UsageError(fmt::format("BACKCARE_TIME_SCALE must be a number from 1 to 1000, not '{}'", printable(*text)));
    return scale;
}

std::string clock_text(std::int64_t ms) {
    const std::int64_t s = ms / 1000;
    return fmt::format("{:02}:{:02}", s / 60, s % 60);
}

std::string side_text(const Segment& s) {
    if (s.side == 1) return "first side";
    if (s.side == 2) return "second side";
    return "";
}

// What the person does now, in a few words: "Rep 3 of 10 · hold 4".
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

// One line per step when the output is not a terminal.
std::string plain_line(const Guide& g, const Style& st) {
    const Segment& s = *g.current();
    const RoutineItem& item = g.items()[s.item];
    const Dose& d = item.dose;
    const std::string side = side_text(s).empty() ? "" : ", " + side_text(s);
    std::string what;
    switch (s.kind) {
        case SegmentKind::ready:
            what = fmt::format("{} ({} of {}): {}", item.exercise.name, s.item + 1, g.items().size(),
                               describe_dose(d, st.unicode));
            break;
        case SegmentKind::switch_side: what = fmt::format("switch sides ({} s)", s.seconds); break;
        case SegmentKind::rest: what = fmt::format("rest {} s before set {} of {}", s.seconds, s.set, d.sets); break;
        case SegmentKind::hold: what = fmt::format("set {} of {}{}: hold {} s", s.set, d.sets, side, s.seconds); break;
        case SegmentKind::rep:
            what = fmt::format("set {} of {}{}: rep {} of {}{}", s.set, d.sets, side, s.rep, d.reps,
                               d.hold > 0 ? fmt::format(", hold {} s", d.hold) : "");
            break;
    }
    return what;
}

// Cuts plain text at a width in display columns.
std::string clip(std::string_view text, std::size_t width) {
    std::string out;
    std::size_t cols = 0;
    for (std::size_t i = 0; i < text.size() && cols < width;) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        out.append(text.substr(i, len));
        i += len;
        ++cols;
    }
    return out;
}

// One screen. Each line has a rank: when the window is short, the lowest
// go first (blank lines, then steps whole, the cue, the dose...), so the
// count, the name and the keys stay longest.
void draw(std::ostream& out, const Guide& g, const Style& st, const std::string& heading, const std::string& note,
          std::size_t width, std::size_t height) {
    const std::size_t w = std::max<std::size_t>(width, 10);
    const Segment& s = *g.current();
    const RoutineItem& item = g.items()[s.item];
    const Dose& d = item.dose;
    struct Line {
        int rank;  // higher stays longer
        std::string text;
        int group = -1;       // lines of one step go together
        bool bottom = false;  // kept at the foot of the screen
    };
    std::vector<Line> lines;
    auto add = [&](int rank, const std::string& text, std::string (Style::*look)(std::string_view) const = nullptr) {
        const std::string cut = clip(text, w);
        lines.push_back({rank, look ? (st.*look)(cut) : cut});
    };

    // The time and any pause first, so a narrow window keeps them.
    std::string top = clock_text(g.active_ms());
    if (g.paused()) top += fmt::format("{}PAUSED", st.dot());
    top += fmt::format("{}exercise {} of {}{}{}", st.dot(), s.item + 1, g.items().size(), st.dot(), heading);
    add(80, top, &Style::dim);
    add(10, "");
    add(90, item.exercise.name, &Style::bold);
    std::string where = describe_dose(d, st.unicode);
    if (s.kind != SegmentKind::ready) {
        where += fmt::format("{}set {} of {}", st.dot(), s.set, d.sets);
        if (!side_text(s).empty()) where += fmt::format("{}{}", st.dot(), side_text(s));
    }
    add(60, where);
    add(10, "");
    // What to do now; when narrow, the count first so that it stays.
    std::string now = "  " + doing(g, st);
    if (display_width(now) > w) {
        now = now.substr(2);
        if (const auto dot = now.rfind(st.dot()); dot != std::string::npos)
            now = now.substr(dot + st.dot().size()) + " " + now.substr(0, dot);
    }
    add(100, now, &Style::bold);
    {
        const std::size_t bar = w > 8 ? w - 4 : 4;
        const std::int64_t total = s.seconds * std::int64_t{1000};
        const auto done = std::min<std::int64_t>(total, g.elapsed_in_segment_ms());
        const std::size_t filled = total > 0 ? static_cast<std::size_t>(done * static_cast<std::int64_t>(bar) / total) : 0;
        std::string b = "  ";
        for (std::size_t i = 0; i < bar; ++i) b += i < filled ? (st.unicode ? "█" : "#") : (st.unicode ? "░" : ".");
        lines.push_back({50, b});
    }
    add(10, "");
    int n = 0;
    for (const auto& step : item.exercise.steps) {
        const std::string number = fmt::format("{:>2}. ", ++n);
        bool first = true;
        for (const auto& line : wrap(step, w > 10 ? w - 4 : 6)) {
            lines.push_back({20, clip((first ? number : std::string(4, ' ')) + line, w), n});
            first = false;
        }
    }
    if (!item.exercise.cue().empty())
        for (const auto& line : wrap(std::string("Cue: ") + std::string(item.exercise.cue()), w)) add(30, line);
    const std::size_t foot = lines.size();
    if (!note.empty()) add(75, note);
    const std::size_t next = s.item + 1;
    add(40, next < g.items().size() ? fmt::format("Next up: {}{}{}", g.items()[next].exercise.name, st.dot(),
                                                  describe_dose(g.items()[next].dose, st.unicode))
                                    : std::string("Last exercise"));
    const std::string keys = fmt::format("space pause{}n next{}s skip{}b back{}q quit", st.dot(), st.dot(), st.dot(), st.dot());
    add(70, display_width(keys) <= w ? keys : "keys: space n s b q", &Style::dim);
    for (std::size_t i = foot; i < lines.size(); ++i) lines[i].bottom = true;

    // Drop the lowest ranks (a step with all its lines) until the screen fits.
    while (lines.size() > height) {
        auto lowest = std::min_element(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.rank < b.rank; });
        const int group = lowest->group;
        if (group >= 0) {
            // The last step first, whole.
            int last = group;
            for (const auto& l : lines) last = std::max(last, l.group);
            std::erase_if(lines, [&](const Line& l) { return l.group == last; });
        } else {
            lines.erase(lowest);
        }
    }
    std::vector<std::string> shown;
    for (const auto& l : lines) shown.push_back(l.text);
    // Blank lines above the foot, to the height.
    const auto tail = std::count_if(lines.begin(), lines.end(), [](const Line& l) { return l.bottom; });
    while (shown.size() < height) shown.insert(shown.end() - tail, "");

    std::string frame = "\033[H";
    for (std::size_t i = 0; i < shown.size(); ++i) {
        frame += shown[i];
        frame += "\033[K";
        if (i + 1 < shown.size()) frame += "\r\n";
    }
    out << frame << "\033[J" << std::flush;
}

// A line typed at the terminal (keys echoed, Enter ends it), or nullopt at
// the end of input. Ctrl-C and friends end the command with nothing logged.
std::optional<std::string> read_line(std::ostream& prompt, const Signals& signals) {
    std::string line;
    for (;;) {
        pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {signals.fd(), POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            throw IoError("cannot read from the terminal");
        }
        bool resized = false, suspend = false;
        if (fds[1].revents & POLLIN) {
            if (int stop = signals.take(resized, suspend)) {
                prompt << '\n' << std::flush;  // the message on a line of its own, not after "^C"
                throw Stopped(stop);
            }
            if (suspend) ::kill(::getpid(), SIGSTOP);  // cooked mode already: stop as the shell expects
        }
        if (!(fds[0].revents & (POLLIN | POLLHUP))) continue;
        char c = 0;
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n <= 0) return line.empty() ? std::nullopt : std::optional(line);
        if (c == '\n' || c == '\r') return line;
        line += c;
    }
}

std::optional<int> ask_pain(std::ostream& prompt, const Signals& signals, std::string_view when) {
    for (;;) {
        prompt << fmt::format("Pain {}, 0 to 10 (Enter to skip): ", when) << std::flush;
        const auto line = read_line(prompt, signals);
        if (!line) return std::nullopt;
        const std::string text = split_list(*line).empty() ? "" : split_list(*line).front();
        if (text.empty()) return std::nullopt;
        try {
            return parse_pain(text, "pain");
        } catch (const UsageError&) {
            prompt << "A whole number from 0 (none) to 10 (worst), please.\n";
        }
    }
}

bool ask_yes(std::ostream& prompt, const Signals& signals, std::string_view question) {
    for (;;) {
        prompt << question << " [Y/n] " << std::flush;
        const auto line = read_line(prompt, signals);
        if (!line) return false;
        const std::string answer = lowercase(split_list(*line).empty() ? "" : split_list(*line).front());
        if (answer.empty() || answer == "y" || answer == "yes") return true;
        if (answer == "n" || answer == "no") return false;
        prompt << "Please answer y or n.\n";
    }
}

// The routine to run: the remembered plan, the exercises named, or a fresh plan.
Routine routine_for(const GoOptions& o, Context& ctx, const Catalogue& catalogue) {
    // --level sets the starting dose of --exercises too.
    const bool plan_flags = o.plan.goal || o.plan.minutes || o.plan.equipment || o.plan.place || o.plan.seed ||
                            (o.plan.level && !o.exercises);
    if ((o.last ? 1 : 0) + (o.exercises ? 1 : 0) + (plan_flags ? 1 : 0) > 1)
        throw UsageError("choose one of --last, --exercises, or the plan options (--goal, --minutes, ...)");
    if (o.exercises) {
        Routine r;
        r.request = plan_request(o.plan, ctx);
        r.request.goal = std::nullopt;
        const std::vector<Session> recent = recent_sessions(ctx.journal(), local_date(ctx.now));
        for (const auto& id : split_list(*o.exercises)) {
            const Exercise* e = catalogue.find(id);
            if (!e) {
                std::vector<std::string> ids;
                for (const auto& x : catalogue.exercises()) ids.push_back(x.id);
                const auto near = nearest(id, ids, 1);
                throw UsageError(fmt::format("--exercises: unknown exercise '{}'{}", printable(id),
                                             near.empty() ? "; see 'backcare catalogue list'" : fmt::format("; did you mean '{}'?", near.front())));
            }
            r.items.push_back({*e, progress(*e, catalogue, r.request.level, recent).dose, 0, "", "", false});
        }
        if (r.items.empty()) throw UsageError("--exercises needs exercise ids, e.g. --exercises chin-tuck,open-book");
        return r;
    }
    if (o.last) {
        return remembered_routine(ctx.paths.last_plan_file(), catalogue);
    }
    return plan_for(catalogue, plan_request(o.plan, ctx), ctx.journal(), local_date(ctx.now));
}

int run_go(const GoOptions& o, Context& ctx) {
    if (o.no_log && o.yes) throw UsageError("--no-log and --yes do not go together: --yes answers the questions of logging");
    const double scale = time_scale(ctx.env);
    const Catalogue catalogue = ctx.catalogue();
    const Routine routine = routine_for(o, ctx, catalogue);

    // A terminal that cannot place the cursor gets the lines a script gets.
    const bool screen = ::isatty(STDOUT_FILENO) == 1 && ctx.env("TERM").value_or("") != "dumb";
    const bool keys = ::isatty(STDIN_FILENO) == 1;
    const bool ask = keys && !o.yes;
    std::ostream& prompt = screen ? ctx.out : ctx.err;
    Signals signals;

    Session s;
    s.uuid = ctx.new_uuid();
    s.goal = routine.request.goal;
    s.origin = Origin::guided;
    if (ask && !o.no_log) {
        if (!ctx.quiet) prompt << "Before you start: how is your back?\n";
        s.pain_before = ask_pain(prompt, signals, "now");
    }

    Guide guide(routine.items);
    std::string heading = o.exercises ? std::string("Your own routine") : fmt::format("{} routine", name_of_goal(routine.request.goal));
    heading[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(heading[0])));
    bool quit = false;
    int stop = 0;
    {
        Terminal terminal(keys, screen, ctx.out);
        auto [width, height] = terminal_size(ctx.style);
        std::string note;
        using Clock = std::chrono::steady_clock;
        auto last = Clock::now();
        double carry = 0;  // virtual milliseconds not yet given to the guide
        int shown_seconds = -1;
        std::size_t shown_segment = static_cast<std::size_t>(-1);
        bool redraw = true;
        auto line = [&](const std::string& text, std::int64_t at_ms = -1) {
            ctx.out << fmt::format("[{}] {}\n", clock_text(at_ms >= 0 ? at_ms : guide.active_ms()), text) << std::flush;
        };
        if (!screen)
            line(fmt::format("{}: {} exercise{}", heading, routine.items.size(), routine.items.size() == 1 ? "" : "s"));
        while (!guide.finished()) {
            const std::size_t segment_id = guide.position();
            if (screen && (redraw || shown_seconds != guide.remaining_seconds() || shown_segment != segment_id)) {
                draw(ctx.out, guide, ctx.style, heading, note, width, height);
                shown_seconds = guide.remaining_seconds();
                redraw = false;
            }
            // Stamped with when the step began, however late this wakes.
            if (!screen && shown_segment != segment_id) line(plain_line(guide, ctx.style), guide.segment_start_ms());
            shown_segment = segment_id;

            // Wake at the next tenth of a virtual second: smooth enough for the bar.
            const int wait = guide.paused() ? 1000 : std::max(1, static_cast<int>(100.0 / scale));
            pollfd fds[2] = {{signals.fd(), POLLIN, 0}, {keys ? STDIN_FILENO : -1, POLLIN, 0}};
            if (::poll(fds, 2, wait) < 0 && errno != EINTR) throw IoError("cannot wait for the terminal");
            if (fds[0].revents & POLLIN) {
                bool resized = false, suspend = false;
                stop = signals.take(resized, suspend);
                if (stop) break;
                if (suspend) {
                    // Ctrl-Z: the terminal as it was while stopped; paused when continued.
                    terminal.leave();
                    ::kill(::getpid(), SIGSTOP);
                    terminal.enter();
                    if (!guide.paused()) guide.toggle_pause();
                    note = "Paused: space or Enter to go on.";
                    if (!screen) line("paused");
                    std::tie(width, height) = terminal_size(ctx.style);
                    last = Clock::now();
                    redraw = true;
                }
                if (resized) {
                    std::tie(width, height) = terminal_size(ctx.style);
                    if (screen) ctx.out << "\033[2J";
                    redraw = true;
                }
            }
            if (fds[1].revents & POLLIN) {
                char buffer[64];
                const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
                for (ssize_t i = 0; i < n && !quit; ++i) {
                    const char c = buffer[i];
                    if (c == '\033') break;  // arrow keys and the like: ignored, with the rest of the sequence
                    const std::string name = guide.items()[guide.item_index()].exercise.name;
                    switch (c) {
                        case ' ':
                        case '\n':
                        case '\r':
                            guide.toggle_pause();
                            note = guide.paused() ? "Paused: space or Enter to go on." : "";
                            if (!screen) line(guide.paused() ? "paused" : "resumed");
                            break;
                        case 'n':
                            guide.next();
                            note = fmt::format("{}: done.", name);
                            if (!screen) line(note);
                            break;
                        case 's':
                            guide.skip();
                            note = fmt::format("{}: skipped.", name);
                            if (!screen) line(note);
                            break;
                        case 'b':
                            guide.back();
                            note = guide.finished() ? "" : fmt::format("Back to {}.", guide.items()[guide.item_index()].exercise.name);
                            if (!screen) line(note);
                            break;
                        case 'q': quit = true; break;
                        default: break;
                    }
                    redraw = true;
                    if (guide.finished()) break;
                }
            }
            if (quit) break;
            const auto now = Clock::now();
            carry += std::chrono::duration<double, std::milli>(now - last).count() * scale;
            last = now;
            const auto ms = static_cast<std::int64_t>(carry);
            carry -= static_cast<double>(ms);
            const Guide::Tick tick = guide.advance(ms);
            if (tick.moved && !guide.paused()) note.clear();
            if (tick.hold_ended && !o.quiet_bell && screen) ctx.out << '\a' << std::flush;
        }
    }
    if (stop) throw Stopped(stop);

    s.entries = guide.entries();
    s.duration = static_cast<int>(std::min<std::int64_t>(guide.active_ms() / 1000, 86400));
    const auto done = std::count_if(s.entries.begin(), s.entries.end(), [](const Entry& e) { return e.status == EntryStatus::done; });
    const std::size_t skipped = s.entries.size() - static_cast<std::size_t>(done);
    const std::string summary = fmt::format("{} in {}: {} of {} exercise{} done{}", quit ? "Stopped" : "Finished",
                                            format_seconds(s.duration), done, s.entries.size(),
                                            s.entries.size() == 1 ? "" : "s",
                                            skipped ? fmt::format(", {} {}", skipped, quit ? "skipped or not reached" : "skipped") : "");
    // Flushed before any question, which may go to another stream.
    ctx.out << (screen ? "" : fmt::format("[{}] ", clock_text(guide.active_ms()))) << summary << std::endl;
    if (o.no_log) {
        if (!ctx.quiet) ctx.out << "Not logged (--no-log).\n";
        return 0;
    }
    if (done == 0) {
        if (!ctx.quiet) ctx.out << "Nothing was done, so nothing was logged.\n";
        return 0;
    }
    if (quit && ask && !ask_yes(prompt, signals, "Log what you did?")) {
        if (!ctx.quiet) ctx.out << "Not logged.\n";
        return 0;
    }
    if (ask) {
        s.pain_after = ask_pain(prompt, signals, "now, after");
        prompt << "A note (Enter to skip): " << std::flush;
        s.note = read_line(prompt, signals).value_or("");
        if (s.note.size() > max_note_bytes) s.note.resize(max_note_bytes);
    }
    const Instant start = ctx.now;
    s.started = std::chrono::duration_cast<std::chrono::seconds>(start.time_since_epoch()).count();
    s.utc_offset = utc_offset_at(start);
    check_session(s);
    const AddResult r = [&] {
        try {
            auto journal = Journal::open_for_writing(ctx.paths.database());
            return journal.add({s});
        } catch (const Error&) {
            // The routine is done; keep it for a later `log -` rather than lose it.
            ctx.err << "backcare: this session could not be stored; to log it later, save the next line in a file "
                       "and run 'backcare log - < FILE':\n"
                    << session_json(s, false) << '\n';
            throw;
        }
    }();
    if (!ctx.quiet && !r.added.empty()) {
        ctx.out << "Logged:\n";
        render_session_text(ctx.out, r.added.front(), ctx.style);
    }
    return 0;
}

}  // namespace

std::vector<Command> setup_go(CLI::App& app) {
    auto o = std::make_shared<GoOptions>();
    auto* sub = app.add_subcommand("go", "Be guided through a routine, second by second, then log it");
    add_plan_options(*sub, o->plan);
    sub->add_flag("--last", o->last, "Run the last plan shown by 'backcare plan'");
    sub->add_option("-x,--exercises", o->exercises, "Run these exercises, comma-separated ids, at the doses your log has earned")
        ->type_name("IDS");
    sub->add_flag("--no-log", o->no_log, "Do not log the session, and ask nothing");
    sub->add_flag("-y,--yes", o->yes, "Ask no questions: log what was done, without pain scores or a note");
    sub->add_flag("--quiet-bell", o->quiet_bell, "No terminal bell at the end of each hold");
    return {{sub, [o](Context& ctx) { return run_go(*o, ctx); }}};
}

}  // namespace backcare::cli
