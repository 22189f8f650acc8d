#include "storage/tenant_storage.h"

#include "common/guid.h"

namespace pmstudio::storage {

TenantStorage::TenantStorage(std::filesystem::path root) : root_(std::move(root)) {
    std::filesystem::create_directories(root_);
}

std::filesystem::path TenantStorage::container(const std::string& tenant_id) const {
    return root_ / tenant_id;
}

std::filesystem::path TenantStorage::dataset_directory(const std::string& tenant_id,
                                                       const std::string& dataset_id) const {
    return container(tenant_id) / "datasets" / dataset_id;
}

std::filesystem::path TenantStorage::new_upload_path(const std::string& tenant_id) const {
    const auto directory = container(tenant_id) / "uploads";
    std::filesystem::create_directories(directory);
    return directory / (new_guid() + ".upload");
}

int TenantStorage::sweep_dataset_files(const std::set<std::string>& referenced,
                                       bool include_uploads) {
    int removed = 0;
    std::error_code error;
    for (const auto& tenant : std::filesystem::directory_iterator(root_, error)) {
        const std::string tenant_id = tenant.path().filename().string();
        if (include_uploads) {
            removed +=
                static_cast<int>(std::filesystem::remove_all(tenant.path() / "uploads", error));
        }
        for (const auto& dataset :
             std::filesystem::directory_iterator(tenant.path() / "datasets", error)) {
            const std::string dataset_id = dataset.path().filename().string();
            bool any_kept = false;
            for (const auto& file : std::filesystem::directory_iterator(dataset.path(), error)) {
                const std::string key =
                    tenant_id + "/" + dataset_id + "/" + file.path().filename().string();
                if (referenced.count(key)) {
                    any_kept = true;
                } else {
                    removed += std::filesystem::remove(file.path(), error) ? 1 : 0;
                }
            }
            if (!any_kept) std::filesystem::remove(dataset.path(), error);
        }
    }
    return removed;
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
