#pragma once

#include "api/router.h"
#include "services/project_service.h"

namespace pmstudio::api {

// Project cache: GET /api/{tenantId}/project/{projectId}/load and DELETE .../unload.
void register_project_cache_routes(Router& router, services::ProjectService& projects);

}  // namespace pmstudio::api
