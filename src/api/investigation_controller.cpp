#include "api/investigation_controller.h"

#include "api/analysis_json.h"
#include "api/json_body.h"
#include "api/query_params.h"

namespace pmstudio::api {
namespace {

constexpr const char* kBase = "/api/{tenantId}/{projectId}/investigation";
constexpr int64_t kMaxPageSize = 100;
constexpr const char* kNotLoaded = "Project not loaded into the cache (a JSON string)";

services::InvestigationInput investigation_input(const JsonBody& body) {
    return {body.string("investigationName"),
            body.string("investigationDescription"),
            body.guid("datasetId"),
            body.boolean("isUsedForOperationCenter"),
            body.number("investigationOrder"),
            body.guid("investigationFolderId")};
}

}  // namespace

void register_investigation_routes(Router& router, services::InvestigationService& investigations) {
    router.add({.method = "GET",
                .pattern = kBase,
                .tag = "Investigation",
                .summary = "List the investigations of a project (page, pageSize max 100)",
                .responses = {{200, "{investigations, totalCount, page, pageSize}"},
                              {404, "Project not found"}}},
               [&investigations](Request& request) {
                   const auto page = page_from_query(request, kMaxPageSize);
                   const auto result = investigations.list(request.param("tenantId"),
                                                           request.param("projectId"), page);
                   Json items = Json::array();
                   for (const auto& item : result.investigations) {
                       items.push_back(investigation_json(item));
                   }
                   return Response::json(200, Json{{"investigations", items},
                                                   {"totalCount", result.total_count},
                                                   {"page", page.page},
                                                   {"pageSize", page.page_size}});
               });
    router.add({.method = "GET",
                .pattern = std::string(kBase) + "/{investigationId}",
                .tag = "Investigation",
                .summary = "Get an investigation",
                .responses = {{200, "Investigation"}, {404, "Project or investigation not found"}}},
               [&investigations](Request& request) {
                   return Response::json(200,
                                         investigation_json(investigations.get(
                                             request.param("tenantId"), request.param("projectId"),
                                             request.param("investigationId"))));
               });
    router.add({.method = "POST",
                .pattern = kBase,
                .tag = "Investigation",
                .summary = "Create an investigation on a dataset of the project, with its main "
                           "notebook",
                .has_json_body = true,
                .responses = {{201, "Investigation"},
                              {400, "Validation failed, or the dataset is not in the project"},
                              {404, "Project not found"}}},
               [&investigations](Request& request) {
                   const auto body = JsonBody::parse(request.body);
                   return Response::json(
                       201, investigation_json(investigations.create(
                                request.authenticated_caller(), request.param("tenantId"),
                                request.param("projectId"), investigation_input(body))));
               });
    router.add({.method = "PUT",
                .pattern = std::string(kBase) + "/{investigationId}",
                .tag = "Investigation",
                .summary = "Update an investigation; absent fields are left unchanged",
                .has_json_body = true,
                .responses = {{200, "Investigation"},
                              {400, "Validation failed"},
                              {404, "Project or investigation not found"}}},
               [&investigations](Request& request) {
                   const auto body = JsonBody::parse(request.body, true);
                   return Response::json(
                       200, investigation_json(investigations.update(
                                request.authenticated_caller(), request.param("tenantId"),
                                request.param("projectId"), request.param("investigationId"),
                                investigation_input(body))));
               });
    router.add({.method = "DELETE",
                .pattern = std::string(kBase) + "/{investigationId}",
                .tag = "Investigation",
                .summary = "Delete an investigation with its notebooks, blocks and results",
                .responses = {{204, "Deleted"}, {404, "Project or investigation not found"}}},
               [&investigations](Request& request) {
                   investigations.remove(request.param("tenantId"), request.param("projectId"),
                                         request.param("investigationId"));
                   return Response::no_content();
               });
    router.add({.method = "GET",
                .pattern = std::string(kBase) + "/{investigationId}/notebooks",
                .tag = "Investigation",
                .summary = "List an investigation's notebooks (requires the project loaded)",
                .responses = {{200, "{notebooks, totalCount}"},
                              {404, kNotLoaded},
                              {404, "Investigation not found"}}},
               [&investigations](Request& request) {
                   Json items = Json::array();
                   for (const auto& notebook : investigations.notebooks(
                            request.param("tenantId"), request.param("projectId"),
                            request.param("investigationId"))) {
                       items.push_back(notebook_json(notebook));
                   }
                   const auto count = items.size();
                   return Response::json(
                       200, Json{{"notebooks", std::move(items)}, {"totalCount", count}});
               });
    router.add({.method = "GET",
                .pattern = std::string(kBase) + "/{investigationId}/main-notebook",
                .tag = "Investigation",
                .summary = "Get an investigation's main notebook (requires the project loaded)",
                .responses = {{200, "Notebook"},
                              {404, kNotLoaded},
                              {404, "Investigation or main notebook not found"}}},
               [&investigations](Request& request) {
                   return Response::json(200,
                                         notebook_json(investigations.main_notebook(
                                             request.param("tenantId"), request.param("projectId"),
                                             request.param("investigationId"))));
               });
}

}  // namespace pmstudio::api
