// SPDX-License-Identifier: MIT
#include "exercise.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace backcare {
namespace {

template <class E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Goal, 3> goal_names{{
    {Goal::flexibility, "flexibility"}, {Goal::strength, "strength"}, {Goal::posture, "posture"}}};
constexpr Names<Kind, 3> kind_names{{
    {Kind::mobility, "mobility"}, {Kind::strength, "strength"}, {Kind::stretch, "stretch"}}};
constexpr Names<Equipment, 5> equipment_names{{{Equipment::band, "band"},
                                               {Equipment::wall, "wall"},
                                               {Equipment::chair, "chair"},
                                               {Equipment::mat, "mat"},
                                               {Equipment::doorway, "doorway"}}};
constexpr Names<Position, 8> position_names{{{Position::standing, "standing"},
                                             {Position::seated_or_standing, "seated-or-standing"},
                                             {Position::seated, "seated"},
                                             {Position::hands_knees, "hands-knees"},
                                             {Position::kneeling, "kneeling"},
                                             {Position::prone, "prone"},
                                             {Position::supine, "supine"},
                                             {Position::side_lying, "side-lying"}}};
constexpr Names<Laterality, 2> laterality_names{{{Laterality::both, "both"}, {Laterality::each_side, "each-side"}}};

template <class E, std::size_t N>
std::string_view find_name(const Names<E, N>& names, E e) {
    for (const auto& [value, name] : names)
        if (value == e) return name;
    return "?";
}

template <class E, std::size_t N>
std::optional<E> find_value(const Names<E, N>& names, std::string_view s) {
    for (const auto& [value, name] : names)
        if (name == s) return value;
    return std::nullopt;
}

template <class E, std::size_t N>
constexpr std::array<E, N> values_of(const Names<E, N>& names) {
    std::array<E, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = names[i].first;
    return out;
}

constexpr auto goals = values_of(goal_names);
constexpr auto kinds = values_of(kind_names);
constexpr auto equipments = values_of(equipment_names);
constexpr auto positions = values_of(position_names);
constexpr auto lateralities = values_of(laterality_names);

}  // namespace

std::string_view name_of(Goal e) { return find_name(goal_names, e); }
std::string_view name_of(Kind e) { return find_name(kind_names, e); }
std::string_view name_of(Equipment e) { return find_name(equipment_names, e); }
std::string_view name_of(Position e) { return find_name(position_names, e); }
std::string_view name_of(Laterality e) { return find_name(laterality_names, e); }

template <> std::optional<Goal> parse_enum<Goal>(std::string_view s) { return find_value(goal_names, s); }
template <> std::optional<Kind> parse_enum<Kind>(std::string_view s) { return find_value(kind_names, s); }
template <> std::optional<Equipment> parse_enum<Equipment>(std::string_view s) { return find_value(equipment_names, s); }
template <> std::optional<Position> parse_enum<Position>(std::string_view s) { return find_value(position_names, s); }
template <> std::optional<Laterality> parse_enum<Laterality>(std::string_view s) { return find_value(laterality_names, s); }

template <> std::span<const Goal> all_values<Goal>() { return goals; }
template <> std::span<const Kind> all_values<Kind>() { return kinds; }
template <> std::span<const Equipment> all_values<Equipment>() { return equipments; }
template <> std::span<const Position> all_values<Position>() { return positions; }
template <> std::span<const Laterality> all_values<Laterality>() { return lateralities; }

bool valid_exercise_id(std::string_view id) {
    if (id.size() < 2 || id.size() > 40) return false;
    if (id.front() == '-' || id.back() == '-') return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool on_floor(Position p) { return p != Position::standing && p != Position::seated_or_standing && p != Position::seated; }

int Range::at_level(int level) const {
    if (!present()) return 0;
    level = std::clamp(level, 1, 3);
    // Round half up so that level 2 of 8..10 is 9 and of 20..30 is 25.
    return min + ((max - min) * (level - 1) + 1) / 2;
}

bool Exercise::has_goal(Goal g) const { return std::find(goals.begin(), goals.end(), g) != goals.end(); }
bool Exercise::needs(Equipment e) const { return std::find(equipment.begin(), equipment.end(), e) != equipment.end(); }

}  // namespace backcare
