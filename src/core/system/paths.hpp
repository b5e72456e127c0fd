// SPDX-License-Identifier: MIT
#pragma once
// Where backcare's files live, following the XDG Base Directory spec.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace backcare {

// Reads one environment variable; main() passes getenv, tests pass a map.
using Environment = std::function<std::optional<std::string>(const std::string&)>;

class Paths {
public:
    Paths(Environment env, std::optional<std::filesystem::path> config_flag, std::optional<std::filesystem::path> db_flag)
        : env_(std::move(env)), config_flag_(std::move(config_flag)), db_flag_(std::move(db_flag)) {}

    // Each throws UsageError when neither the XDG variable (absolute) nor HOME can place it.
    std::filesystem::path config_file() const;
    std::string config_file_source() const;
    // Named by --config or BACKCARE_CONFIG, so a missing file is an error.
    bool config_file_required() const;
    std::filesystem::path catalogue_dir() const;
    std::filesystem::path state_dir() const;
    std::filesystem::path last_plan_file() const { return state_dir() / "last-plan.json"; }
    // Present once the red flags have been shown before a first routine.
    std::filesystem::path safety_shown_file() const { return state_dir() / "safety-shown"; }
    std::filesystem::path database() const;
    std::string database_source() const;

private:
    // $VAR when set to an absolute path (a relative one is ignored, as the spec says), else $HOME/fallback.
    std::filesystem::path base(const char* var, const char* fallback) const;
    std::optional<std::string> env(const char* name) const;

    Environment env_;
    std::optional<std::filesystem::path> config_flag_;
    std::optional<std::filesystem::path> db_flag_;
};

}  // namespace backcare
