#include "plan_options.hpp"


#include <CLI/CLI.hpp>


namespace backcare::cli {
namespace {

template <class T, class F>
T choose(const std::optional<std::string>& flag, const Setting<T>& setting, F&& parse) {
    return flag ? parse(*flag) : setting.value;
}

PlanRequest request_from(const PlanOptions& o, const Config& c, Date today) {
    PlanRequest r;
    r.goal = choose(o.goal, c.goal, [](const std::string& s) { return parse_plan_goal(s, "--goal"); });
    r.minutes = choose(o.minutes, c.minutes, [](const std::string& s) {
        return static_cast<int>(parse_number_option(s, "--minutes", min_minutes, max_minutes));
    });
    r.equipment = choose(o.equipment, c.equipment, [](const std::string& s) { return parse_equipment_option(s, "--equipment"); });
    r.place = choose(o.place, c.place, [](const std::string& s) { return parse_place_option(s, "--place"); });
    r.level = choose(o.level, c.level, [](const std::string& s) { return static_cast<int>(parse_number_option(s, "--level", 1, 3)); });
    r.seed = o.seed ? static_cast<std::uint64_t>(parse_number_option(*o.seed, "--seed", 0, 999'999'999'999))
                    : seed_for_day(today);
    return r;
}

}  // namespace

void add_plan_options(CLI::App& sub, PlanOptions& o) {
    sub.add_option("-g,--goal", o.goal, "flexibility|strength|posture|balanced (default: balanced)")->type_name("GOAL");
    sub.add_option("-m,--minutes", o.minutes, "Time you have, 1 to 90 minutes (default: 10)")->type_name("N");
    sub.add_option("-e,--equipment", o.equipment,
                   "What is at hand, comma-separated: band,wall,chair,mat or none (default: none)")
        ->type_name("LIST");
    sub.add_option("-p,--place", o.place, "desk (seated or standing), floor, or any (default: any)")->type_name("PLACE");
    sub.add_option("-l,--level", o.level, "Difficulty from 1 to 3 (default: 1)")->type_name("N");
    sub.add_option("--seed", o.seed, "Same inputs and seed give the same routine (default: today's date)")->type_name("N");
}

PlanRequest plan_request(const PlanOptions& o, Context& ctx) {
    const Date today = local_date(ctx.now);
    request_from(o, Config{}, today);
    return request_from(o, ctx.config(), today);
}

}  // namespace backcare::cli
