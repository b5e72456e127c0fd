// SPDX-License-Identifier: MIT
#include "log_helpers.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

namespace e2e::logs {

namespace fs = std::filesystem;

fs::path db_path(const Home& h) { return h.data_dir() / "backcare.db"; }

std::vector<std::string> home_env(const Home& h, const std::map<std::string, std::string>& set,
                                  const std::vector<std::string>& unset) {
    std::map<std::string, std::string> env;
    for (const auto& kv : h.environment()) {
        const auto eq = kv.find('=');
        env[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    for (const auto& [k, v] : set) env[k] = v;
    for (const auto& k : unset) env.erase(k);
    std::vector<std::string> out;
    for (const auto& [k, v] : env) {
        std::string s = k;
        s += '=';
        s += v;
        out.push_back(std::move(s));
    }
    return out;
}

Proc proc(const Home& h, std::vector<std::string> args, const std::map<std::string, std::string>& set) {
    Proc p;
    p.args = std::move(args);
    p.env = home_env(h, set);
    p.cwd = h.dir();
    return p;
}


Child::Child(const Proc& p, const fs::path& out, const fs::path& err) {
    Exec x(p);
    const std::string cwd = p.cwd.string(), out_path = out.string(), err_path = err.string();
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork");
    if (pid_ == 0) {
        const int null = ::open("/dev/null", O_RDONLY);
        const int o = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int e = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (null < 0 || o < 0 || e < 0) ::_exit(127);
        ::dup2(null, 0);
        ::dup2(o, 1);
        ::dup2(e, 2);
        ::umask(p.umask);
        if (::chdir(cwd.c_str()) != 0) ::_exit(127);
        ::execve(x.binary.c_str(), x.argv.data(), x.envp.data());
        ::_exit(127);
    }
}

Child::~Child() {
    if (!reaped_) {
        kill();
        wait();
    }
}

bool Child::done() {
    if (reaped_) return true;
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
        reaped_ = true;
        status_ = decode_status(status);
    }
    return reaped_;
}

void Child::kill(int signal) {
    if (!reaped_) ::kill(pid_, signal);
}

int Child::wait() {
    if (!reaped_) {
        status_ = reap(pid_);
        reaped_ = true;
    }
    return status_;
}

FileState file_state(const fs::path& path) {
    FileState s;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return s;
    s.exists = true;
    s.mode = st.st_mode & 07777;
    s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    if (S_ISREG(st.st_mode)) s.bytes = read_file(path);
    return s;
}

unsigned mode_of(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

std::int64_t count_sessions(const fs::path& db) {
    SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
    return d.execAndGet("SELECT count(*) FROM session").getInt64();
}

std::int64_t count_where(const fs::path& db, const std::string& condition, const std::string& bound) {
    SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(d, str("SELECT count(*) FROM session WHERE ", condition));
    q.bind(1, bound);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::int64_t scalar(const fs::path& db, const std::string& query) {
    SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
    return d.execAndGet(query).getInt64();
}

std::string integrity_check(const fs::path& db) {
    SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(d, "PRAGMA integrity_check");
    std::string out;
    while (q.executeStep()) {
        if (!out.empty()) out += '\n';
        out += q.getColumn(0).getString();
    }
    return out;
}

void sql(const fs::path& db, const std::string& statements) {
    SQLite::Database d(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    d.exec(statements);
}

std::vector<Json> json_lines(const std::string& text) {
    std::vector<Json> out;
    for (const auto& line : lines(text))
        if (!line.empty()) out.push_back(Json::parse(line));
    return out;
}

std::vector<std::vector<std::string>> csv_records(const std::string& text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        any = true;
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            // the CRLF ending a record
        } else if (c == '\n') {
            fields.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(fields));
            fields.clear();
            any = false;
        } else {
            field += c;
        }
    }
    if (any) {
        fields.push_back(std::move(field));
        records.push_back(std::move(fields));
    }
    return records;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string w;
    for (char c : text) {
        if (c == ' ' || c == '\'' || c == '"' || c == '(' || c == ')' || c == ',' || c == ';' || c == '\n' || c == '\t') {
            if (!w.empty()) out.push_back(std::move(w));
            w.clear();
        } else {
            w += c;
        }
    }
    if (!w.empty()) out.push_back(std::move(w));
    return out;
}

std::string uuid_for(std::uint32_t a, std::uint64_t b) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-8%03x-%012llx", a, static_cast<unsigned>((b >> 48) & 0xffff),
                  static_cast<unsigned>((b >> 36) & 0xfff), static_cast<unsigned>((b >> 24) & 0xfff),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return buf;
}

std::int64_t epoch_of(const std::string& s) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (s.size() < 20 || std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) != 6) return -1;
    int offset = 0;
    if (s.size() == 25) {
        const int oh = std::stoi(s.substr(20, 2)), om = std::stoi(s.substr(23, 2));
        offset = (oh * 3600 + om * 60) * (s[19] == '-' ? -1 : 1);
    } else if (s[19] != 'Z') {
        return -1;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    const int yy = y - (mo <= 2);
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(yy - era * 400);
    const unsigned doy = static_cast<unsigned>((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
    return days * 86400 + h * 3600 + mi * 60 + sec - offset;
}

Json history_json(const Home& h, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"history", "--format", "json"};
    if (std::find(extra.begin(), extra.end(), "--limit") == extra.end() && std::find(extra.begin(), extra.end(), "-n") == extra.end())
        args.insert(args.end(), {"--limit", "0"});
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = h.run(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    return Json::parse(r.out);
}

Json stored_session(const std::string& line) {
    Json j = Json::parse(line);
    REQUIRE(j.contains("pain_warning"));
    j.erase("pain_warning");
    return j;
}

}  // namespace e2e::logs
