#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <utility>

namespace pmstudio::storage {

// Per-tenant storage containers on the local file system: <root>/<tenantId>/ holds the tenant's
// blobs (dataset files, packages, attachments).
class TenantStorage {
public:
    explicit TenantStorage(std::filesystem::path root);

    std::filesystem::path container(const std::string& tenant_id) const;
    // Creates the tenant's container; true when it was created now.
    bool create_container(const std::string& tenant_id);
    // Deletes the tenant's container and everything in it; true when something was deleted.
    bool delete_container(const std::string& tenant_id);
    // Deletes containers of tenants that no longer exist (left by a crash between the database
    // commit and the file deletion). Returns how many were removed.
    int remove_orphans(const std::set<std::string>& live_tenant_ids);

private:
    std::filesystem::path root_;
};

}  // namespace pmstudio::storage
