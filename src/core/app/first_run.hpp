// SPDX-License-Identifier: MIT
#pragma once
// The red flags before the first routine ever shown at a terminal, and not again.
#include <filesystem>

namespace backcare {

// True the first time (the marker absent), which it then records. When it
// cannot be recorded (a read-only state directory) it is true again next
// time: the list shown twice is better than a failed plan.
bool first_routine(const std::filesystem::path& marker);

}  // namespace backcare
