// SPDX-License-Identifier: MIT
#include "toml_reader.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "text.hpp"

namespace backcare::toml_reader {
namespace {

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    return s;
}

// toml11's syntax errors are several lines: "[error] toml::fn: message",
// then code lines " N | text" each followed by a marker line with ^ or ~.
// The last marked line is where the parser gave up.
Diagnostic from_syntax_error(const std::string& what, const std::string& file) {
    std::vector<std::string> lines;
    std::istringstream in(what);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    Diagnostic d;
    d.where.file = file;
    std::string head = lines.empty() ? "invalid TOML" : lines.front();
    if (auto p = head.find("] "); p != std::string::npos) head = head.substr(p + 2);
    if (auto p = head.find(": "); p != std::string::npos && head.rfind("toml::", 0) == 0) head = head.substr(p + 2);
    d.message = "invalid TOML: " + trim(head);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::string& code = lines[i];
        const auto bar = code.find(" | ");
        if (bar == std::string::npos) continue;
        int number = 0;
        const auto digits = code.find_first_not_of(' ');
        if (digits == std::string::npos || digits >= bar) continue;
        auto [end, ec] = std::from_chars(code.data() + digits, code.data() + bar, number);
        if (ec != std::errc{} || number <= 0) continue;
        const std::string& marker = lines[i + 1];
        const auto mbar = marker.find(" | ");
        if (mbar == std::string::npos) continue;
        const auto mark = marker.find_first_of("^~", mbar + 3);
        if (mark == std::string::npos) continue;
        d.where.line = number;
        d.where.column = static_cast<int>(mark - (mbar + 3)) + 1;
        d.where.line_text = code.substr(bar + 3);
        auto note = marker.find("--- ", mark);
        if (note != std::string::npos) d.message = "invalid TOML: " + trim(head) + " (" + trim(marker.substr(note + 4)) + ")";
    }
    return d;
}

// toml11 3.7.1 reads past the end of its buffer on some invalid UTF-8 and
// recurses once per nested array or inline table, so a hostile file could
// crash it. Such text is refused here, before toml11 sees it.
constexpr std::size_t max_file_bytes = 1 << 20;
constexpr int max_nesting = 64;
constexpr int max_key_parts = 64;

SourcePos position_in(std::string_view text, std::size_t offset, const std::string& file) {
    SourcePos p(file, 1, 1);
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') ++p.line, line_start = i + 1;
    p.column = static_cast<int>(offset - line_start) + 1;
    const auto end = text.find('\n', line_start);
    std::string line(text.substr(line_start, end == std::string_view::npos ? std::string_view::npos : end - line_start));
    // Show the line only up to the bad byte, so the snippet stays valid text.
    if (offset - line_start <= line.size()) line.resize(offset - line_start);
    p.line_text = line;
    return p;
}

// Finds what toml11 must not see: invalid UTF-8, or brackets and braces
// nested deeper than max_nesting outside strings and comments, or a dotted
// key of more than max_key_parts parts.
std::optional<Diagnostic> prescan(std::string_view text, const std::string& file) {
    if (text.size() > max_file_bytes)
        return Diagnostic{SourcePos(file), fmt::format("file is larger than {} KiB; not a backcare file", max_file_bytes / 1024)};
    if (const auto bad = find_invalid_utf8(text); bad != std::string_view::npos)
        return Diagnostic{position_in(text, bad, file), "invalid TOML: the file is not valid UTF-8 here"};
    int depth = 0;
    int dots = 0;  // in the key being read: toml11 is quadratic in a key's parts
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '=' || c == ',' || c == '{' || c == '}') dots = 0;
        if (c == '.' && ++dots > max_key_parts)
            return Diagnostic{position_in(text, i, file),
                              fmt::format("invalid TOML: a key with more than {} dotted parts", max_key_parts)};
        if (c == '#') {
            while (i < text.size() && text[i] != '\n') ++i;
        } else if (c == '"' || c == '\'') {
            const bool multi = text.substr(i, 3) == std::string_view(c == '"' ? "\"\"\"" : "'''");
            const std::string_view close = multi ? text.substr(i, 3) : text.substr(i, 1);
            i += close.size();
            while (i < text.size() && text.substr(i, close.size()) != close) {
                if (!multi && text[i] == '\n') break;  // unterminated: toml11 reports it
                if (c == '"' && text[i] == '\\') ++i;  // skip the escaped character
                ++i;
            }
            if (i < text.size() && !(!multi && text[i] == '\n')) {
                i += close.size() - 1;
                // A multi-line string may end with one or two quotes of its own.
                for (int extra = 0; multi && extra < 2 && i + 1 < text.size() && text[i + 1] == c; ++extra) ++i;
            }
        } else if (c == '[' || c == '{') {
            if (++depth > max_nesting)
                return Diagnostic{position_in(text, i, file),
                                  fmt::format("invalid TOML: arrays and tables nested deeper than {} levels", max_nesting)};
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;
        }
    }
    return std::nullopt;
}

// What a value is, in words for a person who wrote it.
std::string kind_of(const Value& v) {
    switch (v.type()) {
        case toml::value_t::boolean: return "true or false";
        case toml::value_t::integer: return "an integer";
        case toml::value_t::floating: return "a number with a fraction";
        case toml::value_t::string: return "a string";
        case toml::value_t::array: return "an array";
        case toml::value_t::table: return "a table";
        case toml::value_t::offset_datetime:
        case toml::value_t::local_datetime:
        case toml::value_t::local_date:
        case toml::value_t::local_time: return "a date or time";
        case toml::value_t::empty: break;
    }
    return "empty";
}

}  // namespace

SourcePos Positions::of(const Value& v) const {
    const auto* reg = dynamic_cast<const toml::detail::region*>(toml::detail::get_region(v));
    if (!reg) {
        const auto loc = v.location();
        SourcePos p(loc.file_name(), static_cast<int>(loc.line()), static_cast<int>(loc.column()));
        p.line_text = loc.line_str();
        p.width = static_cast<int>(loc.region());
        return p;
    }
    if (source_ != reg->source().get()) {
        source_ = reg->source().get();
        line_starts_.assign(1, 0);
        for (auto it = reg->begin(); it != reg->end(); ++it)
            if (*it == '\n') line_starts_.push_back(static_cast<std::size_t>(it - reg->begin()) + 1);
    }
    const auto offset = static_cast<std::size_t>(reg->first() - reg->begin());
    const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin();
    SourcePos p(reg->name(), static_cast<int>(line), static_cast<int>(reg->before()) + 1);
    p.line_text = reg->line();
    p.width = static_cast<int>(reg->size());
    return p;
}

std::optional<Value> parse(std::string_view text, const std::string& file_name, std::vector<Diagnostic>& out) {
    if (auto problem = prescan(text, file_name)) {
        out.push_back(std::move(*problem));
        return std::nullopt;
    }
    try {
        std::istringstream in{std::string(text)};
        return toml::parse(in, file_name);
    } catch (const toml::syntax_error& e) {
        out.push_back(from_syntax_error(e.what(), file_name));
    } catch (const std::exception& e) {
        out.push_back({SourcePos(file_name), fmt::format("invalid TOML: {}", e.what())});
    }
    return std::nullopt;
}

TableReader::TableReader(const Value& table, const Positions& positions, std::vector<Diagnostic>& out, std::string context)
    : table_(table), positions_(positions), out_(out), context_(std::move(context)) {}

bool TableReader::has(const std::string& key) const { return table_.is_table() && table_.as_table().count(key) > 0; }

const Value* TableReader::raw(const std::string& key) {
    read_.insert(key);
    if (!has(key)) return nullptr;
    return &table_.as_table().at(key);
}

SourcePos TableReader::pos(const std::string& key) const {
    if (has(key)) return position_of(table_.as_table().at(key));
    return table_pos();
}

void TableReader::error(const SourcePos& where, std::string message) { out_.push_back({where, std::move(message)}); }

bool TableReader::expect(const std::string& key, bool required, toml::value_t type, const char* type_name) {
    const Value* v = raw(key);
    const std::string name = context_.empty() ? key : context_ + "." + key;
    if (!v) {
        if (required) error(table_pos(), fmt::format("missing required key '{}'", name));
        return false;
    }
    if (v->type() != type) {
        error(position_of(*v), fmt::format("'{}' must be {}, not {}", name, type_name, kind_of(*v)));
        return false;
    }
    return true;
}

std::optional<std::string> TableReader::string(const std::string& key, bool required) {
    if (!expect(key, required, toml::value_t::string, "a string")) return std::nullopt;
    return table_.as_table().at(key).as_string().str;
}

std::optional<long long> TableReader::integer(const std::string& key, bool required) {
    if (!expect(key, required, toml::value_t::integer, "an integer")) return std::nullopt;
    return static_cast<long long>(table_.as_table().at(key).as_integer());
}

std::optional<bool> TableReader::boolean(const std::string& key, bool required) {
    if (!expect(key, required, toml::value_t::boolean, "true or false")) return std::nullopt;
    return table_.as_table().at(key).as_boolean();
}

std::vector<std::string> TableReader::strings(const std::string& key, bool required) {
    std::vector<std::string> out;
    if (!expect(key, required, toml::value_t::array, "an array of strings")) return out;
    for (const auto& item : table_.as_table().at(key).as_array()) {
        if (!item.is_string()) {
            error(position_of(item), fmt::format("'{}' must hold only strings, not {}", key, kind_of(item)));
            continue;
        }
        out.push_back(item.as_string().str);
    }
    return out;
}

std::optional<Range> TableReader::range(const std::string& key, bool required) {
    const Value* v = raw(key);
    const std::string name = context_.empty() ? key : context_ + "." + key;
    if (!v) {
        if (required) error(table_pos(), fmt::format("missing required key '{}'", name));
        return std::nullopt;
    }
    constexpr long long limit = 1'000'000;
    auto bounded = [&](const Value& x) -> std::optional<int> {
        if (!x.is_integer()) {
            error(position_of(x), fmt::format("'{}' must be an integer or [min, max], not {}", name, kind_of(x)));
            return std::nullopt;
        }
        const long long n = x.as_integer();
        if (n < -limit || n > limit) {
            error(position_of(x), fmt::format("'{}' is out of range", name));
            return std::nullopt;
        }
        return static_cast<int>(n);
    };
    if (v->is_array()) {
        const auto& a = v->as_array();
        if (a.size() != 2) {
            error(position_of(*v), fmt::format("'{}' must be [min, max]: two integers", name));
            return std::nullopt;
        }
        auto lo = bounded(a[0]);
        auto hi = bounded(a[1]);
        if (!lo || !hi) return std::nullopt;
        return Range{*lo, *hi};
    }
    auto n = bounded(*v);
    if (!n) return std::nullopt;
    return Range{*n, *n};
}

void TableReader::bad_value(const std::string& key, const std::string& value, const std::vector<std::string>& allowed) {
    const std::string name = context_.empty() ? key : context_ + "." + key;
    error(pos(key), fmt::format("'{}' has unknown value '{}'; expected {}", name, value, join_or(allowed)));
}

void TableReader::finish() {
    if (!table_.is_table()) return;
    std::vector<std::string> known(read_.begin(), read_.end());
    for (const auto& [key, value] : table_.as_table()) {
        if (read_.count(key)) continue;
        const auto near = nearest(key, known, 1);
        const std::string name = context_.empty() ? key : context_ + "." + key;
        error(position_of(value), fmt::format("unknown key '{}'{}", name,
                                              near.empty() ? "" : fmt::format("; did you mean '{}'?", near.front())));
    }
}

}  // namespace backcare::toml_reader
