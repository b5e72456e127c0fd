// SPDX-License-Identifier: MIT
// backcare __complete WORD...: what the shells' completion scripts ask for.
// Candidates come from the same CLI11 definition that parses the command
// line, and the values from the core's own lists, so nothing is written twice.
#include "complete.hpp"

#include <CLI/CLI.hpp>

#include "session.hpp"
#include "settings.hpp"
#include "stats.hpp"
#include "text.hpp"

namespace backcare::cli {
namespace {

std::vector<CLI::App*> visible_subcommands(CLI::App& node) {
    return node.get_subcommands([](CLI::App* a) { return !a->get_group().empty(); });
}

CLI::Option* option_named(CLI::App& node, const std::string& word) {
    for (auto* o : node.get_options()) {
        for (const auto& l : o->get_lnames())
            if (word == "--" + l) return o;
        for (const auto& s : o->get_snames())
            if (word == "-" + s) return o;
    }
    return nullptr;
}

// A flag (--plan, --dry-run) expects no value, though CLI11 gives it a type size.
bool takes_value(const CLI::Option& o) { return o.get_type_size() > 0 && o.get_expected_max() > 0 && o.nonpositional(); }

// "FORMAT:{text,json,csv}" → {"text", "json", "csv"}.
std::vector<std::string> listed_values(const std::string& type_name) {
    const auto open = type_name.find(":{");
    if (open == std::string::npos || type_name.back() != '}') return {};
    return split_list(std::string_view(type_name).substr(open + 2, type_name.size() - open - 3));
}

// log --skip ID[:REASON], comma-separated: the ids, then after "ID:" its reasons.
std::vector<std::string> skip_values(const std::string& current, const ExerciseIds& exercise_ids) {
    const auto comma = current.rfind(',');
    const std::string typed = comma == std::string::npos ? "" : current.substr(0, comma + 1);
    const std::string last = current.substr(typed.size());
    std::vector<std::string> out;
    if (const auto colon = last.find(':'); colon != std::string::npos) {
        for (SkipReason r : all_skip_reasons) out.push_back(typed + last.substr(0, colon + 1) + std::string(name_of(r)));
        return out;
    }
    std::vector<std::string> chosen;
    for (const auto& part : split_list(typed)) chosen.push_back(part.substr(0, part.find(':')));
    for (const auto& id : exercise_ids())
        if (std::find(chosen.begin(), chosen.end(), id) == chosen.end()) out.push_back(typed + id);
    return out;
}

std::vector<std::string> values_for(const CLI::Option& o, const std::string& current, const std::string& command,
                                    const ExerciseIds& exercise_ids, const ProfileNames& profiles) {
    const std::string type = o.get_type_name();
    if (auto listed = listed_values(type); !listed.empty()) return listed;
    if (type == "ID[:REASON]") return skip_values(current, exercise_ids);
    const std::string base = type.substr(0, type.find(':'));
    if (base == "GOAL") {
        auto goals = all_names<Goal>();
        goals.emplace_back("balanced");
        return goals;
    }
    if (base == "PROFILE") {
        auto names = profiles ? profiles() : std::vector<std::string>{};
        names.emplace_back(no_profile);
        return names;
    }
    if (base == "PLACE") return {std::string(name_of(Place::desk)), std::string(name_of(Place::floor)), std::string(name_of(Place::any))};
    if (base == "PERIOD") return {std::string(name_of(Period::day)), std::string(name_of(Period::week)), std::string(name_of(Period::month))};
    if (base == "LIST" || base == "IDS") {
        // A comma-separated list: offer each name not yet in it after what is typed.
        const auto comma = current.rfind(',');
        const std::string typed = comma == std::string::npos ? "" : current.substr(0, comma + 1);
        const auto chosen = split_list(typed);
        std::vector<std::string> out;
        for (const auto& name : base == "IDS" ? exercise_ids() : all_names<Equipment>())
            if (std::find(chosen.begin(), chosen.end(), name) == chosen.end()) out.push_back(typed + name);
        if (typed.empty() && command == "list") out.emplace_back("none");
        return out;
    }
    if (base == "ID" && command != "delete") return exercise_ids();
    if (base == "WHEN") {
        if (o.get_lnames().front() == "at") return {"now", "yesterday"};
        return {"today", "yesterday", "7d", "4w", "3m", "1y", "all"};
    }
    if (base == "N" && o.get_lnames().front() == "level") return {"1", "2", "3"};
    return {};  // free text and numbers: nothing to offer
}

bool wants_file(const CLI::Option& o) {
    const std::string type = o.get_type_name();
    return type == "FILE" || type == "PATH" || type.rfind("FILE", 0) == 0;
}

// After "ID:" in log, the exercise's own dose; else the ids.
std::vector<std::string> items_for(const std::string& typed, const ExerciseIds& exercise_ids, const ExerciseDose& dose_of) {
    const auto colon = typed.find(':');
    if (colon == std::string::npos) return exercise_ids();
    const std::string id = typed.substr(0, colon);
    const auto dose = dose_of ? dose_of(id) : std::nullopt;
    if (!dose) return {};
    return {id + ":" + *dose};
}

// The candidates for a positional argument of node, the words typed so far there counted.
Completion positional(CLI::App& node, std::size_t given, const std::string& typed, const ExerciseIds& exercise_ids,
                      const ExerciseDose& dose_of) {
    Completion c;
    for (auto* o : node.get_options()) {
        if (!o->get_positional()) continue;
        // A positional that takes one value, given already: nothing more goes there.
        if (o->get_items_expected_max() == 1 && given >= 1) return c;
        if (wants_file(*o)) {
            c.files = true;
            return c;
        }
        if (o->get_type_name().rfind("ID", 0) == 0 && node.get_name() != "delete") {
            c.candidates = node.get_name() == "log" ? items_for(typed, exercise_ids, dose_of) : exercise_ids();
            return c;
        }
    }
    return c;
}

}  // namespace

Completion complete(CLI::App& app, const std::vector<std::string>& words, const ExerciseIds& exercise_ids,
                    const ExerciseDose& dose_of, const ProfileNames& profiles) {
    CLI::App* node = &app;
    CLI::Option* pending = nullptr;  // an option whose value comes next
    std::size_t given = 0;           // positional words of the command so far
    // Without bash-completion, bash splits "--since=7d" into "--since", "=", "7d": a lone "=" typed last is an empty value.
    const std::string current = words.empty() || words.back() == "=" ? "" : words.back();
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == "=") continue;
        if (pending) {
            pending = nullptr;
        } else if (w.rfind('-', 0) == 0 && w.size() > 1) {
            if (w.find('=') != std::string::npos) continue;
            CLI::Option* o = option_named(*node, w);
            if (!o && node != &app) o = option_named(app, w);  // global options come anywhere
            if (o && takes_value(*o)) pending = o;
        } else if (auto subs = visible_subcommands(*node); !subs.empty()) {
            for (auto* s : subs)
                if (s->get_name() == w) node = s;
        } else {
            ++given;
        }
    }
    std::vector<std::string> candidates;
    std::string prefix;  // "--since=" when the value is typed in the same word
    std::string typed = current;
    if (!pending && current.rfind("--", 0) == 0 && current.find('=') != std::string::npos) {
        prefix = current.substr(0, current.find('=') + 1);
        pending = option_named(*node, prefix.substr(0, prefix.size() - 1));
        if (!pending && node != &app) pending = option_named(app, prefix.substr(0, prefix.size() - 1));
        if (!pending) return {};
        typed = current.substr(prefix.size());
    }
    if (pending) {
        if (wants_file(*pending)) return {{}, true};
        candidates = values_for(*pending, typed, node->get_name(), exercise_ids, profiles);
    } else if (current.rfind('-', 0) == 0) {
        for (CLI::App* n : {node, &app}) {
            for (auto* o : n->get_options())
                for (const auto& l : o->get_lnames()) candidates.push_back("--" + l);
            if (n == &app) break;
        }
    } else if (auto subs = visible_subcommands(*node); !subs.empty()) {
        for (auto* s : subs) candidates.push_back(s->get_name());
    } else {
        Completion p = positional(*node, given, typed, exercise_ids, dose_of);
        if (p.files) return p;
        candidates = std::move(p.candidates);
    }
    Completion out;
    for (auto& c : candidates)
        if (c.rfind(typed, 0) == 0 && std::find(out.candidates.begin(), out.candidates.end(), prefix + c) == out.candidates.end())
            out.candidates.push_back(prefix + c);
    return out;
}

}  // namespace backcare::cli
