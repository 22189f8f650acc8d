#pragma once

#include "api/router.h"
#include "services/project_member_service.h"

namespace pmstudio::api {

// Project user permissions: /api/{tenantId}/project/{projectId}/users[/{userId}].
void register_project_user_routes(Router& router, services::ProjectMemberService& members);

}  // namespace pmstudio::api
