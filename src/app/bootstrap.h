#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "services/api_key_service.h"

namespace pmstudio::app {

// On the first start of an empty store: creates the global admin key (or stores the one given in
// PMSTUDIO_BOOTSTRAP_GLOBAL_KEY), writes it to `key_file` with mode 0600 and returns the secret so
// the caller can print it once. Returns nullopt when keys already exist.
std::optional<std::string> bootstrap_global_key(services::ApiKeyService& api_keys,
                                                const std::filesystem::path& key_file);

}  // namespace pmstudio::app
