// SPDX-License-Identifier: MIT
// Replays inputs through a fuzz target without libFuzzer, so that every seed
// and every input that ever crashed is re-run by ctest with the normal
// compiler. Arguments are files or directories (every regular file below a
// directory is replayed, in name order). A crash, an abort or an escaping
// exception fails the test; so does finding no input at all.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg = argv[i];
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            for (const auto& entry : fs::recursive_directory_iterator(arg, ec))
                if (entry.is_regular_file()) inputs.push_back(entry.path());
            if (ec) {
                std::cerr << "replay: cannot list " << arg << ": " << ec.message() << "\n";
                return 2;
            }
        } else if (fs::is_regular_file(arg, ec)) {
            inputs.push_back(arg);
        } else {
            std::cerr << "replay: " << arg << " is neither a file nor a directory\n";
            return 2;
        }
    }
    if (inputs.empty()) {
        std::cerr << "usage: " << (argc > 0 ? argv[0] : "replay") << " FILE_OR_DIR... (no inputs found)\n";
        return 2;
    }
    std::sort(inputs.begin(), inputs.end());
    for (const auto& path : inputs) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << "replay: cannot read " << path << "\n";
            return 2;
        }
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // Named before running, so that a crash's log says which input it was.
        std::cout << "replay: " << path.string() << " (" << bytes.size() << " bytes)" << std::endl;
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    }
    std::cout << "replay: " << inputs.size() << " input(s), no crash" << std::endl;
    return 0;
}
