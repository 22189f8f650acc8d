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
    // <container>/datasets/<datasetId>/: the stored versions of one dataset.
    std::filesystem::path dataset_directory(const std::string& tenant_id,
                                            const std::string& dataset_id) const;
    // A new, unused path in <container>/uploads/ for an incoming file (the directory is created).
    std::filesystem::path new_upload_path(const std::string& tenant_id) const;
    // Removes dataset files and directories that no row refers to and every upload left by a
    // previous process. `referenced` holds "<tenantId>/<datasetId>/<file>" strings.
    int sweep_dataset_files(const std::set<std::string>& referenced, bool include_uploads);
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
