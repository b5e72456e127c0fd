// SPDX-License-Identifier: MIT
// The terminal and the signals of an interactive command (`backcare go`):
// keys without echo, the alternate screen, the window's size, lines typed
// in answer to a question, and Ctrl-C, SIGTERM, SIGHUP, resizes and Ctrl-Z
// read as data. Every resource taken here is given back by a destructor.
#pragma once
#include <csignal>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>

#include <termios.h>

#include "errors.hpp"
#include "files.hpp"

namespace backcare {

// Interrupted by a signal (exit status 128 + the signal): the terminal is
// restored and nothing is logged.
struct Stopped : Error {
    explicit Stopped(int signal);
};

// What Signals::take found.
struct SignalsTaken {
    int stop = 0;          // SIGINT, SIGTERM or SIGHUP (the first of them), or 0
    bool resized = false;  // SIGWINCH
    bool suspend = false;  // SIGTSTP: Ctrl-Z
};

// Ctrl-C, SIGTERM, SIGHUP and window resizes arrive as readable data on a
// file descriptor (signalfd) instead of interrupting: the terminal is then
// put back by the destructors, whatever ends the routine.
class Signals {
public:
    Signals();
    ~Signals() = default;
    Signals(const Signals&) = delete;
    Signals& operator=(const Signals&) = delete;
    int fd() const { return fd_.get(); }
    // The signals that arrived since the last look.
    SignalsTaken take() const;

private:
    // The signals blocked for as long as this lives, then the mask as it was.
    class Blocked {
    public:
        Blocked();
        ~Blocked();
        Blocked(const Blocked&) = delete;
        Blocked& operator=(const Blocked&) = delete;
        const sigset_t& mask() const { return mask_; }

    private:
        sigset_t mask_{}, old_{};
    };
    // Declared first: unblocked only after the descriptor is closed.
    Blocked blocked_;
    Fd fd_;
};

// Keys one at a time without echo while alive; the screen's own buffer when
// drawing full screen. Both are undone on every way out, and while stopped
// by Ctrl-Z.
class Terminal {
public:
    Terminal(bool keys, bool screen, std::ostream& out);
    ~Terminal() { leave(); }
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;

    void enter();
    void leave();
    // Ctrl-Z: the terminal as it was while the process is stopped, taken
    // again when it is continued.
    void suspend();

private:
    bool keys_, screen_;
    std::ostream& out_;
    termios saved_{};
    bool saved_ok_ = false;
    bool entered_ = false;
};

struct TerminalSize {
    std::size_t width = 80;
    std::size_t height = 24;
};

// The window standard output shows; fallback_width by 24 when it is no terminal.
TerminalSize terminal_size(std::size_t fallback_width);

// Whether standard input, or standard output, is a terminal.
bool input_is_terminal();
bool output_is_terminal();

// What woke wait_for_input.
struct Ready {
    bool signals = false;
    bool keys = false;
};

// Waits up to timeout_ms for a signal or, when keys, a key on standard input.
Ready wait_for_input(const Signals&, bool keys, int timeout_ms);

// The bytes typed since the last look (up to 64), without waiting.
std::string read_keys();

// A line typed at the terminal (keys echoed, Enter ends it), or nullopt at
// the end of input. Ctrl-C and friends throw Stopped, after a newline on
// prompt so that the message stands on a line of its own.
std::optional<std::string> read_line(std::ostream& prompt, const Signals&);

}  // namespace backcare
