// SPDX-License-Identifier: MIT
#pragma once
// Instants, local calendar dates (in the process's time zone, TZ) and the
// ways people write them on the command line.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace backcare {

using Instant = std::chrono::system_clock::time_point;
using Date = std::chrono::sys_days;

// The one range of dates backcare works with, everywhere: the clock, --at,
// --since and --until, and every session stored or imported. Outside it a
// date is refused (a clock set wrong, a typo), never stored or counted.
inline constexpr Date first_supported_day{std::chrono::year{2000} / 1 / 1};
inline constexpr Date last_supported_day{std::chrono::year{2099} / 12 / 31};
// Seconds since the epoch at the start of the first day and the end of the last.
inline constexpr std::int64_t first_supported_second = 946'684'800;   // 2000-01-01T00:00:00Z
inline constexpr std::int64_t last_supported_second = 4'102'444'799;  // 2099-12-31T23:59:59Z
bool in_supported_range(std::int64_t unix_seconds);
bool in_supported_range(Date);
// "the years 2000 to 2099", for messages.
std::string_view supported_years();

// The clock as now: UsageError when it is outside the supported range
// (named as what says so: "the system clock", "BACKCARE_NOW").
Instant checked_now(std::int64_t unix_seconds, std::string_view source);

Date local_date(Instant);
// Seconds east of UTC at that instant, where this process runs.
int utc_offset_at(Instant);

// "2026-11-23T18:30:00" (local time) or with a trailing Z (UTC) or an offset
// (+01:00); seconds optional. Unix seconds, so that no year overflows;
// nullopt when it cannot be read.
std::optional<std::int64_t> parse_iso_seconds(std::string_view);
// The same as an instant; nullopt also outside the supported range.
std::optional<Instant> parse_iso_instant(std::string_view);

// When a session happened, and the UTC offset when the text gives one
// ("2026-11-24T00:30+01:00": that offset is where it happened, whatever TZ says).
struct When {
    Instant at;
    std::optional<int> utc_offset;
};
// "now", "2026-11-23T18:30", "2026-11-23 18:30", "2026-11-23T18:30+01:00",
// "18:30" (today), "yesterday 18:00", "today 7:30", "-2h", "-45m", "-1d".
// Throws UsageError for impossible dates, the future, or outside the supported range.
When parse_when(std::string_view text, Instant now, std::string_view option);

// "8m", "90s", "1h", "1h30m", "2m30s"; throws UsageError naming the option.
int parse_duration(std::string_view text, std::string_view option);

// The first day of a period: "2026-11-01", "7d", "4w", "3m", "1y", "today",
// "yesterday", or "all" (first_supported_day). A date outside the
// supported range is refused.
Date parse_since(std::string_view text, Date today, std::string_view option);
// Same words; "2026-11-30" means up to and including that day.
Date parse_until(std::string_view text, Date today, std::string_view option);

std::string format_date(Date);  // "2026-11-23"
std::optional<Date> parse_date(std::string_view);

}  // namespace backcare
