// SPDX-License-Identifier: MIT
// libFuzzer target: the dose notation ("2x10x5s@red"), as typed after "ID:".
//
// UsageError is the expected answer to bad notation. A dose that parses must
// survive the round trip through format_dose() (sets, reps, hold and load kept,
// as dose.hpp promises) and have a non-negative time estimate.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <string_view>

#include "dose.hpp"
#include "errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    backcare::Dose d;
    try {
        d = backcare::parse_dose(text);
    } catch (const backcare::UsageError& e) {
        if (std::string_view(e.what()).empty()) std::abort();
        return 0;
    }
    const std::string canonical = backcare::format_dose(d);
    backcare::Dose again;
    try {
        again = backcare::parse_dose(canonical);
    } catch (const backcare::UsageError& e) {
        std::fprintf(stderr, "format_dose gave '%s', which does not parse: %s\n", canonical.c_str(), e.what());
        std::abort();
    }
    if (again.sets != d.sets || again.reps != d.reps || again.hold != d.hold || again.load != d.load) {
        std::fprintf(stderr, "round trip changed the dose: '%s' -> '%s'\n", std::string(text).c_str(), canonical.c_str());
        std::abort();
    }
    if (backcare::estimate_seconds(d) < 0) std::abort();
    (void)backcare::describe_dose(d, true);
    (void)backcare::describe_dose(d, false);
    return 0;
}
