// SPDX-License-Identifier: MIT
#pragma once
// `backcare config` as JSON: the settings in force and the files in use.
#include <string>
#include <vector>

#include "settings.hpp"

namespace backcare {

struct PathRow {
    std::string name;
    std::string path;
    std::string note;  // "absent", "2 files", where it came from
};
// profiles: each [profile.NAME] and the settings it gives.
std::string config_json(const std::vector<SettingRow>&, const std::vector<std::pair<std::string, std::vector<SettingRow>>>& profiles,
                        const std::vector<PathRow>&);

}  // namespace backcare
