// SPDX-License-Identifier: MIT
// The pain warning as JSON, the same object in plan, stats and log. Only the
// formats layer's JSON writers include this (it needs nlohmann/json).
#pragma once
#include <nlohmann/json.hpp>

#include "pain.hpp"

namespace backcare {

// {"date", "reason", "days_since", "good_since", "message"}
nlohmann::ordered_json pain_warning_json(const PainWarning&);

}  // namespace backcare
