// SPDX-License-Identifier: MIT
// The one pain rule, computed here and shown wherever it matters: stats'
// warning, plan's and go's eased routines and paused progression, due's
// "not due", and the message when a painful session is logged.
//
//  - A session is painful when pain after it is 7/10 or more, or 2 or more
//    above pain before it.
//  - The warning holds from a painful session (of the last 28 days) until
//    at least 7 days and 2 sessions without pain rising have followed it
//    (sessions scored after, not painful); a later painful session starts
//    it again.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "clock.hpp"
#include "session.hpp"

namespace backcare {

inline constexpr int pain_high = 7;           // pain after, out of 10
inline constexpr int pain_rise = 2;           // pain after minus pain before
inline constexpr int pain_look_back_days = 28;
inline constexpr int pain_wait_days = 7;
inline constexpr int pain_good_sessions = 2;

bool painful(const std::optional<int>& before, const std::optional<int>& after);
bool painful(const Session&);
// What made it painful: "pain 8/10 after it", "pain rose from 2 to 5".
std::string pain_reason(const std::optional<int>& before, const std::optional<int>& after);

// A session's pain, where it counts (its local date).
struct ScoredSession {
    Date day;
    std::optional<int> before, after;
};
ScoredSession scored(const Session&);

struct PainWarning {
    Date day;            // of the painful session
    std::string reason;  // pain_reason of it
    int days_since = 0;
    int good_since = 0;  // sessions without pain rising since
};

// The warning in force on `today`, from the sessions up to it, oldest first
// (those without a pain score may be among them); nullopt when none holds.
std::optional<PainWarning> pain_warning(std::span<const ScoredSession> chronological, Date today);
// For each session, whether the warning held on its day with it counted (a
// painful session is under its own warning): pain_warning of each prefix, in one pass.
std::vector<bool> pain_warning_each(std::span<const ScoredSession> chronological);

// What the warning means, for a person, in one paragraph: ease or stop what
// hurts, the routines eased until it ends, a professional, and 'backcare safety'.
std::string pain_warning_message(const PainWarning&);
// When a session just stored is painful: what it means, at once.
std::string painful_session_message(const std::optional<int>& before, const std::optional<int>& after);

}  // namespace backcare
