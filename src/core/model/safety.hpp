// SPDX-License-Identifier: MIT
// The signs that need a doctor rather than exercise ("red flags"), in one
// place: 'backcare safety' shows them, the first routine ever shown at a
// terminal opens with them, and every pain warning points to them. Written
// from public clinical guidance, cited in safety_sources and backcare(1).
#pragma once
#include <string>
#include <vector>

namespace backcare {

struct RedFlagGroup {
    std::string heading;             // what to do: "Call an emergency number ..."
    std::vector<std::string> signs;  // when, each a short clause
};

struct SafetySource {
    std::string title;
    std::string url;
};

const std::vector<RedFlagGroup>& red_flags();
const std::vector<SafetySource>& safety_sources();
// One line before the groups, and one after: what the list is and is not.
std::string safety_intro();
std::string safety_outro();

}  // namespace backcare
