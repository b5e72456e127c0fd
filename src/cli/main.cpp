// SPDX-License-Identifier: MIT
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <sys/stat.h>

#include "app.hpp"

int main(int argc, char** argv) {
    const backcare::Environment env = [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        return value ? std::optional<std::string>(value) : std::nullopt;
    };
    // Health data: nothing backcare creates is readable by others, whatever the umask.
    ::umask(077);
    // A reader that stops early (backcare export | head) ends backcare quietly,
    // as any filter, even when the parent process ignored SIGPIPE.
    std::signal(SIGPIPE, SIG_DFL);
    return backcare::cli::run(argc, argv, env, std::cin, std::cout, std::cerr);
}
