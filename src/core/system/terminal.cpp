// SPDX-License-Identifier: MIT
// The terminal and signals of an interactive command, through the POSIX
// calls: signalfd, termios, ioctl and poll.
#include "terminal.hpp"

#include <poll.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <ostream>

namespace backcare {
namespace {

const char* signal_name(int signal) {
    return signal == SIGINT ? "Ctrl-C" : signal == SIGTERM ? "SIGTERM" : "SIGHUP";
}

}  // namespace

Stopped::Stopped(int signal)
    : Error(static_cast<Exit>(128 + signal), std::string("stopped by ") + signal_name(signal) + "; nothing was logged") {}

Signals::Blocked::Blocked() {
    sigemptyset(&mask_);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP}) sigaddset(&mask_, s);
    if (sigprocmask(SIG_BLOCK, &mask_, &old_) != 0) throw IoError("cannot watch for signals");
}

Signals::Blocked::~Blocked() { sigprocmask(SIG_SETMASK, &old_, nullptr); }

// Should signalfd fail, blocked_ is already whole, so its destructor puts the mask back.
Signals::Signals() : fd_(signalfd(-1, &blocked_.mask(), SFD_CLOEXEC | SFD_NONBLOCK)) {
    if (!fd_.valid()) throw IoError("cannot watch for signals");
}

SignalsTaken Signals::take() const {
    SignalsTaken taken;
    signalfd_siginfo info{};
    while (::read(fd_.get(), &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
        if (info.ssi_signo == SIGWINCH)
            taken.resized = true;
        else if (info.ssi_signo == SIGTSTP)
            taken.suspend = true;
        else if (taken.stop == 0)
            taken.stop = static_cast<int>(info.ssi_signo);
    }
    return taken;
}

Terminal::Terminal(bool keys, bool screen, std::ostream& out) : keys_(keys), screen_(screen), out_(out) {
    saved_ok_ = keys_ && tcgetattr(STDIN_FILENO, &saved_) == 0;
    enter();
}

void Terminal::enter() {
    if (entered_) return;
    entered_ = true;
    if (saved_ok_) {
        termios raw = saved_;
        raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
        raw.c_cc[VMIN] = 0;
        raw.c_cc[VTIME] = 0;
        tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    }
    if (screen_) out_ << "\033[?1049h\033[?25l\033[2J" << std::flush;
}

void Terminal::leave() {
    if (!entered_) return;
    entered_ = false;
    if (screen_) out_ << "\033[?25h\033[?1049l" << std::flush;
    if (saved_ok_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
}

void Terminal::suspend() {
    leave();
    ::kill(::getpid(), SIGSTOP);
    enter();
}

TerminalSize terminal_size(std::size_t fallback_width) {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) return {ws.ws_col, ws.ws_row};
    return {fallback_width, 24};
}

bool input_is_terminal() { return ::isatty(STDIN_FILENO) == 1; }
bool output_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

Ready wait_for_input(const Signals& signals, bool keys, int timeout_ms) {
    pollfd fds[2] = {{signals.fd(), POLLIN, 0}, {keys ? STDIN_FILENO : -1, POLLIN, 0}};
    if (::poll(fds, 2, timeout_ms) < 0 && errno != EINTR) throw IoError("cannot wait for the terminal");
    return {(fds[0].revents & POLLIN) != 0, (fds[1].revents & POLLIN) != 0};
}

std::string read_keys() {
    char buffer[64];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
}

std::optional<std::string> read_line(std::ostream& prompt, const Signals& signals) {
    std::string line;
    for (;;) {
        pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {signals.fd(), POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            throw IoError("cannot read from the terminal");
        }
        if (fds[1].revents & POLLIN) {
            const SignalsTaken taken = signals.take();
            if (taken.stop) {
                prompt << '\n' << std::flush;  // the message on a line of its own, not after "^C"
                throw Stopped(taken.stop);
            }
            if (taken.suspend) ::kill(::getpid(), SIGSTOP);  // cooked mode already: stop as the shell expects
        }
        if (!(fds[0].revents & (POLLIN | POLLHUP))) continue;
        char c = 0;
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n <= 0) return line.empty() ? std::nullopt : std::optional(line);
        if (c == '\n' || c == '\r') return line;
        line += c;
    }
}

}  // namespace backcare
