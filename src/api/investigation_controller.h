#pragma once

#include "api/router.h"
#include "services/investigation_service.h"

namespace pmstudio::api {

// Investigation API: CRUD plus the notebooks of an investigation (which require the project to be
// loaded into the cache).
void register_investigation_routes(Router& router, services::InvestigationService& investigations);

}  // namespace pmstudio::api
