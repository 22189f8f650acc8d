#pragma once

#include <string>

#include "api/dashboard_page_access.h"
#include "api/request.h"
#include "api/response.h"

namespace pmstudio::api {

// The two ways into a dashboard page: signed in (/dashboard/…, the session cookie) or embedded
// (/embed/dashboard/…, the ?token= of an embed token).
enum class PageMode { Session, Embed };

// "/dashboard/{dashboardId}" or "/embed/dashboard/{dashboardId}".
std::string page_pattern(PageMode mode);

// The request's grant for the {dashboardId} of its path, by the mode's credential.
DashboardPageGrant page_grant(DashboardPageAccess& access, const Request& request, PageMode mode);

// Headers of every dashboard page answer: never cached (results change; tokens expire), no
// Referer (an embed URL carries its token), and a Content-Security-Policy that allows the page's
// own scripts only; embedded pages may be framed by any site, the signed-in page by none.
void add_page_headers(Response& response, PageMode mode);

}  // namespace pmstudio::api
