#pragma once

#include "api/router.h"
#include "services/api_key_service.h"

namespace pmstudio::api {

// Tenant API keys (not in the reference, which leaves key creation to the UI):
// POST/GET /api/tenant/{tenantId}/apikey, DELETE /api/tenant/{tenantId}/apikey/{apiKeyId}.
void register_api_key_routes(Router& router, services::ApiKeyService& api_keys);

}  // namespace pmstudio::api
