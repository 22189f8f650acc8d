#include "app/server_options.h"

namespace pmstudio::app {

std::filesystem::path database_file(const std::filesystem::path& data_dir) {
    return data_dir / "pmstudio.db";
}

std::filesystem::path admin_key_file(const std::filesystem::path& data_dir) {
    return data_dir / "admin-key.txt";
}

std::filesystem::path tenant_storage_root(const std::filesystem::path& data_dir) {
    return data_dir / "tenants";
}

}  // namespace pmstudio::app
