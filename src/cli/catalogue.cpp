// SPDX-License-Identifier: MIT
// backcare catalogue list|show|lint: browse exercises, check a person's files.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "builtin_catalogue.hpp"
#include "catalogue_listing.hpp"
#include "commands.hpp"
#include "errors.hpp"
#include "catalogue_render.hpp"
#include "text.hpp"

namespace backcare::cli {
namespace {

struct ListOptions {
    ListQuery query;
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
    const PlanRequest filter = list_filter(o.query);
    const Catalogue catalogue = ctx.catalogue();
    const std::vector<const Exercise*> shown = exercises_fitting(catalogue, filter);
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
    const LintReport report = lint_catalogue_files(o.files, builtin_catalogue());
    for (const Diagnostic& d : report.problems) {
        ctx.out << d.headline() << '\n';
        if (!ctx.quiet)
            for (const auto& line : d.snippet()) ctx.out << line << '\n';
    }
    const std::size_t problems = report.problems.size(), files = report.files, exercises = report.exercises;
    if (problems > 0) {
        ctx.err << fmt::format("backcare: {} problem{} in {} file{}\n", problems, plural_suffix(problems), files,
                               plural_suffix(files));
        return static_cast<int>(Exit::failure);
    }
    if (!ctx.quiet)
        ctx.out << fmt::format("{} exercise{} in {} file{}: no problems\n", exercises, plural_suffix(exercises), files,
                               plural_suffix(files));
    return 0;
}

}  // namespace

std::vector<Command> setup_catalogue(CLI::App& app) {
    auto* cat = app.add_subcommand("catalogue", "Browse the exercises; check your own catalogue files");
    cat->require_subcommand(1);

    auto list = std::make_shared<ListOptions>();
    auto* l = cat->add_subcommand("list", "List exercises, optionally only those that fit");
    l->add_option("-g,--goal", list->query.goal, "flexibility, strength or posture")->type_name("GOAL");
    l->add_option("-e,--equipment", list->query.equipment, "Only what this equipment allows: band,wall,chair,mat,doorway or none")
        ->type_name("LIST");
    l->add_option("-p,--place", list->query.place, "desk, floor or any")->type_name("PLACE");
    l->add_option("-l,--level", list->query.level, "Only exercises up to this level (1 to 3)")->type_name("N");
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
