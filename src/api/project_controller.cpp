#include "api/project_controller.h"

#include "api/json_body.h"
#include "api/query_params.h"

namespace pmstudio::api {
namespace {

constexpr int64_t kMaxPageSize = 100;

Json project_json(const services::ProjectView& view) {
    const auto& p = view.project;
    return Json{{"projectId", p.id},
                {"tenantId", p.tenant_id},
                {"projectName", p.name},
                {"projectDescription", p.description},
                {"dateCreated", p.date_created},
                {"dateModified", p.date_modified},
                {"createdBy", p.created_by},
                {"modifiedBy", p.modified_by},
                {"isActive", p.is_active},
                {"datasetCount", view.counts.datasets},
                {"investigationCount", view.counts.investigations},
                {"dashboardCount", view.counts.dashboards},
                {"userCount", view.counts.users}};
}

Json summary_json(const services::ProjectView& view) {
    const auto& p = view.project;
    const auto& c = view.counts;
    return Json{{"projectId", p.id},
                {"projectName", p.name},
                {"projectDescription", p.description},
                {"dateCreated", p.date_created},
                {"dateModified", p.date_modified},
                {"statistics",
                 {{"totalDatasets", c.datasets},
                  {"totalInvestigations", c.investigations},
                  {"totalDashboards", c.dashboards},
                  {"totalNotebooks", c.notebooks},
                  {"totalUsers", c.users}}}};
}

}  // namespace

void register_project_routes(Router& router, services::ProjectService& projects) {
    router.add(
        {.method = "GET",
         .pattern = "/api/{tenantId}/project",
         .tag = "Project",
         .summary = "List the tenant's projects (page, pageSize max 100)",
         .responses = {{200, "{projects, totalCount, page, pageSize}"}, {404, "Tenant not found"}}},
        [&projects](Request& request) {
            const auto page = page_from_query(request, kMaxPageSize);
            const auto result = projects.list(request.param("tenantId"), page);
            Json items = Json::array();
            for (const auto& view : result.projects) items.push_back(project_json(view));
            return Response::json(200, Json{{"projects", items},
                                            {"totalCount", result.total_count},
                                            {"page", page.page},
                                            {"pageSize", page.page_size}});
        });

    router.add({.method = "GET",
                .pattern = "/api/{tenantId}/project/{projectId}",
                .tag = "Project",
                .summary = "Get a project",
                .responses = {{200, "Project"}, {404, "Project not found"}}},
               [&projects](Request& request) {
                   return Response::json(200,
                                         project_json(projects.get(request.param("tenantId"),
                                                                   request.param("projectId"))));
               });

    router.add({.method = "GET",
                .pattern = "/api/{tenantId}/project/{projectId}/summary",
                .tag = "Project",
                .summary = "Get a project with its statistics",
                .responses = {{200, "{projectId, ..., statistics}"}, {404, "Project not found"}}},
               [&projects](Request& request) {
                   return Response::json(200,
                                         summary_json(projects.get(request.param("tenantId"),
                                                                   request.param("projectId"))));
               });

    router.add(
        {.method = "POST",
         .pattern = "/api/{tenantId}/project",
         .tag = "Project",
         .summary = "Create a project",
         .has_json_body = true,
         .responses = {{201, "Project"}, {400, "Validation failed"}, {404, "Tenant not found"}}},
        [&projects](Request& request) {
            const auto body = JsonBody::parse(request.body);
            services::CreateProjectInput input{body.string("projectName"),
                                               body.string("projectDescription")};
            return Response::json(201,
                                  project_json(projects.create(request.param("tenantId"), input,
                                                               request.authenticated_caller())));
        });

    router.add(
        {.method = "PUT",
         .pattern = "/api/{tenantId}/project/{projectId}",
         .tag = "Project",
         .summary = "Update a project; an absent description or isActive is left unchanged",
         .has_json_body = true,
         .responses = {{200, "Project"}, {400, "Validation failed"}, {404, "Project not found"}}},
        [&projects](Request& request) {
            const auto body = JsonBody::parse(request.body);
            services::UpdateProjectInput input{body.string("projectName"),
                                               body.string("projectDescription"),
                                               body.boolean("isActive")};
            return Response::json(200, project_json(projects.update(
                                           request.param("tenantId"), request.param("projectId"),
                                           input, request.authenticated_caller())));
        });

    router.add({.method = "DELETE",
                .pattern = "/api/{tenantId}/project/{projectId}",
                .tag = "Project",
                .summary = "Delete a project and everything it contains",
                .responses = {{200, "{message, projectId}"}, {404, "Project not found"}}},
               [&projects](Request& request) {
                   const auto& project_id = request.param("projectId");
                   projects.remove(request.param("tenantId"), project_id);
                   return Response::json(200, Json{{"message", "Project deleted successfully"},
                                                   {"projectId", project_id}});
               });
}

}  // namespace pmstudio::api
