#pragma once

#include <string>

#include "services/project_cache.h"
#include "storage/store.h"

namespace pmstudio::services {

// The project with that id in that tenant, or NotFound with the documented body
// {"error": "Project not found with ID '...'. ...", "projectId": "..."}. A project of another
// tenant is "not found" too: tenants are walls.
storage::ProjectRecord require_project(storage::Store& store, const std::string& tenant_id,
                                       const std::string& project_id);

// require_project for a call that uses the project: also restarts its cache expiry timer.
storage::ProjectRecord use_project(storage::Store& store, ProjectCache& cache,
                                   const std::string& tenant_id, const std::string& project_id);

// require_project for a modification (the reference's "auto-load" operations): loads the project
// into the cache when it is not there yet, so later execution calls find it loaded.
storage::ProjectRecord auto_load_project(storage::Store& store, ProjectCache& cache,
                                         const std::string& tenant_id,
                                         const std::string& project_id);

// require_project for the reference's "requires load" operations: NotFound with the documented
// JSON string when the project is not in the cache.
storage::ProjectRecord require_loaded_project(storage::Store& store, ProjectCache& cache,
                                              const std::string& tenant_id,
                                              const std::string& project_id);

}  // namespace pmstudio::services
