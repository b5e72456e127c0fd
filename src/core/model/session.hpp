// SPDX-License-Identifier: MIT
#pragma once
// A logged session and its entries, as stored in the journal.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clock.hpp"
#include "dose.hpp"
#include "settings.hpp"

namespace backcare {

enum class EntryStatus { done, skipped };
// "done" and "skipped": as the log stores them and exports write them.
std::string_view name_of(EntryStatus);
std::optional<EntryStatus> parse_entry_status(std::string_view);

// Why an exercise was skipped, when the person said: it hurt, there was no
// time, the kit was not at hand, or something else. Progression reads them
// (progression.hpp): a skip that hurt steps the dose down, one for time or
// kit does not count against the exercise, any other holds its count.
enum class SkipReason { hurt, time, kit, other };
inline constexpr SkipReason all_skip_reasons[] = {SkipReason::hurt, SkipReason::time, SkipReason::kit, SkipReason::other};
// "hurt", "time", "kit" and "other": as the log stores them and exports write them.
std::string_view name_of(SkipReason);
std::optional<SkipReason> parse_skip_reason(std::string_view);
// The names, in order, for messages and help: "hurt, time, kit or other".
std::string skip_reason_names();

// The side an entry was done on: both at once, each in turn, or one only.
enum class Side { both, each, left, right };
// "both", "each", "left" and "right": as the log stores them and exports
// write them (the catalogue spells an exercise's laterality "each-side").
std::string_view name_of(Side);
std::optional<Side> parse_side(std::string_view);
// The side an exercise is done on when nothing says otherwise.
Side side_of(Laterality);

// The dose a plan or a guided routine prescribed for an entry.
struct PlannedDose {
    int sets = 1;
    int reps = 0;
    int hold = 0;  // seconds
    friend bool operator==(const PlannedDose&, const PlannedDose&) = default;
};

struct Entry {
    // Id and name as they were when logged, so history survives a catalogue change.
    std::string exercise_id;
    std::string exercise_name;
    int sets = 1;
    int reps = 0;
    int hold = 0;               // seconds
    Side side = Side::both;
    std::string load;
    EntryStatus status = EntryStatus::done;
    std::optional<PlannedDose> planned;  // nullopt when typed without a plan
    std::optional<SkipReason> skip_reason;  // a skipped entry's, when one was given
    friend bool operator==(const Entry&, const Entry&) = default;
};

enum class Origin { typed, plan, import, guided };
std::string_view name_of(Origin);
std::optional<Origin> parse_origin(std::string_view);

struct Session {
    std::int64_t id = 0;           // row id in this journal; 0 before it is stored
    std::string uuid;              // stable across machines, exports and imports
    std::int64_t started = 0;      // UTC, seconds since the epoch
    int utc_offset = 0;            // seconds east of UTC where it was logged
    int duration = 0;              // seconds
    PlanGoal goal;                 // nullopt: balanced or mixed
    std::optional<int> pain_before;  // 0..10
    std::optional<int> pain_after;   // 0..10
    std::string note;
    Origin origin = Origin::typed;
    std::vector<Entry> entries;
    friend bool operator==(const Session&, const Session&) = default;

    // The calendar date where it was logged, "2026-11-23".
    std::string local_date() const;
};

// "2026-11-23T18:30:00+01:00": the start as it was on the clock where it was logged.
std::string format_started(const Session&);
// Parses format_started's form (or a trailing Z); nullopt when invalid.
std::optional<std::pair<std::int64_t, int>> parse_started(std::string_view);

// A random (version 4) UUID from two random 64-bit numbers.
std::string make_uuid(std::uint64_t high, std::uint64_t low);
// For a session read without a uuid: one derived from everything it holds
// (normalised: its start as an instant, whatever offset it was written
// with; a duration below 0 stands for one not given), so that the same input
// read twice is the same session and two different sessions never are.
std::string content_uuid(const Session&);
// What earlier versions derived (start, offset and entries only): a session
// stored under it is the same session only if it holds the same.
std::string content_uuid_before_2(const Session&);
bool is_uuid(std::string_view);

// The checks every stored session passes, whatever its source; throws
// UsageError (typed input) naming the field: the limits above, a start in
// the supported range, and text that is UTF-8 without control characters.
// Notes and pain values are never echoed in messages.
void check_entry(const Entry&);
void check_session(const Session&);

// A pain score from 0 to 10; the error does not repeat the value typed.
int parse_pain(std::string_view text, std::string_view option);

// The limits of what a session may hold (backcare(1) lists them): every way
// in refuses more, so nothing unbounded is ever stored or shown.
inline constexpr std::size_t max_note_bytes = std::size_t{64} * 1024;
inline constexpr std::size_t max_id_bytes = 40;
inline constexpr std::size_t max_name_bytes = 200;
inline constexpr std::size_t max_load_bytes = 40;
inline constexpr std::size_t max_entries = 100;

// How an entry compares with the dose planned for it (adherence, progression).
enum class DoseClass {
    full,       // done, with sets, reps and hold each at least as planned
    reduced,    // done, below the planned dose in sets, reps or hold
    skipped,    // skipped, planned or not
    unplanned,  // done, logged without a planned dose
};
DoseClass dose_class(bool done, int sets, int reps, int hold, const std::optional<PlannedDose>& planned);


// The last day each exercise was done (or, for the planner's ranking, done
// or skipped: Journal::last_offered), by exercise id.
using LastDone = std::map<std::string, std::chrono::sys_days, std::less<>>;

}  // namespace backcare
