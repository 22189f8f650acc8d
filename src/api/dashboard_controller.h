#pragma once

#include "api/router.h"
#include "services/dashboard_service.h"

namespace pmstudio::api {

// Dashboard API: list, get and shareable URLs of dashboards, plus pmstudio's create, update and
// delete. The panel routes are in dashboard_panel_controller.h.
void register_dashboard_routes(Router& router, services::DashboardService& dashboards);

}  // namespace pmstudio::api
