#include "context.hpp"
#include "config_file.hpp"

#include <ostream>
#include <random>

#include "builtin_catalogue.hpp"
#include "text.hpp"

namespace backcare::cli {

Config Context::config() const { return load_config(paths.config_file(), paths.config_file_required()); }

Catalogue Context::catalogue() const { return load_catalogue(builtin_catalogue(), paths.catalogue_dir()); }

void Context::warn(const std::string& message) const { err << "backcare: warning: " << message << '\n'; }

std::string Context::new_uuid() const {
    std::random_device random;
    auto next = [&] { return (static_cast<std::uint64_t>(random()) << 32) | random(); };
    return make_uuid(next(), next());
}

std::optional<Journal> Context::journal() const { return Journal::open_existing(paths.database()); }

std::string choices(const std::vector<std::string>& names) { return join(names, "|"); }

}  // namespace backcare::cli
