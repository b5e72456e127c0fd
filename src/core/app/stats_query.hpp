// SPDX-License-Identifier: MIT
// `backcare stats`: the request from the options as typed, over the settings,
// and the summary from the log, which may not exist yet.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "catalogue.hpp"
#include "clock.hpp"
#include "journal.hpp"
#include "settings.hpp"
#include "stats.hpp"

namespace backcare {

// The options of `stats` that choose what is summed, as typed.
struct StatsQuery {
    std::optional<std::string> since, until, by, exercise, goal;
};

// The request for the options: weeks and the target from the settings, the
// period to today by default (a later --until stops at today). UsageError for
// an option that cannot be read, and for a period that ends before it begins.
StatsRequest stats_request(const StatsQuery&, const Config&, Date today);

// The summary for the request from the log; an absent log is an empty one.
// An exercise filter must name an exercise in the log or, failing that, in
// the catalogue (loaded only then): UsageError naming the nearest otherwise.
Stats stats_for(const StatsRequest&, const std::optional<Journal>&, const std::function<Catalogue()>& catalogue);

}  // namespace backcare
