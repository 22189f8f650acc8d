#include "api/dashboard_panel_controller.h"

#include "api/dashboard_json.h"

namespace pmstudio::api {
namespace {

constexpr const char* kDashboard = "/api/{tenantId}/{projectId}/dashboard/{dashboardId}";

services::PanelInput panel_input(const std::string& text) {
    return read_dashboard_body(text, [](const JsonBody& body) {
        return services::PanelInput{
            body.string("title"),  body.string("description"), body.string("panelType"),
            body.guid("blockId"),  body.integer("row"),        body.integer("column"),
            body.integer("width"), body.integer("height"),     body.json_text("settings")};
    });
}

}  // namespace

void register_dashboard_panel_routes(Router& router, services::DashboardService& dashboards) {
    const std::string one = std::string(kDashboard) + "/panel/{panelId}";
    router.add(
        {.method = "GET",
         .pattern = std::string(kDashboard) + "/panels",
         .tag = "Dashboard",
         .summary = "The panels of a dashboard, by row and column",
         .responses = {{200, "{dashboardId, panels}"}, {404, "Project or dashboard not found"}}},
        [&dashboards](Request& request) {
            const auto& dashboard_id = request.param("dashboardId");
            Json items = Json::array();
            for (const auto& panel : dashboards.panels(request.param("tenantId"),
                                                       request.param("projectId"), dashboard_id)) {
                items.push_back(panel_json(panel));
            }
            return Response::json(200, Json{{"dashboardId", dashboard_id}, {"panels", items}});
        });
    router.add({.method = "POST",
                .pattern = std::string(kDashboard) + "/panel",
                .tag = "Dashboard",
                .summary = "Create a panel; a data panel gets a selector block on its calculator",
                .has_json_body = true,
                .responses = {{201,
                               "{panelId, title, dashboardPanelClassName, row, column, "
                               "width, height, blockId}"},
                              {400, "VALIDATION_ERROR"},
                              {404, "Project or dashboard not found"}}},
               [&dashboards](Request& request) {
                   const auto input = panel_input(request.body);
                   return Response::json(
                       201, panel_summary_json(dashboards.create_panel(
                                request.authenticated_caller(), request.param("tenantId"),
                                request.param("projectId"), request.param("dashboardId"), input)));
               });
    router.add({.method = "PUT",
                .pattern = one,
                .tag = "Dashboard",
                .summary = "Update a panel's title, description, layout or settings (pmstudio "
                           "addition)",
                .has_json_body = true,
                .responses = {{200,
                               "{panelId, title, dashboardPanelClassName, row, column, "
                               "width, height, blockId}"},
                              {400, "VALIDATION_ERROR"},
                              {404, "Project, dashboard or panel not found"}}},
               [&dashboards](Request& request) {
                   const auto input = panel_input(request.body);
                   return Response::json(
                       200, panel_summary_json(dashboards.update_panel(
                                request.authenticated_caller(), request.param("tenantId"),
                                request.param("projectId"), request.param("dashboardId"),
                                request.param("panelId"), input)));
               });
    router.add({.method = "DELETE",
                .pattern = one,
                .tag = "Dashboard",
                .summary = "Delete a panel and its selector block (pmstudio addition)",
                .responses = {{204, "Deleted"}, {404, "Project, dashboard or panel not found"}}},
               [&dashboards](Request& request) {
                   dashboards.remove_panel(request.authenticated_caller(),
                                           request.param("tenantId"), request.param("projectId"),
                                           request.param("dashboardId"), request.param("panelId"));
                   return Response::no_content();
               });
}

}  // namespace pmstudio::api
