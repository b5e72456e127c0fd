// SPDX-License-Identifier: MIT
// backcare safety: the signs that need a doctor rather than exercise.
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "safety_render.hpp"

namespace backcare::cli {

std::vector<Command> setup_safety(CLI::App& app) {
    auto* sub = app.add_subcommand("safety", "The signs that need a doctor rather than exercise, and their sources");
    sub->footer("The first routine backcare shows at a terminal opens with this list; every pain warning points to it.");
    return {{sub, [](Context& ctx) {
                 render_safety_text(ctx.out, ctx.style);
                 return 0;
             }}};
}

}  // namespace backcare::cli
