// SPDX-License-Identifier: MIT
// `backcare config`: the files backcare uses.
#include "files_in_use.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "catalogue.hpp"
#include "text.hpp"

namespace backcare {
namespace {

std::string presence(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::exists(p, ec) ? "present" : "absent";
}

}  // namespace

std::vector<PathRow> files_in_use(const Paths& paths, std::size_t builtin_exercises) {
    const auto files = catalogue_files_in(paths.catalogue_dir());
    return {
        {"config", paths.config_file().string(), presence(paths.config_file()) + ", " + paths.config_file_source()},
        {"catalogue", paths.catalogue_dir().string(),
         fmt::format("{} file{} over {} built-in exercises", files.size(), plural_suffix(files.size()), builtin_exercises)},
        {"state", paths.state_dir().string(), presence(paths.state_dir())},
        {"database", paths.database().string(), presence(paths.database()) + ", " + paths.database_source()},
    };
}

}  // namespace backcare
