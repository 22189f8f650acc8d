#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/paging.h"
#include "services/project_cache.h"
#include "storage/store.h"
#include "storage/tenant_storage.h"

namespace pmstudio::services {

struct TenantSummary {
    storage::TenantRecord tenant;
    storage::TenantStats stats;
};

struct TenantPage {
    std::vector<TenantSummary> tenants;
    int64_t total_count = 0;
};

struct CreateTenantInput {
    std::optional<std::string> name;
    std::optional<std::string> display_name;
    std::optional<std::string> description;
    std::optional<int64_t> max_users;
    std::optional<int64_t> max_analysts;
    std::optional<int64_t> max_cases;
    std::optional<std::string> time_zone;
};

// Absent fields mean "no change".
struct UpdateTenantInput {
    std::string tenant_id;
    std::optional<std::string> display_name;
    std::optional<std::string> description;
    std::optional<int64_t> max_users;
    std::optional<int64_t> max_analysts;
    std::optional<int64_t> max_cases;
    std::optional<std::string> time_zone;
    std::optional<bool> is_academic;
    std::optional<bool> pre_release;
    std::optional<bool> is_disabled;
};

struct DeleteTenantInput {
    std::string tenant_id;
    std::string name;
    std::string display_name;
};

struct CreatedTenant {
    storage::TenantRecord tenant;
    bool storage_container_created = false;
};

struct DeletedTenant {
    storage::TenantRecord tenant;
    bool storage_container_deleted = false;
};

class TenantService {
public:
    // max_tenants: the licence limit; 0 means unlimited.
    TenantService(storage::Store& store, storage::TenantStorage& tenant_storage,
                  ProjectCache& project_cache, int64_t max_tenants)
        : store_(store),
          tenant_storage_(tenant_storage),
          project_cache_(project_cache),
          max_tenants_(max_tenants) {}

    TenantPage list(const PageRequest& page);
    // NotFound when the tenant does not exist.
    storage::TenantRecord get(const std::string& tenant_id);
    CreatedTenant create(const CreateTenantInput& input);
    storage::TenantRecord update(const UpdateTenantInput& input);
    // Triple verification: id, name and display name must all match.
    DeletedTenant remove(const DeleteTenantInput& input);

private:
    storage::Store& store_;
    storage::TenantStorage& tenant_storage_;
    ProjectCache& project_cache_;
    int64_t max_tenants_;
};

// Shared by every service that needs a tenant to exist: NotFound with the documented message.
storage::TenantRecord require_tenant(storage::Store& store, const std::string& tenant_id);

}  // namespace pmstudio::services
