// SPDX-License-Identifier: MIT
// backcare check, recover: is the log whole, and salvaging a damaged one.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "errors.hpp"
#include "health_render.hpp"
#include "journal.hpp"

namespace backcare::cli {
namespace {

struct CheckOptions {
    std::string format = "text";
};

struct RecoverOptions {
    std::optional<std::string> output;
    bool with_backup = false;
};

int run_check(const CheckOptions& o, Context& ctx) {
    const LogHealth health = check_log(ctx.paths.database(), ctx.journal_options);
    if (o.format == "json")
        ctx.out << log_health_json(health);
    else if (!ctx.quiet)
        render_log_health(ctx.out, health, ctx.style);
    return health.exists && !health.sound() ? static_cast<int>(Exit::failure) : 0;
}

int run_recover(const RecoverOptions& o, Context& ctx) {
    const std::optional<std::filesystem::path> to = o.output ? std::optional<std::filesystem::path>(*o.output) : std::nullopt;
    const Salvage salvage = recover_log(ctx.paths.database(), to, ctx.journal_options, o.with_backup);
    ctx.stored(fmt::format("the recovered log {}", salvage.to.string()));
    if (!ctx.quiet) render_salvage(ctx.out, salvage, ctx.style);
    return 0;
}

}  // namespace

std::vector<Command> setup_health(CLI::App& app) {
    auto c = std::make_shared<CheckOptions>();
    auto* check = app.add_subcommand("check", "Check that the log is whole, and list its backups");
    check->add_option("-f,--format", c->format, "Output: text or json")->check(CLI::IsMember({"text", "json"}))->type_name("FORMAT");
    check->footer("Exit status 0 when the log is whole (or there is none yet), 1 when SQLite finds it damaged: "
                  "then 'backcare recover'.");

    auto r = std::make_shared<RecoverOptions>();
    auto* recover = app.add_subcommand("recover", "Salvage every session that can be read from a damaged log into a new log");
    recover->add_option("-o,--output", r->output, "The new log (default: backcare-recovered-DATE.db beside the log)")->type_name("PATH");
    recover->add_flag("--with-backup", r->with_backup, "Also take from the newest backup the sessions the log no longer holds");
    recover->footer("The damaged log is never changed: it is copied, and the copy is read.");

    return {{check, [c](Context& ctx) { return run_check(*c, ctx); }},
            {recover, [r](Context& ctx) { return run_recover(*r, ctx); }}};
}

}  // namespace backcare::cli
