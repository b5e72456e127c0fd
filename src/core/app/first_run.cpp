// SPDX-License-Identifier: MIT
#include "first_run.hpp"

#include "errors.hpp"
#include "files.hpp"

namespace backcare {

bool first_routine(const std::filesystem::path& marker) {
    try {
        if (path_kind(marker, "read the first-run marker") != PathKind::absent) return false;
        make_private_dirs(marker.parent_path());
        create_new_file(marker, 0600);
    } catch (const Error&) {
        // Shown, not recorded: see the header.
    }
    return true;
}

}  // namespace backcare
