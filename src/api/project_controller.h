#pragma once

#include "api/router.h"
#include "services/project_service.h"

namespace pmstudio::api {

// Project management: /api/{tenantId}/project (list, get, create, update, delete, summary).
void register_project_routes(Router& router, services::ProjectService& projects);

}  // namespace pmstudio::api
