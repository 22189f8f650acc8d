#pragma once

#include <string>

#include "api/request.h"
#include "services/caller.h"

namespace pmstudio::api {

// What a dashboard page request may show: one dashboard of one project, nothing else.
struct DashboardPageGrant {
    std::string tenant_id;
    std::string project_id;
    std::string dashboard_id;
    services::Caller caller;  // the signed-in person's key, or the embed token
    bool embedded = false;    // authorised by an embed token rather than a session
};

// Authorises the browser pages of dashboards. The /api routes never accept sessions or embed
// tokens (API keys only); the pages never accept API keys.
class DashboardPageAccess {
public:
    virtual ~DashboardPageAccess() = default;

    // /dashboard/{dashboardId}…: the request's session cookie. Throws ServiceError Unauthorized
    // when there is no valid session (the page then sends the browser to /login), NotFound when
    // the dashboard does not exist or the signed-in key may not read its tenant.
    virtual DashboardPageGrant for_session(const Request& request,
                                           const std::string& dashboard_id) = 0;

    // /embed/dashboard/{dashboardId}…: the `token` query parameter. Throws ServiceError
    // Unauthorized when it is missing, malformed, wrongly signed, expired, revoked or made for
    // another dashboard.
    virtual DashboardPageGrant for_embed_token(const Request& request,
                                               const std::string& dashboard_id) = 0;
};

}  // namespace pmstudio::api
