// SPDX-License-Identifier: MIT
// Output of `backcare stats`: text for people, JSON and CSV for scripts.
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "dose.hpp"
#include "pain_json.hpp"
#include "safety_render.hpp"
#include "stats_render.hpp"
#include "text.hpp"

namespace backcare {
namespace {

using namespace std::chrono;
using Json = nlohmann::ordered_json;

long long minutes(long long seconds) { return (seconds + 30) / 60; }

// Every number shown is rounded by the one rule (round_scaled in stats.hpp).
std::string one_decimal(const Fraction& v) { return format_decimal(v, 1); }

std::string percent(const Fraction& v) { return format_decimal(v, 0) + "%"; }

std::string change(const Fraction& early, const Fraction& late) {
    const Fraction d = late - early;
    if (round_scaled(d, 1) == 0) return "no change";
    const std::string s = format_decimal(d, 1);
    return s[0] == '-' ? s : "+" + s;
}

// "Monday"
std::string_view day_name(Date d) {
    static constexpr std::string_view names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    return names[weekday{d}.c_encoding()];
}

// "Mon", from weekday_name's "mon".
std::string short_day(int day) {
    std::string s(weekday_name(day));
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// The days of a weekday_mask from the first day of the week: "Mon–Fri", "Mon, Wed, Fri"; runs of three or more as a range.
std::string days_text(unsigned mask, int week_start, bool unicode) {
    std::vector<std::string> parts;
    for (int i = 0; i < 7;) {
        const int day = (week_start + i) % 7;
        if (!((mask >> day) & 1u)) {
            ++i;
            continue;
        }
        int j = i;
        while (j + 1 < 7 && ((mask >> ((week_start + j + 1) % 7)) & 1u)) ++j;
        if (j - i >= 2) {
            parts.push_back(fmt::format("{}{}{}", short_day(day), unicode ? "–" : "-", short_day((week_start + j) % 7)));
        } else {
            for (int k = i; k <= j; ++k) parts.push_back(short_day((week_start + k) % 7));
        }
        i = j + 1;
    }
    return join(parts, ", ");
}

// Whole days in [from, to].
long long day_count(Date from, Date to) { return (to - from).count() + 1; }

std::string period_words(const Stats& st) {
    if (st.from == period_start(st.from, Period::week, st.week_start))
        return plural(st.weeks.size(), "week");
    const long long n = day_count(st.from, st.to);
    if (n % 7 == 0) return plural(n / 7, "week");
    return plural(n, "day");
}

std::string_view goal_label(const PlanGoal& g) { return g ? name_of(*g) : std::string_view("balanced"); }

// The exercise's usual measure: reps per set when it has reps, hold seconds otherwise.
struct Progress {
    std::string unit;  // "reps" or "s"
    std::optional<Fraction> early, late;
};
Progress progress_of(const ExerciseTotals& t) {
    const bool reps = t.reps > 0;
    return reps ? Progress{"reps", t.early_reps, t.late_reps} : Progress{"s", t.early_hold, t.late_hold};
}

std::string progress_text(const ExerciseTotals& t, const Style& style) {
    const auto p = progress_of(t);
    if (!p.early || !p.late) return "-";
    auto num = [](const Fraction& v) {
        std::string s = one_decimal(v);
        if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
        return s;
    };
    return fmt::format("{} {} {} {}", num(*p.early), style.unicode ? "→" : "->", num(*p.late), p.unit);
}

std::string held_text(long long seconds) {
    if (seconds == 0) return "-";
    if (seconds < 60) return fmt::format("{} s", seconds);
    if (seconds < 3600) return fmt::format("{} min", minutes(seconds));
    return format_decimal(Fraction{seconds, 3600}, 1) + " h";
}

std::string hours_minutes(long long seconds) {
    const long long m = minutes(seconds);
    if (m < 60) return fmt::format("{} min", m);
    return fmt::format("{} h {} min", m / 60, m % 60);
}

// A label (styled as given) then text wrapped to the width, continuation lines indented to the text.
void write_labeled(std::ostream& out, std::string_view label, std::size_t label_width, std::string_view text, std::size_t width) {
    const std::string indent(label_width, ' ');
    bool first = true;
    for (const auto& line : wrap(text, width > label_width + 20 ? width - label_width : 20)) {
        out << (first ? std::string(label) : indent) << line << '\n';
        first = false;
    }
}

void render_heatmap(std::ostream& out, const Stats& st, const Style& style) {
    const bool blocks = style.unicode && style.color;
    static constexpr std::string_view unicode_shades[] = {"·", "░", "▒", "▓", "█"};
    static constexpr std::string_view ascii_shades[] = {".", "-", "+", "*", "#"};
    auto shade = [&](int level) {
        const std::string_view s = blocks ? unicode_shades[level] : ascii_shades[level];
        return level == 0 ? style.dim(s) : style.green(s);
    };
    out << style.bold("Last 12 weeks") << ", minutes a day\n"
        << fmt::format("     {} none  {} under 5  {} 5-9  {} 10-19  {} 20+\n", shade(0), shade(1), shade(2), shade(3), shade(4));
    // Month names over the week where each month begins.
    std::string months_row(5, ' ');
    for (int w = 0; w < heatmap_weeks; ++w) {
        const Date first = st.heat_from + days{7 * w};
        const year_month_day a{first}, b{first + days{6}};
        const bool begins = w == 0 || a.day() == day{1} || a.month() != b.month();
        if (begins && months_row.size() <= 5u + 2u * static_cast<unsigned>(w)) {
            static constexpr std::string_view names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
            const auto m = w == 0 || a.day() == day{1} ? a.month() : b.month();
            months_row.resize(5u + 2u * static_cast<unsigned>(w), ' ');
            months_row += names[static_cast<unsigned>(m) - 1];
            months_row += ' ';
        }
    }
    while (!months_row.empty() && months_row.back() == ' ') months_row.pop_back();
    out << months_row << '\n';
    for (int row = 0; row < 7; ++row) {
        std::string line = short_day((st.week_start + row) % 7) + "  ";
        for (int w = 0; w < heatmap_weeks; ++w) {
            const auto i = std::size_t{7} * static_cast<std::size_t>(w) + static_cast<std::size_t>(row);
            const Date d = st.heat_from + days{static_cast<int>(i)};
            if (d > st.today) break;
            line += shade(heat_level(st.heat_seconds[i]));
            if (w + 1 < heatmap_weeks) line += ' ';
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    }
}

void render_period_table(std::ostream& out, const Stats& st, const Style& style) {
    const bool weeks = st.by == Period::week;
    // Weeks show their share of the target (Stats::weeks are the periods then).
    const bool shares = weeks && st.adherence.target > 0 && st.adherence.weeks.size() == st.periods.size();
    const std::string_view title = st.by == Period::day ? "Day" : weeks ? "Week of" : "Month";
    out << style.bold(shares ? fmt::format("{:<12}{:<22}{:>5}{:>9}{:>12}", title, "Sessions", "Share", "Minutes", "Pain after")
                             : fmt::format("{:<12}{:<22}{:>8}{:>12}", title, "Sessions", "Minutes", "Pain after"))
        << '\n';
    const auto current = period_start(st.today, st.by, st.week_start);
    for (auto p = st.periods.rbegin(); p != st.periods.rend(); ++p) {
        const auto& t = p->totals;
        std::string label = format_date(p->start);
        if (st.by == Period::month) label = label.substr(0, 7);
        std::string sessions;
        if (weeks) {
            const int target = st.weekly_target;
            const int filled = std::min(t.sessions, target);
            std::string bar;
            for (int i = 0; i < target && target <= 10; ++i) bar += i < filled ? (style.unicode ? "■" : "#") : (style.unicode ? "□" : ".");
            const bool met = t.sessions >= target;
            const bool so_far = !met && period_start(p->start, Period::week, st.week_start) == current;
            sessions = fmt::format("{}{} of {}{}", bar.empty() ? "" : bar + " ", t.sessions, target,
                                   met ? (style.unicode ? " ✓" : " ok") : so_far ? " so far" : "");
            sessions = pad(sessions, 22);
            if (met) sessions = style.green(sessions);
        } else {
            sessions = fmt::format("{:<22}", t.sessions);
        }
        const auto pain = ratio(t.pain_after_sum, t.pain_after_n);
        if (shares) {
            const auto& share = st.adherence.weeks[static_cast<std::size_t>(st.periods.rend() - p - 1)].share;
            // Weeks before the log's first are not measured against the target.
            const bool before_first = !st.adherence.first_week || p->start < *st.adherence.first_week;
            sessions += fmt::format("{:>5}", share && !before_first ? percent(*share) : "-");
        }
        out << fmt::format("{:<12}{}{:>{}}{:>12}\n", label, sessions, minutes(t.seconds), shares ? 9 : 8,
                           pain ? one_decimal(*pain) : "-");
    }
}

std::string sparkline(const std::vector<std::optional<Fraction>>& values, const Style& style, std::size_t room) {
    static constexpr std::string_view bars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    std::string out;
    const std::size_t first = values.size() > room ? values.size() - room : 0;
    for (std::size_t i = first; i < values.size(); ++i) {
        const auto& v = values[i];
        if (!v) {
            out += style.unicode ? "·" : ".";
        } else if (style.unicode) {
            out += bars[std::min(7, static_cast<int>(round_scaled(Fraction{v->num * 7, v->den * 10}, 0)))];
        } else {
            const long long r = round_scaled(*v, 0);
            out += r >= 10 ? 'X' : static_cast<char>('0' + r);
        }
    }
    return out;
}

void render_pain(std::ostream& out, const Stats& st, const Style& style) {
    const auto& p = st.pain;
    if (!p.before && !p.after) return;
    out << '\n' << style.bold("Pain") << " (0 none to 10 worst)\n";
    auto line = [&](std::string_view what, const std::optional<Fraction>& avg, int n, const std::optional<Fraction>& early,
                    const std::optional<Fraction>& late) {
        if (!avg) return;
        std::string s = fmt::format("{} on average ({})", one_decimal(*avg), plural(n, "score"));
        if (early && late)
            s += fmt::format("; {} in the first half of the period, {} in the second ({})", one_decimal(*early),
                             one_decimal(*late), change(*early, *late));
        write_labeled(out, fmt::format("  {:<10}", what), 12, s, style.width);
    };
    line("before", p.before, p.before_n, p.early_before, p.late_before);
    line("after", p.after, p.after_n, p.early_after, p.late_after);
    const std::size_t room = style.width > 12 + 10 ? style.width - 12 : 10;
    const std::string legend = style.unicode ? "weekly average after, oldest first: ▁ 0 … █ 10, · none"
                                             : "weekly average after, oldest first: 0-9, X 10, . none";
    out << fmt::format("  {:<10}{}\n", "trend", sparkline(st.weekly_pain_after, style, room));
    write_labeled(out, std::string(12, ' '), 12, legend, style.width);
}

void render_goals(std::ostream& out, const Stats& st, const Style& style) {
    if (st.totals.sessions == 0) return;
    out << '\n' << style.bold(fmt::format("{:<14}{:>14}{:>10}", "Goal", "Sessions", "Minutes")) << '\n';
    for (const auto& g : st.goals) {
        if (g.sessions == 0) continue;
        const long long share = round_scaled(Fraction{100LL * g.sessions, st.totals.sessions}, 0);
        out << fmt::format("{:<14}{:>8} {:>4}%{:>10}\n", goal_label(g.goal), g.sessions, share, minutes(g.seconds));
    }
}

// A name cut to the width, with an ellipsis where it was cut.
std::string fit_name(std::string_view raw, std::size_t width, const Style& style) {
    std::string name = printable(raw);
    if (display_width(name) > width) name = clip(name, width - 1) + (style.unicode ? "…" : "~");
    return pad(name, width);
}

void render_exercises(std::ostream& out, const Stats& st, const Style& style) {
    if (st.exercises.empty()) return;
    std::size_t name_width = 8;
    for (const auto& e : st.exercises) name_width = std::max(name_width, display_width(printable(e.name)));
    // Done, reps, held and last done take 37 columns, progress up to 16 more;
    // on a narrow terminal progress goes on a line of its own.
    const bool progress_below = style.width < 37 + 16 + 16;
    const std::size_t rest = progress_below ? 37 : 37 + 16;
    name_width = std::min(name_width, style.width > rest + 12 ? style.width - rest : 12);
    out << '\n'
        << style.bold(fmt::format("{} {:>5} {:>7} {:>8}  {:<11}{}", pad("Exercise", name_width), "Done", "Reps", "Held",
                                  "Last done", progress_below ? "" : " Progress"))
        << '\n';
    for (const auto& e : st.exercises) {
        const std::string progress = progress_text(e, style);
        out << fmt::format("{} {:>5} {:>7} {:>8}  {}", fit_name(e.name, name_width, style), e.times, e.reps ? std::to_string(e.reps) : "-",
                           held_text(e.hold), format_date(e.last));
        if (!progress_below)
            out << "  " << progress;
        else if (progress != "-")
            out << "\n  progress " << progress;
        out << '\n';
    }
}

// "8 of 11 weeks met the target of 5 sessions; 73% of the target on average, ..."
std::string weeks_adherence_text(const Stats& st) {
    const auto& a = st.adherence;
    if (a.target == 0) return "no weekly target is set";
    std::vector<std::string> parts;
    const auto current = period_start(st.today, Period::week, st.week_start);
    if (a.weeks_counted == 0 && a.first_week == current && !a.weeks.empty() && a.weeks.back().start >= current)
        return fmt::format("first week: {} of {} so far", a.weeks.back().sessions, plural(a.target, "session"));
    if (a.weeks_counted == 0)
        parts.push_back("no week to count yet");
    else
        parts.push_back(fmt::format("{} of {} met the target of {}; {} of the target on average, each week counted up to 100%",
                                    a.weeks_met, plural(a.weeks_counted, "week"),
                                    plural(a.target, "session"), percent(*a.average_share)));
    bool this_week = false, cut = false;
    for (const auto& w : a.weeks)
        if (w.logged && !w.counted) (period_start(w.start, Period::week, st.week_start) == current ? this_week : cut) = true;
    if (this_week) parts.push_back("this week counts once it is met");
    if (cut) parts.push_back("a week cut short by --since or --until counts only once it is met");
    return join(parts, "; ");
}

// "20 at full dose, 5 reduced, 6 skipped: 65% at full dose; 118 logged without a plan"
std::string doses_text(const DoseCounts& d) {
    if (d.full + d.reduced + d.skipped == 0)
        return fmt::format("{} logged without a plan, so none to compare ('backcare log --plan' keeps the plan's dose)",
                           plural(d.unplanned, "exercise"));
    std::string s = fmt::format("{} at full dose, {} reduced, {} skipped: {} at full dose", d.full, d.reduced, d.skipped,
                                percent(*d.full_share()));
    if (d.excused) s += fmt::format("; {} skipped for time or kit, not counted", d.excused);
    if (d.unplanned) s += fmt::format("; {} logged without a plan", d.unplanned);
    return s;
}

void render_adherence(std::ostream& out, const Stats& st, const Style& style) {
    if (st.totals.sessions == 0) return;
    const auto& a = st.adherence;
    out << '\n' << style.bold("Adherence") << '\n';
    write_labeled(out, "  Weeks     ", 12, weeks_adherence_text(st), style.width);
    if (a.doses.entries() > 0) write_labeled(out, "  Doses     ", 12, doses_text(a.doses), style.width);
    if (a.doses.full + a.doses.reduced + a.doses.skipped == 0) return;
    // The counts take 42 columns.
    std::size_t name_width = 8;
    for (const auto& e : a.exercises) name_width = std::max(name_width, display_width(printable(e.name)));
    name_width = std::min(name_width, style.width > 42 + 12 ? style.width - 42 : 12);
    out << '\n'
        << style.bold(fmt::format("{} {:>5} {:>7} {:>7} {:>9} {:>9}", pad("Exercise", name_width), "Full", "Reduced", "Skipped",
                                  "Unplanned", "Full dose"))
        << '\n';
    for (const auto& e : a.exercises) {
        const auto share = e.doses.full_share();
        out << fmt::format("{} {:>5} {:>7} {:>7} {:>9} {:>9}\n", fit_name(e.name, name_width, style), e.doses.full,
                           e.doses.reduced, e.doses.skipped, e.doses.unplanned, share ? percent(*share) : "-");
    }
}

void render_history(std::ostream& out, const Stats& st, const Style& style) {
    out << '\n' << style.bold(fmt::format("{:<27}{}", "When", "Dose")) << '\n';
    for (const auto& t : st.history) {
        Dose d;
        d.sets = t.sets;
        d.reps = t.reps;
        d.hold = t.hold;
        d.per_side = t.side == Side::each;
        d.load = t.load;
        std::string dose = describe_dose(d, style.unicode);
        if (t.side == Side::left || t.side == Side::right) dose += fmt::format(", {}", name_of(t.side));
        std::string when = t.started.substr(0, 16);
        if (when.size() > 10) when[10] = ' ';
        out << fmt::format("{:<27}{}{}\n", when, printable(dose),
                           t.status == EntryStatus::done ? "" : style.yellow(" (skipped)"));
    }
}

}  // namespace

namespace {

// The warnings first, then what the summary covers.
void render_heading(std::ostream& out, const Stats& st, const Style& style) {
    // The same words as plan and go give it (pain_warning_message).
    if (st.pain_warning) render_pain_warning(out, *st.pain_warning, style);
    std::string scope;
    if (st.filter.goal) scope += fmt::format(", goal {}", goal_label(*st.filter.goal));
    std::string heading = fmt::format("{} to {} ({}{})", format_date(st.from), format_date(st.to), period_words(st), scope);
    if (st.filter.exercise) {
        const std::string name = printable(st.exercises.empty() ? *st.filter.exercise : st.exercises.front().name);
        heading = fmt::format("{} ({}): {}", name, printable(*st.filter.exercise), heading);
    }
    out << style.bold(heading) << '\n';

}

// Sessions, this week against the target, the streaks.
void render_summary(std::ostream& out, const Stats& st, const Style& style) {
    const auto& t = st.totals;
    if (t.sessions == 0) {
        out << fmt::format("No sessions in this period ({} in the whole log; try --since all).\n",
                           plural(st.logged, "session"));
    } else {
        std::string line = fmt::format("{} on {}{}{}", t.sessions, plural(st.active_days, "day"), style.dot(),
                                       hours_minutes(t.seconds));
        if (st.filter.exercise) line += " on it, estimated from its doses";
        if (!st.filter.exercise) line += fmt::format("{}{} done", style.dot(), plural(t.done, "exercise"));
        if (t.skipped && !st.filter.exercise) line += fmt::format(", {} skipped", t.skipped);
        write_labeled(out, "  Sessions  ", 12, line, style.width);
    }
    if (!st.weeks.empty() && !st.filter.exercise) {
        const auto& w = st.weeks.back();
        const bool this_week = period_start(st.to, Period::week, st.week_start) == period_start(st.today, Period::week, st.week_start);
        out << fmt::format("  {:<10}{} of {} sessions{}{} min{}\n", this_week ? "This week" : "Last week", w.totals.sessions,
                           st.weekly_target, style.dot(), minutes(w.totals.seconds),
                           !this_week                                ? fmt::format(" (week of {})", format_date(w.start))
                           : w.totals.sessions < st.weekly_target ? " so far"
                                                                    : "");
    }
    const auto& s = st.streaks;
    std::string streak = s.current ? plural(s.current, "day") : "none";
    if (s.current && s.pending && s.next_day && st.to == st.today)
        streak += *s.next_day == st.today ? " (log today to keep it)" : fmt::format(" (next active day {})", day_name(*s.next_day));
    if (s.longest) {
        streak += fmt::format("; longest {}", plural(s.longest, "day"));
        if (s.longest > 1) streak += fmt::format(", {} to {}", format_date(*s.longest_from), format_date(*s.longest_to));
        else streak += fmt::format(", {}", format_date(*s.longest_from));
    }
    if (st.streak_days != every_day) streak += fmt::format("; counts {}", days_text(st.streak_days, st.week_start, style.unicode));
    write_labeled(out, "  Streak    ", 12, streak, style.width);

}

// With --exercise: that exercise's totals, doses, entries and pain.
void render_exercise_focus(std::ostream& out, const Stats& st, const Style& style) {
    if (!st.exercises.empty()) {
        const auto& e = st.exercises.front();
        const std::string skipped = st.totals.skipped ? fmt::format(" (skipped {})", st.totals.skipped) : "";
        out << fmt::format("  {:<10}{}{}{}reps {}{}held {}{}last {}\n", "Done", plural(e.times, "time"), skipped,
                           style.dot(), e.reps ? std::to_string(e.reps) : "-", style.dot(), held_text(e.hold), style.dot(),
                           format_date(e.last));
        write_labeled(out, "  Progress  ", 12,
                      fmt::format("{} (average per set, first half of the period against the second)", progress_text(e, style)),
                      style.width);
    }
    if (st.adherence.doses.entries() > 0) write_labeled(out, "  Doses     ", 12, doses_text(st.adherence.doses), style.width);
    if (!st.history.empty()) render_history(out, st, style);
    render_pain(out, st, style);
}

}  // namespace

void render_stats_text(std::ostream& out, const Stats& st, const Style& style, bool quiet) {
    if (st.logged == 0) {
        if (!quiet)
            out << "No sessions logged yet. Log your first one with 'backcare log cat-cow:10 chin-tuck:10', "
                   "or run 'backcare plan' and then 'backcare log --plan'.\n";
        return;
    }
    render_heading(out, st, style);
    render_summary(out, st, style);
    if (st.filter.exercise) {
        render_exercise_focus(out, st, style);
        return;
    }
    out << '\n';
    render_period_table(out, st, style);
    out << '\n';
    render_heatmap(out, st, style);
    render_goals(out, st, style);
    render_exercises(out, st, style);
    render_adherence(out, st, style);
    render_pain(out, st, style);
}

namespace {

// Two decimals, by the one rule.
Json optional_number(const std::optional<Fraction>& v) {
    if (!v) return nullptr;
    return rounded(*v, 2);
}

Json totals_json(const DayTotals& t) {
    return Json{{"sessions", t.sessions},
                {"entries", t.done + t.skipped},
                {"done", t.done},
                {"skipped", t.skipped},
                {"seconds", t.seconds},
                {"pain_before", optional_number(ratio(t.pain_before_sum, t.pain_before_n))},
                {"pain_after", optional_number(ratio(t.pain_after_sum, t.pain_after_n))}};
}

Json optional_date(const std::optional<Date>& d) {
    if (!d) return nullptr;
    return format_date(*d);
}

Json doses_json(const DoseCounts& d) {
    return Json{{"full", d.full},
                {"reduced", d.reduced},
                {"skipped", d.skipped},
                {"excused", d.excused},
                {"unplanned", d.unplanned},
                {"full_share", optional_number(d.full_share())}};
}

Json adherence_json(const Adherence& a) {
    const bool target = a.target > 0;
    Json weeks = Json::array();
    for (const auto& w : a.weeks)
        weeks.push_back(Json{{"start", format_date(w.start)},
                             {"end", format_date(w.end)},
                             {"sessions", w.sessions},
                             {"share", optional_number(w.share)},
                             {"met", target ? Json(w.met) : Json(nullptr)},
                             {"whole", w.whole},
                             {"logged", w.logged},
                             {"counted", w.counted}});
    Json exercises = Json::array();
    for (const auto& e : a.exercises) {
        Json row{{"id", e.id}, {"name", e.name}};
        row.update(doses_json(e.doses));
        exercises.push_back(row);
    }
    return Json{{"first_week", optional_date(a.first_week)},
                {"weeks", weeks},
                {"weeks_counted", a.weeks_counted},
                {"weeks_met", target ? Json(a.weeks_met) : Json(nullptr)},
                {"average_share", optional_number(a.average_share)},
                {"doses", doses_json(a.doses)},
                {"exercises", exercises}};
}

}  // namespace

namespace {

Json periods_json(const Stats& st) {
    Json periods = Json::array();
    for (const auto& p : st.periods) {
        Json row{{"start", format_date(p.start)}, {"end", format_date(p.end)}};
        row.update(totals_json(p.totals));
        if (st.by == Period::week) row["target_met"] = p.totals.sessions >= st.weekly_target;
        periods.push_back(row);
    }
    return periods;
}

Json weeks_json(const Stats& st) {
    Json weeks = Json::array();
    for (std::size_t i = 0; i < st.weeks.size(); ++i)
        weeks.push_back(Json{{"start", format_date(st.weeks[i].start)},
                             {"sessions", st.weeks[i].totals.sessions},
                             {"target_met", st.weeks[i].totals.sessions >= st.weekly_target},
                             {"pain_before", optional_number(st.weekly_pain_before[i])},
                             {"pain_after", optional_number(st.weekly_pain_after[i])}});
    return weeks;
}

Json exercises_json(const Stats& st) {
    Json exercises = Json::array();
    for (const auto& e : st.exercises) {
        const auto p = progress_of(e);
        exercises.push_back(Json{{"id", e.id},
                                 {"name", e.name},
                                 {"times", e.times},
                                 {"reps", e.reps},
                                 {"hold_seconds", e.hold},
                                 {"last_done", format_date(e.last)},
                                 {"progression", Json{{"measure", p.unit == "reps" ? "reps_per_set" : "hold_seconds"},
                                                      {"early", optional_number(p.early)},
                                                      {"late", optional_number(p.late)}}}});
    }
    return exercises;
}

Json heatmap_json(const Stats& st) {
    Json heat = Json::array();
    for (std::size_t i = 0; i < st.heat_seconds.size(); ++i) {
        const Date d = st.heat_from + days{static_cast<int>(i)};
        if (d > st.today) break;
        heat.push_back(Json{{"date", format_date(d)}, {"seconds", st.heat_seconds[i]}, {"level", heat_level(st.heat_seconds[i])}});
    }
    return heat;
}

Json streak_json(const Streaks& s, unsigned days) {
    Json counted = Json::array();
    for (int d = 0; d < 7; ++d)
        if ((days >> d) & 1u) counted.push_back(std::string(weekday_name(d)));
    return Json{{"current", s.current},
                {"current_from", optional_date(s.current_from)},
                {"includes_until", s.current > 0 && !s.pending},
                {"next_day", optional_date(s.next_day)},
                {"days", counted},
                {"longest", s.longest},
                {"longest_from", optional_date(s.longest_from)},
                {"longest_to", optional_date(s.longest_to)}};
}

Json pain_json(const Stats& st) {
    return Json{{"before", optional_number(st.pain.before)},
                {"after", optional_number(st.pain.after)},
                {"before_scores", st.pain.before_n},
                {"after_scores", st.pain.after_n},
                {"before_first_half", optional_number(st.pain.early_before)},
                {"before_second_half", optional_number(st.pain.late_before)},
                {"after_first_half", optional_number(st.pain.early_after)},
                {"after_second_half", optional_number(st.pain.late_after)}};
}

// One exercise's entries, for --exercise.
Json history_json(const Stats& st) {
    Json history = Json::array();
    for (const auto& t : st.history)
        history.push_back(Json{{"started", t.started},
                               {"date", format_date(t.day)},
                               {"sets", t.sets},
                               {"reps", t.reps},
                               {"hold_seconds", t.hold},
                               {"side", std::string(name_of(t.side))},
                               {"load", t.load},
                               {"status", std::string(name_of(t.status))}});
    return history;
}

}  // namespace

std::string stats_json(const Stats& st) {
    Json filter{{"goal", st.filter.goal ? Json(std::string(goal_label(*st.filter.goal))) : Json(nullptr)},
                {"exercise", st.filter.exercise ? Json(*st.filter.exercise) : Json(nullptr)}};
    Json goals = Json::array();
    for (const auto& g : st.goals)
        goals.push_back(Json{{"goal", std::string(goal_label(g.goal))}, {"sessions", g.sessions}, {"seconds", g.seconds}});
    Json out{{"schema", stats_json_schema},
             {"today", format_date(st.today)},
             {"since", format_date(st.from)},
             {"until", format_date(st.to)},
             {"by", std::string(name_of(st.by))},
             {"week_start", std::string(weekday_name(st.week_start))},
             {"weekly_target", st.weekly_target},
             {"filter", filter},
             {"logged_sessions", st.logged},
             {"totals", totals_json(st.totals)},
             {"active_days", st.active_days},
             {"streak", streak_json(st.streaks, st.streak_days)},
             {"periods", periods_json(st)},
             {"weeks", weeks_json(st)},
             {"goals", goals},
             {"exercises", exercises_json(st)},
             {"adherence", adherence_json(st.adherence)},
             {"pain", pain_json(st)},
             {"heatmap", heatmap_json(st)},
             {"pain_warning", st.pain_warning ? pain_warning_json(*st.pain_warning) : Json(nullptr)}};
    if (st.filter.exercise) out["history"] = history_json(st);
    return out.dump(2) + "\n";
}

void render_stats_csv(std::ostream& out, const Stats& st) {
    // CRLF, as export's CSV and RFC 4180; no text field, so nothing a spreadsheet could run.
    out << "start,end,sessions,entries,done,skipped,seconds,minutes,target_met,pain_before,pain_after\r\n";
    for (const auto& p : st.periods) {
        const auto& t = p.totals;
        const auto before = ratio(t.pain_before_sum, t.pain_before_n);
        const auto after = ratio(t.pain_after_sum, t.pain_after_n);
        out << fmt::format("{},{},{},{},{},{},{},{},{},{},{}\r\n", format_date(p.start), format_date(p.end), t.sessions,
                           t.done + t.skipped, t.done, t.skipped, t.seconds, format_decimal(Fraction{t.seconds, 60}, 1),
                           st.by == Period::week ? (t.sessions >= st.weekly_target ? "yes" : "no") : "",
                           before ? format_decimal(*before, 2) : "", after ? format_decimal(*after, 2) : "");
    }
}

}  // namespace backcare
