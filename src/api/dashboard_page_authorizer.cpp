#include "api/dashboard_page_authorizer.h"

#include "api/session_cookie.h"
#include "common/service_error.h"

namespace pmstudio::api {
namespace {

ServiceError dashboard_not_found(const std::string& dashboard_id) {
    return ServiceError(ErrorKind::NotFound, "Dashboard not found")
        .with("DashboardId", dashboard_id)
        .written_as(ErrorBody::PascalCase);
}

}  // namespace

DashboardPageGrant DashboardPageAuthorizer::for_session(const Request& request,
                                                        const std::string& dashboard_id) {
    const auto caller = sessions_.caller(request_cookie(request, kSessionCookieName).value_or(""));
    if (!caller) {
        throw ServiceError(ErrorKind::Unauthorized, "Sign in to see this dashboard");
    }
    const auto located = store_.dashboards().locate(dashboard_id);
    if (!located || (caller->tenant_id && *caller->tenant_id != located->tenant_id)) {
        throw dashboard_not_found(dashboard_id);
    }
    return DashboardPageGrant{located->tenant_id, located->dashboard.project_id, dashboard_id,
                              *caller, false};
}

DashboardPageGrant DashboardPageAuthorizer::for_embed_token(const Request& request,
                                                            const std::string& dashboard_id) {
    const auto grant = embed_tokens_.verify(request.query_param("token").value_or(""));
    if (grant.dashboard.dashboard.id != dashboard_id) {
        throw ServiceError(ErrorKind::Unauthorized,
                           "The embed token was made for another dashboard");
    }
    const auto tenant = store_.tenants().find(grant.dashboard.tenant_id);
    if (!tenant || tenant->is_disabled) {
        throw ServiceError(ErrorKind::Unauthorized, "The dashboard's tenant is disabled");
    }
    return DashboardPageGrant{
        grant.dashboard.tenant_id, grant.dashboard.dashboard.project_id, dashboard_id,
        services::Caller{"embed:" + grant.record.id, "Embed token " + grant.record.id,
                         grant.dashboard.tenant_id},
        true};
}

}  // namespace pmstudio::api
