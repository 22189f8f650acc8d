#include "api/dashboard_page_mode.h"

namespace pmstudio::api {

std::string page_pattern(PageMode mode) {
    return mode == PageMode::Embed ? "/embed/dashboard/{dashboardId}" : "/dashboard/{dashboardId}";
}

DashboardPageGrant page_grant(DashboardPageAccess& access, const Request& request, PageMode mode) {
    const auto& dashboard_id = request.param("dashboardId");
    return mode == PageMode::Embed ? access.for_embed_token(request, dashboard_id)
                                   : access.for_session(request, dashboard_id);
}

void add_page_headers(Response& response, PageMode mode) {
    const bool embedded = mode == PageMode::Embed;
    response.headers.emplace_back("Cache-Control", "no-store");
    response.headers.emplace_back("Referrer-Policy", "no-referrer");
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    response.headers.emplace_back(
        "Content-Security-Policy",
        std::string("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' "
                    "data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
                    "frame-ancestors ") +
            (embedded ? "*" : "'none'"));
    if (!embedded) response.headers.emplace_back("X-Frame-Options", "DENY");
}

}  // namespace pmstudio::api
