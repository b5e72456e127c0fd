// SPDX-License-Identifier: MIT
// Catch2's main, with SIGPIPE ignored: a program under test that stops
// reading its input early (refusing it) must not end the test run.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <csignal>

int main(int argc, char* argv[]) {
    std::signal(SIGPIPE, SIG_IGN);
    return Catch::Session().run(argc, argv);
}
