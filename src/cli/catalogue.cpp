// backcare catalogue list|show|lint: browse exercises, check a person's files.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "builtin_catalogue.hpp"
#include "commands.hpp"
#include "errors.hpp"
#include "planner.hpp"
#include "render.hpp"

namespace backcare::cli {
namespace {

struct ListOptions {
    std::optional<std::string> goal, equipment, place, level;
    std::string format = "text";
};

struct ShowOptions {
    std::string id;
    std::string format = "text";
};

struct LintOptions {
    std::vector<std::string> files;
};

int run_list(const ListOptions& o, Context& ctx) {
    std::optional<Goal> goal;
    if (o.goal) {
        goal = parse_plan_goal(*o.goal, "--goal");
        if (!goal) throw UsageError("--goal: 'balanced' is not an exercise's goal; expected flexibility, strength or posture");
    }
    PlanRequest filter;
    filter.goal = goal;
    filter.level = o.level ? static_cast<int>(parse_number_option(*o.level, "--level", 1, 3)) : 3;
    filter.place = o.place ? parse_place_option(*o.place, "--place") : Place::any;
    if (o.equipment) filter.equipment = parse_equipment_option(*o.equipment, "--equipment");
    const Catalogue catalogue = ctx.catalogue();
    std::vector<const Exercise*> shown;
    for (const Exercise& e : catalogue.exercises()) {
        // Without --equipment, list everything; with it, what can be done with that.
        PlanRequest f = filter;
        if (!o.equipment) f.equipment = {all_values<Equipment>().begin(), all_values<Equipment>().end()};
        if (fits(e, f)) shown.push_back(&e);
    }
    std::sort(shown.begin(), shown.end(), [](const Exercise* a, const Exercise* b) { return a->id < b->id; });
    if (o.format == "json")
        ctx.out << catalogue_json(shown);
    else if (o.format == "tsv")
        render_catalogue_tsv(ctx.out, shown);
    else if (o.format == "ids")
        for (const Exercise* e : shown) ctx.out << e->id << '\n';
    else
        render_catalogue_text(ctx.out, shown, ctx.style);
    return 0;
}

int run_show(const ShowOptions& o, Context& ctx) {
    const Catalogue catalogue = ctx.catalogue();
    const Exercise& e = catalogue.get(o.id);
    if (o.format == "json")
        ctx.out << exercise_json(e);
    else
        render_exercise_text(ctx.out, e, catalogue, ctx.style, ctx.quiet);
    return 0;
}

int run_lint(const LintOptions& o, Context& ctx) {
    std::vector<ParsedFile> files;
    std::size_t problems = 0;
    auto report = [&](const Diagnostic& d) {
        ctx.out << d.headline() << '\n';
        if (!ctx.quiet)
            for (const auto& line : d.snippet()) ctx.out << line << '\n';
        ++problems;
    };
    for (const auto& name : o.files) {
        files.push_back(read_catalogue_file(name));
        for (const auto& d : files.back().diagnostics) report(d);
    }
    // Variants may name built-in exercises, or exercises in the other files.
    for (const auto& d : cross_check(files, builtin_catalogue())) report(d);
    if (problems > 0) {
        ctx.err << fmt::format("backcare: {} problem{} in {} file{}\n", problems, problems == 1 ? "" : "s",
                               files.size(), files.size() == 1 ? "" : "s");
        return static_cast<int>(Exit::failure);
    }
    if (!ctx.quiet) {
        std::size_t exercises = 0;
        for (const auto& f : files) exercises += f.exercises.size();
        ctx.out << fmt::format("{} exercise{} in {} file{}: no problems\n", exercises, exercises == 1 ? "" : "s",
                               files.size(), files.size() == 1 ? "" : "s");
    }
    return 0;
}

}  // namespace

std::vector<Command> setup_catalogue(CLI::App& app) {
    auto* cat = app.add_subcommand("catalogue", "Browse the exercises; check your own catalogue files");
    cat->require_subcommand(1);

    auto list = std::make_shared<ListOptions>();
    auto* l = cat->add_subcommand("list", "List exercises, optionally only those that fit");
    l->add_option("-g,--goal", list->goal, "flexibility, strength or posture")->type_name("GOAL");
    l->add_option("-e,--equipment", list->equipment, "Only what this equipment allows: band,wall,chair,mat or none")
        ->type_name("LIST");
    l->add_option("-p,--place", list->place, "desk, floor or any")->type_name("PLACE");
    l->add_option("-l,--level", list->level, "Only exercises up to this level (1 to 3)")->type_name("N");
    l->add_option("-f,--format", list->format, "Output: text, json, tsv or ids")
        ->check(CLI::IsMember({"text", "json", "tsv", "ids"}))
        ->type_name("FORMAT");

    auto show = std::make_shared<ShowOptions>();
    auto* s = cat->add_subcommand("show", "Everything about one exercise: steps, dose, benefits, cautions");
    s->add_option("id", show->id, "Exercise id (see 'backcare catalogue list')")->required()->type_name("ID");
    s->add_option("-f,--format", show->format, "Output: text or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");

    auto lint = std::make_shared<LintOptions>();
    auto* t = cat->add_subcommand("lint", "Check catalogue files; exit 0 only when every file is clean");
    t->add_option("files", lint->files, "TOML files to check")->required()->type_name("FILE");

    return {{l, [list](Context& ctx) { return run_list(*list, ctx); }},
            {s, [show](Context& ctx) { return run_show(*show, ctx); }},
            {t, [lint](Context& ctx) { return run_lint(*lint, ctx); }}};
}

}  // namespace backcare::cli
