#pragma once

#include "api/dashboard_page_access.h"
#include "api/router.h"
#include "services/dashboard_view_service.h"

namespace pmstudio::api {

// What the dashboard pages load, under /dashboard/{dashboardId} (session) and
// /embed/dashboard/{dashboardId} (?token=): …/data (the dashboard with every panel's latest
// result; executes notebooks whose panels have none, see DashboardViewService) and
// …/panel/{panelId}/process-map.svg. Signed-in pages may also POST /dashboard/{dashboardId}/run
// (execute the dashboard's notebooks again); embedded pages only read. Refusals are JSON: 401
// without a valid session or token, 404 for a dashboard or panel outside the grant.
void register_dashboard_page_data_routes(Router& router, DashboardPageAccess& access,
                                         services::DashboardViewService& views);

}  // namespace pmstudio::api
