#pragma once
// Output of plans and catalogue entries in each format. Renderers write to a
// stream and take everything they show as parameters.
#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "planner.hpp"
#include "style.hpp"

namespace backcare {

inline constexpr int plan_json_schema = 1;
inline constexpr int catalogue_json_schema = 1;

// remembered: the plan was saved for `log --plan`, which the footer then offers;
// explain: why each exercise and dose was chosen.
void render_plan_text(std::ostream&, const Routine&, const Style&, bool quiet, bool remembered, bool explain = false);
void render_plan_tsv(std::ostream&, const Routine&);
void render_plan_markdown(std::ostream&, const Routine&);
// Also the format of the remembered last plan.
std::string plan_json(const Routine&, std::chrono::system_clock::time_point created);

void render_catalogue_text(std::ostream&, const std::vector<const Exercise*>&, const Style&);
void render_catalogue_tsv(std::ostream&, const std::vector<const Exercise*>&);
std::string catalogue_json(const std::vector<const Exercise*>&);
void render_exercise_text(std::ostream&, const Exercise&, const Catalogue&, const Style&, bool quiet);
std::string exercise_json(const Exercise&);

// The one-line safety note shown where it matters.
std::string_view safety_note();

}  // namespace backcare

#include "settings.hpp"

namespace backcare {

struct PathRow {
    std::string name;
    std::string path;
    std::string note;  // "absent", "2 files", where it came from
};
std::string config_json(const std::vector<SettingRow>&, const std::vector<PathRow>&);

}  // namespace backcare

#include "stats.hpp"

namespace backcare {

// quiet drops the friendly line for an empty log.
void render_stats_text(std::ostream&, const Stats&, const Style&, bool quiet);
std::string stats_json(const Stats&);
// One row per period.
void render_stats_csv(std::ostream&, const Stats&);

}  // namespace backcare
