#pragma once

#include "api/router.h"
#include "services/user_service.h"

namespace pmstudio::api {

// Tenant-scoped User API: /api/tenant/{tenantId}/user; global keys or the tenant's own keys.
void register_tenant_user_routes(Router& router, services::UserService& users);

}  // namespace pmstudio::api
