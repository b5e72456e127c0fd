// backcare due: for cron and prompts. Exit 0 when a session is due, 1 when not.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "errors.hpp"

namespace backcare::cli {
namespace {

int run_due(Context& ctx) {
    const Config config = ctx.config();
    const Date today = local_date(ctx.now);
    const auto since_midnight = std::chrono::duration_cast<std::chrono::minutes>(
        ctx.now + std::chrono::seconds{utc_offset_at(ctx.now)} - std::chrono::floor<std::chrono::days>(ctx.now + std::chrono::seconds{utc_offset_at(ctx.now)}));
    const int minute = static_cast<int>(since_midnight.count());
    const int weekday = static_cast<int>(std::chrono::weekday{today}.c_encoding());
    const auto journal = ctx.journal();
    const int done = journal ? journal->sessions_on(today) : 0;
    const int target = config.daily_target.value;
    const auto& hours = config.active_hours.value;
    const auto& days = config.active_days.value;

    auto answer = [&](bool due, const std::string& why) {
        if (!ctx.quiet) ctx.out << (due ? "due: " : "not due: ") << why << '\n';
        return due ? 0 : static_cast<int>(Exit::failure);
    };
    if (std::find(days.begin(), days.end(), weekday) == days.end())
        return answer(false, fmt::format("{} is not an active day", weekday_name(weekday)));
    if (!hours.contains(minute))
        return answer(false, fmt::format("outside the active hours {}", format_active_hours(hours)));
    if (done >= target)
        return answer(false, fmt::format("{} session{} done today, and the daily target is {}", done, done == 1 ? "" : "s", target));
    return answer(true, fmt::format("{} of {} session{} done today", done, target, target == 1 ? "" : "s"));
}

}  // namespace

std::vector<Command> setup_due(CLI::App& app) {
    auto* sub = app.add_subcommand("due", "Exit 0 when a session is due now, 1 when not (for cron and prompts)");
    sub->footer("A session is due when fewer than daily_target sessions are logged today, on an active day, within the "
                "active hours (see 'backcare config').");
    return {{sub, [](Context& ctx) { return run_due(ctx); }}};
}

}  // namespace backcare::cli
