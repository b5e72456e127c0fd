#include "toml_reader.hpp"

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

}  // namespace

SourcePos position_of(const Value& v) {
    const auto loc = v.location();
    SourcePos p;
    p.file = loc.file_name();
    p.line = static_cast<int>(loc.line());
    p.column = static_cast<int>(loc.column());
    p.line_text = loc.line_str();
    p.width = static_cast<int>(loc.region());
    return p;
}

std::optional<Value> parse(std::string_view text, const std::string& file_name, std::vector<Diagnostic>& out) {
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

TableReader::TableReader(const Value& table, std::vector<Diagnostic>& out, std::string context)
    : table_(table), out_(out), context_(std::move(context)) {}

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
        error(position_of(*v), fmt::format("'{}' must be {}, not {}", name, type_name, toml::stringize(v->type())));
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
            error(position_of(item), fmt::format("'{}' must hold only strings, not {}", key, toml::stringize(item.type())));
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
            error(position_of(x), fmt::format("'{}' must be an integer or [min, max], not {}", name, toml::stringize(x.type())));
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
