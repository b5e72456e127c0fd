// SPDX-License-Identifier: MIT
#pragma once
// The exercise model shared by the catalogue, the planner and the log.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backcare {

enum class Goal { flexibility, strength, posture };
enum class Kind { mobility, strength, stretch };
enum class Equipment { band, wall, chair, mat, doorway };
// In the order a routine goes down to the floor.
enum class Position { standing, seated_or_standing, seated, hands_knees, kneeling, prone, supine, side_lying };
enum class Laterality { both, each_side };

// Names as they appear in TOML, on the command line and in JSON.
std::string_view name_of(Goal);
std::string_view name_of(Kind);
std::string_view name_of(Equipment);
std::string_view name_of(Position);
std::string_view name_of(Laterality);

template <class E> std::optional<E> parse_enum(std::string_view);
template <> std::optional<Goal> parse_enum<Goal>(std::string_view);
template <> std::optional<Kind> parse_enum<Kind>(std::string_view);
template <> std::optional<Equipment> parse_enum<Equipment>(std::string_view);
template <> std::optional<Position> parse_enum<Position>(std::string_view);
template <> std::optional<Laterality> parse_enum<Laterality>(std::string_view);

// Every value of an enum, in declaration order (for help texts and validation).
template <class E> std::span<const E> all_values();
template <> std::span<const Goal> all_values<Goal>();
template <> std::span<const Kind> all_values<Kind>();
template <> std::span<const Equipment> all_values<Equipment>();
template <> std::span<const Position> all_values<Position>();
template <> std::span<const Laterality> all_values<Laterality>();

template <class E> std::vector<std::string> all_names() {
    std::vector<std::string> out;
    for (E e : all_values<E>()) out.emplace_back(name_of(e));
    return out;
}

bool on_floor(Position);

// 2 to 40 lowercase letters, digits and hyphens, a letter or digit at each
// end: exercise ids, families, and the names of profiles.
bool valid_exercise_id(std::string_view);

struct Range {
    int min = 0;
    int max = 0;
    bool present() const { return max > 0; }
    // The value for a level from 1 (low end) to 3 (high end).
    int at_level(int level) const;
    friend bool operator==(const Range&, const Range&) = default;
};

// The prescription an exercise comes with: ranges that the planner narrows.
struct DoseSpec {
    Range sets{1, 1};
    Range reps;     // absent for pure holds
    Range hold;     // seconds; absent when nothing is held
    int tempo = 3;  // seconds per repetition of the movement itself
    int rest = 0;   // seconds between sets
    friend bool operator==(const DoseSpec&, const DoseSpec&) = default;
};

struct Exercise {
    std::string id;
    std::string name;
    std::vector<Goal> goals;
    Kind kind = Kind::mobility;
    std::vector<std::string> areas;
    std::vector<Equipment> equipment;  // what it needs; empty when nothing
    Position position = Position::standing;
    bool desk_friendly = false;
    Laterality laterality = Laterality::both;
    int level = 1;
    DoseSpec dose;
    std::vector<std::string> steps;
    std::vector<std::string> cues;
    std::vector<std::string> benefits;
    std::vector<std::string> cautions;
    std::string easier;
    std::string harder;
    // Exercises of one family are variations of one movement: a routine has
    // at most one of them. Empty: the exercise is a family of its own.
    std::string family;
    std::string source;
    std::string origin;  // "built-in" or the file it was read from

    bool has_goal(Goal g) const;
    bool needs(Equipment e) const;
    std::string_view family_name() const { return family.empty() ? std::string_view(id) : std::string_view(family); }
    std::string_view cue() const { return cues.empty() ? std::string_view{} : cues.front(); }
    friend bool operator==(const Exercise&, const Exercise&) = default;
};

}  // namespace backcare
