// SPDX-License-Identifier: MIT
#pragma once
// Helpers for the tests of the session log: time zones, umask, instants,
// errors, file bytes and sessions built from the built-in catalogue.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "builtin_catalogue.hpp"
#include "clock.hpp"
#include "errors.hpp"
#include "session.hpp"
#include "session_entry.hpp"
#include "session_json.hpp"

namespace backcare::test {

// Sets TZ for the life of the object, then restores what was there (or its absence).
class TzGuard {
public:
    explicit TzGuard(const char* zone) {
        if (const char* old = std::getenv("TZ")) old_ = std::string(old);
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~TzGuard() {
        if (old_)
            ::setenv("TZ", old_->c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }
    TzGuard(const TzGuard&) = delete;
    TzGuard& operator=(const TzGuard&) = delete;

private:
    std::optional<std::string> old_;
};

// Sets the process umask for the life of the object.
class UmaskGuard {
public:
    explicit UmaskGuard(mode_t mask) : old_(::umask(mask)) {}
    ~UmaskGuard() { ::umask(old_); }
    UmaskGuard(const UmaskGuard&) = delete;
    UmaskGuard& operator=(const UmaskGuard&) = delete;

private:
    mode_t old_;
};

// An instant given in UTC.
inline Instant utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
    using namespace std::chrono;
    return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s};
}

inline std::int64_t epoch(Instant t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

inline Date ymd(int y, unsigned mo, unsigned d) {
    return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{mo} / std::chrono::day{d}};
}

// The message of the exception of type E that f throws; "<no error>" when it
// throws none (an exception of another type escapes, failing the test).
template <class E, class F> std::string error_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    return "<no error>";
}

inline std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline mode_t mode_of(const std::filesystem::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

inline const Catalogue& catalogue() {
    static const Catalogue c = builtin_catalogue();
    return c;
}

// A valid session started at `start` with the given offset and typed items.
inline Session make_session(std::uint64_t n, Instant start, int utc_offset = 0,
                            const std::vector<std::string>& items = {"cat-cow:10"}) {
    Session s;
    // The first 8 characters differ from one n to the next (an odd multiplier is a bijection mod 2^32).
    s.uuid = make_uuid((((0xc0000000ULL + n * 0x01000193ULL) & 0xffffffffULL) << 32) | n, 0x5a5a5a5a5a5a0000ULL + n);
    s.started = epoch(start);
    s.utc_offset = utc_offset;
    for (const auto& item : items) s.entries.push_back(parse_item(item, catalogue()));
    s.duration = estimate_session_seconds(s.entries, catalogue());
    return s;
}

// Notes that are data, not code or markup: quotes, SQL, line ends, tabs,
// emoji and 10 KB of text.
inline std::vector<std::string> awkward_notes() {
    std::string big;
    while (big.size() < 10 * 1024) big += "Line of a long note, with \"quotes\", commas, tabs\tand \u00fcn\u00efc\u00f6d\u00e9 \U0001F642.\n";
    return {
        "",
        "She said \"stop\" and I did",
        "'; DROP TABLE session; --",
        "line one\nline two\r\nline three",
        "tab\there\tand there",
        "emoji \U0001F642\U0001F4AA\U0001F3FD and \u00fcn\u00efc\u00f6d\u00e9",
        "back\\slash, then a trailing newline\n",
        ",leading comma",
        "\"",
        "   leading and trailing spaces   ",
        "\r",
        big,
    };
}

}  // namespace backcare::test

// Readable failure messages for sessions and entries.
namespace Catch {
template <> struct StringMaker<backcare::Session> {
    static std::string convert(const backcare::Session& s) { return backcare::session_json(s, true); }
};
template <> struct StringMaker<std::chrono::sys_days> {
    static std::string convert(const std::chrono::sys_days& d) { return backcare::format_date(d); }
};
template <> struct StringMaker<backcare::Instant> {
    static std::string convert(const backcare::Instant& t) {
        const auto day = std::chrono::floor<std::chrono::days>(t);
        const auto secs = std::chrono::duration_cast<std::chrono::seconds>(t - day).count();
        return fmt::format("{}T{:02}:{:02}:{:02}Z", backcare::format_date(day), secs / 3600, secs / 60 % 60, secs % 60);
    }
};
template <> struct StringMaker<backcare::Entry> {
    static std::string convert(const backcare::Entry& e) {
        return backcare::format_item(e) + " side=" + std::string(backcare::name_of(e.side)) + " name=" + e.exercise_name +
               (e.status == backcare::EntryStatus::skipped ? " skipped" : "");
    }
};
}  // namespace Catch
