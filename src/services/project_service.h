#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/caller.h"
#include "services/dataset_cache.h"
#include "services/paging.h"
#include "services/project_cache.h"
#include "storage/store.h"
#include "storage/tenant_storage.h"

namespace pmstudio::services {

// A project with the live counts of what it contains.
struct ProjectView {
    storage::ProjectRecord project;
    storage::ProjectCounts counts;
};

struct ProjectPage {
    std::vector<ProjectView> projects;
    int64_t total_count = 0;
};

struct CreateProjectInput {
    std::optional<std::string> name;
    std::optional<std::string> description;
};

// The name is required; an absent description or isActive means "no change".
struct UpdateProjectInput {
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<bool> is_active;
};

struct LoadedProject {
    ProjectView view;
    std::string tenant_name;
    bool from_cache = false;
    int64_t dataset_bytes_loaded = 0;  // stored bytes of the datasets read into memory now
    double load_seconds = 0;
};

// Project management and cache operations. Every call is scoped by tenant: a project id of
// another tenant is "not found".
class ProjectService {
public:
    ProjectService(storage::Store& store, ProjectCache& cache, DatasetCache& datasets,
                   storage::TenantStorage& tenant_storage)
        : store_(store), cache_(cache), datasets_(datasets), tenant_storage_(tenant_storage) {}

    ProjectPage list(const std::string& tenant_id, const PageRequest& page);
    ProjectView get(const std::string& tenant_id, const std::string& project_id);
    ProjectView create(const std::string& tenant_id, const CreateProjectInput& input,
                       const Caller& caller);
    ProjectView update(const std::string& tenant_id, const std::string& project_id,
                       const UpdateProjectInput& input, const Caller& caller);
    // Deletes the project with everything it owns and drops it from the cache.
    void remove(const std::string& tenant_id, const std::string& project_id);

    LoadedProject load(const std::string& tenant_id, const std::string& project_id);
    // True when the project was in the cache.
    bool unload(const std::string& tenant_id, const std::string& project_id);

private:
    ProjectView view_of(storage::ProjectRecord project);

    storage::Store& store_;
    ProjectCache& cache_;
    DatasetCache& datasets_;
    storage::TenantStorage& tenant_storage_;
};

}  // namespace pmstudio::services
