#pragma once

#include <optional>

#include "api/request.h"
#include "api/response.h"
#include "api/route.h"
#include "services/api_key_service.h"

namespace pmstudio::api {

// Applies a route's Access rule to a request. On success returns nullopt and sets
// request.caller (for non-public routes); otherwise returns the documented rejection.
std::optional<Response> authorize(const RouteSpec& route, Request& request,
                                  services::ApiKeyService& api_keys);

}  // namespace pmstudio::api
