// SPDX-License-Identifier: MIT
// backcare due: for cron and prompts. Exit 0 when a session is due, 1 when not.
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "due.hpp"
#include "errors.hpp"
#include "safety_render.hpp"
#include "terminal.hpp"

namespace backcare::cli {
namespace {

int run_due(Context& ctx) {
    const Config config = ctx.config();
    std::optional<PainWarning> pain;
    const DueAnswer answer = due_now(config, ctx.now, ctx.journal(), pain);
    // The warning in full above the answer for a person at a terminal; a
    // prompt, cron or a script gets the one line (and no mail each run).
    if (pain && !ctx.quiet && output_is_terminal()) render_pain_warning(ctx.out, *pain, ctx.style);
    if (!ctx.quiet) ctx.out << (answer.due ? "due: " : "not due: ") << answer.reason << '\n';
    return answer.due ? 0 : static_cast<int>(Exit::failure);
}

}  // namespace

std::vector<Command> setup_due(CLI::App& app) {
    auto* sub = app.add_subcommand("due", "Exit 0 when a session is due now, 1 when not (for cron and prompts)");
    sub->footer("A session is due when fewer than daily_target sessions are logged today, on an active day, within the "
                "active hours (see 'backcare config'), and no pain warning holds (see 'backcare stats').");
    return {{sub, [](Context& ctx) { return run_due(ctx); }}};
}

}  // namespace backcare::cli
