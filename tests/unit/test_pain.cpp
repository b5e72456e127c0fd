// SPDX-License-Identifier: MIT
// The one pain rule (pain.hpp): which sessions are painful, the 28 days it
// looks back, the week and two sessions it waits, and what it says.
#include <catch2/catch.hpp>

#include "pain.hpp"
#include "session_helpers.hpp"

using namespace backcare;
using backcare::test::ymd;

namespace {

const Date today = ymd(2026, 12, 1);

ScoredSession on(int days_ago, std::optional<int> before, std::optional<int> after) {
    return {today - std::chrono::days{days_ago}, before, after};
}

std::optional<PainWarning> warning(const std::vector<ScoredSession>& s, Date day = today) { return pain_warning(s, day); }

}  // namespace

TEST_CASE("pain: a session is painful at 7/10 after it, or 2 above pain before", "[pain]") {
    CHECK(painful(std::nullopt, 7));
    CHECK_FALSE(painful(std::nullopt, 6));
    CHECK(painful(3, 5));
    CHECK_FALSE(painful(3, 4));
    CHECK(painful(9, 9));  // 7 or more after, whatever before
    CHECK_FALSE(painful(6, 6));
    CHECK_FALSE(painful(9, 6));  // high before and eased: the routine may be what helps
    CHECK_FALSE(painful(9, std::nullopt));
    CHECK_FALSE(painful(std::nullopt, std::nullopt));
    CHECK(painful(0, 2));
    CHECK(pain_reason(3, 5) == "pain rose from 3 to 5");
    CHECK(pain_reason(6, 7) == "pain 7/10 after it");
    CHECK(pain_reason(std::nullopt, 9) == "pain 9/10 after it");
}

TEST_CASE("pain: the warning looks back 28 days", "[pain]") {
    CHECK_FALSE(warning({}));
    CHECK_FALSE(warning({on(3, 5, 6)}));
    const auto w = warning({on(3, 7, 8)});
    REQUIRE(w);
    CHECK(w->day == today - std::chrono::days{3});
    CHECK(w->days_since == 3);
    CHECK(w->good_since == 0);
    CHECK(w->reason == "pain 8/10 after it");
    CHECK(warning({on(27, std::nullopt, 9)}));
    CHECK_FALSE(warning({on(28, std::nullopt, 9)}));
    // Sessions after the day asked about do not count.
    CHECK_FALSE(warning({on(0, 1, 9)}, today - std::chrono::days{1}));
}

TEST_CASE("pain: it ends after 7 days and 2 sessions without pain rising, both", "[pain]") {
    SECTION("two good sessions within the week: it holds until the 7th day") {
        const std::vector<ScoredSession> s{on(7, 2, 8), on(6, 2, 2), on(5, 2, 3)};
        CHECK(warning(s, today - std::chrono::days{1}));
        CHECK(warning(s, today - std::chrono::days{1})->good_since == 2);
        CHECK_FALSE(warning(s));
    }
    SECTION("a week with one good session: it holds until the second") {
        std::vector<ScoredSession> s{on(20, 2, 8), on(10, 2, 2)};
        CHECK(warning(s));
        s.push_back(on(0, 3, 4));  // up by 1 is not pain rising
        CHECK_FALSE(warning(s));
    }
    SECTION("sessions without a pain score after them do not count") {
        std::vector<ScoredSession> s{on(20, 2, 8), on(10, 2, 2), on(9, std::nullopt, std::nullopt), on(8, 3, std::nullopt)};
        CHECK(warning(s));
    }
    SECTION("a painful session in the wait starts it again") {
        const std::vector<ScoredSession> s{on(20, 2, 8), on(19, 2, 2), on(18, 2, 2), on(5, 1, 3), on(4, 1, 1), on(3, 1, 1)};
        const auto w = warning(s);
        REQUIRE(w);
        CHECK(w->day == today - std::chrono::days{5});
        CHECK(w->reason == "pain rose from 1 to 3");
        CHECK(w->good_since == 2);
        CHECK_FALSE(warning(s, today + std::chrono::days{2}));
    }
}

TEST_CASE("pain: pain_warning_each is pain_warning of every prefix on its day", "[pain]") {
    const std::vector<ScoredSession> s{on(40, 1, 1), on(35, 2, 8), on(34, 1, 1), on(30, 1, 1), on(20, 1, 1),
                                       on(6, 1, 1),  on(5, 1, 4),  on(4, 1, 1),  on(1, 1, 1),  on(0, 1, 1)};
    const std::vector<bool> each = pain_warning_each(s);
    REQUIRE(each.size() == s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        INFO("session " << i);
        CHECK(each[i] == pain_warning(std::span(s).first(i + 1), s[i].day).has_value());
    }
    CHECK(each == std::vector<bool>{false, true, true, true, false, false, true, true, true, true});
}

TEST_CASE("pain: the messages say what it means and point to backcare safety", "[pain]") {
    const auto w = warning({on(3, 7, 8), on(1, 2, 2)});
    REQUIRE(w);
    const std::string m = pain_warning_message(*w);
    CHECK_THAT(m, Catch::StartsWith("Pain warning: in the session of 2026-11-28, pain 8/10 after it."));
    CHECK_THAT(m, Catch::Contains("Ease or stop the exercises that hurt") && Catch::Contains("7 days and 2 sessions") &&
                      Catch::Contains("(1 so far)") && Catch::Contains("'backcare safety'") &&
                      Catch::Contains("physiotherapist or doctor"));
    CHECK_THAT(painful_session_message(2, 5), Catch::StartsWith("Pain warning: pain rose from 2 to 5 in this session."));
    CHECK_THAT(painful_session_message(std::nullopt, 9), Catch::StartsWith("Pain warning: pain after this session was 9/10."));
    CHECK_THAT(painful_session_message(1, 9), Catch::Contains("eased") && Catch::Contains("'backcare safety'"));
}
