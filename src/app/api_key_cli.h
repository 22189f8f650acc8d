#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace pmstudio::app {

// `pmstudio apikey create|list|revoke`: manage keys directly in a data directory's store (works
// while the server runs; SQLite serialises the writes).
int api_key_create(const std::filesystem::path& data_dir,
                   const std::optional<std::string>& tenant_id, const std::string& name);
int api_key_list(const std::filesystem::path& data_dir,
                 const std::optional<std::string>& tenant_id);
int api_key_revoke(const std::filesystem::path& data_dir,
                   const std::optional<std::string>& tenant_id, const std::string& key_id);

}  // namespace pmstudio::app
