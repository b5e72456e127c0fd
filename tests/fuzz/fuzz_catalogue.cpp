// SPDX-License-Identifier: MIT
// libFuzzer target: the catalogue loader, fed a person's catalogue file.
//
// parse_catalogue() promises never to throw on bad content: every problem is a
// diagnostic. So any exception escaping here is a bug, and so is a crash. Past
// parsing, the harness does what `backcare catalogue lint` and `plan` do with
// the result: cross-checks it against the built-in catalogue, renders every
// diagnostic, and turns each valid exercise's prescription into doses.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "builtin_catalogue.hpp"
#include "catalogue.hpp"
#include "dose.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const backcare::Catalogue base = backcare::builtin_catalogue();
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    std::vector<backcare::ParsedFile> files;
    files.push_back(backcare::parse_catalogue(text, "fuzz.toml"));
    const backcare::ParsedFile& file = files.front();

    std::vector<backcare::Diagnostic> all = file.diagnostics;
    for (auto& d : backcare::cross_check(files, base)) all.push_back(std::move(d));
    for (const auto& d : all) {
        if (d.headline().empty()) std::abort();  // every problem must say something
        (void)d.snippet();
    }

    if (file.diagnostics.empty()) {
        // A file that lints clean is used by the planner: its doses must be sane.
        for (const auto& p : file.exercises) {
            for (int level = 1; level <= 3; ++level) {
                const backcare::Dose d = backcare::dose_at_level(p.exercise, level);
                if (backcare::estimate_seconds(d) < 0) std::abort();
                (void)backcare::format_dose(d);
                (void)backcare::describe_dose(d, true);
            }
        }
    }
    return 0;
}
