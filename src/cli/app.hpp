// SPDX-License-Identifier: MIT
#pragma once
#include <iosfwd>

#include "paths.hpp"

namespace backcare::cli {

// The whole program: parses argv, runs the subcommand, and maps every error
// to its exit status. main() only passes in the process's streams and environment.
int run(int argc, const char* const* argv, const Environment& env, std::istream& in, std::ostream& out,
        std::ostream& err);

}  // namespace backcare::cli
