#pragma once

#include "api/router.h"
#include "services/user_service.h"

namespace pmstudio::api {

// Global User API: /api/user (list, create, get, update, by-email, tenants); global keys only.
void register_user_routes(Router& router, services::UserService& users);

}  // namespace pmstudio::api
