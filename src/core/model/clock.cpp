// SPDX-License-Identifier: MIT
#include "clock.hpp"

#include <charconv>
#include <cstdio>
#include <ctime>

#include <fmt/format.h>

#include "errors.hpp"

namespace backcare {
namespace {

using namespace std::chrono;

std::optional<int> number(std::string_view s) {
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return v;
}

// "18:30" or "7:05", optionally ":SS".
std::optional<seconds> time_of_day(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto h = number(s.substr(0, colon));
    std::string_view rest = s.substr(colon + 1);
    int sec = 0;
    if (auto c2 = rest.find(':'); c2 != std::string_view::npos) {
        auto sv = number(rest.substr(c2 + 1));
        if (!sv || *sv > 59 || *sv < 0) return std::nullopt;
        sec = *sv;
        rest = rest.substr(0, c2);
    }
    auto m = number(rest);
    if (!h || !m || rest.size() != 2 || *h < 0 || *h > 23 || *m < 0 || *m > 59) return std::nullopt;
    return hours{*h} + minutes{*m} + seconds{sec};
}

Instant from_local(Date day, seconds time) {
    const year_month_day ymd{day};
    std::tm tm{};
    tm.tm_year = static_cast<int>(ymd.year()) - 1900;
    tm.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
    tm.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
    const hh_mm_ss hms{time};
    tm.tm_hour = static_cast<int>(hms.hours().count());
    tm.tm_min = static_cast<int>(hms.minutes().count());
    tm.tm_sec = static_cast<int>(hms.seconds().count());
    tm.tm_isdst = -1;
    return system_clock::from_time_t(std::mktime(&tm));
}

// A relative amount like "7d" or "-2h": count and unit letter.
std::optional<std::pair<int, char>> amount(std::string_view s) {
    if (s.size() < 2) return std::nullopt;
    auto n = number(s.substr(0, s.size() - 1));
    if (!n || *n < 0 || *n > 100000) return std::nullopt;
    return std::pair{*n, s.back()};
}

[[noreturn]] void bad(std::string_view option, std::string_view text, std::string_view expected) {
    throw UsageError(fmt::format("{}: cannot read '{}' as {}", option, text, expected));
}

std::string iso_utc(std::int64_t unix_seconds) {
    const sys_seconds t{seconds{unix_seconds}};
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

void refuse_outside(Date d, std::string_view option, std::string_view text) {
    if (!in_supported_range(d))
        throw UsageError(fmt::format("{}: {} is outside {}", option, text, supported_years()));
}

}  // namespace

bool in_supported_range(std::int64_t s) { return s >= first_supported_second && s <= last_supported_second; }
bool in_supported_range(Date d) { return d >= first_supported_day && d <= last_supported_day; }
std::string_view supported_years() { return "the years backcare works with (2000 to 2099)"; }

Instant checked_now(std::int64_t unix_seconds, std::string_view source) {
    if (!in_supported_range(unix_seconds))
        throw UsageError(fmt::format("{} says it is {}, outside {}; set it right and try again", source,
                                     // Shown by year only when a full date would not fit a year of four digits.
                                     unix_seconds > -62'135'596'800 && unix_seconds < 253'402'300'800 ? iso_utc(unix_seconds)
                                                                                                     : std::string("a year far off"),
                                     supported_years()));
    return Instant{seconds{unix_seconds}};
}

Date local_date(Instant t) {
    const std::time_t tt = system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    return sys_days{year{tm.tm_year + 1900} / (tm.tm_mon + 1) / tm.tm_mday};
}

int utc_offset_at(Instant t) {
    const std::time_t tt = system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    return static_cast<int>(tm.tm_gmtoff);
}

std::string format_date(Date d) {
    const year_month_day ymd{d};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::optional<Date> parse_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = number(s.substr(0, 4)), m = number(s.substr(5, 2)), d = number(s.substr(8, 2));
    if (!y || !m || !d || *m < 1 || *d < 1) return std::nullopt;
    const year_month_day ymd{year{*y}, month(static_cast<unsigned>(*m)), day(static_cast<unsigned>(*d))};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

std::optional<std::int64_t> parse_iso_seconds(std::string_view text) {
    std::string_view s = text;
    const bool utc = !s.empty() && (s.back() == 'Z' || s.back() == 'z');
    if (utc) s.remove_suffix(1);
    // An explicit offset, as export writes it: 2026-11-23T18:30:00+01:00.
    std::optional<minutes> offset;
    if (!utc && s.size() >= 22 && (s[s.size() - 6] == '+' || s[s.size() - 6] == '-') && s[s.size() - 3] == ':') {
        const auto hh = number(s.substr(s.size() - 5, 2)), mm = number(s.substr(s.size() - 2, 2));
        if (!hh || !mm || *hh > 14 || *mm > 59) return std::nullopt;
        offset = minutes{(*hh * 60 + *mm) * (s[s.size() - 6] == '-' ? -1 : 1)};
        s.remove_suffix(6);
    }
    if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
    auto day = parse_date(s.substr(0, 10));
    auto time = time_of_day(s.substr(11));
    if (!day || !time || s.substr(11).size() < 5) return std::nullopt;
    // Local time needs mktime, whose time_t and tm reach only so far: far
    // off, read as UTC (it is outside the supported range either way).
    const bool far = *day < sys_days{year{1900} / 1 / 1} || *day > sys_days{year{2200} / 1 / 1};
    sys_seconds t{};
    if (utc || far)
        t = *day + *time;
    else if (offset)
        t = *day + *time - *offset;
    else
        t = floor<seconds>(from_local(*day, *time));
    return t.time_since_epoch().count();
}

std::optional<Instant> parse_iso_instant(std::string_view text) {
    const auto s = parse_iso_seconds(text);
    if (!s || !in_supported_range(*s)) return std::nullopt;
    return Instant{seconds{*s}};
}

// The UTC offset a text such as 2026-11-24T00:30:00+01:00 gives; nullopt
// without one (local time, or Z read as the local zone's own reading).
std::optional<int> given_offset(std::string_view s) {
    if (!s.empty() && (s.back() == 'Z' || s.back() == 'z')) return 0;
    if (s.size() >= 22 && (s[s.size() - 6] == '+' || s[s.size() - 6] == '-') && s[s.size() - 3] == ':') {
        const auto hh = number(s.substr(s.size() - 5, 2)), mm = number(s.substr(s.size() - 2, 2));
        if (hh && mm) return (*hh * 3600 + *mm * 60) * (s[s.size() - 6] == '-' ? -1 : 1);
    }
    return std::nullopt;
}

When parse_when(std::string_view text, Instant now, std::string_view option) {
    const std::string_view expected =
        "a time such as 2026-11-23T18:30, 2026-11-23T18:30+01:00, 18:30, 'yesterday 18:00' or -2h";
    Instant t{};
    std::optional<int> offset;
    if (text == "now") {
        t = now;
    } else if (!text.empty() && text.front() == '-') {
        auto a = amount(text.substr(1));
        if (!a) bad(option, text, expected);
        const auto [n, unit] = *a;
        if (unit == 's') t = now - seconds{n};
        else if (unit == 'm') t = now - minutes{n};
        else if (unit == 'h') t = now - hours{n};
        else if (unit == 'd') t = now - days{n};
        else bad(option, text, expected);
    } else if (text.rfind("yesterday", 0) == 0 || text.rfind("today", 0) == 0) {
        const bool yesterday = text.front() == 'y';
        std::string_view rest = text.substr(yesterday ? 9 : 5);
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        const auto time = rest.empty() ? std::optional<seconds>(hours{12}) : time_of_day(rest);
        if (!time) bad(option, text, expected);
        t = from_local(local_date(now) - days{yesterday ? 1 : 0}, *time);
    } else if (auto time = text.size() <= 8 ? time_of_day(text) : std::nullopt) {
        t = from_local(local_date(now), *time);
    } else if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
        const auto day = parse_date(text.substr(0, 10));
        if (!day) throw UsageError(fmt::format("{}: {} is not a date on the calendar", option, text.substr(0, 10)));
        refuse_outside(*day, option, text);
        if (text.size() == 10) {
            t = from_local(*day, hours{12});
        } else if (auto i = parse_iso_seconds(text); i && in_supported_range(*i)) {
            t = Instant{seconds{*i}};
            offset = given_offset(text);
        } else if (i) {
            throw UsageError(fmt::format("{}: {} is outside {}", option, text, supported_years()));
        } else {
            bad(option, text, expected);
        }
    } else {
        bad(option, text, expected);
    }
    if (t > now + minutes{1}) throw UsageError(fmt::format("{}: {} is in the future", option, text));
    if (t < first_supported_day) throw UsageError(fmt::format("{}: {} is before the year 2000", option, text));
    return {t, offset};
}

int parse_duration(std::string_view text, std::string_view option) {
    if (text == "0") return 0;  // nothing else reads without a unit; a zero is zero in any
    long total = 0;
    std::string_view rest = text;
    bool any = false;
    while (!rest.empty()) {
        std::size_t i = 0;
        while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
        if (i == 0 || i == rest.size() || i > 6) {
            throw UsageError(fmt::format("{}: cannot read '{}' as a duration such as 8m, 90s or 1h15m", option, text));
        }
        const long n = *number(rest.substr(0, i));
        const char unit = rest[i];
        if (unit == 'h') total += n * 3600;
        else if (unit == 'm') total += n * 60;
        else if (unit == 's') total += n;
        else throw UsageError(fmt::format("{}: cannot read '{}' as a duration such as 8m, 90s or 1h15m", option, text));
        rest = rest.substr(i + 1);
        any = true;
    }
    if (!any) throw UsageError(fmt::format("{}: cannot read '{}' as a duration such as 8m, 90s or 1h15m", option, text));
    if (total > 24L * 3600) throw UsageError(fmt::format("{}: {} is longer than a day", option, text));
    return static_cast<int>(total);
}

Date parse_since(std::string_view text, Date today, std::string_view option) {
    if (text == "all") return first_supported_day;
    if (text == "today") return today;
    if (text == "yesterday") return today - days{1};
    if (auto a = amount(text)) {
        const auto [n, unit] = *a;
        // "1m" is since the same day a month ago, exclusive; on 31 March that
        // day is clamped to the end of February, so all of March is covered.
        auto clamped = [](year_month_day d) { return d.ok() ? sys_days{d} : sys_days{d.year() / d.month() / last}; };
        std::optional<Date> from;
        // "7d" is the last seven days including today.
        if (unit == 'd') from = today - days{std::max(n, 1) - 1};
        if (unit == 'w') from = today - days{7 * std::max(n, 1) - 1};
        if (unit == 'm') from = clamped(year_month_day{today} - months{n}) + days{1};
        if (unit == 'y') from = clamped(year_month_day{today} - years{n}) + days{1};
        // A period reaching back before the range is all of it.
        if (from) return std::max(*from, first_supported_day);
    }
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        const auto d = parse_date(text);
        if (!d) throw UsageError(fmt::format("{}: {} is not a date on the calendar", option, text));
        refuse_outside(*d, option, text);
        return *d;
    }
    throw UsageError(fmt::format("{}: cannot read '{}' as a date (2026-11-01) or a period (7d, 4w, 3m, 1y, all)", option, text));
}

Date parse_until(std::string_view text, Date today, std::string_view option) {
    if (text == "all" || text == "now") return today;
    return parse_since(text, today, option);
}

}  // namespace backcare
