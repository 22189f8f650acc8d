#pragma once

#include "api/router.h"
#include "services/dashboard_service.h"

namespace pmstudio::api {

// Dashboard API panel routes: list, create (with its selector block), update and delete.
void register_dashboard_panel_routes(Router& router, services::DashboardService& dashboards);

}  // namespace pmstudio::api
