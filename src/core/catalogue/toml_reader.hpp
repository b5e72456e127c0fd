// SPDX-License-Identifier: MIT
#pragma once
// Reading untrusted TOML with every problem reported at its file, line and
// column. Included only by the loaders (toml11 is heavy to compile).
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <toml.hpp>

#include "diagnostic.hpp"
#include "exercise.hpp"

namespace backcare::toml_reader {

using Value = toml::value;

// Where values are in their file. toml11 counts the lines before a value
// each time it is asked, which makes a file with many values quadratic; this
// counts the lines of each file once.
class Positions {
public:
    SourcePos of(const Value& v) const;

private:
    mutable const void* source_ = nullptr;
    mutable std::vector<std::size_t> line_starts_;
};

// Parses text; a syntax error becomes a diagnostic and returns nullopt.
std::optional<Value> parse(std::string_view text, const std::string& file_name, std::vector<Diagnostic>& out);

// Reads the keys of one table, noting wrong types and missing keys, and at
// finish() every key that was never asked for.
class TableReader {
public:
    TableReader(const Value& table, const Positions& positions, std::vector<Diagnostic>& out, std::string context = {});

    bool has(const std::string& key) const;
    const Value* raw(const std::string& key);
    SourcePos pos(const std::string& key) const;
    SourcePos table_pos() const { return positions_.of(table_); }
    SourcePos position_of(const Value& v) const { return positions_.of(v); }

    std::optional<std::string> string(const std::string& key, bool required);
    std::optional<long long> integer(const std::string& key, bool required);
    std::optional<bool> boolean(const std::string& key, bool required);
    std::vector<std::string> strings(const std::string& key, bool required);
    // An integer n (meaning [n, n]) or an array [min, max].
    std::optional<Range> range(const std::string& key, bool required);

    template <class E> std::optional<E> one_of(const std::string& key, bool required) {
        auto s = string(key, required);
        if (!s) return std::nullopt;
        if (auto e = parse_enum<E>(*s)) return e;
        bad_value(key, *s, all_names<E>());
        return std::nullopt;
    }
    template <class E> std::vector<E> list_of(const std::string& key, bool required) {
        std::vector<E> out;
        for (const auto& s : strings(key, required)) {
            if (auto e = parse_enum<E>(s))
                out.push_back(*e);
            else
                bad_value(key, s, all_names<E>());
        }
        return out;
    }

    void error(const SourcePos& where, std::string message);
    // Reports keys present in the table but never read.
    void finish();

private:
    void bad_value(const std::string& key, const std::string& value, const std::vector<std::string>& allowed);
    bool expect(const std::string& key, bool required, toml::value_t type, const char* type_name);

    const Value& table_;
    const Positions& positions_;
    std::vector<Diagnostic>& out_;
    std::string context_;
    std::set<std::string> read_;
};

}  // namespace backcare::toml_reader
