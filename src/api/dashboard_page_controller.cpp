#include "api/dashboard_page_controller.h"

#include "api/dashboard_page_mode.h"
#include "api/error_mapping.h"
#include "common/service_error.h"

namespace pmstudio::api {
namespace {

Response html(int status, std::string body, PageMode mode) {
    Response response;
    response.status = status;
    response.content_type = "text/html; charset=utf-8";
    response.body = std::move(body);
    add_page_headers(response, mode);
    return response;
}

// Why the page cannot be shown, as a page: a person reads it, not a script.
Response refusal(const ServiceError& error, const Request& request, PageMode mode,
                 const web::Pages& pages) {
    if (mode == PageMode::Session && error.kind() == ErrorKind::Unauthorized) {
        Response response = html(303, "", mode);
        response.headers.emplace_back("Location",
                                      "/login?next=/dashboard/" + request.param("dashboardId"));
        return response;
    }
    const char* title = error.kind() == ErrorKind::NotFound ? "Dashboard not found"
                        : error.kind() == ErrorKind::Unauthorized
                            ? "This dashboard link is not valid"
                            : "This dashboard cannot be shown";
    return html(status_for(error.kind()), pages.message(title, error.what()), mode);
}

}  // namespace

void register_dashboard_page_routes(Router& router, DashboardPageAccess& access,
                                    const web::Pages& pages) {
    for (const PageMode mode : {PageMode::Session, PageMode::Embed}) {
        const bool embedded = mode == PageMode::Embed;
        router.add({.method = "GET",
                    .pattern = page_pattern(mode),
                    .tag = "Pages",
                    .summary = embedded ? "A dashboard page for iframes (HTML), authorised by the "
                                          "?token= of an embed token"
                                        : "A dashboard page (HTML) for people signed in at /login",
                    .access = Access::Public,
                    .responses = embedded ? std::vector<ResponseDoc>{{200, "The page"},
                                                                     {401,
                                                                      "A page saying why the token "
                                                                      "is refused"}}
                                          : std::vector<ResponseDoc>{{200, "The page"},
                                                                     {303,
                                                                      "To /login?next=… without a "
                                                                      "session"},
                                                                     {404, "Dashboard not found"}}},
                   [&access, &pages, mode](Request& request) {
                       try {
                           page_grant(access, request, mode);
                       } catch (const ServiceError& error) {
                           return refusal(error, request, mode, pages);
                       }
                       return html(200, pages.dashboard(mode == PageMode::Embed), mode);
                   });
    }
}

}  // namespace pmstudio::api
