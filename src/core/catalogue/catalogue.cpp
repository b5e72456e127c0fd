// SPDX-License-Identifier: MIT
#include "catalogue.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "errors.hpp"
#include "files.hpp"
#include "text.hpp"

namespace backcare {
namespace {

constexpr std::size_t max_text_bytes = 1000;
constexpr std::size_t max_catalogue_file_bytes = std::size_t{1} << 20;
constexpr std::size_t max_list_items = 30;

// What a person will read from the file: no control characters (an escape
// sequence in a step would clear the screen of whoever runs plan), and each
// text of a bounded length.
void check_texts(const Exercise& e, std::vector<Problem>& out) {
    const auto check = [&](const char* key, const std::string& text) {
        if (has_control(text)) out.push_back({key, fmt::format("'{}' holds a control character (such as an escape sequence)", key)});
        else if (text.size() > max_text_bytes) out.push_back({key, fmt::format("'{}' is longer than {} bytes", key, max_text_bytes)});
    };
    check("name", e.name);
    check("source", e.source);
    for (const auto& [key, list] : {std::pair{"areas", &e.areas}, {"steps", &e.steps}, {"cues", &e.cues},
                                    {"benefits", &e.benefits}, {"cautions", &e.cautions}}) {
        if (list->size() > max_list_items) out.push_back({key, fmt::format("'{}' has more than {} items", key, max_list_items)});
        for (const auto& text : *list) check(key, text);
    }
}

}  // namespace

std::optional<std::string> dose_range_problem(std::string_view key, const Range& r) {
    const int hi = key == "sets" ? 10 : key == "reps" ? 100 : 300;
    if (r.min < 1 || r.max > hi)
        return fmt::format("{} must be from 1 to {}{}", key, hi, key == "hold" ? " seconds" : "");
    if (r.min > r.max)
        return fmt::format("range [{}, {}] is upside down: the first number is the smallest", r.min, r.max);
    return std::nullopt;
}

std::vector<Problem> validate(const Exercise& e) {
    std::vector<Problem> out;
    if (!valid_exercise_id(e.id))
        out.push_back({"id", fmt::format("id '{}' must be 2 to 40 lowercase letters, digits and hyphens", e.id)});
    if (e.name.empty() || display_width(e.name) > 40) out.push_back({"name", "name must be 1 to 40 characters"});
    if (e.goals.empty()) out.push_back({"goals", "goals must name at least one of flexibility, strength, posture"});
    if (e.areas.empty()) out.push_back({"areas", "areas must name at least one target area"});
    if (e.level < 1 || e.level > 3) out.push_back({"level", "level must be 1, 2 or 3"});
    if (e.desk_friendly && on_floor(e.position))
        out.push_back({"desk_friendly", fmt::format("an exercise done {} cannot be desk-friendly", name_of(e.position))});
    if (e.steps.empty()) out.push_back({"steps", "steps must list at least one step"});
    if (e.cues.empty()) out.push_back({"cues", "cues must list at least one cue"});
    if (e.benefits.empty()) out.push_back({"benefits", "benefits must list at least one benefit"});
    if (e.cautions.empty()) out.push_back({"cautions", "cautions must list at least one caution"});
    if (e.source.empty()) out.push_back({"source", "source must say where the exercise comes from"});
    if (!e.easier.empty() && e.easier == e.id) out.push_back({"easier", "an exercise cannot be its own easier variant"});
    if (!e.harder.empty() && e.harder == e.id) out.push_back({"harder", "an exercise cannot be its own harder variant"});
    if (!e.family.empty() && !valid_exercise_id(e.family))
        out.push_back({"family", fmt::format("family '{}' must be 2 to 40 lowercase letters, digits and hyphens", e.family)});

    const DoseSpec& d = e.dose;
    for (const auto& [key, range] : {std::pair{"sets", d.sets}, {"reps", d.reps}, {"hold", d.hold}}) {
        if (range == Range{}) continue;  // absent; a written 0 is caught by the loader
        if (auto problem = dose_range_problem(key, range)) out.push_back({std::string("dose.") + key, *problem});
    }
    if (!d.reps.present() && !d.hold.present())
        out.push_back({"dose", "dose needs reps, hold or both"});
    if (d.tempo < 1 || d.tempo > 20) out.push_back({"dose.tempo", "tempo must be from 1 to 20 seconds per rep"});
    if (d.rest < 0 || d.rest > 300) out.push_back({"dose.rest", "rest must be from 0 to 300 seconds"});
    check_texts(e, out);
    return out;
}

const Exercise* Catalogue::find(std::string_view id) const {
    auto it = std::find_if(exercises_.begin(), exercises_.end(), [&](const Exercise& e) { return e.id == id; });
    return it == exercises_.end() ? nullptr : &*it;
}

const Exercise& Catalogue::get(std::string_view id) const {
    if (const Exercise* e = find(id)) return *e;
    const auto near = nearest_ids(id);
    if (near.empty())
        throw UsageError(fmt::format("unknown exercise '{}' (see 'backcare catalogue list')", id));
    throw UsageError(fmt::format("unknown exercise '{}'; did you mean {}?", id, join_or(near)));
}

std::vector<std::string> Catalogue::nearest_ids(std::string_view id, std::size_t count) const {
    std::vector<std::string> ids;
    for (const auto& e : exercises_) ids.push_back(e.id);
    return nearest(id, ids, count);
}

void Catalogue::add_or_replace(Exercise e) {
    auto it = std::find_if(exercises_.begin(), exercises_.end(), [&](const Exercise& x) { return x.id == e.id; });
    if (it != exercises_.end())
        *it = std::move(e);
    else
        exercises_.push_back(std::move(e));
}

std::vector<Diagnostic> cross_check(const std::vector<ParsedFile>& files, const Catalogue& base) {
    std::vector<Diagnostic> out;
    std::map<std::string, const ParsedExercise*, std::less<>> seen;
    for (const auto& file : files)
        for (const auto& p : file.exercises) {
            auto [it, inserted] = seen.emplace(p.exercise.id, &p);
            if (!inserted) {
                const SourcePos& first = it->second->id_pos;
                out.push_back({p.id_pos, fmt::format("duplicate id '{}' (first defined at {}:{})", p.exercise.id,
                                                     first.file, first.line)});
            }
        }
    auto exists = [&](const std::string& id) { return seen.count(id) > 0 || base.find(id) != nullptr; };
    std::vector<std::string> ids;  // for suggestions, each once
    ids.reserve(seen.size() + base.exercises().size());
    for (const auto& [id, _] : seen) ids.push_back(id);
    for (const auto& e : base.exercises())
        if (!seen.count(e.id)) ids.push_back(e.id);
    for (const auto& file : files)
        for (const auto& p : file.exercises) {
            for (const auto& [variant, pos, what] :
                 {std::tuple{&p.exercise.easier, &p.easier_pos, "easier"}, {&p.exercise.harder, &p.harder_pos, "harder"}}) {
                if (variant->empty() || exists(*variant)) continue;
                const auto near = nearest(*variant, ids);
                out.push_back({*pos, fmt::format("{} variant '{}' names no exercise{}", what, *variant,
                                                 near.empty() ? "" : fmt::format("; did you mean {}?", join_or(near)))});
            }
        }
    return out;
}

ParsedFile read_catalogue_file(const std::filesystem::path& path) {
    std::string text;
    try {
        // A regular file of a bounded size: never a FIFO that blocks or a device that never ends.
        text = read_small_file(path, max_catalogue_file_bytes, "the catalogue file");
    } catch (const IoError& e) {
        ParsedFile failed;
        failed.name = path.string();
        failed.diagnostics.push_back({SourcePos(path.string()), e.what()});
        return failed;
    }
    return parse_catalogue(text, path.string());
}

std::vector<std::filesystem::path> catalogue_files_in(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    if (path_kind(dir, "read the catalogue directory") == PathKind::absent) return files;
    std::error_code ec;
    std::filesystem::directory_iterator it(dir, ec);
    if (ec) throw_path_error("read the catalogue directory", dir, ec.value());
    for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
        if (ec) throw_path_error("read the catalogue directory", dir, ec.value());
        if (it->path().extension() == ".toml") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

Catalogue load_catalogue(Catalogue base, const std::filesystem::path& dir) {
    const auto paths = catalogue_files_in(dir);
    if (paths.empty()) return base;
    std::vector<ParsedFile> files;
    std::vector<Diagnostic> problems;
    for (const auto& path : paths) {
        files.push_back(read_catalogue_file(path));
        problems.insert(problems.end(), files.back().diagnostics.begin(), files.back().diagnostics.end());
    }
    if (problems.empty()) problems = cross_check(files, base);
    if (!problems.empty()) {
        const Diagnostic& first = problems.front();
        std::vector<std::string> detail = first.snippet();
        if (problems.size() > 1)
            detail.push_back(fmt::format("({} more problem{}; run 'backcare catalogue lint {}/*.toml')",
                                         problems.size() - 1, plural_suffix(problems.size() - 1), dir.string()));
        throw DataError(first.headline(), std::move(detail));
    }
    for (auto& file : files)
        for (auto& p : file.exercises) base.add_or_replace(std::move(p.exercise));
    return base;
}

}  // namespace backcare
