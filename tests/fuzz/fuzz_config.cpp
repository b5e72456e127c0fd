// SPDX-License-Identifier: MIT
// libFuzzer target: the config loader, fed a person's config.toml.
//
// backcare::Error (a DataError naming file, line and column) is the expected
// answer to bad input. Any other exception is deliberately not caught, so the
// fuzzer reports it as a crash: backcare must never fail in any other way.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "errors.hpp"
#include "config_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const backcare::Config config = backcare::parse_config(text, "fuzz.toml");
        // What `backcare config` shows.
        for (const auto& row : backcare::describe(config)) (void)row.text();
    } catch (const backcare::Error& e) {
        if (std::string_view(e.what()).empty()) std::abort();  // an error must say something
        (void)e.detail();
    }
    return 0;
}
