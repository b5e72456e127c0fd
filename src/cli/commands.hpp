// SPDX-License-Identifier: MIT
#pragma once
// One function pair per subcommand: setup binds flags to an options struct,
// run does the work with the context. Defined in the subcommand's own file.
#include <functional>
#include <memory>

#include "context.hpp"

namespace CLI {
class App;
}

namespace backcare::cli {

// A subcommand once set up: its parser node and what running it does.
struct Command {
    CLI::App* app;
    std::function<int(Context&)> run;
};

std::vector<Command> setup_plan(CLI::App&);
std::vector<Command> setup_catalogue(CLI::App&);
std::vector<Command> setup_config(CLI::App&);
std::vector<Command> setup_log(CLI::App&);
std::vector<Command> setup_history(CLI::App&);
std::vector<Command> setup_transfer(CLI::App&);
std::vector<Command> setup_due(CLI::App&);
std::vector<Command> setup_stats(CLI::App&);
std::vector<Command> setup_go(CLI::App&);
std::vector<Command> setup_health(CLI::App&);
std::vector<Command> setup_safety(CLI::App&);
// Given the whole parser: it shows the help of any command.
std::vector<Command> setup_help(CLI::App&);

}  // namespace backcare::cli
