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
    std::vector<std::string> skip;
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
// or DataError from the remembered plan (see remembered_plan.hpp).
Session typed_session(const LogRequest&, Instant now, const UuidMaker& new_uuid, const Catalogue&,
                      const std::filesystem::path& remembered_plan_file);

// What storing one session did: a retried log (its uuid already in the log)
// stores nothing and gives the session stored the first time.
struct StoredSession {
    std::optional<Session> session;  // as stored, with its id; nullopt only if the first one is gone
    bool already_present = false;
};
StoredSession store_session(const std::filesystem::path& database, const Session&, const JournalOptions& = {});
// What storing it would do, storing nothing: a session whose uuid is in the
// log already is that one (already_present), else it would be new.
StoredSession try_session(const std::optional<Journal>&, const Session&);

}  // namespace backcare
