// SPDX-License-Identifier: MIT
#include "paths.hpp"

#include <fmt/format.h>

#include "errors.hpp"

namespace backcare {

std::optional<std::string> Paths::env(const char* name) const {
    auto v = env_(name);
    if (v && v->empty()) return std::nullopt;
    return v;
}

std::filesystem::path Paths::base(const char* var, const char* fallback) const {
    if (auto v = env(var); v && std::filesystem::path(*v).is_absolute()) return *v;
    auto home = env("HOME");
    if (!home || !std::filesystem::path(*home).is_absolute())
        throw UsageError(fmt::format("cannot place backcare's files: {} is not an absolute path and HOME is {}; set one of them",
                                     var, home ? "not absolute" : "not set"));
    return std::filesystem::path(*home) / fallback;
}

std::filesystem::path Paths::config_file() const {
    if (config_flag_) return *config_flag_;
    if (auto v = env("BACKCARE_CONFIG")) return *v;
    return base("XDG_CONFIG_HOME", ".config") / "backcare" / "config.toml";
}

std::string Paths::config_file_source() const {
    if (config_flag_) return "flag --config";
    if (env("BACKCARE_CONFIG")) return "environment BACKCARE_CONFIG";
    return "default";
}

bool Paths::config_file_required() const { return config_flag_ || env("BACKCARE_CONFIG"); }

std::filesystem::path Paths::catalogue_dir() const {
    return base("XDG_CONFIG_HOME", ".config") / "backcare" / "catalogue";
}

std::filesystem::path Paths::state_dir() const { return base("XDG_STATE_HOME", ".local/state") / "backcare"; }

std::filesystem::path Paths::database() const {
    if (db_flag_) return *db_flag_;
    if (auto v = env("BACKCARE_DB")) return *v;
    return base("XDG_DATA_HOME", ".local/share") / "backcare" / "backcare.db";
}

std::string Paths::database_source() const {
    if (db_flag_) return "flag --db";
    if (env("BACKCARE_DB")) return "environment BACKCARE_DB";
    return "default";
}

}  // namespace backcare
