#include <cstdlib>
#include <iostream>

#include "app.hpp"

int main(int argc, char** argv) {
    const backcare::Environment env = [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        return value ? std::optional<std::string>(value) : std::nullopt;
    };
    return backcare::cli::run(argc, argv, env, std::cout, std::cerr);
}
