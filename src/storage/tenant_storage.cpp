#include "storage/tenant_storage.h"

namespace pmstudio::storage {

TenantStorage::TenantStorage(std::filesystem::path root) : root_(std::move(root)) {
    std::filesystem::create_directories(root_);
}

std::filesystem::path TenantStorage::container(const std::string& tenant_id) const {
    return root_ / tenant_id;
}

bool TenantStorage::create_container(const std::string& tenant_id) {
    return std::filesystem::create_directories(container(tenant_id));
}

bool TenantStorage::delete_container(const std::string& tenant_id) {
    return std::filesystem::remove_all(container(tenant_id)) > 0;
}

int TenantStorage::remove_orphans(const std::set<std::string>& live_tenant_ids) {
    int removed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(root_)) {
        if (entry.is_directory() && !live_tenant_ids.count(entry.path().filename().string())) {
            std::filesystem::remove_all(entry.path());
            ++removed;
        }
    }
    return removed;
}

}  // namespace pmstudio::storage
