#include "api/dashboard_page_data_controller.h"

#include "api/dashboard_page_mode.h"
#include "api/dashboard_view_json.h"
#include "api/process_map_response.h"
#include "api/public_url.h"
#include "common/service_error.h"

namespace pmstudio::api {
namespace {

// The scheme-less authority of a URL ("host:port" of "https://host:port/…").
std::string authority(const std::string& url) {
    const auto start = url.find("://");
    const auto from = start == std::string::npos ? 0 : start + 3;
    return url.substr(from, url.find('/', from) - from);
}

// A browser sends Origin with every POST; a page of another site must not make a signed-in
// person's browser execute notebooks (the session cookie would go along).
void refuse_cross_site(const Request& request) {
    const auto origin = request.header("Origin");
    if (origin && authority(*origin) != authority(public_base_url(request))) {
        throw ServiceError(ErrorKind::Forbidden,
                           "Cross-site request refused: re-run from the dashboard page itself");
    }
}

void add_data_routes(Router& router, DashboardPageAccess& access,
                     services::DashboardViewService& views, PageMode mode) {
    const bool embedded = mode == PageMode::Embed;
    const std::string credential = embedded ? "?token= of an embed token" : "session cookie";
    router.add({.method = "GET",
                .pattern = page_pattern(mode) + "/data",
                .tag = "Pages",
                .summary = "The dashboard with every panel's latest result, for its page (" +
                           credential + "); executes notebooks whose panels have no result",
                .access = Access::Public,
                .responses = {{200, "{dashboardId, …, status, panels: [{…, status, result}]}"},
                              {401, "No valid " + credential},
                              {404, "Dashboard not found"}}},
               [&access, &views, mode](Request& request) {
                   const auto grant = page_grant(access, request, mode);
                   Response response;
                   response.body = dashboard_view_json(
                       views.view(grant.tenant_id, grant.project_id, grant.dashboard_id),
                       grant.embedded);
                   add_page_headers(response, mode);
                   return response;
               });
    router.add({.method = "GET",
                .pattern = page_pattern(mode) + "/panel/{panelId}/process-map.svg",
                .tag = "Pages",
                .summary = "A panel's process map laid out by Graphviz (?label=count|duration; " +
                           credential + ")",
                .access = Access::Public,
                .responses = {{200, "image/svg+xml"},
                              {400, "Unknown label, or the panel shows no process map"},
                              {401, "No valid " + credential},
                              {404, "Dashboard or panel not found, or no result yet"}}},
               [&access, &views, mode](Request& request) {
                   const auto grant = page_grant(access, request, mode);
                   const auto label = edge_label(request);
                   const auto result =
                       views.panel_result(grant.tenant_id, grant.project_id, grant.dashboard_id,
                                          request.param("panelId"));
                   Response response = process_map_svg_response(result.envelope, label);
                   add_page_headers(response, mode);
                   return response;
               });
}

}  // namespace

void register_dashboard_page_data_routes(Router& router, DashboardPageAccess& access,
                                         services::DashboardViewService& views) {
    add_data_routes(router, access, views, PageMode::Session);
    add_data_routes(router, access, views, PageMode::Embed);
    router.add(
        {.method = "POST",
         .pattern = page_pattern(PageMode::Session) + "/run",
         .tag = "Pages",
         .summary = "Execute the notebooks of the dashboard's panels again (session "
                    "cookie; notebooks already executing are not queued twice)",
         .access = Access::Public,
         .responses = {{202, "{executions: [{notebookId, executionId, status}]}"},
                       {401, "No valid session cookie"},
                       {403, "Cross-site request"},
                       {404, "Dashboard not found"}}},
        [&access, &views](Request& request) {
            const auto grant = page_grant(access, request, PageMode::Session);
            refuse_cross_site(request);
            Json executions = Json::array();
            for (const auto& execution :
                 views.rerun(grant.tenant_id, grant.project_id, grant.dashboard_id)) {
                executions.push_back(Json{{"notebookId", execution.notebook_id},
                                          {"executionId", execution.id},
                                          {"status", execution.status}});
            }
            Response response = Response::json(202, Json{{"executions", std::move(executions)}});
            add_page_headers(response, PageMode::Session);
            return response;
        });
}

}  // namespace pmstudio::api
