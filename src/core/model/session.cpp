// SPDX-License-Identifier: MIT
#include "session.hpp"

#include <charconv>
#include <chrono>

#include <fmt/format.h>

#include "errors.hpp"
#include "text.hpp"

namespace backcare {

std::string_view name_of(Origin o) {
    switch (o) {
        case Origin::plan: return "plan";
        case Origin::import: return "import";
        case Origin::guided: return "guided";
        case Origin::typed: break;
    }
    return "typed";
}

std::optional<Origin> parse_origin(std::string_view s) {
    for (Origin o : {Origin::typed, Origin::plan, Origin::import, Origin::guided})
        if (name_of(o) == s) return o;
    return std::nullopt;
}

// The names are string literals: the log binds them without a copy.
std::string_view name_of(EntryStatus s) { return s == EntryStatus::skipped ? "skipped" : "done"; }

std::optional<EntryStatus> parse_entry_status(std::string_view s) {
    for (EntryStatus e : {EntryStatus::done, EntryStatus::skipped})
        if (name_of(e) == s) return e;
    return std::nullopt;
}

std::string_view name_of(SkipReason r) {
    switch (r) {
        case SkipReason::hurt: return "hurt";
        case SkipReason::time: return "time";
        case SkipReason::kit: return "kit";
        case SkipReason::other: break;
    }
    return "other";
}

std::optional<SkipReason> parse_skip_reason(std::string_view s) {
    for (SkipReason r : all_skip_reasons)
        if (name_of(r) == s) return r;
    return std::nullopt;
}

std::string skip_reason_names() { return "hurt, time, kit or other"; }

std::string_view name_of(Side s) {
    switch (s) {
        case Side::each: return "each";
        case Side::left: return "left";
        case Side::right: return "right";
        case Side::both: break;
    }
    return "both";
}

std::optional<Side> parse_side(std::string_view s) {
    for (Side side : {Side::both, Side::each, Side::left, Side::right})
        if (name_of(side) == s) return side;
    return std::nullopt;
}

Side side_of(Laterality l) { return l == Laterality::each_side ? Side::each : Side::both; }

namespace {

std::chrono::sys_seconds local_clock(const Session& s) {
    return std::chrono::sys_seconds{std::chrono::seconds{s.started + s.utc_offset}};
}

}  // namespace

std::string Session::local_date() const {
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(local_clock(*this))};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::string format_started(const Session& s) {
    const auto local = local_clock(s);
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{local - day};
    const int off = s.utc_offset;
    const int abs = off < 0 ? -off : off;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                       hms.minutes().count(), hms.seconds().count(), off < 0 ? '-' : '+', abs / 3600, abs % 3600 / 60);
}

std::optional<std::pair<std::int64_t, int>> parse_started(std::string_view s) {
    // YYYY-MM-DDTHH:MM:SS then Z or ±HH:MM
    if (s.size() != 20 && s.size() != 25) return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
        int v = 0;
        auto [end, ec] = std::from_chars(s.data() + pos, s.data() + pos + len, v);
        if (ec != std::errc{} || end != s.data() + pos + len) return std::nullopt;
        return v;
    };
    if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':') return std::nullopt;
    auto y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), sec = num(17, 2);
    if (!y || !mo || !d || !h || !mi || !sec) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{*y}, std::chrono::month(static_cast<unsigned>(*mo)),
                                          std::chrono::day(static_cast<unsigned>(*d))};
    if (!ymd.ok() || *h > 23 || *mi > 59 || *sec > 59) return std::nullopt;
    int offset = 0;
    if (s.size() == 20) {
        if (s[19] != 'Z') return std::nullopt;
    } else {
        if ((s[19] != '+' && s[19] != '-') || s[22] != ':') return std::nullopt;
        auto oh = num(20, 2), om = num(23, 2);
        if (!oh || !om || *oh > 14 || *om > 59) return std::nullopt;
        offset = (*oh * 3600 + *om * 60) * (s[19] == '-' ? -1 : 1);
    }
    const auto local = std::chrono::sys_days{ymd} + std::chrono::hours{*h} + std::chrono::minutes{*mi} +
                       std::chrono::seconds{*sec};
    return std::pair{static_cast<std::int64_t>(local.time_since_epoch().count()) - offset, offset};
}

std::string make_uuid(std::uint64_t high, std::uint64_t low) {
    high = (high & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
    low = (low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;    // RFC 4122 variant
    return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xffff, high & 0xffff,
                       low >> 48, low & 0xffffffffffffULL);
}

namespace {

std::string uuid_from_key(const std::string& key) {
    // FNV-1a, twice with different starting points: stable across versions and machines.
    auto fnv = [&](std::uint64_t h) {
        for (unsigned char c : key) h = (h ^ c) * 0x100000001b3ULL;
        return h;
    };
    std::string uuid = make_uuid(fnv(0xcbf29ce484222325ULL), fnv(0x84222325cbf29ce4ULL));
    uuid[14] = '8';  // version 8: derived, not random
    return uuid;
}

}  // namespace

std::string content_uuid(const Session& s) {
    // Everything the session holds but its number, the offset its start was
    // written with (the same moment is the same session) and the names the
    // catalogue gives; texts length-prefixed, so that no two sessions share a key.
    std::string key = "2";
    const auto text = [&](std::string_view t) { key += fmt::format("|{}:{}", t.size(), t); };
    const auto number = [&](std::optional<long long> n) { key += n ? fmt::format("|{}", *n) : std::string("|-"); };
    number(s.started);
    number(s.duration < 0 ? std::nullopt : std::optional<long long>(s.duration));
    text(s.goal ? name_of(*s.goal) : "");
    number(s.pain_before);
    number(s.pain_after);
    text(s.note);
    text(name_of(s.origin));
    for (const Entry& e : s.entries) {
        text(e.exercise_id);
        number(e.sets);
        number(e.reps);
        number(e.hold);
        text(name_of(e.side));
        text(e.load);
        text(name_of(e.status));
        if (e.planned) {
            number(e.planned->sets);
            number(e.planned->reps);
            number(e.planned->hold);
        } else {
            key += "|-";
        }
        // Only when given, so that what earlier versions derived stays the same.
        if (e.skip_reason) {
            key += "|r";
            text(name_of(*e.skip_reason));
        }
    }
    return uuid_from_key(key);
}

std::string content_uuid_before_2(const Session& s) {
    std::string key = fmt::format("{}|{}", s.started, s.utc_offset);
    for (const Entry& e : s.entries)
        key += fmt::format("|{}:{}:{}:{}:{}:{}:{}", e.exercise_id, e.sets, e.reps, e.hold, name_of(e.side), e.load,
                           name_of(e.status));
    return uuid_from_key(key);
}

bool is_uuid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

int parse_pain(std::string_view text, std::string_view option) {
    int v = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || v < 0 || v > 10)
        throw UsageError(fmt::format("{} must be a whole number from 0 (none) to 10 (worst)", option));
    return v;
}

namespace {

// Text that is stored is valid UTF-8 without control characters (a note may
// have lines and tabs), so that every export reads back exactly and nothing
// stored can command a terminal.
void check_text(std::string_view text, std::string_view what, bool lines_allowed) {
    if (const auto at = find_invalid_utf8(text); at != std::string_view::npos)
        throw UsageError(fmt::format("{} is not valid UTF-8 text (byte {} is not)", what, at + 1));
    if (has_control(text, lines_allowed))
        throw UsageError(fmt::format("{} holds a control character{}", what, lines_allowed ? " other than a line end or tab" : ""));
}

}  // namespace

void check_entry(const Entry& e) {
    if (e.exercise_id.empty() || e.exercise_id.size() > max_id_bytes)
        throw UsageError(fmt::format("an exercise id must be 1 to {} bytes", max_id_bytes));
    check_text(e.exercise_id, "an exercise id", false);
    if (e.exercise_id.find_first_of(" ,:") != std::string::npos)
        throw UsageError(fmt::format("exercise id '{}' holds a space, comma or colon", e.exercise_id));
    if (e.exercise_name.size() > max_name_bytes)
        throw UsageError(fmt::format("{}: the exercise's name is longer than {} bytes", e.exercise_id, max_name_bytes));
    check_text(e.exercise_name, fmt::format("{}: the exercise's name", e.exercise_id), false);
    if (e.sets < 1 || e.sets > max_sets) throw UsageError(fmt::format("{}: sets must be from 1 to {}", e.exercise_id, max_sets));
    if (e.reps < 0 || e.reps > max_reps) throw UsageError(fmt::format("{}: reps must be from 0 to {}", e.exercise_id, max_reps));
    if (e.hold < 0 || e.hold > max_hold_seconds) throw UsageError(fmt::format("{}: hold must be from 0 to {} seconds", e.exercise_id, max_hold_seconds));
    if (e.reps == 0 && e.hold == 0) throw UsageError(fmt::format("{}: a dose needs reps, a hold or both", e.exercise_id));
    if (e.load.size() > max_load_bytes) throw UsageError(fmt::format("{}: load is longer than {} bytes", e.exercise_id, max_load_bytes));
    check_text(e.load, fmt::format("{}: the load", e.exercise_id), false);
    if (e.skip_reason && e.status != EntryStatus::skipped)
        throw UsageError(fmt::format("{}: a skip reason goes only with a skipped entry", e.exercise_id));
    if (const auto& p = e.planned) {
        if (p->sets < 1 || p->sets > max_sets)
            throw UsageError(fmt::format("{}: planned sets must be from 1 to {}", e.exercise_id, max_sets));
        if (p->reps < 0 || p->reps > max_reps)
            throw UsageError(fmt::format("{}: planned reps must be from 0 to {}", e.exercise_id, max_reps));
        if (p->hold < 0 || p->hold > max_hold_seconds)
            throw UsageError(fmt::format("{}: planned hold must be from 0 to {} seconds", e.exercise_id, max_hold_seconds));
        if (p->reps == 0 && p->hold == 0)
            throw UsageError(fmt::format("{}: a planned dose needs reps, a hold or both", e.exercise_id));
    }
}

void check_session(const Session& s) {
    if (!is_uuid(s.uuid)) throw UsageError(fmt::format("uuid '{}' is not a lowercase UUID like 0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b", s.uuid.substr(0, 40)));
    for (const auto& [pain, name] : {std::pair{s.pain_before, "pain before"}, std::pair{s.pain_after, "pain after"}})
        if (pain && (*pain < 0 || *pain > 10)) throw UsageError(fmt::format("{} must be from 0 to 10", name));
    if (s.duration < 0 || s.duration > 24 * 3600) throw UsageError("duration must be from 0 to 24 hours");
    if (s.utc_offset < -14 * 3600 || s.utc_offset > 14 * 3600) throw UsageError("UTC offset must be within ±14 hours");
    if (!in_supported_range(s.started))
        throw UsageError(fmt::format("the session starts outside {}", supported_years()));
    if (s.note.size() > max_note_bytes) throw UsageError(fmt::format("note is longer than {} bytes", max_note_bytes));
    check_text(s.note, "the note", true);
    if (s.entries.empty()) throw UsageError("a session needs at least one exercise");
    if (s.entries.size() > max_entries) throw UsageError(fmt::format("a session has more than {} exercises", max_entries));
    for (const Entry& e : s.entries) check_entry(e);
}

DoseClass dose_class(bool done, int sets, int reps, int hold, const std::optional<PlannedDose>& planned) {
    if (!done) return DoseClass::skipped;
    if (!planned) return DoseClass::unplanned;
    return sets >= planned->sets && reps >= planned->reps && hold >= planned->hold ? DoseClass::full : DoseClass::reduced;
}

}  // namespace backcare
