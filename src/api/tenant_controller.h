#pragma once

#include "api/router.h"
#include "services/tenant_service.h"

namespace pmstudio::api {

// Tenant API: /api/tenant (list, get, create, update, delete); global keys only.
void register_tenant_routes(Router& router, services::TenantService& tenants);

}  // namespace pmstudio::api
