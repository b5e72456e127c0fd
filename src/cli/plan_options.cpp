// SPDX-License-Identifier: MIT
#include "plan_options.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "text.hpp"

namespace backcare::cli {
namespace {

// Each option's help, with the default in force: the config's, a profile's, or the built-in one.
struct OptionHelp {
    const char* names;
    const char* type;
    const char* text;
};
constexpr OptionHelp goal_help{"-g,--goal", "GOAL", "flexibility|strength|posture|balanced"};
constexpr OptionHelp minutes_help{"-m,--minutes", "N", "Time you have, 1 to 90 minutes"};
constexpr OptionHelp equipment_help{
    "-e,--equipment", "LIST",
    "What is at hand, comma-separated: band,wall,chair,mat,doorway or none (a chair and a doorway are taken to be near except with --place floor)"};
constexpr OptionHelp place_help{"-p,--place", "PLACE", "desk (seated or standing), floor, or any"};
constexpr OptionHelp level_help{"-l,--level", "N", "Difficulty from 1 to 3"};
constexpr OptionHelp include_help{"--include", "IDS", "Exercises always in the routine, comma-separated ids"};
constexpr OptionHelp exclude_help{"--exclude", "IDS", "Exercises never in the routine, comma-separated ids"};
constexpr OptionHelp profile_help{"--profile", "PROFILE", "A [profile.NAME] of config.toml, or none"};

template <class T> std::string with_default(const OptionHelp& h, const Setting<T>& s, const std::string& value) {
    if (s.source == "default") return fmt::format("{} (default: {})", h.text, value);
    return fmt::format("{} (default: {}, from {})", h.text, value, s.source);
}

std::string ids_text(const std::vector<std::string>& ids) { return ids.empty() ? "none" : join(ids, ","); }

std::string equipment_text(const std::vector<Equipment>& list) {
    std::vector<std::string> names;
    for (Equipment e : list) names.emplace_back(name_of(e));
    return names.empty() ? "none" : join(names, ",");
}

std::vector<std::pair<const OptionHelp*, std::string>> described(const Config& c) {
    return {
        {&goal_help, with_default(goal_help, c.goal, std::string(name_of_goal(c.goal.value)))},
        {&minutes_help, with_default(minutes_help, c.minutes, std::to_string(c.minutes.value))},
        {&equipment_help, with_default(equipment_help, c.equipment, equipment_text(c.equipment.value))},
        {&place_help, with_default(place_help, c.place, std::string(name_of(c.place.value)))},
        {&level_help, with_default(level_help, c.level, std::to_string(c.level.value))},
        {&include_help, with_default(include_help, c.include, ids_text(c.include.value))},
        {&exclude_help, with_default(exclude_help, c.exclude, ids_text(c.exclude.value))},
        {&profile_help, with_default(profile_help, c.profile, c.profile.value.empty() ? std::string(no_profile) : c.profile.value)},
    };
}

}  // namespace

void add_plan_options(CLI::App& sub, PlanOptions& o) {
    const Config defaults;
    const auto help = described(defaults);
    std::optional<std::string>* targets[] = {&o.goal, &o.minutes, &o.equipment, &o.place, &o.level, &o.include, &o.exclude, &o.profile};
    for (std::size_t i = 0; i < help.size(); ++i)
        sub.add_option(help[i].first->names, *targets[i], help[i].second)->type_name(help[i].first->type);
    sub.add_option("--seed", o.seed, "Same inputs and seed give the same routine (default: today's date)")->type_name("N");
}

void show_plan_defaults(CLI::App& root, const Config& in_force) {
    const auto help = described(in_force);
    // The commands that take the plan options (add_plan_options): their own options only.
    for (CLI::App* sub : root.get_subcommands([](CLI::App* a) { return a->get_name() == "plan" || a->get_name() == "go"; }))
        for (const auto& [option, text] : help) {
            const std::string name = option->names;
            if (CLI::Option* o = sub->get_option_no_throw(name.substr(name.rfind(',') == std::string::npos ? 0 : name.rfind(',') + 1)))
                o->description(text);
        }
}

Config plan_config(const std::optional<Config>& config, const std::optional<std::string>& flag_profile, const Environment& env) {
    if (!config) return Config{};
    try {
        return config_in_force(*config, flag_profile, env("BACKCARE_PROFILE"));
    } catch (const std::exception&) {
        return *config;
    }
}

PlanRequest plan_request(const PlanOptions& o, Context& ctx) {
    return backcare::plan_request(o, [&] { return ctx.config(); }, local_date(ctx.now), ctx.env("BACKCARE_PROFILE"));
}

}  // namespace backcare::cli
