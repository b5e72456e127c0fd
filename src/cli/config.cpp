// SPDX-License-Identifier: MIT
// backcare config: the effective settings, where each came from, and the files.
#include <CLI/CLI.hpp>

#include "builtin_catalogue.hpp"
#include "commands.hpp"
#include "errors.hpp"
#include "files_in_use.hpp"
#include "config_render.hpp"
#include "plan_choices.hpp"
#include "text.hpp"

namespace backcare::cli {
namespace {

struct ConfigOptions {
    std::string format = "text";
    std::optional<std::string> profile;
};

int run_config(const ConfigOptions& o, Context& ctx) {
    // A BACKCARE_PROFILE that names no profile is said, and the rest shown: this is where one looks to find out why.
    const Config read = ctx.config();
    Config config = read;
    try {
        config = config_in_force(read, o.profile, ctx.env("BACKCARE_PROFILE"));
    } catch (const UsageError& e) {
        if (o.profile) throw;
        ctx.warn(std::string(e.what()) + "; the settings below are without it");
    }
    const std::vector<PathRow> paths = files_in_use(ctx.paths, builtin_catalogue().exercises().size());
    const auto settings = describe(config);
    std::vector<std::pair<std::string, std::vector<SettingRow>>> profiles;
    for (const auto& [name, profile] : config.profiles) profiles.emplace_back(name, describe(name, profile));
    if (o.format == "json") {
        ctx.out << config_json(settings, profiles, paths);
        return 0;
    }
    const Style& st = ctx.style;
    std::size_t value_width = 0;
    for (const auto& row : settings) value_width = std::max(value_width, display_width(row.text()));
    ctx.out << st.bold("Settings") << '\n';
    for (const auto& row : settings)
        ctx.out << "  " << pad(row.name, 15) << pad(row.text(), value_width + 2) << st.dim(row.source) << '\n';
    if (!profiles.empty()) {
        ctx.out << '\n' << st.bold("Profiles") << '\n';
        for (const auto& [name, rows] : profiles) {
            std::vector<std::string> parts;
            for (const auto& row : rows) parts.push_back(row.name + "=" + row.text());
            ctx.out << "  " << pad(name, 15) << (parts.empty() ? "(nothing)" : join(parts, " "))
                    << (name == config.profile.value ? st.dim("  (in force)") : "") << '\n';
        }
    }
    ctx.out << '\n' << st.bold("Files") << '\n';
    for (const auto& row : paths) ctx.out << "  " << pad(row.name, 15) << row.path << st.dim(" (" + row.note + ")") << '\n';
    return 0;
}

}  // namespace

std::vector<Command> setup_config(CLI::App& app) {
    auto o = std::make_shared<ConfigOptions>();
    auto* sub = app.add_subcommand("config", "Show the effective settings, where each came from, and backcare's files");
    sub->add_option("-f,--format", o->format, "Output: text or json")->check(CLI::IsMember({"text", "json"}))->type_name("FORMAT");
    sub->add_option("--profile", o->profile, "Show the settings as this profile makes them (default: as BACKCARE_PROFILE or default_profile)")
        ->type_name("PROFILE");
    return {{sub, [o](Context& ctx) { return run_config(*o, ctx); }}};
}

}  // namespace backcare::cli
