// SPDX-License-Identifier: MIT
#include "pain.hpp"

#include <fmt/format.h>

namespace backcare {

bool painful(const std::optional<int>& before, const std::optional<int>& after) {
    if (!after) return false;
    return *after >= pain_high || (before && *after - *before >= pain_rise);
}

bool painful(const Session& s) { return painful(s.pain_before, s.pain_after); }

std::string pain_reason(const std::optional<int>& before, const std::optional<int>& after) {
    if (after && before && *after - *before >= pain_rise) return fmt::format("pain rose from {} to {}", *before, *after);
    return fmt::format("pain {}/10 after it", after.value_or(0));
}

ScoredSession scored(const Session& s) {
    return {std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{s.started + s.utc_offset}}),
            s.pain_before, s.pain_after};
}

std::optional<PainWarning> pain_warning(std::span<const ScoredSession> chronological, Date today) {
    std::optional<PainWarning> w;
    for (const ScoredSession& s : chronological) {
        if (s.day > today) continue;
        if (s.day < today - std::chrono::days{pain_look_back_days - 1}) continue;
        if (painful(s.before, s.after)) {
            w = PainWarning{s.day, pain_reason(s.before, s.after), 0, 0};
        } else if (w && s.after) {
            ++w->good_since;
        }
    }
    if (!w) return w;
    w->days_since = static_cast<int>((today - w->day).count());
    if (w->days_since >= pain_wait_days && w->good_since >= pain_good_sessions) return std::nullopt;
    return w;
}

std::vector<bool> pain_warning_each(std::span<const ScoredSession> chronological) {
    std::vector<bool> out;
    out.reserve(chronological.size());
    const ScoredSession* last = nullptr;  // the last painful session so far
    int good = 0;
    for (const ScoredSession& s : chronological) {
        if (painful(s.before, s.after)) {
            last = &s;
            good = 0;
        } else if (last && s.after) {
            ++good;
        }
        const bool in_window = last && last->day >= s.day - std::chrono::days{pain_look_back_days - 1};
        out.push_back(in_window && !((s.day - last->day).count() >= pain_wait_days && good >= pain_good_sessions));
    }
    return out;
}

std::string pain_warning_message(const PainWarning& w) {
    return fmt::format(
        "Pain warning: in the session of {}, {}. Ease or stop the exercises that hurt: routines are eased and doses do not "
        "step up until {} days and {} sessions without pain rising have followed it ({} so far). If the pain persists, or "
        "any sign in 'backcare safety' applies, see a physiotherapist or doctor.",
        format_date(w.day), w.reason, pain_wait_days, pain_good_sessions, w.good_since);
}

std::string painful_session_message(const std::optional<int>& before, const std::optional<int>& after) {
    const std::string what = after && before && *after - *before >= pain_rise
                                 ? fmt::format("pain rose from {} to {} in this session", *before, *after)
                                 : fmt::format("pain after this session was {}/10", after.value_or(0));
    return fmt::format(
        "Pain warning: {}. That is more than a routine should cause: ease or stop the exercises that hurt. The next routines are eased "
        "and doses do not step up for a while. If the pain persists, or any sign in 'backcare safety' applies (such as "
        "chest pain, or numbness or weakness in the arms), see a physiotherapist or doctor.",
        what);
}

}  // namespace backcare
