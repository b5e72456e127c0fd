#pragma once
// Local calendar dates from instants, with the time zone of the process (TZ).
#include <chrono>
#include <optional>
#include <string_view>

namespace backcare {

using Instant = std::chrono::system_clock::time_point;

std::chrono::sys_days local_date(Instant);

// "2026-11-23T18:30:00" (local time) or with a trailing Z (UTC); seconds optional.
std::optional<Instant> parse_iso_instant(std::string_view);

}  // namespace backcare
