// SPDX-License-Identifier: MIT
// backcare help [COMMAND...]: the help of backcare, or of a command.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "errors.hpp"
#include "plan_options.hpp"
#include "text.hpp"

namespace backcare::cli {

std::vector<Command> setup_help(CLI::App& app) {
    auto words = std::make_shared<std::vector<std::string>>();
    auto* help = app.add_subcommand("help", "Show the help of backcare, or of a command");
    help->add_option("command", *words, "A command, as in 'backcare help catalogue lint'")->type_name("COMMAND");
    return {{help, [&app, words](Context& ctx) {
                CLI::App* node = &app;
                for (const auto& w : *words) {
                    const auto found = node->get_subcommands([&](const CLI::App* s) { return s->check_name(w) && !s->get_group().empty(); });
                    if (found.empty()) {
                        std::vector<std::string> names;
                        for (const auto* s : node->get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
                            names.push_back(s->get_name());
                        const auto near = nearest(w, names);
                        throw UsageError(fmt::format("help: no command '{}'{}", w,
                                                     near.empty() ? "; see 'backcare help'" : fmt::format("; did you mean {}?", join_or(near))));
                    }
                    node = found.front();
                }
                std::optional<Config> config;
                try {
                    config = ctx.config();
                } catch (const Error&) {
                    // Unreadable: the built-in defaults.
                }
                show_plan_defaults(app, plan_config(config, std::nullopt, ctx.env));
                // Named as on the command line ("backcare catalogue lint"); the formatter, since
                // help() would show the help of what was parsed: this command.
                std::string name = node->get_name();
                for (const CLI::App* a = node->get_parent(); a; a = a->get_parent()) name = a->get_name() + " " + name;
                ctx.out << node->get_formatter()->make_help(node, name, CLI::AppFormatMode::Normal);
                return 0;
            }}};
}


}  // namespace backcare::cli
