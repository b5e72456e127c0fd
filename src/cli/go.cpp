// SPDX-License-Identifier: MIT
// backcare go: a routine run at the terminal, paced second by second, then logged.
#include <algorithm>
#include <chrono>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "errors.hpp"
#include "guided.hpp"
#include "guided_run.hpp"
#include "pain.hpp"
#include "plan_options.hpp"
#include "safety_render.hpp"
#include "session_text.hpp"
#include "terminal.hpp"
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
    std::optional<std::string> pain_before;
};

// The routine's own clock: real time times the scale, in whole
// milliseconds, the fractions carried to the next look.
class Pace {
public:
    explicit Pace(double scale) : scale_(scale) {}
    // Wake at the next tenth of a virtual second: smooth enough for the bar.
    int wait_ms(bool paused) const { return paused ? 1000 : std::max(1, static_cast<int>(100.0 / scale_)); }
    std::int64_t take() {
        const auto now = Clock::now();
        carry_ += std::chrono::duration<double, std::milli>(now - last_).count() * scale_;
        last_ = now;
        const auto ms = static_cast<std::int64_t>(carry_);
        carry_ -= static_cast<double>(ms);
        return ms;
    }
    // Continued after Ctrl-Z: the time stopped does not count.
    void restart() { last_ = Clock::now(); }

private:
    using Clock = std::chrono::steady_clock;
    double scale_;
    Clock::time_point last_ = Clock::now();
    double carry_ = 0;  // virtual milliseconds not yet given to the run
};

void print(std::ostream& out, const std::string& text) {
    if (!text.empty()) out << text << std::flush;
}

// Feeds the run its keys, signals and time until it ends; the signal that
// ended it (Ctrl-C and friends), or 0.
int feed(GuidedRun& run, const Signals& signals, Terminal& terminal, bool keys, double scale, Context& ctx) {
    Pace pace(scale);
    print(ctx.out, run.start());
    while (!run.finished()) {
        print(ctx.out, run.show());
        const Ready ready = wait_for_input(signals, keys, pace.wait_ms(run.guide().paused()));
        if (ready.signals) {
            const SignalsTaken taken = signals.take();
            if (taken.stop) return taken.stop;
            if (taken.suspend) {
                // The terminal as it was while stopped; paused when continued.
                terminal.suspend();
                const TerminalSize size = terminal_size(ctx.style.width);
                print(ctx.out, run.on_suspend(size.width, size.height));
                pace.restart();
            }
            if (taken.resized) {
                const TerminalSize size = terminal_size(ctx.style.width);
                print(ctx.out, run.on_resize(size.width, size.height));
            }
        }
        if (ready.keys) print(ctx.out, run.on_keys(read_keys()));
        if (run.quit()) break;
        print(ctx.out, run.on_tick(pace.take()));
    }
    return 0;
}

// The run at the terminal, which is put back before Stopped is thrown.
void run_at_terminal(GuidedRun& run, const Signals& signals, bool keys, bool screen, double scale, Context& ctx) {
    int stop = 0;
    {
        Terminal terminal(keys, screen, ctx.out);
        stop = feed(run, signals, terminal, keys, scale, ctx);
    }
    if (stop) throw Stopped(stop);
}

// The questions before and after the routine, typed at the terminal.
struct Questions {
    std::ostream& prompt;
    const Signals& signals;
    std::size_t width = 80;

    std::optional<int> pain(std::string_view when) const {
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

    bool yes(std::string_view question) const {
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

    // Pain before of 7 or more: 'e' eased, 's' shorter, 'n' not today.
    char ease(int pain, std::size_t shorter_count) const {
        for (const auto& line : wrap(fmt::format("Pain {}/10 before you start. Go on with an eased routine (each exercise "
                                                 "at most its lightest level's dose), a shorter one (the first {}, eased), "
                                                 "or not today?",
                                                 pain, shorter_count),
                                     width))
            prompt << line << '\n';
        for (;;) {
            prompt << "[E]ased, [s]horter or [n]ot today: " << std::flush;
            const auto line = read_line(prompt, signals);
            if (!line) return 'n';
            const std::string answer = lowercase(split_list(*line).empty() ? "" : split_list(*line).front());
            if (answer.empty() || answer == "e" || answer == "eased") return 'e';
            if (answer == "s" || answer == "shorter") return 's';
            if (answer == "n" || answer == "not today" || answer == "not") return 'n';
            prompt << "Please answer e, s or n.\n";
        }
    }

    std::string note() const {
        prompt << "A note (Enter to skip): " << std::flush;
        return read_line(prompt, signals).value_or("");
    }
};

// After the run: the session logged, unless there is nothing to log or the
// person says not to; the questions asked when ask.
int log_run(Session s, const GoOptions& o, bool stopped, const Questions* ask, Context& ctx) {
    if (o.no_log) {
        if (!ctx.quiet) ctx.out << "Not logged (--no-log).\n";
        return 0;
    }
    if (exercises_done(s) == 0) {
        if (!ctx.quiet) ctx.out << "Nothing was done, so nothing was logged.\n";
        return 0;
    }
    if (stopped && ask && !ask->yes("Log what you did?")) {
        if (!ctx.quiet) ctx.out << "Not logged.\n";
        return 0;
    }
    if (ask) {
        s.pain_after = ask->pain("now, after");
        s.note = ask->note();
    }
    const AddResult r = store_guided_session(std::move(s), ctx.paths, ctx.journal_options, ctx.err);
    if (!r.added.empty()) ctx.stored(fmt::format("session {}", r.added.front().id));
    if (!ctx.quiet && !r.added.empty()) {
        ctx.out << "Logged:\n";
        render_session_text(ctx.out, r.added.front(), ctx.style);
    }
    // At once, whatever -q says.
    if (!r.added.empty() && painful(r.added.front()))
        render_painful_session(ctx.out, r.added.front().pain_before, r.added.front().pain_after, ctx.style);
    return 0;
}

GuidedChoice choice_of(const GoOptions& o) {
    const bool plan = o.plan.goal || o.plan.minutes || o.plan.equipment || o.plan.place || o.plan.seed || o.plan.include ||
                      o.plan.exclude || o.plan.profile;
    return {o.last, o.exercises, plan, o.plan.level.has_value()};
}

int run_go(const GoOptions& o, Context& ctx) {
    if (o.no_log && o.yes) throw UsageError("--no-log and --yes do not go together: --yes answers the questions of logging");
    const double scale = guided_time_scale(ctx.env);
    const Catalogue catalogue = ctx.catalogue();
    const GuidedChoice choice = choice_of(o);
    Routine routine = guided_routine(choice, {catalogue, [&] { return plan_request(o.plan, ctx); },
                                                    [&] { return ctx.journal(); },
                                                    [&] { return ctx.paths.last_plan_file(); }, local_date(ctx.now)});

    // A terminal that cannot place the cursor gets the lines a script gets.
    const bool screen = output_is_terminal() && ctx.env("TERM").value_or("") != "dumb";
    const bool keys = input_is_terminal();
    const Signals signals;
    const Questions questions{screen ? ctx.out : ctx.err, signals, ctx.style.width};
    const Questions* ask = keys && !o.yes ? &questions : nullptr;
    std::string uuid = ctx.new_uuid();
    if (!ctx.quiet) {
        first_routine_safety(ctx);
        if (routine.pain) render_pain_warning(ctx.out, *routine.pain, ctx.style);
    }
    std::optional<int> pain_before;
    if (o.pain_before) {
        pain_before = parse_pain(*o.pain_before, "--pain-before");
    } else if (ask && !o.no_log) {
        if (!ctx.quiet) questions.prompt << "Before you start: how is your back?\n";
        pain_before = ask->pain("now");
    }
    if (pain_before && *pain_before >= pain_high) {
        const std::size_t half = (routine.items.size() + 1) / 2;
        const char choice = ask ? ask->ease(*pain_before, half) : 'e';
        if (choice == 'n') {
            for (const auto& line : wrap("Not today: rest, and move gently as you can. If the pain does not ease, or any sign "
                                         "in 'backcare safety' applies, see a physiotherapist or doctor. Nothing was logged.",
                                         ctx.style.width))
                ctx.out << line << '\n';
            return 0;
        }
        routine = eased_for_pain(std::move(routine), choice == 's');
        if (!ask && !ctx.quiet)
            for (const auto& line : wrap(fmt::format("Pain {}/10 before you start: the routine is eased (each exercise at "
                                                     "most its lightest level's dose).", *pain_before),
                                         ctx.style.width))
                ctx.out << line << '\n';
    }

    const TerminalSize size = terminal_size(ctx.style.width);
    GuidedRun run(routine.items, ctx.style,
                  {guided_heading(choice, routine), screen, screen && !o.quiet_bell, size.width, size.height});
    run_at_terminal(run, signals, keys, screen, scale, ctx);
    Session s = guided_session(run.guide(), routine.request.goal, std::move(uuid), ctx.now);
    s.pain_before = pain_before;
    // Flushed before any question, which may go to another stream.
    ctx.out << run.finish(guided_summary(s, run.quit())) << std::flush;
    return log_run(std::move(s), o, run.quit(), ask, ctx);
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
    sub->add_option("--pain-before", o->pain_before,
                    "Pain now, 0 to 10, instead of the question; 7 or more eases the routine (asked how, at a terminal)")
        ->type_name("N");
    return {{sub, [o](Context& ctx) { return run_go(*o, ctx); }}};
}

}  // namespace backcare::cli
