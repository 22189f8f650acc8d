#pragma once

#include "api/dashboard_page_access.h"
#include "api/router.h"
#include "web/pages.h"

namespace pmstudio::api {

// The dashboard pages people open: GET /dashboard/{dashboardId} (signed in; without a session a
// 303 to /login?next=…) and GET /embed/dashboard/{dashboardId}?token=… (iframe-friendly; a
// refused token is a 401 page saying why). Both serve the page shell; the front end loads the
// dashboard from the data route (dashboard_page_data_controller.h).
void register_dashboard_page_routes(Router& router, DashboardPageAccess& access,
                                    const web::Pages& pages);

}  // namespace pmstudio::api
