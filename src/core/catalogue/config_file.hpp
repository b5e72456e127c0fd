// SPDX-License-Identifier: MIT
#pragma once
// Reading config.toml (TOML, so it lives beside the catalogue files).
#include <filesystem>
#include <string>
#include <string_view>

#include "settings.hpp"

namespace backcare {

// Parses config.toml text; throws DataError "file:line:column: message" on
// any problem (unknown key, wrong type, value out of range).
Config parse_config(std::string_view text, const std::string& file_name);

// Reads a config file. A missing file gives the defaults unless required
// (named by --config or BACKCARE_CONFIG), when it is an IoError.
Config load_config(const std::filesystem::path&, bool required);

}  // namespace backcare
