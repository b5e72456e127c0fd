// SPDX-License-Identifier: MIT
// Text, TSV and Markdown output of plans and catalogue entries.
#include <algorithm>

#include <fmt/format.h>

#include "catalogue_render.hpp"
#include "plan_render.hpp"
#include "safety_render.hpp"
#include "text.hpp"

namespace backcare {
namespace {

std::string names_of(const std::vector<Equipment>& items, std::string_view none) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (auto e : items) out.emplace_back(name_of(e));
    return out.empty() ? std::string(none) : join(out, ",");
}

std::string names_of(const std::vector<Goal>& items) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (auto g : items) out.emplace_back(name_of(g));
    return join(out, ",");
}

std::string title(std::string_view s) {
    std::string out(s);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

void wrapped(std::ostream& out, std::string_view text, std::size_t indent, std::size_t width) {
    for (const auto& line : wrap(text, width > indent + 20 ? width - indent : 20))
        out << std::string(indent, ' ') << line << '\n';
}

std::string where(const PlanRequest& r) {
    switch (r.place) {
        case Place::desk: return "at the desk";
        case Place::floor: return "on the floor";
        case Place::any: break;
    }
    return "";
}

}  // namespace

std::string_view safety_note() {
    return "Not medical advice. Move gently and stop anything that causes sharp or rising pain; "
           "if pain persists, see a health professional. Signs that need a doctor: backcare safety";
}

std::string time_fill_note(const Routine& routine) {
    const TimeFill& f = routine.fill;
    const std::string total = format_seconds(routine.total_seconds());
    const int minutes = routine.request.minutes;
    if (!f.short_because.empty())
        return fmt::format("These exercises fill about {} of the {} minutes: {}{}.", total, minutes, f.short_because,
                           f.rounds > 1 ? "" : "; repeat the routine for more");
    std::vector<std::string> added;
    if (f.added_exercises > 0) added.push_back(fmt::format("{} more exercise{}", f.added_exercises, plural_suffix(f.added_exercises)));
    if (f.added_sets > 0) added.push_back(fmt::format("{} more set{}", f.added_sets, plural_suffix(f.added_sets)));
    if (f.rounds > 1) added.push_back(fmt::format("{} rounds of it all", f.rounds));
    if (added.empty()) return {};
    return fmt::format("Filled to about {} of {} minutes with {}.", total, minutes, join(added, " and "));
}

void render_plan_text(std::ostream& out, const Routine& routine, const Style& st, bool quiet, bool remembered,
                      bool explain) {
    const PlanRequest& r = routine.request;
    std::size_t name_width = 0, dose_width = 0;
    for (const auto& item : routine.items) {
        name_width = std::max(name_width, display_width(item.exercise.name));
        dose_width = std::max(dose_width, display_width(describe_dose(item.dose, st.unicode)));
    }
    // The pain warning first: it changes what the routine below is.
    if (routine.pain) render_pain_warning(out, *routine.pain, st);
    const std::string place = where(r);
    const std::string heading =
        fmt::format("{} routine{}{}", title(name_of_goal(r.goal)), place.empty() ? "" : " ", place);
    // Later rounds repeat the first: shown once, and said.
    const int rounds = routine.fill.rounds;
    out << st.bold(heading) << st.dot() << routine.exercise_count() << " exercises";
    if (rounds > 1) out << (st.unicode ? " × " : " x ") << rounds << " rounds";
    out << st.dot() << "about " << format_seconds(routine.total_seconds()) << '\n';
    if (!quiet)
        out << st.dim(fmt::format("level {}{}equipment: {}{}seed {}", r.level, st.dot(),
                                  names_of(equipment_at_hand(r), "none"), st.dot(), r.seed))
            << "\n";
    // Short of the time asked for: say why rather than pass 14 minutes off as 90.
    if (!quiet && !routine.fill.short_because.empty())
        wrapped(out, time_fill_note(routine), 0, st.width);
    else if (explain && (routine.fill.added_exercises > 0 || routine.fill.added_sets > 0))
        wrapped(out, time_fill_note(routine), 0, st.width);
    out << '\n';
    auto arrows = [&](std::string text) {
        if (!st.unicode)
            for (std::size_t at; (at = text.find("→")) != std::string::npos;) text.replace(at, 3, "->");
        return text;
    };
    // One row per exercise when it fits the terminal; else the dose and time under the name.
    const bool narrow = 5 + name_width + 2 + dose_width + 2 + 6 > st.width;
    int n = 0;
    int round_seconds = 0;
    for (const auto& item : routine.items) {
        if (item.round > 1) continue;
        round_seconds += item.seconds;
        ++n;
        const std::string dose = describe_dose(item.dose, st.unicode);
        const std::string time = format_seconds(item.seconds);
        if (narrow) {
            out << fmt::format("{:>3}. ", n) << st.bold(item.exercise.name) << '\n';
            out << "     " << dose << st.dot() << st.dim(time) << '\n';
        } else {
            out << fmt::format("{:>3}. ", n) << st.bold(pad(item.exercise.name, name_width)) << "  "
                << pad(dose, dose_width) << "  " << st.dim(fmt::format("{:>6}", time)) << '\n';
        }
        wrapped(out, item.exercise.cue(), 5, st.width);
        if (explain) {
            wrapped(out, "Why: " + arrows(item.chosen_because) + ".", 5, st.width);
            wrapped(out, "Dose: " + arrows(item.dose_because) + ".", 5, st.width);
        }
    }
    if (rounds > 1)
        wrapped(out, fmt::format("Then the same again, {} more time{}: {} rounds of about {} each.", rounds - 1,
                                 plural_suffix(rounds - 1), rounds, format_seconds(round_seconds)),
                5, st.width);
    if (quiet) return;
    out << '\n';
    wrapped(out, safety_note(), 0, st.width);
    out << st.dim("Cautions: backcare catalogue show ID") << '\n';
    if (remembered) out << st.dim("Done? Record it: backcare log --plan") << '\n';
}

void render_plan_tsv(std::ostream& out, const Routine& routine) {
    int n = 0;
    for (const auto& item : routine.items) {
        const Dose& d = item.dose;
        out << ++n << '\t' << item.exercise.id << '\t' << tsv_field(item.exercise.name) << '\t'
            << name_of(item.exercise.kind) << '\t' << format_dose(d) << '\t' << d.sets << '\t' << d.reps << '\t'
            << d.hold << '\t' << name_of(d.per_side ? Side::each : Side::both) << '\t' << item.seconds << '\t'
            << tsv_field(item.exercise.cue()) << '\n';
    }
}

void render_plan_markdown(std::ostream& out, const Routine& routine) {
    const PlanRequest& r = routine.request;
    // Text from a person's catalogue is shown as written: Markdown's
    // punctuation escaped, HTML's angle brackets as entities, one line.
    auto cell = [](std::string_view s) {
        std::string c;
        for (char ch : printable(s)) {
            if (ch == '<') c += "&lt;";
            else if (ch == '>') c += "&gt;";
            else if (std::string_view("\\|*_`[]#").find(ch) != std::string_view::npos) c += std::string("\\") + ch;
            else c += ch;
        }
        return c;
    };
    out << "## " << title(name_of_goal(r.goal)) << " routine";
    if (const std::string place = where(r); !place.empty()) out << ' ' << place;
    out << " (about " << format_seconds(routine.total_seconds()) << ")\n\n";
    if (routine.pain) out << "> **Pain warning:** " << pain_warning_message(*routine.pain).substr(std::string_view("Pain warning: ").size()) << "\n\n";
    out << "| # | Exercise | Dose | Time | Cue |\n|---|---|---|---|---|\n";
    int n = 0;
    for (const auto& item : routine.items)
        out << "| " << ++n << " | " << cell(item.exercise.name) << " | " << describe_dose(item.dose, true) << " | "
            << format_seconds(item.seconds) << " | " << cell(item.exercise.cue()) << " |\n";
    if (!routine.fill.short_because.empty()) out << '\n' << time_fill_note(routine) << '\n';
    out << "\n_" << safety_note() << "_\n";
}

void render_catalogue_text(std::ostream& out, const std::vector<const Exercise*>& list, const Style& st) {
    std::size_t id_width = 2, name_width = 4, position_width = 8, equipment_width = 9;
    for (const Exercise* e : list) {
        id_width = std::max(id_width, display_width(e->id));
        name_width = std::max(name_width, display_width(e->name));
        position_width = std::max(position_width, display_width(name_of(e->position)));
        equipment_width = std::max(equipment_width, display_width(names_of(e->equipment, "-")));
    }
    out << st.bold(fmt::format("{}  {}  {:<8}  {}  {}  {}", pad("ID", id_width), pad("NAME", name_width), "KIND",
                               pad("POSITION", position_width), pad("EQUIPMENT", equipment_width), "GOALS"))
        << '\n';
    for (const Exercise* e : list)
        out << fmt::format("{}  {}  {:<8}  {}  {}  {}\n", pad(e->id, id_width), pad(e->name, name_width), name_of(e->kind),
                           pad(name_of(e->position), position_width), pad(names_of(e->equipment, "-"), equipment_width),
                           names_of(e->goals));
}

void render_catalogue_tsv(std::ostream& out, const std::vector<const Exercise*>& list) {
    for (const Exercise* e : list) {
        const Dose d = dose_at_level(*e, 1);
        out << e->id << '\t' << tsv_field(e->name) << '\t' << names_of(e->goals) << '\t' << name_of(e->kind) << '\t'
            << name_of(e->position) << '\t' << names_of(e->equipment, "") << '\t' << (e->desk_friendly ? "yes" : "no")
            << '\t' << name_of(side_of(e->laterality)) << '\t' << e->level << '\t' << format_dose(d) << '\t' << tsv_field(e->origin)
            << '\n';
    }
}

void render_exercise_text(std::ostream& out, const Exercise& e, const Catalogue& catalogue, const Style& st, bool quiet) {
    auto section = [&](std::string_view heading, const std::vector<std::string>& lines, bool numbered) {
        if (lines.empty()) return;
        out << '\n' << st.bold(heading) << '\n';
        int n = 0;
        for (const auto& line : lines) {
            const std::string marker = numbered ? fmt::format("{:>2}. ", ++n) : (st.unicode ? "  • " : "  - ");
            const auto parts = wrap(line, st.width > 24 ? st.width - 4 : 20);
            for (std::size_t i = 0; i < parts.size(); ++i) out << (i == 0 ? marker : "    ") << parts[i] << '\n';
        }
    };
    out << st.bold(e.name) << st.dim(fmt::format(" ({})", e.id)) << '\n';
    std::vector<std::string> goal_names;
    for (Goal g : e.goals) goal_names.emplace_back(name_of(g));
    const std::vector<std::pair<std::string, std::string>> facts{
        {"Goals", join(goal_names, ", ")},
        {"Kind", std::string(name_of(e.kind))},
        {"Areas", join(e.areas, ", ")},
        {"Position", std::string(name_of(e.position)) + (e.desk_friendly ? " (desk-friendly)" : "")},
        {"Equipment", names_of(e.equipment, "none")},
        {"Sides", e.laterality == Laterality::each_side ? "each side in turn" : "both at once"},
        {"Level", std::to_string(e.level)},
        {"Dose", describe_dose_spec(e, st.unicode)},
        {"Takes", "about " + format_seconds(estimate_seconds(dose_at_level(e, 1)))},
    };
    out << '\n';
    for (const auto& [k, v] : facts) out << "  " << st.dim(pad(k, 10)) << v << '\n';
    section("Steps", e.steps, true);
    section("Cues", e.cues, false);
    section("Benefits", e.benefits, false);
    section("Cautions", e.cautions, false);
    std::vector<std::string> variants;
    auto variant = [&](std::string_view label, const std::string& id) {
        if (id.empty()) return;
        const Exercise* v = catalogue.find(id);
        variants.push_back(fmt::format("{}: {} ({})", label, v ? v->name : id, id));
    };
    variant("Easier", e.easier);
    variant("Harder", e.harder);
    for (const Exercise& other : catalogue.exercises())
        if (other.id != e.id && other.family_name() == e.family_name())
            variants.push_back(fmt::format("Same family ({}): {} ({}); a routine has one of them", e.family_name(), other.name, other.id));
    section("Variants", variants, false);
    out << '\n' << st.dim("Source: ") << e.source << '\n';
    if (e.origin != "built-in") out << st.dim("From: ") << e.origin << '\n';
    if (!quiet) {
        out << '\n';
        wrapped(out, safety_note(), 0, st.width);
    }
}

}  // namespace backcare
