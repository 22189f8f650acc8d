#include "api/dashboard_controller.h"

#include "api/dashboard_json.h"
#include "api/public_url.h"
#include "api/query_params.h"

namespace pmstudio::api {
namespace {

constexpr const char* kBase = "/api/{tenantId}/{projectId}/dashboard";
constexpr int64_t kMaxPageSize = 100;
constexpr const char* kNotFound = "Project or dashboard not found";

services::DashboardInput dashboard_input(const std::string& text) {
    return read_dashboard_body(text, [](const JsonBody& body) {
        return services::DashboardInput{body.string("name"), body.string("description")};
    });
}

}  // namespace

void register_dashboard_routes(Router& router, services::DashboardService& dashboards) {
    const std::string one = std::string(kBase) + "/{dashboardId}";
    router.add({.method = "GET",
                .pattern = kBase,
                .tag = "Dashboard",
                .summary = "List the dashboards of a project, notebook dashboards included "
                           "(page, pageSize max 100)",
                .responses = {{200, "{dashboards, totalCount, page, pageSize}"},
                              {404, "Project not found"}}},
               [&dashboards](Request& request) {
                   const auto page = page_from_query(request, kMaxPageSize);
                   const auto result =
                       dashboards.list(request.param("tenantId"), request.param("projectId"), page);
                   Json items = Json::array();
                   for (const auto& item : result.dashboards) {
                       items.push_back(dashboard_json(request, item));
                   }
                   return Response::json(200, Json{{"dashboards", items},
                                                   {"totalCount", result.total_count},
                                                   {"page", page.page},
                                                   {"pageSize", page.page_size}});
               });
    router.add({.method = "GET",
                .pattern = one,
                .tag = "Dashboard",
                .summary = "Get a dashboard",
                .responses = {{200, "Dashboard"}, {404, kNotFound}}},
               [&dashboards](Request& request) {
                   return Response::json(
                       200, dashboard_json(request, dashboards.get(request.param("tenantId"),
                                                                   request.param("projectId"),
                                                                   request.param("dashboardId"))));
               });
    router.add(
        {.method = "POST",
         .pattern = kBase,
         .tag = "Dashboard",
         .summary = "Create a dashboard (pmstudio addition)",
         .has_json_body = true,
         .responses = {{201, "Dashboard"}, {400, "VALIDATION_ERROR"}, {404, "Project not found"}}},
        [&dashboards](Request& request) {
            const auto input = dashboard_input(request.body);
            return Response::json(
                201, dashboard_json(request, dashboards.create(request.authenticated_caller(),
                                                               request.param("tenantId"),
                                                               request.param("projectId"), input)));
        });
    router.add({.method = "PUT",
                .pattern = one,
                .tag = "Dashboard",
                .summary = "Rename or describe a dashboard (pmstudio addition)",
                .has_json_body = true,
                .responses = {{200, "Dashboard"}, {400, "VALIDATION_ERROR"}, {404, kNotFound}}},
               [&dashboards](Request& request) {
                   const auto input = dashboard_input(request.body);
                   return Response::json(
                       200, dashboard_json(request,
                                           dashboards.update(request.authenticated_caller(),
                                                             request.param("tenantId"),
                                                             request.param("projectId"),
                                                             request.param("dashboardId"), input)));
               });
    router.add({.method = "DELETE",
                .pattern = one,
                .tag = "Dashboard",
                .summary = "Delete a dashboard with its panels and their selector blocks "
                           "(pmstudio addition; not a notebook's own dashboard)",
                .responses = {{204, "Deleted"},
                              {400, "VALIDATION_ERROR: a notebook's dashboard"},
                              {404, kNotFound}}},
               [&dashboards](Request& request) {
                   dashboards.remove(request.param("tenantId"), request.param("projectId"),
                                     request.param("dashboardId"));
                   return Response::no_content();
               });
    router.add({.method = "GET",
                .pattern = one + "/url",
                .tag = "Dashboard",
                .summary = "The dashboard's shareable and embed URLs",
                .responses = {{200, "{dashboardId, url, embedUrl}"}, {404, kNotFound}}},
               [&dashboards](Request& request) {
                   const auto dashboard =
                       dashboards.get(request.param("tenantId"), request.param("projectId"),
                                      request.param("dashboardId"));
                   // The embed URL gets its signed, expiring token once the dashboard pages
                   // exist (issue 6); until then it is the bare page address.
                   return Response::json(
                       200, Json{{"dashboardId", dashboard.id},
                                 {"url", dashboard_url(request, dashboard.id)},
                                 {"embedUrl",
                                  public_base_url(request) + "/embed/dashboard/" + dashboard.id}});
               });
}

}  // namespace pmstudio::api
