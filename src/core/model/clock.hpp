#pragma once
// Instants, local calendar dates (in the process's time zone, TZ) and the
// ways people write them on the command line.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace backcare {

using Instant = std::chrono::system_clock::time_point;
using Date = std::chrono::sys_days;

Date local_date(Instant);
// Seconds east of UTC at that instant, where this process runs.
int utc_offset_at(Instant);

// "2026-11-23T18:30:00" (local time) or with a trailing Z (UTC); seconds optional.
std::optional<Instant> parse_iso_instant(std::string_view);

// When a session happened: "now", "2026-11-23T18:30", "2026-11-23 18:30",
// "18:30" (today), "yesterday 18:00", "today 7:30", "-2h", "-45m", "-1d".
// Throws UsageError for impossible dates, the future, or before 2000.
Instant parse_when(std::string_view text, Instant now, std::string_view option);

// "8m", "90s", "1h", "1h30m", "2m30s"; throws UsageError naming the option.
int parse_duration(std::string_view text, std::string_view option);

// The first day of a period: "2026-11-01", "7d", "4w", "3m", "1y", "today",
// "yesterday", or "all" (the beginning of time).
Date parse_since(std::string_view text, Date today, std::string_view option);
// Same words; "2026-11-30" means up to and including that day.
Date parse_until(std::string_view text, Date today, std::string_view option);

std::string format_date(Date);  // "2026-11-23"
std::optional<Date> parse_date(std::string_view);

}  // namespace backcare
