#include "context.hpp"

#include <ostream>

#include "builtin_catalogue.hpp"
#include "text.hpp"

namespace backcare::cli {

Config Context::config() const { return load_config(paths.config_file(), paths.config_file_required()); }

Catalogue Context::catalogue() const { return load_catalogue(builtin_catalogue(), paths.catalogue_dir()); }

void Context::warn(const std::string& message) const { err << "backcare: warning: " << message << '\n'; }

std::string choices(const std::vector<std::string>& names) { return join(names, "|"); }

}  // namespace backcare::cli
