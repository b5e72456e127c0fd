// SPDX-License-Identifier: MIT
// `backcare due`: whether a session is due now, from the settings, the local
// time and the sessions logged today. The decision is a pure function so that
// every branch (days, hours, overnight windows, the daily target) is tested
// without a clock or a log.
#pragma once
#include <optional>
#include <string>

#include "clock.hpp"
#include "journal.hpp"
#include "pain.hpp"
#include "settings.hpp"

namespace backcare {

// An instant as the local wall clock shows it.
struct LocalMoment {
    Date date{};
    int minute = 0;   // since local midnight, 0 to 1439
    int weekday = 0;  // 0 = Sunday … 6 = Saturday
};
LocalMoment local_moment(Instant);

struct DueAnswer {
    bool due = false;
    std::string reason;  // "2 of 3 sessions done today", "outside the active hours 09:00-18:00"
};

DueAnswer due_at(const Config&, const LocalMoment&, int sessions_done_today);

// While the pain warning holds nothing is due: "pain warning (pain 8/10 after it, on 2026-11-28)".
DueAnswer due_with_pain(const std::optional<PainWarning>&, DueAnswer otherwise);

// The answer for now, counting today's sessions in the log (an absent log
// has none); pain: the warning in force, which it also gives.
DueAnswer due_now(const Config&, Instant now, const std::optional<Journal>&, std::optional<PainWarning>& pain);

}  // namespace backcare
