// SPDX-License-Identifier: MIT
// `backcare log`: the session a typed log describes (exercises named, or the
// remembered plan with some left out), and storing it so that a retry is
// stored once. The option values come in as typed, so every rule and every
// refusal is here, where a unit test reaches it.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "journal.hpp"
#include "catalogue.hpp"
#include "clock.hpp"
#include "session.hpp"

namespace backcare {

// The options of `log` that describe the session, as typed.
struct LogRequest {
    std::vector<std::string> items;  // "cat-cow:10", or the single "-" for sessions on standard input
    bool plan = false;
    bool again = false;              // --again: log the remembered plan again, overlapping a log of it
    std::vector<std::string> skip;   // "ID" or "ID:REASON", each maybe a comma list
    std::optional<std::string> at, duration, pain_before, pain_after, note, uuid;
};

// Whether the request reads its sessions from standard input ("log -").
bool reads_standard_input(const LogRequest&);
// Standard input gives every field; UsageError when the request gives any too.
void check_standard_input_request(const LogRequest&);

// Makes a fresh random UUID; called only when the request names none.
using UuidMaker = std::function<std::string()>;

// The session to store for a typed request, checked (check_session). Without
// --duration it is estimated from the doses (or the plan's own time, when all
// of it was done); without --at it started that long before now. UsageError
// for each option that cannot be read or does not fit the others; NoResult
// or DataError from the remembered plan (see remembered_plan.hpp). With it,
// what a person is told on the side (notes, on standard error unless
// --quiet): how a dose that reads two ways was read ("chin-tuck:10x3" is 10
// sets of 3 reps; 10x3s would be held reps), and how old a remembered plan
// made more than a day ago is. A dose of reps for an exercise the catalogue
// gives only as a hold (or a hold alone for one given only in reps) is
// refused, the notation meant suggested.
struct TypedLog {
    Session session;
    std::vector<std::string> notes;
    int plan_seconds = 0;  // with --plan: the time the plan said it takes
};
TypedLog typed_log(const LogRequest&, Instant now, const UuidMaker& new_uuid, const Catalogue&,
                   const std::filesystem::path& remembered_plan_file);

// With --plan and without --again: UsageError when the log has this plan
// logged already (a session from a plan or a guided routine with the same
// exercises in the same order) starting less than the plan's own time from
// this one's start, so that the two would overlap. The message names that
// session (number, date and time) and --again. A session whose uuid is in
// the log already is a retry, not a second log: it is not refused.
// The log may be absent (nullptr): nothing to compare with.
void refuse_logged_twice(const Journal*, const LogRequest&, const TypedLog&);
// What storing one session did: a retried log (its uuid already in the log)
// stores nothing and gives the session stored the first time.
struct StoredSession {
    std::optional<Session> session;  // as stored, with its id; nullopt only if the first one is gone
    bool already_present = false;
};
// before, when given, sees the log open for writing first and may refuse (throw).
StoredSession store_session(const std::filesystem::path& database, const Session&, const JournalOptions& = {},
                            const std::function<void(const Journal&)>& before = {});
// What storing it would do, storing nothing: a session whose uuid is in the
// log already is that one (already_present), else it would be new.
StoredSession try_session(const std::optional<Journal>&, const Session&);

}  // namespace backcare
