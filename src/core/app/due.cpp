// SPDX-License-Identifier: MIT
// `backcare due`: the decision and the call that counts today's sessions.
#include "due.hpp"
#include "routines.hpp"
#include "text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace backcare {

LocalMoment local_moment(Instant now) {
    const auto local = now + std::chrono::seconds{utc_offset_at(now)};
    const auto since_midnight =
        std::chrono::duration_cast<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local));
    LocalMoment m;
    m.date = local_date(now);
    m.minute = static_cast<int>(since_midnight.count());
    m.weekday = static_cast<int>(std::chrono::weekday{m.date}.c_encoding());
    return m;
}

DueAnswer due_at(const Config& config, const LocalMoment& at, int done) {
    const int target = config.daily_target.value;
    const auto& hours = config.active_hours.value;
    const auto& days = config.active_days.value;
    if (std::find(days.begin(), days.end(), at.weekday) == days.end())
        return {false, fmt::format("{} is not an active day", weekday_name(at.weekday))};
    if (!hours.contains(at.minute)) return {false, fmt::format("outside the active hours {}", format_active_hours(hours))};
    if (done >= target)
        return {false, fmt::format("{} session{} done today, and the daily target is {}", done, plural_suffix(done), target)};
    return {true, fmt::format("{} of {} session{} done today", done, target, plural_suffix(target))};
}

DueAnswer due_with_pain(const std::optional<PainWarning>& pain, DueAnswer otherwise) {
    if (!pain) return otherwise;
    return {false, fmt::format("pain warning ({}, on {})", pain->reason, format_date(pain->day))};
}

DueAnswer due_now(const Config& config, Instant now, const std::optional<Journal>& journal, std::optional<PainWarning>& pain) {
    const LocalMoment at = local_moment(now);
    pain = pain_warning_on(journal, at.date);
    return due_with_pain(pain, due_at(config, at, journal ? journal->sessions_on(at.date) : 0));
}

}  // namespace backcare
