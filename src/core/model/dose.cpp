// SPDX-License-Identifier: MIT
#include "dose.hpp"

#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "errors.hpp"

namespace backcare {
namespace {

[[noreturn]] void bad_dose(std::string_view text, std::string_view why) {
    throw UsageError(fmt::format("invalid dose '{}': {} (examples: 10, 30s, 2x12, 10x5s, 2x10x5s@red)", text, why));
}

int parse_count(std::string_view whole, std::string_view part, std::string_view what, int max) {
    if (part.empty()) bad_dose(whole, fmt::format("a number of {} is missing", what));
    int value = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec != std::errc{} || end != part.data() + part.size())
        bad_dose(whole, fmt::format("'{}' is not a whole number of {}", part, what));
    if (value < 1 || value > max) bad_dose(whole, fmt::format("{} must be from 1 to {}", what, max));
    return value;
}

// "30s" -> 30, "2m" -> 120; nullopt when the part has no unit.
std::optional<int> parse_duration_part(std::string_view whole, std::string_view part) {
    if (part.empty()) return std::nullopt;
    const char unit = part.back();
    if (unit != 's' && unit != 'm') return std::nullopt;
    const int factor = unit == 'm' ? 60 : 1;
    const int n = parse_count(whole, part.substr(0, part.size() - 1), unit == 'm' ? "minutes" : "seconds", max_hold_seconds / factor);
    return n * factor;
}

}  // namespace

Dose parse_dose(std::string_view text) {
    Dose dose;
    std::string_view body = text;
    if (auto at = body.find('@'); at != std::string_view::npos) {
        dose.load = std::string(body.substr(at + 1));
        body = body.substr(0, at);
        if (dose.load.empty()) bad_dose(text, "nothing after '@'");
        if (dose.load.size() > 40) bad_dose(text, "the load after '@' is longer than 40 characters");
        for (char c : dose.load)
            if (static_cast<unsigned char>(c) < 0x20 || c == ',' || c == '"') bad_dose(text, "the load has a control character, comma or quote");
    }
    if (body.empty()) bad_dose(text, "it is empty");

    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        auto x = body.find_first_of("xX", start);
        parts.push_back(body.substr(start, x == std::string_view::npos ? std::string_view::npos : x - start));
        if (x == std::string_view::npos) break;
        start = x + 1;
    }
    if (parts.size() > 3) bad_dose(text, "too many 'x'");

    const auto hold = parse_duration_part(text, parts.back());
    if (hold) {
        dose.hold = *hold;
        parts.pop_back();
    }
    // What is left are counts: [reps] or [sets, reps].
    if (parts.size() > 2) bad_dose(text, "expected at most sets x reps x hold, and a hold needs a unit (5s)");
    if (parts.size() == 2) dose.sets = parse_count(text, parts[0], "sets", max_sets);
    if (!parts.empty()) dose.reps = parse_count(text, parts.back(), "reps", max_reps);
    // One rep of a hold is simply a hold: "2x1x30s" is two sets of a 30 s hold.
    if (dose.hold > 0 && dose.reps == 1) dose.reps = 0;
    return dose;
}

std::string format_dose(const Dose& d) {
    std::string out;
    const int reps = d.hold > 0 && d.reps == 1 ? 0 : d.reps;
    if (d.sets > 1) out += fmt::format("{}x", d.sets);
    // Sets of a pure hold need the rep count, or "2x30s" would read as 2 reps.
    if (reps > 0 || (d.sets > 1 && d.hold > 0)) out += fmt::format("{}", std::max(reps, 1));
    if (d.hold > 0) out += fmt::format("{}{}s", out.empty() || out.back() == 'x' ? "" : "x", d.hold);
    if (out.empty() || out.back() == 'x') out += "1";
    if (!d.load.empty()) out += "@" + d.load;
    return out;
}

std::string describe_dose(const Dose& d, bool unicode) {
    const char* times = unicode ? " × " : " x ";
    std::string out;
    if (d.reps > 0) {
        out = d.sets > 1 ? fmt::format("{}{}{} reps", d.sets, times, d.reps) : fmt::format("{} reps", d.reps);
        if (d.hold > 0) out += fmt::format(", hold {} s", d.hold);
    } else {
        out = d.sets > 1 ? fmt::format("{}{}{} s hold", d.sets, times, d.hold) : fmt::format("hold {} s", d.hold);
    }
    if (d.per_side) out += ", each side";
    if (!d.load.empty()) out += fmt::format(" ({})", d.load);
    return out;
}

std::string describe_dose_spec(const Exercise& e, bool unicode) {
    const DoseSpec& d = e.dose;
    auto range = [&](const Range& r) {
        return r.min == r.max ? fmt::format("{}", r.min) : fmt::format("{}{}{}", r.min, unicode ? "–" : "-", r.max);
    };
    std::string out;
    const bool one_set = d.sets.min == 1 && d.sets.max == 1;
    if (!one_set) out = fmt::format("{} sets of ", range(d.sets));
    if (d.reps.present()) {
        out += fmt::format("{} reps", range(d.reps));
        if (d.hold.present()) out += fmt::format(", hold {} s", range(d.hold));
    } else {
        out += fmt::format("{}hold {} s", one_set ? "" : "a ", range(d.hold));
    }
    if (e.laterality == Laterality::each_side) out += ", each side";
    if (!one_set && d.rest > 0) out += fmt::format("; rest {} s between sets", d.rest);
    return out;
}

Dose dose_at_level(const Exercise& e, int level) {
    Dose d;
    d.sets = e.dose.sets.min;
    d.reps = e.dose.reps.at_level(level);
    d.hold = e.dose.hold.at_level(level);
    d.rest = e.dose.rest;
    d.tempo = e.dose.tempo;
    d.per_side = e.laterality == Laterality::each_side;
    return d;
}

int estimate_seconds(const Dose& d) {
    const long per_set = d.reps > 0 ? static_cast<long>(d.reps) * (d.tempo + d.hold) : d.hold;
    const long sides = d.per_side ? 2 : 1;
    const long total = d.sets * per_set * sides + (d.sets > 1 ? (d.sets - 1) * static_cast<long>(d.rest) : 0);
    return static_cast<int>(std::min(total, 10L * 24 * 3600));
}

std::string format_seconds(int s) {
    if (s < 60) return fmt::format("{} s", s);
    if (s < 600) return fmt::format("{}:{:02}", s / 60, s % 60);
    return fmt::format("{} min", (s + 30) / 60);
}

}  // namespace backcare
