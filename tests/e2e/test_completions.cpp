// SPDX-License-Identifier: MIT
// The completion scripts in completions/, run in real bash, fish and zsh
// against the built binary: candidates, and the options --help declares.
#include <filesystem>
#include <thread>

#include <catch2/catch.hpp>

#include "harness.hpp"

using e2e::contains;
using e2e::Home;

namespace {

namespace fs = std::filesystem;

std::string completions(const std::string& file) { return e2e::source_path("completions/" + file); }

// The environment of h with the built backcare first on PATH, as an installed one would be.
std::vector<std::string> shell_env(const Home& h) {
    auto env = h.environment();
    const std::string dir = fs::path(BACKCARE_BINARY).parent_path().string();
    for (auto& e : env)
        if (e.rfind("PATH=", 0) == 0) e = "PATH=" + dir + ":/usr/bin:/bin";
    return env;
}

e2e::Result shell(const Home& h, const std::string& program, std::vector<std::string> args) {
    REQUIRE(fs::exists(program));  // installed by .ci/run: apt-get install bash-completion zsh fish tmux
    e2e::Proc p;
    p.program = program;
    p.args = std::move(args);
    p.env = shell_env(h);
    p.cwd = h.dir();
    return e2e::run(p);
}

// What bash offers for a command line (the last word is being completed; a
// trailing space starts a new, empty one), after sourcing bash-completion and
// ours: the candidates, and whether it falls back to file names.
struct BashOffer {
    std::vector<std::string> candidates;
    bool files = false;
};

BashOffer bash_offer(const Home& h, const std::string& line) {
    // The words as readline splits them: at spaces, and at = and : (each a word of its own).
    const std::string script = R"(
source /usr/share/bash-completion/bash_completion
source ")" + completions("backcare.bash") + R"("
exec 3>&2
compopt() { echo "compopt $*" >&3; }
COMP_WORDS=()
for w in $1; do
    while [[ $w == *[=:]* ]]; do
        head=${w%%[=:]*}
        [[ -n $head ]] && COMP_WORDS+=("$head")
        COMP_WORDS+=("${w:${#head}:1}")
        w=${w:${#head}+1}
    done
    [[ -n $w ]] && COMP_WORDS+=("$w")
done
[[ $1 == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE=$1
COMP_POINT=${#1}
_backcare
printf '%s\n' "${COMPREPLY[@]}"
)";
    const auto r = shell(h, "/bin/bash", {"-c", script, "bash", line});
    INFO("bash: " << r.err);
    REQUIRE(r.status == 0);
    BashOffer offer;
    offer.candidates = e2e::lines(r.out);
    std::erase(offer.candidates, "");
    offer.files = contains(r.err, "compopt -o default");
    return offer;
}

std::vector<std::string> bash_complete(const Home& h, const std::string& line) { return bash_offer(h, line).candidates; }

std::vector<std::string> fish_complete(const Home& h, const std::string& line) {
    const auto r = shell(h, "/usr/bin/fish", {"--no-config", "-c", "source " + completions("backcare.fish") + "; complete -C '" + line + "'"});
    INFO("fish: " << r.err);
    REQUIRE(r.status == 0);
    std::vector<std::string> out;
    for (const auto& l : e2e::lines(r.out)) out.push_back(l.substr(0, l.find('\t')));  // fish adds descriptions after a tab
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("bash completes commands, options, values and exercise ids, the person's own included", "[completion]") {
    Home h;
    h.write("config/backcare/catalogue/clinic.toml", e2e::clinic_file());
    CHECK(bash_complete(h, "backcare pl") == Strings{"plan"});
    CHECK(bash_complete(h, "backcare catalogue ") == Strings{"list", "show", "lint"});
    CHECK(bash_complete(h, "backcare stats --by ") == Strings{"day", "week", "month"});
    // go's --exercises takes a comma-separated list: each id not yet in it.
    CHECK(bash_complete(h, "backcare go --exercises chin-tuck,chi") == Strings{"chin-tuck,childs-pose"});
    CHECK(bash_complete(h, "backcare stats --format ") == Strings{"text", "json", "csv"});
    CHECK(bash_complete(h, "backcare plan --goal ") == Strings{"flexibility", "strength", "posture", "balanced"});
    CHECK(bash_complete(h, "backcare plan --place d") == Strings{"desk"});
    CHECK(bash_complete(h, "backcare plan --equipment band,w") == Strings{"band,wall"});
    CHECK(bash_complete(h, "backcare plan --equipment band,d") == Strings{"band,doorway"});
    CHECK(bash_complete(h, "backcare saf") == Strings{"safety"});
    CHECK(bash_complete(h, "backcare go --pain-b") == Strings{"--pain-before"});
    CHECK(bash_complete(h, "backcare --color ") == Strings{"auto", "always", "never"});
    CHECK(bash_complete(h, "backcare --db /tmp/x.db hist") == Strings{"history"});
    CHECK(bash_complete(h, "backcare catalogue show thread") == Strings{"thread-the-needle"});
    CHECK(bash_complete(h, "backcare log chin") == Strings{"chin-tuck"});
    CHECK(bash_complete(h, "backcare stats --exercise clinic") == Strings{"clinic-wall-lean"});
    CHECK(bash_complete(h, "backcare stats --since ") == Strings{"today", "yesterday", "7d", "4w", "3m", "1y", "all"});
    // A value in the same word as its option, and a dose after an id: only what follows the = or : goes in.
    CHECK(bash_complete(h, "backcare stats --since=4") == Strings{"4w"});
    CHECK(bash_complete(h, "backcare plan --format=") == Strings{"text", "json", "tsv", "markdown"});
    CHECK(bash_complete(h, "backcare plan --format=js") == Strings{"json"});
    CHECK(bash_complete(h, "backcare log chin-tuck:") == Strings{"10x3s"});
    CHECK(bash_complete(h, "backcare log cat-cow:10 chin-tuck:") == Strings{"10x3s"});
    // log --skip ID[:REASON], comma-separated: the ids, then the reasons after the colon; and --again.
    CHECK(bash_complete(h, "backcare log --plan --skip chin-t") == Strings{"chin-tuck"});
    CHECK(bash_complete(h, "backcare log --plan --skip chin-tuck:") == Strings{"hurt", "time", "kit", "other"});
    CHECK(bash_complete(h, "backcare log --plan --skip chin-tuck:k") == Strings{"kit"});
    CHECK(bash_complete(h, "backcare log --plan --skip=cat-cow,chin-t") == Strings{"cat-cow,chin-tuck"});
    CHECK(bash_complete(h, "backcare log --plan --ag") == Strings{"--again"});
    // Profiles from config.toml, and ids for --include and --exclude, in plan and go.
    h.write("config/backcare/config.toml", "[profile.desk]\nminutes = 5\n[profile.home]\nplace = \"floor\"\n");
    CHECK(bash_complete(h, "backcare plan --profile ") == Strings{"desk", "home", "none"});
    CHECK(bash_complete(h, "backcare go --profile=h") == Strings{"home"});
    CHECK(bash_complete(h, "backcare config --profile d") == Strings{"desk"});
    CHECK(bash_complete(h, "backcare plan --include chin-t") == Strings{"chin-tuck"});
    CHECK(bash_complete(h, "backcare go --exclude cat-cow,chin-t") == Strings{"cat-cow,chin-tuck"});
    // Files only where a file is wanted: then bash's own completion takes over.
    h.write("sessions.jsonl", "");
    const BashOffer import = bash_offer(h, "backcare import ");
    CHECK(import.candidates.empty());
    CHECK(import.files);
    CHECK(bash_offer(h, "backcare --db ").files);
    // After a complete argument, nothing more goes there: no second id, and no files.
    const BashOffer shown = bash_offer(h, "backcare catalogue show cat-cow ");
    CHECK(shown.candidates.empty());
    CHECK_FALSE(shown.files);
    CHECK_FALSE(bash_offer(h, "backcare log chin-tuck:").files);
    CHECK_FALSE(bash_offer(h, "backcare log nosuchexercise:").files);
}

TEST_CASE("the bash completion script passes shellcheck", "[completion]") {
    if (!fs::exists("/usr/bin/shellcheck")) {
        WARN("shellcheck is not installed; .ci/run installs it");
        return;
    }
    e2e::Proc p;
    p.program = "/usr/bin/shellcheck";
    p.args = {"-s", "bash", completions("backcare.bash")};
    p.env = {"PATH=/usr/bin:/bin"};
    p.cwd = fs::temp_directory_path();
    const auto r = e2e::run(p);
    INFO(r.out);
    CHECK(r.status == 0);
}

TEST_CASE("bash completes exactly the long options each command's --help declares", "[completion]") {
    Home h;
    const auto global = e2e::declared_options(h.run({"--help"}).out);
    for (const auto& command : e2e::listed_commands()) {
        std::string line = "backcare";
        for (const auto& w : command) line += " " + w;
        auto help_args = command;
        help_args.push_back("--help");
        auto expected = e2e::declared_options(h.run(help_args).out);
        expected.insert(global.begin(), global.end());
        const auto offered = bash_complete(h, line + " --");
        INFO(line);
        CHECK(std::set<std::string>(offered.begin(), offered.end()) == expected);
    }
}

TEST_CASE("fish completes commands, values and ids", "[completion]") {
    Home h;
    h.write("config/backcare/catalogue/clinic.toml", e2e::clinic_file());
    CHECK(fish_complete(h, "backcare pl") == Strings{"plan"});
    const auto by = fish_complete(h, "backcare stats --by ");
    CHECK(std::set<std::string>(by.begin(), by.end()) == std::set<std::string>{"day", "week", "month"});
    CHECK(fish_complete(h, "backcare catalogue show clinic") == Strings{"clinic-wall-lean"});
    const auto options = fish_complete(h, "backcare stats --");
    CHECK(std::find(options.begin(), options.end(), "--exercise") != options.end());
    h.write("sessions.jsonl", "");
    CHECK(fish_complete(h, "backcare import sess") == Strings{"sessions.jsonl"});
    CHECK(fish_complete(h, "backcare log chin-tuck:") == Strings{"chin-tuck:10x3s"});
    CHECK(fish_complete(h, "backcare log --plan --skip chin-tuck:") == Strings{"chin-tuck:hurt", "chin-tuck:kit", "chin-tuck:other", "chin-tuck:time"});  // fish sorts them
    CHECK(fish_complete(h, "backcare log --plan --skip cat-cow:kit,chin-tuck:h") == Strings{"cat-cow:kit,chin-tuck:hurt"});
    CHECK(fish_complete(h, "backcare catalogue show cat-cow sess").empty());  // one id, and no file there
    h.write("config/backcare/config.toml", "[profile.desk]\nminutes = 5\n[profile.home]\nplace = \"floor\"\n");
    CHECK(fish_complete(h, "backcare plan --profile h") == Strings{"home"});
    CHECK(fish_complete(h, "backcare plan --include cat-cow,chin-t") == Strings{"cat-cow,chin-tuck"});
}

TEST_CASE("zsh completes commands and values at an interactive prompt", "[completion][serial]") {
    Home h;
    REQUIRE(fs::exists("/usr/bin/zsh"));
    const std::string socket = (h.dir() / "tmux").string();
    auto tmux = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"-S", socket});
        return shell(h, "/usr/bin/tmux", args);
    };
    auto screen = [&] { return tmux({"capture-pane", "-p"}).out; };
    auto wait_for = [&](const std::string& text) {
        for (int i = 0; i < 100 && !contains(screen(), text); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return screen();
    };
    REQUIRE(tmux({"new-session", "-d", "-x", "100", "-y", "20", "/usr/bin/zsh -f"}).status == 0);
    tmux({"send-keys", "PS1='zsh> '; fpath=(" + e2e::source_path("completions") + " $fpath); autoload -Uz compinit; compinit -u -d " +
                           (h.dir() / "zcompdump").string() + "; clear; echo ready",
          "Enter"});
    CHECK(contains(wait_for("ready"), "ready"));
    tmux({"send-keys", "backcare stats --by ", "Tab"});
    const auto listed = wait_for("month");
    CHECK(contains(listed, "day"));
    CHECK(contains(listed, "week"));
    CHECK(contains(listed, "month"));
    tmux({"send-keys", "C-u", "backcare catalogue show thread-th", "Tab"});
    CHECK(contains(wait_for("thread-the-needle"), "zsh> backcare catalogue show thread-the-needle"));
    h.write("config/backcare/config.toml", "[profile.home]\nplace = \"floor\"\n");
    tmux({"send-keys", "C-u", "backcare plan --profile ho", "Tab"});
    CHECK(contains(wait_for("--profile home"), "zsh> backcare plan --profile home"));
    tmux({"kill-server"});
}
