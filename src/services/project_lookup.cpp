#include "services/project_lookup.h"

#include <fmt/format.h>

#include "common/service_error.h"
#include "services/tenant_service.h"

namespace pmstudio::services {

storage::ProjectRecord require_project(storage::Store& store, const std::string& tenant_id,
                                       const std::string& project_id) {
    require_tenant(store, tenant_id);
    auto project = store.projects().find(tenant_id, project_id);
    if (!project) {
        throw ServiceError(ErrorKind::NotFound,
                           fmt::format("Project not found with ID '{}'. The project may have been "
                                       "deleted or the ID is incorrect.",
                                       project_id))
            .with("projectId", project_id);
    }
    return *project;
}

storage::ProjectRecord use_project(storage::Store& store, ProjectCache& cache,
                                   const std::string& tenant_id, const std::string& project_id) {
    auto project = require_project(store, tenant_id, project_id);
    cache.touch(tenant_id, project_id);
    return project;
}

storage::ProjectRecord auto_load_project(storage::Store& store, ProjectCache& cache,
                                         const std::string& tenant_id,
                                         const std::string& project_id) {
    auto project = require_project(store, tenant_id, project_id);
    cache.load(tenant_id, project_id);
    return project;
}

storage::ProjectRecord require_loaded_project(storage::Store& store, ProjectCache& cache,
                                              const std::string& tenant_id,
                                              const std::string& project_id) {
    auto project = require_project(store, tenant_id, project_id);
    if (!cache.contains(tenant_id, project_id)) {
        throw ServiceError(ErrorKind::NotFound,
                           "Project not found in cache. Please load the project first using the "
                           "ProjectController.LoadProject endpoint.")
            .written_as(ErrorBody::JsonString);
    }
    cache.touch(tenant_id, project_id);
    return project;
}

}  // namespace pmstudio::services
